import rule from '../../../src/analyzer/rules/join-fork.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

/** A parallel block whose Join then goes on to o (and, with `joinSplits`, also to o2: a fan-out on its one port). */
const fork = (joinSplits: boolean): Builder => {
  const b = new Builder().add('trigger', 't').add('router', 'r', { config: { mode: 'parallel' } }).add('ai', 'a').add('tool', 'b').add('join', 'j').add('output', 'o').add('output', 'o2');
  b.chain('t', 'r').link('r', 'a').link('r', 'b').chain('a', 'j').chain('b', 'j', 'o');
  if (joinSplits) b.link('j', 'o2');
  return b;
};

/** A Join whose way out is a decision: "out" when all arrive, "timeout" when they do not in time. */
const joinWithTimeout = (): Builder => fork(false).link('j', 'o2', { sourcePort: 'timeout' });

/**
 * An exclusive router `x` that two paths enter. With `together`, a step fans out to both (one case arrives twice,
 * and x routes it twice); otherwise an exclusive router chooses one of them (corpus 0505: "If mail ok" after the
 * credits check's two branches).
 */
const routerMerge = (together: boolean): Builder => {
  const b = new Builder().add('trigger', 't').add(together ? 'tool' : 'router', 'd').add('tool', 'a').add('tool', 'b').add('router', 'x').add('output', 'o').add('output', 'o2');
  b.chain('t', 'd').link('d', 'a', together ? {} : { condition: { field: 'confidence', op: '<', value: 0.5 } }).link('d', 'b').chain('a', 'x').chain('b', 'x');
  return b.link('x', 'o', { condition: { field: 'confidence', op: '>=', value: 0.8 } }).link('x', 'o2', { isDefault: true });
};

/** Check, rewrite, check again (corpus 1345: "Verify character limit constraints" with its rewrite loop). */
const rewriteLoop = (): Builder =>
  new Builder().add('trigger', 't').add('ai', 'g').add('router', 'v').add('ai', 'rw').add('output', 'o')
    .chain('t', 'g', 'v').link('v', 'rw', { condition: { field: 'confidence', op: '<', value: 0.5 } }).link('v', 'o', { isDefault: true }).chain('rw', 'v');

ruleTester(rule, {
  valid: [
    { name: 'a chain', doc: chainDoc(['ai']) },
    { name: 'a join with one way out', doc: fork(false).build() },
    // n8n's Merge feeding two nodes (corpus 0844: "Add Clean HTML"): wait for both, then do all of these.
    { name: 'a join that hands its merged case to two steps', doc: fork(true).build() },
    { name: 'a router that alternatives enter', doc: routerMerge(false).build() },
    { name: "a router a loop's way back enters", doc: rewriteLoop().build() },
  ],
  invalid: [
    { name: 'a join fanning out, with reportFanOut', doc: fork(true).build(), options: { reportFanOut: true }, errors: [{ nodeIds: ['j'], severity: 'warning', message: /"Handle j" both merges 2 paths and splits into 2/ }] },
    { name: 'a join whose way out decides (timeout)', doc: joinWithTimeout().build(), errors: [{ nodeIds: ['j'] }] },
    { name: 'a router that one case reaches twice', doc: routerMerge(true).build(), errors: [{ nodeIds: ['x'] }] },
    { name: 'a router merging alternatives, without allowExclusiveMerge', doc: routerMerge(false).build(), options: { allowExclusiveMerge: false }, errors: [{ nodeIds: ['x'] }] },
    { name: 'a loop entry, without allowExclusiveMerge', doc: rewriteLoop().build(), options: { allowExclusiveMerge: false }, errors: [{ nodeIds: ['v'] }] },
  ],
});
