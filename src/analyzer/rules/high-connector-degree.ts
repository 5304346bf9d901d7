import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'high-connector-degree',
  meta: { description: 'A router or join with many edges is hard to read and to test.', docs: 'docs/rules/high-connector-degree.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: { infoAbove: 4, warningAbove: 6 },
  check({ graph, options }, report) {
    for (const n of graph.nodes) {
      if (n.kind !== 'router' && n.kind !== 'join') continue;
      const degree = graph.inEdges(n.id).length + graph.outEdges(n.id).length;
      if (degree <= options.infoAbove) continue;
      report({ severity: degree > options.warningAbove ? 'warning' : 'info', message: `${nameOf(n)} has ${degree} edges.`, nodeIds: [n.id], fix: 'Split it into two connectors, or group branches that go to the same kind of step.', evidence: { degree } });
    }
  },
});
