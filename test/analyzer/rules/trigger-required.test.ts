import rule from '../../../src/analyzer/rules/trigger-required.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'a chain with a trigger', doc: chainDoc(['ai']) },
    { name: 'an empty document', doc: new Builder().build() },
  ],
  invalid: [{ name: 'steps without a trigger', doc: new Builder().add('ai', 'a').add('output', 'o').chain('a', 'o').build(), errors: [{ severity: 'error', nodeIds: [] }] }],
});
