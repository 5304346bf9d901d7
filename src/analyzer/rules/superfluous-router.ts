import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'superfluous-router',
  meta: { description: 'A router or join with one way in and one way out decides nothing.', docs: 'docs/rules/superfluous-router.md', category: 'structure' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    for (const n of graph.nodes) {
      if (n.kind !== 'router' && n.kind !== 'join') continue;
      const ins = graph.inEdges(n.id);
      const outs = graph.outEdges(n.id);
      // A router whose one branch states a condition (in words or as a condition) lets only some cases on: a filter.
      const filters = n.kind === 'router' && outs.length === 1 && (outs[0]!.condition !== undefined || (outs[0]!.label ?? '').trim().length > 0);
      if (ins.length === 1 && outs.length === 1 && !filters) {
        report({ message: `${nameOf(n)} has one way in and one way out: it adds a box and decides nothing.`, nodeIds: [n.id], edgeIds: [ins[0]!.id, outs[0]!.id], fix: 'Remove it and connect its neighbours directly.', quickFix: 'remove-superfluous-connector' });
      }
    }
  },
});
