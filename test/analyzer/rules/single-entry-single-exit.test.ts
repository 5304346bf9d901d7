import rule from '../../../src/analyzer/rules/single-entry-single-exit.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const triggers = (k: number): Builder => {
  const b = new Builder().add('ai', 'a').add('output', 'o').chain('a', 'o');
  for (let i = 0; i < k; i++) b.add('trigger', `t${i}`).link(`t${i}`, 'a');
  return b;
};

ruleTester(rule, {
  valid: [
    { name: 'one trigger, one output', doc: chainDoc(['ai']) },
    { name: 'two triggers allowed by option', doc: triggers(2).build(), options: { maxTriggers: 2 } },
  ],
  invalid: [
    { name: 'two triggers', doc: triggers(2).build(), errors: [{ severity: 'info', nodeIds: ['t0', 't1'] }] },
    { name: 'three triggers', doc: triggers(3).build(), errors: [{ severity: 'warning' }] },
    {
      name: 'three outputs',
      doc: new Builder().add('trigger', 't').add('router', 'r').add('output', 'a').add('output', 'b').add('output', 'c').chain('t', 'r').link('r', 'a', { isDefault: true }).link('r', 'b', { probability: 0.1 }).link('r', 'c', { probability: 0.1 }).build(),
      errors: [{ severity: 'info', nodeIds: ['a', 'b', 'c'] }],
    },
  ],
});
