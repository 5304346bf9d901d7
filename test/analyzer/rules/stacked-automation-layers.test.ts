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
