import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'no-disconnected',
  meta: { description: 'A node with no edges at all takes no part in the workflow.', docs: 'docs/rules/no-disconnected.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    if (graph.size < 2) return;
    for (const n of graph.nodes) {
      if (graph.inEdges(n.id).length === 0 && graph.outEdges(n.id).length === 0) {
        report({ message: `${nameOf(n)} is not connected to anything.`, nodeIds: [n.id], fix: 'Connect it into the flow, or delete it.' });
      }
    }
  },
});
