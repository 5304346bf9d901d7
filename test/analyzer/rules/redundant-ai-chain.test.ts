import rule from '../../../src/analyzer/rules/redundant-ai-chain.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

/** trigger -> a -> b -> tool "post" -> output, the tool reading what `postReads` names (data lineage, `reads`). */
const draftThen = (b: { label: string; purpose?: string }, postReads: string[], a: { label: string; purpose?: string } = { label: 'Write article' }) =>
  new Builder()
    .add('trigger', 't')
    .add('ai', 'a', { label: a.label, reads: ['t'], config: a.purpose ? { purpose: a.purpose } : {} })
    .add('ai', 'b', { label: b.label, reads: ['a'], config: b.purpose ? { purpose: b.purpose } : {} })
    .add('tool', 'post', { label: 'Create post', reads: postReads })
    .add('output', 'o')
    .chain('t', 'a', 'b', 'post', 'o')
    .build();

/** trigger -> for-each loop (body: fetch page) -> done -> extract -> report -> output. */
const mapReduce = new Builder()
  .add('trigger', 't')
  .add('loop', 'each')
  .add('tool', 'fetch', { label: 'Fetch page' })
  .add('ai', 'extract', { label: 'Extract relevant context' })
  .add('ai', 'report', { label: 'Write research report' })
  .add('output', 'o')
  .link('t', 'each')
  .link('each', 'fetch', { sourcePort: 'each' })
  .link('fetch', 'each')
  .link('each', 'extract', { sourcePort: 'done' })
  .chain('extract', 'report', 'o')
  .build();

/** Two agents in turn that both read the trigger's e-mail (not each other), with or without output contracts. */
const twoReaders = (contracts: boolean) =>
  new Builder()
    .add('trigger', 'mail')
    .add('ai', 'task', { label: 'Generate actionable task', reads: ['mail'], config: { capability: 'agent', ...(contracts ? { outputContract: '{ title, description }' } : {}) } })
    .add('ai', 'summary', { label: 'Get summary and metadata', reads: ['mail'], config: { capability: 'agent', ...(contracts ? { outputContract: '{ summary, sender }' } : {}) } })
    .add('tool', 'page', { label: 'Create Notion page', reads: ['task', 'summary'] })
    .add('output', 'o')
    .chain('mail', 'task', 'summary', 'page', 'o')
    .build();

ruleTester(rule, {
  valid: [
    { name: 'different capabilities', doc: new Builder().add('trigger', 't').add('ai', 'a', { config: { capability: 'ocr' } }).add('ai', 'b').add('output', 'o').chain('t', 'a', 'b', 'o').build() },
    { name: 'AI, check, AI', doc: chainDoc(['ai', 'check', 'ai']) },
    // Image generations in a row are a pipeline of media, not a prompt split in two (corpus 1395_Wait_Code_Create_Webhook.json).
    { name: 'image generations in a row', doc: new Builder().add('trigger', 't').add('ai', 'a', { config: { capability: 'image-generation' } }).add('ai', 'b', { config: { capability: 'image-generation' } }).add('output', 'o').chain('t', 'a', 'b', 'o').build() },
    // Corpus 0787_Code_GoogleCalendar_Create_Webhook.json: an LLM writes the reminder, ElevenLabs speaks it.
    { name: 'an LLM writes a script, a speech step reads it aloud', doc: new Builder().add('trigger', 't').add('ai', 'a', { label: 'Write voice reminder' }).add('ai', 'b', { label: 'Generate voice reminder', config: { capability: 'speech' } }).add('output', 'o').chain('t', 'a', 'b', 'o').build() },
    { name: 'the first also feeds something else', doc: new Builder().add('trigger', 't').add('ai', 'a').add('ai', 'b').add('tool', 'log').add('output', 'o').chain('t', 'a', 'b', 'o').chain('a', 'log', 'o').build() },
    // Corpus 1327_Wordpress_Manual_Automate_Webhook.json: the article is posted with the title written from it.
    { name: 'a new deliverable: the first result is used later too (article, then its title)', doc: draftThen({ label: 'Write title for article' }, ['a', 'b']) },
    // Corpus 1580 / 1747 (research): extraction per fetched page after a for-each, then one report.
    { name: 'map and reduce: per-item extraction after a loop, then one report', doc: mapReduce },
    // Corpus 1288_Telegram_Wait_Automation_Webhook.json: a caption and a title, each written from the script.
    { name: 'two free-text deliverables from the same input (no output contracts)', doc: twoReaders(false) },
  ],
  invalid: [
    { name: 'two LLM steps', doc: chainDoc(['ai', 'ai']), errors: [{ severity: 'info', nodeIds: ['s1', 's2'] }] },
    { name: 'three LLM steps: two pairs', doc: chainDoc(['ai', 'ai', 'ai']), errors: [{ severity: 'info', nodeIds: ['s1', 's2'] }, { severity: 'info', nodeIds: ['s2', 's3'] }] },
    // Corpus 1415_Webhook_Respondtowebhook_Create_Webhook.json: one LLM writes the page as JSON, a second converts
    // the JSON to HTML; between them only a data step (here a router standing for it) passes the text on.
    {
      name: 'through plumbing',
      doc: new Builder().add('trigger', 't').add('ai', 'a', { label: 'Generate page as JSON' }).add('join', 'j', { config: { mode: 'any' } }).add('ai', 'b', { label: 'Convert JSON to HTML' }).add('output', 'o').chain('t', 'a', 'j', 'b', 'o').build(),
      errors: [{ nodeIds: ['a', 'b'], message: /change the format of what "Generate page as JSON" wrote/ }],
    },
    // Corpus 1583_Readbinaryfiles_Code_Automation_Webhook.json: a tl;dr, then a translation of it, nothing else reads the tl;dr.
    { name: 'a rework: only the second reads the first result (summary, then its translation)', doc: draftThen({ label: 'Translate summary to German' }, ['b'], { label: 'Summarize text' }), errors: [{ nodeIds: ['a', 'b'], message: /nothing else uses its result/ }] },
    // Corpus 1508_Wait_Manual_Automation_Webhook.json: an LLM turns markdown into text that a summarizer (and an agent) then read.
    {
      name: 'a format conversion, even when its result is read elsewhere too',
      doc: draftThen({ label: 'Summarize job listings' }, ['a', 'b'], { label: 'Markdown to Textual Data Extractor', purpose: 'You need to analyze the below markdown and convert to textual data.' }),
      errors: [{ nodeIds: ['a', 'b'], message: /"Markdown to Textual Data Extractor" has a language model change the format of the input before "Summarize job listings"/ }],
    },
    // Corpus 1921_Code_Filter_Automation_Webhook.json: two agents read the same e-mail in turn for a task and a summary.
    { name: 'two readers of the same input, each for its own fields', doc: twoReaders(true), errors: [{ nodeIds: ['task', 'summary'], message: /read the same input in turn/ }] },
    {
      name: 'a per-item pipeline inside one loop body is not a map and reduce',
      doc: new Builder().add('trigger', 't').add('loop', 'each').add('ai', 'a', { label: 'Summarize article' }).add('ai', 'b', { label: 'Polish summary' }).add('output', 'o')
        .link('t', 'each').link('each', 'a', { sourcePort: 'each' }).chain('a', 'b', 'each').link('each', 'o', { sourcePort: 'done' }).build(),
      errors: [{ nodeIds: ['a', 'b'] }],
    },
  ],
});
