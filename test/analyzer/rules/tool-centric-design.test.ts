import { describe, expect, it } from 'vitest';
import { isToolNameOnly, NODE_TYPE_WORDS, TOOL_NAMES, toolNames, wordSet } from '../../../src/analyzer/label-words.ts';
import rule from '../../../src/analyzer/rules/tool-centric-design.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const purpose = { config: { purpose: 'Extract the total and the due date' } };
const onlyTool = (l: string) => isToolNameOnly(l, toolNames(TOOL_NAMES), wordSet(NODE_TYPE_WORDS));

describe('isToolNameOnly', () => {
  it('is true for n8n default names and false for labels that say what the step does', () => {
    for (const l of ['Google Sheets1', 'OpenAI Chat Model', 'HTTP Request', 'AI Agent', 'Gmail', 'Basic LLM Chain', 'Slack2']) expect(onlyTool(l), l).toBe(true);
    for (const l of ['Send Slack message', 'Summarize News & Sentiment (GPT-4o)', 'Get Processing Status', 'Mark as read', 'Ask OpenAI Assistant about the order']) expect(onlyTool(l), l).toBe(false);
  });
});

ruleTester(rule, {
  valid: [
    { name: 'named after the job, with a purpose', doc: new Builder().add('ai', 'a', { label: 'Extract invoice fields', ...purpose }).add('human', 'h', { label: 'Approve refund' }).build() },
    { name: 'vendor list is an option', doc: new Builder().add('ai', 'a', { label: 'Claude', ...purpose }).build(), options: { vendorNames: 'zapier', nodeTypeWords: 'x' } },
    // Corpus 1186_Rssfeedread_Telegram_Create_Triggered.json: the label says what, the model in passing.
    { name: 'a descriptive label that mentions the model', doc: new Builder().add('ai', 'a', { label: 'Summarize News & Sentiment (GPT-4o)', ...purpose }).build() },
    // A label that says what the step does is its specification, with or without a purpose field.
    { name: 'an AI step whose label says what, without a purpose', doc: new Builder().add('ai', 'a', { label: 'Extract fields' }).build() },
    { name: 'a tool without a purpose', doc: new Builder().add('tool', 't', { label: 'Fetch orders' }).build() },
  ],
  invalid: [
    { name: 'named after a model', doc: new Builder().add('ai', 'a', { label: 'GPT-4o call', ...purpose }).build(), errors: [{ nodeIds: ['a'], message: /"gpt-4o"/, quickFix: 'name-after-purpose' }] },
    { name: 'named after a vendor, no purpose', doc: new Builder().add('tool', 'z', { label: 'Zapier' }).build(), errors: [{ message: /zapier/ }] },
    // Corpus 1830_Splitout_Filter_Create_Webhook.json, "OpenAI"; n8n default names.
    { name: 'n8n default names', doc: new Builder().add('ai', 'a', { label: 'OpenAI' }).add('tool', 's', { label: 'Google Sheets1' }).add('tool', 'h', { label: 'HTTP Request' }).build(), errors: [{ nodeIds: ['a'] }, { nodeIds: ['s'], message: /"google"/ }, { nodeIds: ['h'], message: /kind of step/ }] },
    { name: 'any mention, by option', doc: new Builder().add('ai', 'a', { label: 'Summarize news with GPT-4o', ...purpose }).build(), options: { reportAnyToolMention: true }, errors: [{ nodeIds: ['a'] }] },
    // Corpus 0910_Bitly_Datetime_Update_Webhook.json: "Question and Answer Chain", n8n's name for the node type.
    { name: 'an n8n node-type name', doc: new Builder().add('ai', 'a', { label: 'Question and Answer Chain' }).build(), errors: [{ message: /kind of step/ }] },
    { name: 'an AI step with neither purpose nor a telling label', doc: new Builder().add('ai', 'a', { label: 'Helper' }).build(), errors: [{ message: /no stated purpose/ }] },
  ],
});
