import { describe, expect, it } from 'vitest';
import { labelWords } from '../../../src/analyzer/label-words.ts';
import rule from '../../../src/analyzer/rules/verb-object-label.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const labelled = (...labels: string[]) => {
  const b = new Builder();
  labels.forEach((l, i) => b.add('ai', `n${i}`, { label: l }));
  return b.build();
};

describe('labelWords', () => {
  it('splits camelCase and snake_case, drops numbering, symbols and n8n copy digits, keeps brands whole', () => {
    expect(labelWords('sendSlackMessage')).toEqual(['send', 'slack', 'message']);
    expect(labelWords('get_orders_by_id')).toEqual(['get', 'orders', 'by', 'id']);
    expect(labelWords('1. Fetch data')).toEqual(['fetch', 'data']);
    expect(labelWords('3a. Generate Content Concept (Gemini)')).toEqual(['generate', 'content', 'concept', 'gemini']);
    expect(labelWords('🔍 Search web')).toEqual(['search', 'web']);
    expect(labelWords('OpenAI1')).toEqual(['openai']);
    expect(labelWords('HubSpot contacts')).toEqual(['hubspot', 'contacts']);
    expect(labelWords('Générer le rapport')).toEqual(['générer', 'le', 'rapport']);
  });
});

ruleTester(rule, {
  valid: [
    { name: 'verb object labels', doc: labelled('Extract invoice fields', 'Send reminder', 'Classify ticket') },
    // Verbs that end like nouns (-er, -or, -ure, -ist, -ment): the false alarms.
    { name: 'verbs ending like nouns', doc: labelled('Filter new leads', 'Monitor the feed', 'Capture lead', 'Persist result', 'Register user', 'Document changes', 'Gather sources', 'List open tickets', 'Ensure unique ids') },
    { name: 'identifiers in camelCase and snake_case', doc: labelled('sendSlackMessage', 'get_orders', 'update-record status') },
    // Real labels from the corpus (0472_Aggregate_Gmail_Create_Triggered.json, 0319_Gmail_Googlecalendartool_Send_Triggered.json).
    { name: 'n8n labels people wrote', doc: labelled('Get message content', 'Assign labels for message', 'Split out assigned labels', 'Aggregate label IDs', 'Mark as read', 'Send reply') },
  ],
  invalid: [
    { name: 'noun phrases and single words', doc: labelled('Invoice extractor', 'Summarise', 'Processing step'), errors: [{ nodeIds: ['n0'] }, { nodeIds: ['n1'] }, { nodeIds: ['n2'] }] },
    { name: 'one word allowed by option, noun still caught', doc: labelled('Summarise', 'Summariser'), options: { minWords: 1 }, errors: [{ nodeIds: ['n1'] }] },
    { name: 'camelCase noun phrase', doc: labelled('invoiceExtractor'), errors: [{ nodeIds: ['n0'] }] },
    // A leading tool name is a prefix: corpus 1603 "Google Sheets - Create Rows" reads as "Create rows", 1693 "OpenAI - To Spanish" does not.
    { name: 'after a tool-name prefix', doc: labelled('Google Sheets - Create Rows', 'OpenAI - Make Shorter', 'OpenAI - To Spanish'), errors: [{ nodeIds: ['n2'] }] },
    // n8n's default names, kept by an import (corpus: 0523_Wait_Splitout_Create_Webhook.json "Get Processing Status" is fine, "HTTP Request" is not).
    // (Labels that are only a tool's name, "HTTP Request", "Google Sheets", are tool-centric-design's.)
    { name: 'n8n labels that are nouns', doc: labelled('HTTP Request', 'Invoice Details', 'Code', 'Get Processing Status'), errors: [{ nodeIds: ['n1'] }, { nodeIds: ['n2'] }] },
  ],
});
