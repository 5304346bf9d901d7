import rule from '../../../src/analyzer/rules/unreachable-branch.ts';
import type { Condition } from '../../../src/domain/index.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const amount = (op: Condition['op'], value: number): Condition => ({ field: 'amount', op, value });
const exclusive = { config: { mode: 'exclusive' as const } };

/** trigger -> r1: amount >= 500 to a manual path, the rest on to r2, whose branches are given. */
function twoRouters(second: Condition, other: Condition | null = null): Builder {
  const b = new Builder()
    .add('trigger', 't')
    .add('router', 'r1', exclusive)
    .add('human', 'big')
    .add('router', 'r2', exclusive)
    .add('tool', 'a')
    .add('tool', 'b')
    .add('output', 'o')
    .link('t', 'r1')
    .link('r1', 'big', { condition: amount('>=', 500) })
    .link('r1', 'r2', { isDefault: true })
    .link('r2', 'a', { id: 'second', condition: second })
    .link('r2', 'b', { id: 'rest', isDefault: true, ...(other ? { condition: other } : {}) })
    .chain('big', 'o')
    .chain('a', 'o')
    .chain('b', 'o');
  return b;
}

ruleTester(rule, {
  valid: [
    { name: 'a later router narrows what is left', doc: twoRouters(amount('<', 100)).build() },
    { name: 'the boundary itself is still possible', doc: twoRouters(amount('>=', 499)).build() },
    // Confidence changes from step to step: an earlier test of it decides nothing about a later one.
    {
      name: 'confidence is tested again after another step',
      doc: new Builder()
        .add('trigger', 't')
        .add('router', 'r1', exclusive)
        .add('ai', 'x')
        .add('router', 'r2', exclusive)
        .add('output', 'o')
        .link('t', 'r1')
        .link('r1', 'o', { condition: { field: 'confidence', op: '>=', value: 0.9 } })
        .link('r1', 'x', { isDefault: true })
        .link('x', 'r2')
        .link('r2', 'o', { condition: { field: 'confidence', op: '>=', value: 0.95 } })
        .link('r2', 'x', { isDefault: true, condition: { field: 'attempt', op: '<', value: 3 } })
        .build(),
    },
    // A parallel split's edges all run, whatever they say: nothing is decided on them.
    {
      name: 'a merge of both sides of a decision',
      doc: new Builder()
        .add('trigger', 't')
        .add('router', 'r1', exclusive)
        .add('tool', 'a')
        .add('tool', 'b')
        .add('router', 'r2', exclusive)
        .add('output', 'o')
        .link('t', 'r1')
        .link('r1', 'a', { condition: amount('>=', 500) })
        .link('r1', 'b', { isDefault: true })
        .chain('a', 'r2')
        .chain('b', 'r2')
        .link('r2', 'o', { condition: amount('<', 100) })
        .link('r2', 'o', { isDefault: true, id: 'd' })
        .build(),
    },
  ],
  invalid: [
    {
      name: 'excluded upstream: only small amounts reach the second router',
      doc: twoRouters(amount('>', 1000)).build(),
      errors: [{ severity: 'warning', nodeIds: ['r2'], edgeIds: ['second'], message: /^The branch to "Handle a" \(amount > 1000\) of "Handle r2" is never taken: every case that reaches it has amount < 500, decided before it\.$/ }],
    },
    {
      name: 'shadowed by an earlier branch of the same router (first match wins)',
      doc: new Builder()
        .add('trigger', 't')
        .add('router', 'r', exclusive)
        .add('tool', 'a')
        .add('tool', 'b')
        .add('output', 'o')
        .link('t', 'r')
        .link('r', 'a', { id: 'wide', condition: amount('>', 100) })
        .link('r', 'b', { id: 'narrow', label: 'large', condition: amount('>', 500) })
        .link('r', 'o', { isDefault: true })
        .chain('a', 'o')
        .chain('b', 'o')
        .build(),
      errors: [{ nodeIds: ['r'], edgeIds: ['narrow', 'wide'], message: /^Branch "large" \(amount > 500\) of "Handle r" is never taken: earlier branches \(amount > 100\) already take every case it would\.$/ }],
    },
    {
      name: 'a text attribute: gold cases already left',
      doc: new Builder()
        .add('trigger', 't')
        .add('router', 'r1', exclusive)
        .add('router', 'r2', { config: { mode: 'inclusive' } })
        .add('tool', 'a')
        .add('output', 'o')
        .link('t', 'r1')
        .link('r1', 'o', { condition: { field: 'tier', op: '==', value: 'gold' } })
        .link('r1', 'r2', { isDefault: true })
        .link('r2', 'a', { id: 'gold', condition: { field: 'tier', op: '==', value: 'gold' } })
        .link('r2', 'o', { id: 'plain' })
        .chain('a', 'o')
        .build(),
      errors: [{ edgeIds: ['gold'], message: /every case that reaches it has tier is not "gold"/ }],
    },
  ],
});
