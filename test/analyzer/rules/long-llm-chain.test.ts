import rule from '../../../src/analyzer/rules/long-llm-chain.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'two LLM steps', doc: chainDoc(['ai', 'ai']) },
    { name: 'a check breaks the run', doc: chainDoc(['ai', 'ai', 'check', 'ai', 'ai']) },
    { name: 'a tool breaks the run', doc: chainDoc(['ai', 'tool', 'ai', 'tool', 'ai']) },
    { name: 'a longer run allowed by option', doc: chainDoc(['ai', 'ai', 'ai']), options: { maxLlmSteps: 3 } },
  ],
  invalid: [
    { name: 'three LLM steps in a row', doc: chainDoc(['ai', 'ai', 'ai']), errors: [{ severity: 'warning', nodeIds: ['s1', 's2', 's3'], message: /^3 language-model steps run in series/ }] },
    // The miss (corpus 0905_Wait_Schedule_Create_Webhook.json: three Gemini steps, concept -> image prompt
    // -> caption): only routing and data steps between them, which the old direct-edge test did not see through.
    {
      name: 'separated by a router and a join',
      doc: new Builder()
        .add('trigger', 't')
        .add('ai', 'concept')
        .add('router', 'r')
        .add('ai', 'prompt')
        .add('join', 'j', { config: { mode: 'any' } })
        .add('ai', 'caption')
        .add('output', 'o')
        .add('output', 'skip', { config: { type: 'discard', outcome: 'success' } })
        .chain('t', 'concept', 'r')
        .link('r', 'prompt', { label: 'has an idea' })
        .link('r', 'skip', { label: 'nothing new' })
        .chain('prompt', 'j', 'caption', 'o')
        .build(),
      errors: [{ nodeIds: ['concept', 'prompt', 'caption'] }],
    },
  ],
});
