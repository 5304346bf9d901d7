import rule from '../../../src/analyzer/rules/no-disconnected.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'everything connected', doc: chainDoc(['ai', 'tool']) },
    { name: 'notes are not part of the graph', doc: new Builder().add('trigger', 't').add('output', 'o').add('note', 'n').chain('t', 'o').build() },
  ],
  invalid: [{ name: 'an isolated step', doc: new Builder().add('trigger', 't').add('output', 'o').add('ai', 'lonely').chain('t', 'o').build(), errors: [{ nodeIds: ['lonely'] }] }],
});
