import { defineRule } from '../define-rule.ts';
import { hasPortEdge, hasRetry, isCall, isUnprotectedChokepoint, nameOf, reachedUnattended, SPOF_MIN_STEP_SUCCESS } from '../rule-helpers.ts';
import { stepSuccess } from '../reliability.ts';

export default defineRule({
  id: 'no-error-handling',
  meta: { description: 'An AI or tool call with no retry, no error route and no fallback fails the case on its first error.', docs: 'docs/rules/no-error-handling.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: {
    smallWorkflowNodes: 3,
    /**
     * A run started by hand (n8n's "Test workflow") is watched by the person who started it, who sees the error and
     * runs it again: calls only such runs reach are not reported. Calls no trigger reaches are unreachable-node's.
     * A run another workflow starts (\`called\`) is reported: it is real work, and retrying the one call that
     * failed belongs to that call; the caller can only run the whole sub-workflow again.
     */
    manualRunsAreWatched: true,
  },
  check({ graph, options }, report) {
    const small = graph.size <= options.smallWorkflowNodes;
    const unattended = reachedUnattended(graph, options);
    for (const n of graph.workNodes) {
      if (!isCall(n) || unattended[graph.indexOf(n.id)] === 0) continue;
      // An error port half set up (an edge no catcher feeds, a catcher with no edge) is dead-error-port's finding.
      const errorPort = hasPortEdge(graph, n, 'error') || (n.policy?.catch ?? []).some((c) => c.port === 'error');
      // A weak step every case passes is single-point-of-failure's finding (with its success estimate).
      if (!hasRetry(n) && !errorPort && !isUnprotectedChokepoint(graph, n, SPOF_MIN_STEP_SUCCESS, stepSuccess)) {
        report({
          severity: small ? 'info' : 'warning',
          message: `${nameOf(n)} has no retry, no error route and no fallback: its first error fails the case.`,
          nodeIds: [n.id],
          fix: 'Retry transient errors (rate limits, timeouts) and route the rest to an alert or a fallback.',
          quickFix: 'add-error-route',
        });
      }
    }
  },
});
