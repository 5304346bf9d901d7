import { defineRule } from '../define-rule.ts';
import { hasPortEdge, nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'human-gate-outcomes',
  meta: { description: 'An approval that cannot say no is not an approval.', docs: 'docs/rules/human-gate-outcomes.md', category: 'human' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    for (const n of graph.workNodes) {
      if (n.kind !== 'human' || n.config.type !== 'approval') continue;
      if (!hasPortEdge(graph, n, 'reject') && !hasPortEdge(graph, n, 'revise')) {
        report({ message: `${nameOf(n)} can only approve: there is no reject or revise path.`, nodeIds: [n.id], fix: 'Connect "reject" to a rejected output, or "revise" back to the step that produced the item.' });
      }
    }
  },
});
