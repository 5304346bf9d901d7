import rule from '../../../src/analyzer/rules/public-trigger-spend.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

/** A public chat bot: trigger -> (optional router) -> image generation -> reply. */
const bot = (router?: { label: string; branch: string }) => {
  const b = new Builder().add('trigger', 't', { label: 'Telegram Trigger', config: { type: 'chat', public: true } }).add('ai', 'img', { label: 'Generate image', config: { capability: 'image-generation' } }).add('output', 'o').add('output', 'no', { config: { type: 'discard', outcome: 'rejected' } });
  if (router) {
    b.add('router', 'r', { label: router.label }).chain('t', 'r').link('r', 'img', { label: router.branch, condition: { field: 'kind', op: '==', value: 'x' } }).link('r', 'no', { isDefault: true });
  } else b.chain('t', 'img');
  return b.chain('img', 'o').build();
};

ruleTester(rule, {
  valid: [
    { name: 'a trigger that is not public', doc: chainDoc(['ai']) },
    { name: 'an allow-list on the chat id before the paid step', doc: bot({ label: 'Is allowed user?', branch: 'chat.id is in the allow-list' }) },
    { name: 'a person approves first', doc: new Builder().add('trigger', 't', { config: { type: 'webhook', public: true } }).add('human', 'h').add('ai', 'a').add('output', 'o').add('output', 'x', { config: { type: 'discard', outcome: 'rejected' } }).chain('t', 'h', 'a', 'o').link('h', 'x', { sourcePort: 'reject' }).build() },
    // Only another workflow can start a called run, whatever `public` says (workflow-format.md).
    { name: 'called by another workflow, marked public by mistake', doc: new Builder().add('trigger', 't', { config: { type: 'called', public: true } }).add('ai', 'a').add('output', 'o').chain('t', 'a', 'o').build() },
    { name: 'public but nothing paid', doc: new Builder().add('trigger', 't', { config: { type: 'webhook', public: true } }).add('tool', 'save').add('output', 'o').chain('t', 'save', 'o').build() },
  ],
  invalid: [
    // Corpus 1800_HTTP_Telegram_Automation_Webhook.json: a Telegram bot straight into paid model calls.
    { name: 'a public bot straight into image generation', doc: bot(), errors: [{ severity: 'warning', nodeIds: ['t', 'img'], message: /no allow-list or rate limit/ }] },
    { name: 'a router that sorts by message type is not an allow-list', doc: bot({ label: 'Message type', branch: 'text message' }), errors: [{ nodeIds: ['t', 'img'] }] },
  ],
});
