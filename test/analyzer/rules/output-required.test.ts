import rule from '../../../src/analyzer/rules/output-required.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [{ name: 'a chain with an output', doc: chainDoc(['tool']) }],
  invalid: [{ name: 'no output', doc: new Builder().add('trigger', 't').add('ai', 'a').chain('t', 'a').build(), errors: [{ severity: 'error', message: /no output/ }] }],
});
