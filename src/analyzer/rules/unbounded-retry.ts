import { formatSeconds } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'unbounded-retry',
  meta: { description: 'Retries that run too long, back off the wrong way, or repeat a side effect that is not idempotent.', docs: 'docs/rules/unbounded-retry.md', category: 'fragility' },
  defaultSeverity: 'error',
  options: { maxAttempts: 10, maxIntervalSeconds: 300, minBackoffCoefficient: 1 },
  check({ graph, options }, report) {
    for (const n of graph.workNodes) {
      if (n.kind !== 'ai' && n.kind !== 'tool') continue;
      const retriers = n.policy?.retry ?? [];
      const problems: string[] = [];
      for (const r of retriers) {
        if (r.maximumAttempts > options.maxAttempts) problems.push(`${r.maximumAttempts} attempts (limit ${options.maxAttempts})`);
        const interval = Math.max(r.initialIntervalSeconds ?? 0, r.maximumIntervalSeconds ?? 0);
        if (interval > options.maxIntervalSeconds) problems.push(`waits of up to ${formatSeconds(interval)} between tries (limit ${formatSeconds(options.maxIntervalSeconds)})`);
        if (r.backoffCoefficient !== undefined && r.backoffCoefficient < options.minBackoffCoefficient) problems.push(`a backoff coefficient of ${r.backoffCoefficient}, which shortens the wait each time`);
      }
      if (problems.length > 0) {
        report({ message: `${nameOf(n)} retries with ${problems.join(', ')}.`, nodeIds: [n.id], fix: `Cap attempts at ${options.maxAttempts} or fewer, waits at ${formatSeconds(options.maxIntervalSeconds)}, and back off by a coefficient of at least ${options.minBackoffCoefficient}.`, quickFix: 'cap-retries', evidence: { maxAttempts: options.maxAttempts, maxIntervalSeconds: options.maxIntervalSeconds, minBackoffCoefficient: options.minBackoffCoefficient } });
      }
      if (n.kind === 'tool' && n.config.sideEffect !== 'none' && !n.config.idempotent && retriers.some((r) => r.maximumAttempts > 1)) {
        report({ severity: 'warning', message: `${nameOf(n)} has a ${n.config.sideEffect} side effect, is not idempotent, and is retried: a retry after a lost reply repeats the action.`, nodeIds: [n.id], fix: 'Make the call idempotent (an idempotency key), or do not retry it.' });
      }
    }
  },
});
