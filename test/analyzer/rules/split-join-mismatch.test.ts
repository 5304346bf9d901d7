import rule from '../../../src/analyzer/rules/split-join-mismatch.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const block = (split: 'parallel' | 'exclusive', join: 'all' | 'any' | 'first' | 'none'): Builder => {
  const b = new Builder().add('trigger', 't').add('router', 'r', { config: { mode: split } }).add('ai', 'a').add('tool', 'b').add('output', 'o');
  if (join === 'none') b.add('tool', 'j');
  else b.add('join', 'j', { config: { mode: join } });
  b.chain('t', 'r');
  if (split === 'parallel') b.link('r', 'a').link('r', 'b');
  else b.link('r', 'a', { isDefault: true }).link('r', 'b', { probability: 0.4 });
  return b.chain('a', 'j').chain('b', 'j', 'o');
};

ruleTester(rule, {
  valid: [
    { name: 'parallel closed by wait-all', doc: block('parallel', 'all').build() },
    { name: 'exclusive closed by any', doc: block('exclusive', 'any').build() },
    { name: 'exclusive merging into a step', doc: block('exclusive', 'none').build() },
  ],
  invalid: [
    { name: 'parallel closed by an implicit merge', doc: block('parallel', 'none').build(), errors: [{ nodeIds: ['r', 'j'], message: /once per branch/ }] },
    { name: 'parallel closed by join any', doc: block('parallel', 'any').build(), errors: [{ nodeIds: ['r', 'j'] }] },
    { name: 'exclusive closed by wait-all', doc: block('exclusive', 'all').build(), errors: [{ nodeIds: ['r', 'j'], message: /deadlock/ }] },
  ],
});
