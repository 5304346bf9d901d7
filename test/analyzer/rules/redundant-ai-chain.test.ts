import rule from '../../../src/analyzer/rules/redundant-ai-chain.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'different capabilities', doc: new Builder().add('trigger', 't').add('ai', 'a', { config: { capability: 'ocr' } }).add('ai', 'b').add('output', 'o').chain('t', 'a', 'b', 'o').build() },
    { name: 'AI, check, AI', doc: chainDoc(['ai', 'check', 'ai']) },
    // Image generations in a row are a pipeline of media, not a prompt split in two (corpus 1395_Wait_Code_Create_Webhook.json).
    { name: 'image generations in a row', doc: new Builder().add('trigger', 't').add('ai', 'a', { config: { capability: 'image-generation' } }).add('ai', 'b', { config: { capability: 'image-generation' } }).add('output', 'o').chain('t', 'a', 'b', 'o').build() },
    // Corpus 0787_Code_GoogleCalendar_Create_Webhook.json: an LLM writes the reminder, ElevenLabs speaks it.
    { name: 'an LLM writes a script, a speech step reads it aloud', doc: new Builder().add('trigger', 't').add('ai', 'a', { label: 'Write voice reminder' }).add('ai', 'b', { label: 'Generate voice reminder', config: { capability: 'speech' } }).add('output', 'o').chain('t', 'a', 'b', 'o').build() },
    { name: 'the first also feeds something else', doc: new Builder().add('trigger', 't').add('ai', 'a').add('ai', 'b').add('tool', 'log').add('output', 'o').chain('t', 'a', 'b', 'o').chain('a', 'log', 'o').build() },
  ],
  invalid: [
    { name: 'two LLM steps', doc: chainDoc(['ai', 'ai']), errors: [{ severity: 'info', nodeIds: ['s1', 's2'] }] },
    { name: 'three LLM steps: two pairs', doc: chainDoc(['ai', 'ai', 'ai']), errors: [{ severity: 'info', nodeIds: ['s1', 's2'] }, { severity: 'info', nodeIds: ['s2', 's3'] }] },
    // Corpus 1415_Webhook_Respondtowebhook_Create_Webhook.json: one LLM writes the page as JSON, a second converts
    // the JSON to HTML; between them only a data step (here a router standing for it) passes the text on.
    {
      name: 'through plumbing',
      doc: new Builder().add('trigger', 't').add('ai', 'a', { label: 'Generate page as JSON' }).add('join', 'j', { config: { mode: 'any' } }).add('ai', 'b', { label: 'Convert JSON to HTML' }).add('output', 'o').chain('t', 'a', 'j', 'b', 'o').build(),
      errors: [{ nodeIds: ['a', 'b'] }],
    },
  ],
});
