import rule from '../../../src/analyzer/rules/verb-object-label.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const labelled = (...labels: string[]) => {
  const b = new Builder();
  labels.forEach((l, i) => b.add('ai', `n${i}`, { label: l }));
  return b.build();
};

ruleTester(rule, {
  valid: [{ name: 'verb object labels', doc: labelled('Extract invoice fields', 'Send reminder', 'Classify ticket') }],
  invalid: [
    { name: 'noun phrases and single words', doc: labelled('Invoice extractor', 'Summarise', 'Processing step'), errors: [{ nodeIds: ['n0'] }, { nodeIds: ['n1'] }, { nodeIds: ['n2'] }] },
    { name: 'one word allowed by option, noun still caught', doc: labelled('Summarise', 'Classifier'), options: { minWords: 1 }, errors: [{ nodeIds: ['n1'] }] },
  ],
});
