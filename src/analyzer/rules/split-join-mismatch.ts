import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'split-join-mismatch',
  meta: { description: 'A parallel split must be closed by a wait-all join, an exclusive split must not be.', docs: 'docs/rules/split-join-mismatch.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    for (const n of graph.nodes) {
      if (n.kind !== 'router' || !graph.isSplit(n)) continue;
      const joinId = graph.matchingJoin(n.id);
      if (joinId === undefined) continue;
      const j = graph.node(graph.indexOf(joinId));
      const waitsAll = j.kind === 'join' && j.config.mode === 'all';
      const exclusiveMerge = j.kind !== 'join' || j.config.mode === 'any';
      if (n.config.mode === 'parallel' && exclusiveMerge) {
        report({ message: `The parallel split ${nameOf(n)} is closed by ${nameOf(j)}, which lets each branch through: everything after it runs once per branch.`, nodeIds: [n.id, j.id], fix: 'Close the parallel branches with a Join in mode "all".' });
      } else if (n.config.mode === 'exclusive' && waitsAll) {
        report({ message: `The exclusive split ${nameOf(n)} is closed by the wait-all join ${nameOf(j)}: it waits for branches that never run (a deadlock in BPMN semantics).`, nodeIds: [n.id, j.id], fix: 'Merge exclusive branches with a Join in mode "any" (or connect them directly).' });
      }
    }
  },
});
