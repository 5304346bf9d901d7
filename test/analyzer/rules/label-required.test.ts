import rule from '../../../src/analyzer/rules/label-required.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'labelled', doc: chainDoc(['ai']) },
    { name: 'notes need no label', doc: new Builder().add('note', 'n').build() },
  ],
  invalid: [
    { name: 'blank label', doc: new Builder().add('tool', 'x', { label: '  ' }).build(), errors: [{ nodeIds: ['x'], message: /^A Tool node \("x"\) has no label/ }] },
    { name: 'blank label with a purpose', doc: new Builder().add('ai', 'x', { label: '', config: { purpose: 'Extract invoice fields' } }).build(), errors: [{ quickFix: 'name-after-purpose', message: /^An AI tool node/ }] },
  ],
});
