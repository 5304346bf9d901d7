import rule from '../../../src/analyzer/rules/approval-fatigue.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'one approval, light load', doc: chainDoc(['ai', 'human'], { runsPerDay: 20 }) },
    { name: 'approval and review are different jobs', doc: new Builder().add('trigger', 't').add('human', 'a').add('human', 'b', { config: { type: 'review' } }).add('output', 'o').chain('t', 'a', 'b', 'o').build() },
  ],
  invalid: [
    { name: 'two approvals in series through a join', doc: new Builder().add('trigger', 't').add('human', 'a').add('join', 'j').add('human', 'b').add('output', 'o').chain('t', 'a', 'j', 'b', 'o').build(), errors: [{ nodeIds: ['a', 'b'] }] },
    // Default review: lognormal median 300 s, p95 1200 s (mean ≈ 428 s); 8 h x 1 reviewer ≈ 67 a day.
    // The default AI step lets ≈ 99% of cases through (1% malformed output is not retried): 198 of 200 reach the gate.
    { name: 'more reviews than one reviewer can do', doc: chainDoc(['ai', 'human'], { runsPerDay: 200 }), errors: [{ nodeIds: ['s2'], message: /about 198 reviews a day.*about 67/ }] },
  ],
});
