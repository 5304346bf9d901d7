import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'join-fork',
  meta: { description: 'One connector that both merges and splits hides two decisions in one box (7PMG G2).', docs: 'docs/rules/join-fork.md', category: 'structure' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    for (const n of graph.nodes) {
      if (n.kind !== 'router' && n.kind !== 'join') continue;
      const ins = new Set(graph.inEdges(n.id).map((e) => e.source)).size;
      const outs = graph.successorIds(n.id).length;
      if (ins > 1 && outs > 1) {
        report({ message: `${nameOf(n)} both merges ${ins} paths and splits into ${outs}.`, nodeIds: [n.id], fix: 'Use a Join followed by a Router, each with one job.', evidence: { in: ins, out: outs } });
      }
    }
  },
});
