import rule from '../../../src/analyzer/rules/cost-per-run.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const priced = (c: number) => ({ stub: { latency: { type: 'fixed' as const, value: 1 }, costPerCall: c, outcomes: { ok: 1 } } });
const doc = (budget: number) =>
  new Builder().add('trigger', 't').add('ai', 'a', priced(0.01)).add('ai', 'b', priced(0.03)).add('tool', 'c', priced(0.001)).add('tool', 'd', priced(0.002)).add('output', 'o').chain('t', 'a', 'b', 'c', 'd', 'o').profile({ budgetPerRun: budget }).build();

ruleTester(rule, {
  valid: [
    { name: 'no budget', doc: chainDoc(['ai']) },
    { name: 'within budget', doc: doc(0.05) },
  ],
  invalid: [{ name: 'over budget: top 3 named', doc: doc(0.02), errors: [{ nodeIds: ['b', 'a', 'd'], message: /\$0\.0430/ }] }],
});
