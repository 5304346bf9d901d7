import rule from '../../../src/analyzer/rules/unreachable-node.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'a chain', doc: chainDoc(['ai', 'check']) },
    { name: 'isolated nodes are left to no-disconnected', doc: new Builder().add('trigger', 't').add('output', 'o').add('ai', 'x').chain('t', 'o').build() },
  ],
  invalid: [
    {
      name: 'an island with its own output',
      doc: new Builder().add('trigger', 't').add('output', 'o').add('ai', 'x').add('output', 'o2').chain('t', 'o').chain('x', 'o2').build(),
      errors: [{ nodeIds: ['x', 'o2'], message: /No trigger reaches "Handle x" and 1 more connected step/ }],
    },
    {
      name: 'two separate fragments: one finding each',
      doc: new Builder().add('trigger', 't').add('output', 'o').add('ai', 'x').add('ai', 'y').add('output', 'o2').add('tool', 'z').add('output', 'o3').chain('t', 'o').chain('x', 'y', 'o2').chain('z', 'o3').build(),
      errors: [{ nodeIds: ['x', 'y', 'o2'] }, { nodeIds: ['z', 'o3'] }],
    },
  ],
});
