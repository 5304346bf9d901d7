import rule from '../../../src/analyzer/rules/join-fork.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const fork = (joinSplits: boolean): Builder => {
  const b = new Builder().add('trigger', 't').add('router', 'r', { config: { mode: 'parallel' } }).add('ai', 'a').add('tool', 'b').add('join', 'j').add('output', 'o').add('output', 'o2');
  b.chain('t', 'r').link('r', 'a').link('r', 'b').chain('a', 'j').chain('b', 'j', 'o');
  if (joinSplits) b.link('j', 'o2');
  return b;
};

ruleTester(rule, {
  valid: [
    { name: 'a chain', doc: chainDoc(['ai']) },
    { name: 'a join with one way out', doc: fork(false).build() },
  ],
  invalid: [{ name: 'a join that also splits', doc: fork(true).build(), errors: [{ nodeIds: ['j'], severity: 'warning' }] }],
});
