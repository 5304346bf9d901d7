import rule from '../../../src/analyzer/rules/dead-end.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [{ name: 'a chain ending at an output', doc: chainDoc(['ai', 'tool']) }],
  invalid: [
    {
      name: 'a branch that stops at a step',
      doc: new Builder().add('trigger', 't').add('check', 'c').add('ai', 'a').add('output', 'o').chain('t', 'c', 'o').link('c', 'a', { sourcePort: 'fail' }).build(),
      errors: [{ nodeIds: ['a'], message: /no way out/ }],
    },
    {
      name: 'a path that can never reach an output',
      doc: new Builder().add('trigger', 't').add('router', 'r').add('ai', 'a').add('tool', 'b').add('output', 'o').chain('t', 'r', 'o').link('r', 'a', { isDefault: true }).chain('a', 'b').build(),
      errors: [{ nodeIds: ['a'], message: /No output can be reached/ }, { nodeIds: ['b'], message: /no way out/ }],
    },
  ],
});
