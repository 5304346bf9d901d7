import rule from '../../../src/analyzer/rules/quality-gate-overuse.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'one check, medium risk', doc: chainDoc(['ai', 'check'], { risk: 'medium' }) },
    { name: 'low risk guarding an irreversible step', doc: new Builder().add('trigger', 't').add('ai', 'a').add('check', 'c').add('tool', 'pay', { config: { sideEffect: 'irreversible', idempotent: true } }).add('output', 'o').chain('t', 'a', 'c', 'pay', 'o').profile({ risk: 'low' }).build() },
  ],
  invalid: [
    { name: 'two checks in series', doc: chainDoc(['ai', 'check', 'check']), errors: [{ severity: 'info', nodeIds: ['s2', 's3'] }] },
    { name: 'a check on a low-risk path', doc: chainDoc(['ai', 'check'], { risk: 'low' }), errors: [{ severity: 'info', nodeIds: ['s2'] }] },
    { name: 'pass and fail to the same place', doc: new Builder().add('trigger', 't').add('ai', 'a').add('check', 'c').add('output', 'o').chain('t', 'a', 'c', 'o').link('c', 'o', { sourcePort: 'fail' }).build(), errors: [{ severity: 'warning', nodeIds: ['c'] }] },
  ],
});
