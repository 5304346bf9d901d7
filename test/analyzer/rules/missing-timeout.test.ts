import rule from '../../../src/analyzer/rules/missing-timeout.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const noTimeout = (trigger: 'manual' | 'chat' | 'called'): Builder =>
  new Builder().add('trigger', 't', { config: { type: trigger } }).add('ai', 'a', { policy: { retry: [] } }).add('output', 'o').chain('t', 'a', 'o');

ruleTester(rule, {
  valid: [
    { name: 'defaults carry timeouts', doc: chainDoc(['ai', 'tool']) },
    { name: 'background work is not reported by default', doc: noTimeout('manual').build() },
    // Corpus 0327_Noop_Slack_Send_Webhook.json: n8n's webhook answers "received" at once; nobody waits for the rest.
    // Whoever waits for a sub-workflow waits at the caller's step, which is judged in the caller's design.
    { name: 'a run another workflow starts', doc: noTimeout('called').build() },
    { name: 'a webhook answered at once', doc: new Builder().add('trigger', 't', { config: { type: 'webhook', waits: false } }).add('ai', 'a', { policy: { retry: [] } }).add('output', 'o').chain('t', 'a', 'o').build() },
    { name: 'a limit on the whole step counts', doc: new Builder().add('trigger', 't').add('ai', 'a', { policy: { timeouts: { scheduleToCloseSeconds: 120 } } }).add('output', 'o').chain('t', 'a', 'o').build() },
  ],
  invalid: [
    { name: 'background work, by option', doc: noTimeout('manual').build(), options: { reportBackground: true }, errors: [{ severity: 'info', nodeIds: ['a'], quickFix: 'add-timeout' }] },
    { name: 'chat trigger', doc: noTimeout('chat').build(), errors: [{ severity: 'warning', message: /waiting/, quickFix: 'add-timeout' }] },
    // The false alarm: a webhook elsewhere in the design made every step "someone is waiting".
    {
      name: 'a scheduled path beside a webhook path: only the webhook path has someone waiting',
      doc: new Builder()
        .add('trigger', 'hook', { config: { type: 'webhook' } })
        .add('trigger', 'nightly', { config: { type: 'schedule' } })
        .add('ai', 'answer', { policy: { retry: [] } })
        .add('tool', 'sync', { policy: { retry: [] } })
        .add('output', 'o1')
        .add('output', 'o2')
        .chain('hook', 'answer', 'o1')
        .chain('nightly', 'sync', 'o2')
        .build(),
      options: { reportBackground: true },
      errors: [
        { severity: 'warning', nodeIds: ['answer'], message: /waiting/ },
        { severity: 'info', nodeIds: ['sync'], message: /^"Handle sync" has no timeout\.$/ },
      ],
    },
  ],
});
