import rule from '../../../src/analyzer/rules/high-connector-degree.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const fan = (k: number): Builder => {
  const b = new Builder().add('trigger', 't').add('router', 'r').chain('t', 'r');
  for (let i = 0; i < k; i++) b.add('output', `o${i}`).link('r', `o${i}`, i === 0 ? { isDefault: true } : { probability: 0.1 });
  return b;
};

ruleTester(rule, {
  valid: [{ name: 'degree 4', doc: fan(3).build() }],
  invalid: [
    { name: 'degree 5', doc: fan(4).build(), errors: [{ severity: 'info', nodeIds: ['r'] }] },
    { name: 'degree 7', doc: fan(6).build(), errors: [{ severity: 'warning' }] },
  ],
});

// A parallel branch's out and error edges are one branch; exception routes collected for one handler are not counted.
const parallel = (k: number): Builder => {
  const b = new Builder().add('trigger', 't').add('router', 'p', { config: { mode: 'parallel' } }).add('join', 'j').add('output', 'o').chain('t', 'p');
  for (let i = 0; i < k; i++) b.add('tool', `q${i}`).link('p', `q${i}`).link(`q${i}`, 'j').link(`q${i}`, 'j', { sourcePort: 'error' });
  return b.chain('j', 'o');
};
const collector = (k: number): Builder => {
  const b = new Builder().add('trigger', 't').add('join', 'c', { config: { mode: 'any' } }).add('human', 'h').add('output', 'o');
  let prev = 't';
  for (let i = 0; i < k; i++) {
    b.add('tool', `s${i}`).link(prev, `s${i}`).link(`s${i}`, 'c', { sourcePort: 'error' });
    prev = `s${i}`;
  }
  return b.chain(prev, 'o').chain('c', 'h', 'o');
};
ruleTester(rule, {
  valid: [
    { name: 'three parallel branches with error edges into the join (7 edges, 4 branches)', doc: parallel(3).build() },
    { name: 'six error routes collected for one handler', doc: collector(6).build() },
  ],
  invalid: [
    { name: 'exception routes count when asked', doc: collector(6).build(), options: { countExceptionRoutes: true }, errors: [{ severity: 'warning', nodeIds: ['c'] }] },
  ],
});
