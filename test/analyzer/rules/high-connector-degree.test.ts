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
