import rule from '../../../src/analyzer/rules/implicit-routing.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'a chain', doc: chainDoc(['ai', 'tool']) },
    { name: 'conditional edges out of a step', doc: new Builder().add('trigger', 't').add('ai', 'a').add('output', 'x').add('human', 'h').add('output', 'y').chain('t', 'a').link('a', 'x', { condition: { field: 'confidence', op: '>=', value: 0.8 } }).link('a', 'h', { isDefault: true }).chain('h', 'y').build() },
    { name: 'several paths into one output', doc: new Builder().add('trigger', 't').add('ai', 'a').add('output', 'o').add('output', 'alert').chain('t', 'a', 'o').link('a', 'alert', { sourcePort: 'error' }).link('t', 'alert', { condition: { field: 'x', op: '==', value: 1 } }).build() },
    { name: 'a loop back into a step', doc: new Builder().add('trigger', 't').add('ai', 'a').add('human', 'h').add('output', 'o').chain('t', 'a', 'h', 'o').link('h', 'a', { sourcePort: 'revise' }).build() },
    // The false alarm: the branches of an exclusive choice meet in a step; only one of them ever runs.
    {
      name: 'exclusive branches meet in a step',
      doc: new Builder().add('trigger', 't').add('router', 'r').add('ai', 'a').add('tool', 'b').add('tool', 'm').add('output', 'o').chain('t', 'r').link('r', 'a', { isDefault: true }).link('r', 'b', { probability: 0.5 }).chain('a', 'm').chain('b', 'm', 'o').build(),
    },
    { name: 'a step and its fallback meet in the next step', doc: new Builder().add('trigger', 't').add('ai', 'a').add('ai', 'fallback').add('tool', 'm').add('output', 'o').chain('t', 'a', 'm', 'o').link('a', 'fallback', { sourcePort: 'error' }).chain('fallback', 'm').build() },
    // Corpus 0319_Gmail_Googlecalendartool_Send_Triggered.json: the agent's answer goes to "Send reply" and to
    // "Mark as read", which each end the run: n8n's way of doing two things, with nothing to wait for.
    { name: 'a fan-out whose branches end on their own', doc: new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'x').add('tool', 'y').add('output', 'o').chain('t', 'a').link('a', 'x').link('a', 'y').chain('x', 'o').chain('y', 'o').build() },
    // Corpus 0472_Aggregate_Gmail_Create_Triggered.json: n8n's idiom, a fan-out closed by a Merge (here a Join).
    { name: 'a fan-out closed by a join', doc: new Builder().add('trigger', 't').add('tool', 'a').add('ai', 'x').add('tool', 'y').add('join', 'j').add('output', 'o').chain('t', 'a').link('a', 'x').link('a', 'y').chain('x', 'j').chain('y', 'j', 'o').build() },
    { name: 'two triggers start the same step', doc: new Builder().add('trigger', 't1').add('trigger', 't2', { config: { type: 'schedule' } }).add('tool', 'm').add('output', 'o').chain('t1', 'm', 'o').chain('t2', 'm').build() },
  ],
  invalid: [
    { name: 'a hidden parallel split whose branches meet again in a step: the merge', doc: new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'x').add('tool', 'y').add('tool', 'm').add('output', 'o').chain('t', 'a').link('a', 'x', { id: 'p' }).link('a', 'y', { id: 'q' }).chain('x', 'm').chain('y', 'm', 'o').build(), errors: [{ nodeIds: ['m'], message: /at the same time/ }] },
    { name: 'every fan-out, by option', doc: new Builder().add('trigger', 't').add('ai', 'a').add('output', 'x').add('output', 'y').chain('t', 'a').link('a', 'x', { id: 'p' }).link('a', 'y', { id: 'q' }).build(), options: { reportFanOut: true }, errors: [{ nodeIds: ['a'], edgeIds: ['p', 'q'] }] },
    {
      name: 'hidden merge of parallel branches',
      doc: new Builder().add('trigger', 't').add('router', 'r', { config: { mode: 'parallel' } }).add('ai', 'a').add('tool', 'b').add('tool', 'm').add('output', 'o').chain('t', 'r').link('r', 'a').link('r', 'b').chain('a', 'm').chain('b', 'm', 'o').build(),
      errors: [{ nodeIds: ['m'], message: /merge .* at the same time/ }],
    },
    {
      name: 'exclusive merges allowed off',
      doc: new Builder().add('trigger', 't').add('router', 'r').add('ai', 'a').add('tool', 'b').add('tool', 'm').add('output', 'o').chain('t', 'r').link('r', 'a', { isDefault: true }).link('r', 'b', { probability: 0.5 }).chain('a', 'm').chain('b', 'm', 'o').build(),
      options: { allowExclusiveMerge: false },
      errors: [{ nodeIds: ['m'] }],
    },
    { name: 'into an output when not allowed', doc: new Builder().add('trigger', 't').add('ai', 'a').add('ai', 'b').add('output', 'o').chain('t', 'a', 'b', 'o').link('a', 'o', { sourcePort: 'error' }).build(), options: { allowMergeIntoOutput: false, allowExclusiveMerge: false }, errors: [{ nodeIds: ['o'] }] },
  ],
});
