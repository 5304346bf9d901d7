import rule from '../../../src/analyzer/rules/human-gate-outcomes.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const gate = (type: 'approval' | 'review'): Builder => new Builder().add('trigger', 't').add('human', 'h', { config: { type } }).add('output', 'o').chain('t', 'h', 'o');

ruleTester(rule, {
  valid: [
    { name: 'approval that can reject', doc: gate('approval').add('output', 'no', { config: { type: 'discard', outcome: 'rejected' } }).link('h', 'no', { sourcePort: 'reject' }).build() },
    { name: 'a review is not an approval', doc: gate('review').build() },
  ],
  invalid: [{ name: 'approval that cannot say no', doc: gate('approval').build(), errors: [{ severity: 'error', nodeIds: ['h'] }] }],
});
