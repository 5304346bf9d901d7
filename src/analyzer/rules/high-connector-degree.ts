import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'high-connector-degree',
  meta: { description: 'A router or join with many branches is hard to read and to test.', docs: 'docs/rules/high-connector-degree.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: { infoAbove: 4, warningAbove: 6, countExceptionRoutes: false },
  check({ graph, options }, report) {
    const failure = graph.failureEdge();
    for (const n of graph.nodes) {
      if (n.kind !== 'router' && n.kind !== 'join') continue;
      const v = graph.indexOf(n.id);
      // Branches, not edges: a parallel branch's out and error edges into its join are one branch. A step that
      // reaches the connector only through failure ports (error, fail, reject, timeout) is an exception route
      // being collected for one handler, the pattern the fragility rules ask for; it is not counted by default.
      const normal = new Set<number>();
      const exception = new Set<number>();
      for (let j = graph.pred.offsets[v]!; j < graph.pred.offsets[v + 1]!; j++) {
        (failure[graph.pred.edgeIndex[j]!] === 1 ? exception : normal).add(graph.pred.targets[j]!);
      }
      for (const s of normal) exception.delete(s);
      const successors = new Set<number>();
      for (let j = graph.succ.offsets[v]!; j < graph.succ.offsets[v + 1]!; j++) successors.add(graph.succ.targets[j]!);
      const degree = normal.size + successors.size + (options.countExceptionRoutes ? exception.size : 0);
      if (degree <= options.infoAbove) continue;
      const edges = graph.inEdges(n.id).length + graph.outEdges(n.id).length;
      report({
        severity: degree > options.warningAbove ? 'warning' : 'info',
        message: `${nameOf(n)} connects ${degree} branches (${edges} edges).`,
        nodeIds: [n.id],
        fix: 'Split it into two connectors, or group branches that go to the same kind of step.',
        evidence: { degree, edges, exceptionRoutes: exception.size },
      });
    }
  },
});
