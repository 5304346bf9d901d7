import rule from '../../../src/analyzer/rules/cycle-without-exit.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const loop = (): Builder => new Builder().add('trigger', 't').add('ai', 'a').add('check', 'c').add('output', 'o').chain('t', 'a', 'c', 'o');

ruleTester(rule, {
  valid: [
    { name: 'no loop', doc: chainDoc(['ai', 'check']) },
    { name: 'loop bounded by attempt', doc: loop().link('c', 'a', { sourcePort: 'fail', condition: { field: 'attempt', op: '<', value: 3 } }).build() },
    { name: 'reask check with maxReasks', doc: new Builder().add('trigger', 't').add('ai', 'a').add('check', 'c', { config: { onFail: 'reask', maxReasks: 2 } }).add('output', 'o').chain('t', 'a', 'c', 'o').link('c', 'a', { sourcePort: 'fail' }).build() },
    {
      name: 'a for-each over items (n8n Loop Over Items): bounded by its items, leaves by done',
      doc: new Builder().add('trigger', 't').add('loop', 'l').add('ai', 'a').add('output', 'o').link('t', 'l').link('l', 'a', { sourcePort: 'each' }).link('a', 'l').link('l', 'o', { sourcePort: 'done' }).build(),
    },
    { name: 'review loop decided by a person', doc: new Builder().add('trigger', 't').add('ai', 'a').add('human', 'h').add('output', 'o').chain('t', 'a', 'h', 'o').link('h', 'a', { sourcePort: 'revise' }).build() },
  ],
  invalid: [
    { name: 'unbounded loop', doc: loop().link('c', 'a', { sourcePort: 'fail' }).build(), errors: [{ severity: 'warning', nodeIds: ['a', 'c'], edgeIds: ['e2', 'e4'] }] },
    {
      name: 'review loop when people are not counted as a bound',
      doc: new Builder().add('trigger', 't').add('ai', 'a').add('human', 'h').add('output', 'o').chain('t', 'a', 'h', 'o').link('h', 'a', { sourcePort: 'revise' }).build(),
      options: { humanGateBounds: false },
      errors: [{ severity: 'warning' }],
    },
    {
      name: 'a loop whose done port leads nowhere is still a trap',
      doc: new Builder().add('trigger', 't').add('loop', 'l').add('ai', 'a').add('output', 'o').link('t', 'l').link('l', 'a', { sourcePort: 'each' }).link('a', 'l').build(),
      errors: [{ severity: 'error', nodeIds: ['l', 'a'] }],
    },
    {
      name: 'closed loop',
      doc: new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'b').add('output', 'o').chain('t', 'a', 'b').link('b', 'a').build(),
      errors: [{ severity: 'error', nodeIds: ['a', 'b'] }],
    },
  ],
});
