import rule from '../../../src/analyzer/rules/unique-names.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'distinct labels', doc: chainDoc(['ai', 'ai', 'tool']) },
    { name: 'empty labels are label-required\'s business', doc: new Builder().add('ai', 'a', { label: '' }).add('ai', 'b', { label: '' }).build() },
  ],
  invalid: [
    {
      name: 'same label, different case',
      doc: new Builder().add('ai', 'a', { label: 'Summarise email' }).add('tool', 'b', { label: 'summarise EMAIL ' }).add('ai', 'c', { label: 'Other' }).build(),
      errors: [{ severity: 'warning', nodeIds: ['a', 'b'] }],
    },
  ],
});
