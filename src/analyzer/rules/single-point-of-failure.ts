import { defineRule } from '../define-rule.ts';
import { hasErrorRoute, hasRetry, isCall, nameOf } from '../rule-helpers.ts';
import { stepSuccess } from '../reliability.ts';

export default defineRule({
  id: 'single-point-of-failure',
  meta: { description: 'An unprotected, less-than-reliable call that every case must pass through.', docs: 'docs/rules/single-point-of-failure.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: { minStepSuccess: 0.99 },
  check({ graph, options }, report) {
    for (const n of graph.workNodes) {
      if (!isCall(n) || hasRetry(n) || hasErrorRoute(graph, n) || !graph.onEveryPath(n.id)) continue;
      const s = stepSuccess(n);
      if (s >= options.minStepSuccess) continue;
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
