import { defineRule } from '../define-rule.ts';
import { defaultsNote, rateBasis } from '../stated-rates.ts';

export default defineRule({
  id: 'low-end-to-end-reliability',
  meta: { description: 'Too few cases are estimated to complete: step success rates multiply along the way.', docs: 'docs/rules/low-end-to-end-reliability.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: { minSuccess: 0.9, minSuccessHighRisk: 0.8 },
  check({ graph, doc, options }, report) {
    if (graph.triggers.length === 0 || graph.outputs.length === 0) return;
    const flow = graph.flow();
    if (flow.notEstimated.success !== undefined) return;
    // Completion, not the success outcome alone: a case a reviewer rejects on purpose is the workflow working.
    const reliability = flow.completion;
    if (reliability >= options.minSuccess) return;
    // A figure only the kinds' default rates lower (an n8n import states none) says nothing about this design
    // beyond no-error-handling's "no retry": judge it once some step on the way states its own failure rate.
    const basis = rateBasis(graph);
    if (basis.stated.length === 0) return;
    const worst = graph.nodes
      .map((n, i) => ({ id: n.id, failed: flow.failedAt[i] ?? 0 }))
      .filter((x) => x.failed > 1e-9)
      .sort((a, b) => b.failed - a.failed)
      .slice(0, 3);
    report({
      severity: doc.profile?.risk === 'high' && reliability < options.minSuccessHighRisk ? 'error' : 'warning',
      message: `Only ${(reliability * 100).toFixed(1)}% of cases are estimated to complete (target ${(options.minSuccess * 100).toFixed(0)}%); ${(flow.success * 100).toFixed(1)}% end in success${defaultsNote(basis)}.`,
      nodeIds: worst.map((w) => w.id),
      fix: 'Remove steps that are not needed, add retries on transient errors, or a fallback for the weakest step.',
      evidence: { estimatedCompletion: Math.round(reliability * 1000) / 1000, estimatedSuccess: Math.round(flow.success * 1000) / 1000, target: options.minSuccess, stepsWithDefaultRates: basis.defaulted.length },
    });
  },
});
