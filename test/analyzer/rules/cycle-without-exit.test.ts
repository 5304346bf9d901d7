import rule from '../../../src/analyzer/rules/cycle-without-exit.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const loop = (): Builder => new Builder().add('trigger', 't').add('ai', 'a').add('check', 'c').add('output', 'o').chain('t', 'a', 'c', 'o');

ruleTester(rule, {
  valid: [
    { name: 'no loop', doc: chainDoc(['ai', 'check']) },
    { name: 'loop bounded by attempt', doc: loop().link('c', 'a', { sourcePort: 'fail', condition: { field: 'attempt', op: '<', value: 3 } }).build() },
    { name: 'reask check with maxReasks', doc: new Builder().add('trigger', 't').add('ai', 'a').add('check', 'c', { config: { onFail: 'reask', maxReasks: 2 } }).add('output', 'o').chain('t', 'a', 'c', 'o').link('c', 'a', { sourcePort: 'fail' }).build() },
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
      name: 'closed loop',
      doc: new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'b').add('output', 'o').chain('t', 'a', 'b').link('b', 'a').build(),
      errors: [{ severity: 'error', nodeIds: ['a', 'b'] }],
    },
  ],
});
