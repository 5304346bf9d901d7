import { defineRule } from '../define-rule.ts';
import { isUnprotectedChokepoint, nameOf, reachedUnattended, SPOF_MIN_STEP_SUCCESS } from '../rule-helpers.ts';
import { stepSuccess } from '../reliability.ts';

export default defineRule({
  id: 'single-point-of-failure',
  meta: { description: 'An unprotected, less-than-reliable call that every case must pass through.', docs: 'docs/rules/single-point-of-failure.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: {
    minStepSuccess: SPOF_MIN_STEP_SUCCESS,
    /** Steps only runs started by hand reach are left out: the person who ran it sees the failure and runs it again. */
    manualRunsAreWatched: true,
  },
  check({ graph, options }, report) {
    const unattended = reachedUnattended(graph, options);
    for (const n of graph.workNodes) {
      if (unattended[graph.indexOf(n.id)] === 0 || !isUnprotectedChokepoint(graph, n, options.minStepSuccess, stepSuccess)) continue;
      const s = stepSuccess(n);
      report({
        message: `Every case passes ${nameOf(n)}, which succeeds ${(s * 100).toFixed(1)}% of the time and has no retry or fallback.`,
        nodeIds: [n.id],
        fix: 'Add a retry on transient errors, or a fallback step on its error port.',
        quickFix: 'add-error-route',
        evidence: { stepSuccess: Math.round(s * 10000) / 10000 },
      });
    }
  },
});
