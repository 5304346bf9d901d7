import rule from '../../../src/analyzer/rules/continue-on-error.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const continuing = { catch: [{ errorEquals: ['ALL' as const], port: 'out' }] };

ruleTester(rule, {
  valid: [
    { name: 'errors go to the error port', doc: chainDoc(['ai', 'tool']) },
    // A router after the step can test for the error field before anything acts on the result.
    {
      name: 'a router decides before anything acts',
      doc: new Builder()
        .add('trigger', 't')
        .add('tool', 'insert', { config: { type: 'database', sideEffect: 'reversible', idempotent: false }, policy: continuing })
        .add('router', 'ok')
        .add('output', 'done')
        .add('output', 'failed', { config: { type: 'alert', outcome: 'error' } })
        .chain('t', 'insert', 'ok')
        .link('ok', 'done', { condition: { field: 'error', op: '==', value: false } })
        .link('ok', 'failed', { isDefault: true })
        .build(),
    },
    { name: 'nothing downstream acts (a read-only step, then a discard)', doc: new Builder().add('trigger', 't').add('tool', 'read', { policy: continuing }).add('tool', 'look').add('output', 'o', { config: { type: 'discard', outcome: 'success' } }).chain('t', 'read', 'look', 'o').build() },
  ],
  invalid: [
    // The example (corpus 1144_Postgres_Code_Automation_Triggered.json): a failed insert, then "upsert completed".
    {
      name: 'a failed insert followed by a success',
      doc: new Builder()
        .add('trigger', 't')
        .add('tool', 'insert', { label: 'Perform insertion', config: { type: 'database', sideEffect: 'reversible', idempotent: false }, policy: continuing })
        .add('tool', 'notify', { label: 'Report upsert completed', config: { type: 'notification', sideEffect: 'irreversible', idempotent: false } })
        .add('output', 'o')
        .chain('t', 'insert', 'notify', 'o')
        .build(),
      errors: [{ severity: 'warning', nodeIds: ['insert', 'notify'], message: /acts as if the step had worked/ }],
    },
    { name: 'an AI step whose errors end as a success', doc: new Builder().add('trigger', 't').add('ai', 'a', { policy: continuing }).add('output', 'o').chain('t', 'a', 'o').build(), errors: [{ nodeIds: ['a', 'o'], message: /\(any error\).*counted as a success/ }] },
    // Error types in words, never the document's names.
    { name: 'some errors, in words', doc: new Builder().add('trigger', 't').add('ai', 'a', { policy: { catch: [{ errorEquals: ['rate_limited', 'malformed_output'], port: 'out' }] } }).add('output', 'o').chain('t', 'a', 'o').build(), errors: [{ message: /\(rate limited or malformed output\)/ }] },
  ],
});
