import rule from '../../../src/analyzer/rules/unbounded-retry.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const retry = (r: object, config: object = {}): Builder =>
  new Builder().add('trigger', 't').add('tool', 'x', { config, policy: { retry: [{ errorEquals: ['timeout'], maximumAttempts: 3, ...r }] } }).add('output', 'o').chain('t', 'x', 'o');

ruleTester(rule, {
  valid: [
    { name: 'defaults', doc: chainDoc(['ai', 'tool']) },
    { name: 'irreversible but idempotent', doc: retry({}, { sideEffect: 'irreversible', idempotent: true }).build() },
  ],
  invalid: [
    { name: 'too many attempts', doc: retry({ maximumAttempts: 50 }).build(), errors: [{ severity: 'error', quickFix: 'cap-retries', message: /50 attempts/ }] },
    { name: 'shrinking backoff and a long interval', doc: retry({ backoffCoefficient: 0.5, maximumIntervalSeconds: 900 }).build(), errors: [{ severity: 'error', message: /waits of up to 15 min between tries \(limit 5 min\).*coefficient of 0\.5/ }] },
    { name: 'retrying a non-idempotent write', doc: retry({}, { sideEffect: 'reversible', idempotent: false }).build(), errors: [{ severity: 'warning', nodeIds: ['x'] }] },
  ],
});
