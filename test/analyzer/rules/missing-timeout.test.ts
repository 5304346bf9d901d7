import rule from '../../../src/analyzer/rules/missing-timeout.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const noTimeout = (trigger: 'manual' | 'chat'): Builder =>
  new Builder().add('trigger', 't', { config: { type: trigger } }).add('ai', 'a', { policy: { retry: [] } }).add('output', 'o').chain('t', 'a', 'o');

ruleTester(rule, {
  valid: [{ name: 'defaults carry timeouts', doc: chainDoc(['ai', 'tool']) }],
  invalid: [
    { name: 'batch trigger', doc: noTimeout('manual').build(), errors: [{ severity: 'info', nodeIds: ['a'], quickFix: 'add-timeout' }] },
    { name: 'chat trigger', doc: noTimeout('chat').build(), errors: [{ severity: 'warning', message: /waiting/ }] },
  ],
});
