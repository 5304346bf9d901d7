import rule from '../../../src/analyzer/rules/gate-after-side-effect.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const pay = { config: { sideEffect: 'irreversible' as const, idempotent: true } };

ruleTester(rule, {
  valid: [
    { name: 'no side effects', doc: chainDoc(['ai', 'check']) },
    { name: 'approval before paying', doc: new Builder().add('trigger', 't').add('human', 'h').add('tool', 'pay', pay).add('output', 'o').chain('t', 'h', 'pay', 'o').build() },
    { name: 'a check after one payment guarding a second', doc: new Builder().add('trigger', 't').add('tool', 'p1', pay).add('check', 'c').add('tool', 'p2', pay).add('output', 'o').chain('t', 'p1', 'c', 'p2', 'o').build() },
  ],
  invalid: [
    { name: 'approval after paying', doc: new Builder().add('trigger', 't').add('tool', 'pay', pay).add('human', 'h').add('output', 'o').chain('t', 'pay', 'h', 'o').build(), errors: [{ severity: 'error', nodeIds: ['pay', 'h'] }] },
  ],
});
