import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'unreachable-node',
  meta: { description: 'A node no trigger reaches never runs.', docs: 'docs/rules/unreachable-node.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    if (graph.triggers.length === 0) return;
    for (const n of graph.nodes) {
      if (n.kind === 'trigger' || graph.reachableFromTrigger(n.id)) continue;
      // Isolated nodes are no-disconnected's finding; do not report them twice.
      if (graph.inEdges(n.id).length === 0 && graph.outEdges(n.id).length === 0) continue;
      report({ message: `No trigger reaches ${nameOf(n)}, so it never runs.`, nodeIds: [n.id], fix: 'Connect it to a path that starts at a trigger, or delete it.' });
    }
  },
});
