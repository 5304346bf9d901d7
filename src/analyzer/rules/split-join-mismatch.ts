import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'split-join-mismatch',
  meta: { description: 'A parallel split must be closed by a wait-all join, an exclusive split must not be.', docs: 'docs/rules/split-join-mismatch.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    const scc = graph.scc();
    /**
     * A split inside a loop is not opening a block when the loop is what its branches meet in: a decision to
     * leave or retry (its exit branch reaches a merge outside the loop, the other goes round again), or a
     * retry loop's way back to a Merge at the loop's head (the join is entered from outside and from inside).
     * What such a join merges is the first pass and the repeats, or another branch entirely, not this split's
     * alternatives.
     */
    const isLoopDecision = (splitId: string, joinId: string): boolean => {
      const c = scc.compOf[graph.indexOf(splitId)]!;
      if (scc.cyclic[c] !== 1) return false;
      if (scc.compOf[graph.indexOf(joinId)] !== c) return true;
      const from = graph.inEdges(joinId).map((e) => scc.compOf[graph.indexOf(e.source)] === c);
      return from.includes(true) && from.includes(false);
    };
    for (const n of graph.nodes) {
      if (n.kind !== 'router' || !graph.isSplit(n)) continue;
      const joinId = graph.matchingJoin(n.id);
      if (joinId === undefined || isLoopDecision(n.id, joinId)) continue;
      const j = graph.node(graph.indexOf(joinId));
      const waitsAll = j.kind === 'join' && j.config.mode === 'all';
      const exclusiveMerge = j.kind !== 'join' || j.config.mode === 'any';
      if (n.config.mode === 'parallel' && exclusiveMerge) {
        report({ message: `The parallel split ${nameOf(n)} is closed by ${nameOf(j)}, which lets each branch through: everything after it runs once per branch.`, nodeIds: [n.id, j.id], fix: 'Close the parallel branches with a Join in mode "all".' });
      } else if (n.config.mode === 'exclusive' && waitsAll) {
        // Baton's join "all" waits for the branches that were started, so here it passes the one that ran; an
        // engine with BPMN semantics (and a BPMN export) waits for every incoming branch and deadlocks.
        report({
          severity: 'info',
          message: `The exclusive split ${nameOf(n)} is closed by the wait-all join ${nameOf(j)}: Baton passes the one branch that ran, but BPMN engines wait for branches that never run (a deadlock).`,
          nodeIds: [n.id, j.id],
          fix: 'Merge exclusive branches with a Join in mode "any" (or connect them directly).',
        });
      }
    }
  },
});
