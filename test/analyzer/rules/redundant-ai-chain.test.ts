import rule from '../../../src/analyzer/rules/redundant-ai-chain.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'different capabilities', doc: new Builder().add('trigger', 't').add('ai', 'a', { config: { capability: 'ocr' } }).add('ai', 'b').add('output', 'o').chain('t', 'a', 'b', 'o').build() },
    { name: 'AI, check, AI', doc: chainDoc(['ai', 'check', 'ai']) },
  ],
  invalid: [
    { name: 'two LLM steps', doc: chainDoc(['ai', 'ai']), errors: [{ severity: 'info', nodeIds: ['s1', 's2'] }] },
    { name: 'three LLM steps', doc: chainDoc(['ai', 'ai', 'ai']), errors: [{ severity: 'info', nodeIds: ['s1', 's2'] }, { severity: 'info', nodeIds: ['s2', 's3'] }, { severity: 'warning', nodeIds: ['s1', 's2', 's3'] }] },
  ],
});
