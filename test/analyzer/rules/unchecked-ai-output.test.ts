import rule from '../../../src/analyzer/rules/unchecked-ai-output.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

/** trigger -> AI -> irreversible send (with the given reads) -> store output. */
const sendAfterAi = (reads?: string[]) =>
  new Builder()
    .add('trigger', 't')
    .add('ai', 'a')
    .add('tool', 'send', { config: { type: 'notification', sideEffect: 'irreversible', idempotent: false }, ...(reads ? { reads } : {}) })
    .add('output', 'o', { config: { type: 'store', outcome: 'success' }, reads: [] })
    .chain('t', 'a', 'send', 'o')
    .build();

/** A messaging bot: event trigger -> AI -> a reply addressed to the sender (toRequester) -> End. */
const botReply = (risk?: 'low' | 'medium' | 'high') => {
  const b = new Builder()
    .add('trigger', 't', { config: { type: 'event', public: true } })
    .add('ai', 'a')
    .add('tool', 'reply', { config: { type: 'notification', sideEffect: 'irreversible', idempotent: false, toRequester: true } })
    .add('output', 'o')
    .chain('t', 'a', 'reply', 'o');
  return (risk ? b.profile({ risk }) : b).build();
};

/**
 * trigger -> [a model writes a script ->] a voice reads it -> an irreversible post -> store output. With `lineage`,
 * the post reads the voice and the voice reads what came before it (as the n8n importer records expressions).
 */
const voiced = (scripted: boolean, lineage: boolean) => {
  const b = new Builder().add('trigger', 't');
  if (scripted) b.add('ai', 'write', { label: 'Write the story' });
  const before = scripted ? 'write' : 't';
  b.add('ai', 'voice', { label: 'Voice the story', config: { capability: 'speech' }, ...(lineage ? { reads: [before] } : {}) })
    .add('tool', 'post', { label: 'Post the audio', config: { type: 'notification', sideEffect: 'irreversible', idempotent: false }, ...(lineage ? { reads: ['voice'] } : {}) })
    .add('output', 'o', { config: { type: 'store', outcome: 'success' }, reads: [] });
  return b.chain(...(scripted ? ['t', 'write'] : ['t']), 'voice', 'post', 'o').build();
};

ruleTester(rule, {
  valid: [
    // Corpus 0492 (a webhook's text read aloud back to the caller) and 1400 (a quote from a sheet voiced into a
    // video): the voice says what it was given; no model judged anything.
    { name: 'a voice reading a text no model wrote', doc: voiced(false, false) },
    { name: 'a voice reading a text no model wrote (lineage)', doc: voiced(false, true) },
    { name: 'checked before delivery', doc: chainDoc(['ai', 'check']) },
    { name: 'approved before delivery', doc: chainDoc(['ai', 'human']) },
    { name: 'routed by confidence', doc: new Builder().add('trigger', 't').add('ai', 'a').add('router', 'r').add('output', 'o').add('human', 'h').add('output', 'o2').chain('t', 'a', 'r').link('r', 'o', { condition: { field: 'confidence', op: '>=', value: 0.9 } }).link('r', 'h', { isDefault: true }).chain('h', 'o2').build(), options: {} },
    // A fixed-text notification after an AI step sends nothing the model wrote (reads names the trigger only).
    { name: 'fixed-text notification after an AI step', doc: sendAfterAi(['t']) },
    // Lineage through a data-like step that reads only the trigger: nothing of the AI reaches the send.
    {
      name: 'the send reads a step that reads only the trigger',
      doc: new Builder()
        .add('trigger', 't')
        .add('ai', 'a')
        .add('router', 'pick', { reads: ['t'] })
        .add('tool', 'send', { config: { type: 'notification', sideEffect: 'irreversible', idempotent: false }, reads: ['pick'] })
        .add('output', 'o', { reads: [] })
        .chain('t', 'a', 'pick', 'send', 'o')
        .build(),
    },
    // Corpus 1567_Stickynote_Automation_Webhook.json: a weather assistant answers in the chat it was asked in.
    // Corpus 1667_Filter_Summarize_Automation_Triggered.json: a vector store embeds pages; vectors are nobody's reading.
    { name: 'an embedding step writing its store', doc: new Builder().add('trigger', 't').add('ai', 'e', { config: { capability: 'embedding' } }).add('output', 'o').chain('t', 'e', 'o').build() },
    // Corpus 1521, 0782, 1643, 1811: a WhatsApp, Telegram, Slack or LINE bot answers whoever wrote to it.
    { name: "a bot's reply in the sender's own conversation, and the End after it", doc: botReply() },
    { name: 'a chat reply is read by the person who asked', doc: new Builder().add('trigger', 't', { config: { type: 'chat' } }).add('ai', 'a').add('output', 'o').chain('t', 'a', 'o').build() },
    // The reply step is shared with a scheduled path that has no AI step: what the chat's AI wrote still goes back to the asker.
    { name: 'a chat reply through an output other paths share', doc: new Builder().add('trigger', 't', { config: { type: 'chat' } }).add('trigger', 's', { config: { type: 'schedule' } }).add('ai', 'a').add('output', 'o').chain('t', 'a', 'o').chain('s', 'o').build() },
  ],
  invalid: [
    // Corpus 0487: a story translated by a model, voiced and posted to a channel: reported on the model.
    { name: "a model's script voiced and posted", doc: voiced(true, false), errors: [{ nodeIds: ['write', 'post'], message: /"Write the story" triggers an irreversible action at "Post the audio"/ }] },
    { name: "a model's script voiced and posted (lineage through the voice)", doc: voiced(true, true), errors: [{ nodeIds: ['write', 'post'] }] },
    { name: "a bot's reply when a wrong answer is costly (risk medium)", doc: botReply('medium'), errors: [{ nodeIds: ['a', 'reply'] }] },
    { name: "a bot's reply, replies not taken as read (option)", doc: botReply(), options: { chatRepliesAreRead: false }, errors: [{ nodeIds: ['a', 'reply'] }] },
    { name: 'a chat reply when the risk is medium', doc: new Builder().add('trigger', 't', { config: { type: 'chat' } }).add('ai', 'a').add('output', 'o').chain('t', 'a', 'o').profile({ risk: 'medium' }).build(), errors: [{ nodeIds: ['a', 'o'] }] },
    { name: 'a chat reply, by option', doc: new Builder().add('trigger', 't', { config: { type: 'chat' } }).add('ai', 'a').add('output', 'o').chain('t', 'a', 'o').build(), options: { chatRepliesAreRead: false }, errors: [{ nodeIds: ['a', 'o'] }] },
    { name: 'straight to the output', doc: chainDoc(['ai', 'tool']), errors: [{ severity: 'warning', nodeIds: ['s1', 'o'] }] },
    // The caller's design sees only its calling step: the sub-workflow is where the unchecked answer shows.
    { name: 'a result returned to the calling workflow', doc: new Builder().add('trigger', 't', { config: { type: 'called' } }).add('ai', 'a').add('output', 'o').chain('t', 'a', 'o').build(), errors: [{ nodeIds: ['a', 'o'] }] },
    { name: 'high risk', doc: chainDoc(['ai'], { risk: 'high' }), errors: [{ severity: 'error' }] },
    // One unchecked path is one finding: the output after the irreversible send is the same path.
    { name: 'into an irreversible action, reported once', doc: sendAfterAi(), errors: [{ nodeIds: ['a', 'send'], message: /irreversible/ }] },
    { name: 'the send reads the AI step', doc: sendAfterAi(['a', 't']), errors: [{ nodeIds: ['a', 'send'] }] },
    {
      name: 'lineage names an earlier AI step than the nearest one',
      doc: new Builder()
        .add('trigger', 't')
        .add('ai', 'draft')
        .add('ai', 'tag', { config: { capability: 'classifier' } })
        .add('tool', 'send', { config: { type: 'notification', sideEffect: 'irreversible', idempotent: false }, reads: ['draft'] })
        .add('output', 'o', { reads: [] })
        .chain('t', 'draft', 'tag', 'send', 'o')
        .build(),
      errors: [{ nodeIds: ['draft', 'send'] }],
    },
  ],
});
