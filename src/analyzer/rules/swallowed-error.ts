import { defineRule } from '../define-rule.ts';
import { hasPortEdge, nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'swallowed-error',
  meta: { description: 'A failure that goes nowhere, or is delivered as if it were a success.', docs: 'docs/rules/swallowed-error.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    for (const n of graph.workNodes) {
      // error on AI/tool steps is no-error-handling's, timeout on gates human-gate-timeout's.
      if (n.kind === 'check' && n.config.onFail === 'route' && hasPortEdge(graph, n, 'pass') && !hasPortEdge(graph, n, 'fail')) {
        report({ message: `Items that fail ${nameOf(n)} go nowhere.`, nodeIds: [n.id], fix: 'Connect "fail" to a retry, a review or a rejected output.' });
      }
      if (n.kind === 'human' && n.config.type !== 'escalation' && hasPortEdge(graph, n, 'approve') && !hasPortEdge(graph, n, 'reject') && hasPortEdge(graph, n, 'revise')) {
        report({ message: `Items rejected at ${nameOf(n)} go nowhere.`, nodeIds: [n.id], fix: 'Connect "reject" to a rejected output.' });
      }
      for (const e of graph.outEdges(n.id)) {
        if (!['error', 'fail', 'reject', 'timeout'].includes(e.sourcePort)) continue;
        const t = graph.node(graph.indexOf(e.target));
        if (t.kind === 'output' && t.config.outcome === 'success') {
          report({ message: `The "${e.sourcePort}" path of ${nameOf(n)} ends at the success output ${nameOf(t)}: failures are counted as successes.`, nodeIds: [n.id, t.id], edgeIds: [e.id], fix: 'Send it to an output whose outcome is error, rejected or escalated.' });
        }
      }
    }
  },
});
