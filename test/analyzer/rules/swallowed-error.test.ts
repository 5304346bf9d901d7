import rule from '../../../src/analyzer/rules/swallowed-error.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'check with a fail route', doc: new Builder().add('trigger', 't').add('check', 'c').add('output', 'o').add('output', 'bad', { config: { type: 'discard', outcome: 'rejected' } }).chain('t', 'c', 'o').link('c', 'bad', { sourcePort: 'fail' }).build() },
    { name: 'reask checks need no fail edge', doc: new Builder().add('trigger', 't').add('check', 'c', { config: { onFail: 'reask' } }).add('output', 'o').chain('t', 'c', 'o').build() },
    { name: 'plain chain of calls', doc: chainDoc(['ai']) },
  ],
  invalid: [
    { name: 'fail goes nowhere', doc: chainDoc(['check']), errors: [{ nodeIds: ['s1'] }] },
    { name: 'error delivered as success', doc: new Builder().add('trigger', 't').add('ai', 'a').add('output', 'o').chain('t', 'a', 'o').link('a', 'o', { id: 'x', sourcePort: 'error' }).build(), errors: [{ edgeIds: ['x'], nodeIds: ['a', 'o'] }] },
    { name: 'reject goes nowhere', doc: new Builder().add('trigger', 't').add('ai', 'a').add('human', 'h').add('output', 'o').chain('t', 'a', 'h', 'o').link('h', 'a', { sourcePort: 'revise' }).build(), errors: [{ nodeIds: ['h'], message: /rejected/ }] },
  ],
});
