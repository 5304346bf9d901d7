import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'low-end-to-end-reliability',
  meta: { description: 'The estimated share of cases that end in success is too low (step success rates multiply).', docs: 'docs/rules/low-end-to-end-reliability.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: { minSuccess: 0.9, minSuccessHighRisk: 0.8 },
  check({ graph, doc, options }, report) {
    if (graph.triggers.length === 0 || !graph.outputs.some((o) => o.kind === 'output' && o.config.outcome === 'success')) return;
    const success = graph.flow().success;
    if (success >= options.minSuccess) return;
    const flow = graph.flow();
    const worst = graph.nodes
      .map((n, i) => ({ id: n.id, failed: flow.failedAt[i] ?? 0 }))
      .filter((x) => x.failed > 1e-9)
      .sort((a, b) => b.failed - a.failed)
      .slice(0, 3);
    report({
      severity: doc.profile?.risk === 'high' && success < options.minSuccessHighRisk ? 'error' : 'warning',
      message: `Only ${(success * 100).toFixed(1)}% of cases are estimated to end in success (target ${(options.minSuccess * 100).toFixed(0)}%).`,
      nodeIds: worst.map((w) => w.id),
      fix: 'Remove steps that are not needed, add retries on transient errors, or a fallback for the weakest step.',
      evidence: { estimatedSuccess: Math.round(success * 1000) / 1000, target: options.minSuccess },
    });
  },
});
