import rule from '../../../src/analyzer/rules/avoid-inclusive-routing.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const router = (mode: 'exclusive' | 'inclusive'): Builder =>
  new Builder().add('trigger', 't').add('router', 'r', { config: { mode } }).add('output', 'a').add('output', 'b').add('output', 'c').chain('t', 'r').link('r', 'a', { isDefault: true }).link('r', 'b', { probability: 0.2 }).link('r', 'c', { probability: 0.2 });

ruleTester(rule, {
  valid: [{ name: 'exclusive router', doc: router('exclusive').build() }],
  invalid: [{ name: 'inclusive router', doc: router('inclusive').build(), errors: [{ nodeIds: ['r'], message: /7 combinations/ }] }],
});
