import rule from '../../../src/analyzer/rules/stacked-automation-layers.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const auto = { config: { type: 'automation' as const } };

ruleTester(rule, {
  valid: [
    { name: 'plain tools', doc: chainDoc(['ai', 'tool']) },
    { name: 'an automation that writes something', doc: new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'z', { config: { type: 'automation', sideEffect: 'reversible' } }).add('tool', 'b').add('output', 'o').chain('t', 'a', 'z', 'b', 'o').build() },
  ],
  invalid: [
    { name: 'automation calling automation', doc: new Builder().add('trigger', 't').add('tool', 'z1', auto).add('tool', 'z2', { config: { type: 'subworkflow' } }).add('output', 'o').chain('t', 'z1', 'z2', 'o').build(), errors: [{ nodeIds: ['z1', 'z2'] }] },
    { name: 'a wrapper between two steps', doc: new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'z', auto).add('tool', 'b').add('output', 'o').chain('t', 'a', 'z', 'b', 'o').build(), errors: [{ nodeIds: ['z'], message: /does nothing itself/ }] },
  ],
});

ruleTester(rule, {
  valid: [
    { name: 'one layer on the path', doc: new Builder().add('trigger', 't').add('tool', 'z', auto).add('ai', 'a').add('output', 'o').chain('t', 'z', 'a', 'o').build() },
    {
      name: 'a layer behind an error port is a fallback, not a layer on top',
      doc: new Builder().add('trigger', 't').add('tool', 'z1', auto).add('ai', 'a', { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }).add('tool', 'z2', { config: { type: 'subworkflow', sideEffect: 'irreversible' } }).add('output', 'o')
        .chain('t', 'z1', 'a', 'o').link('a', 'z2', { sourcePort: 'error' }).chain('z2', 'o').build(),
    },
    // Corpus 0719 and 0759: n8n sub-workflows called in turn with steps between run on the same orchestrator:
    // decomposition, not another platform (a sub-workflow that only calls another is still reported, above).
    {
      name: 'two sub-workflows in series with a step between',
      doc: new Builder().add('trigger', 't').add('tool', 'z1', { config: { type: 'subworkflow', sideEffect: 'reversible' } }).add('ai', 'a').add('tool', 'z2', { config: { type: 'subworkflow', sideEffect: 'irreversible' } }).add('output', 'o').chain('t', 'z1', 'a', 'z2', 'o').build(),
    },
  ],
  invalid: [
    {
      name: 'two layers in series with a step between (the over-engineered template)',
      doc: new Builder().add('trigger', 't').add('tool', 'z1', auto).add('ai', 'a').add('tool', 'z2', { config: { type: 'subworkflow', sideEffect: 'irreversible' } }).add('output', 'o').chain('t', 'z1', 'a', 'z2', 'o').build(),
      errors: [{ nodeIds: ['z1', 'z2'], message: /passes 2 automation layers/ }],
    },
  ],
});
