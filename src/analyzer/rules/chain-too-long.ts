import { defineRule } from '../define-rule.ts';
import { defaultsNote, rateBasis } from '../stated-rates.ts';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export default defineRule({
  id: 'chain-too-long',
  meta: { description: 'Every step on the way multiplies the chance of failure: a long chain that loses cases is fragile.', docs: 'docs/rules/chain-too-long.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: { infoAbove: 5, warningAbove: 10, minCompletion: 0.95 },
  check({ graph, options }, report) {
    const longest = graph.metrics().longestPath;
    if (longest <= options.infoAbove) return;
    // A long chain is a cost only when it loses cases: when the steps are the job and nearly every case gets
    // through, the count alone is nothing to act on. Unknown completion is no evidence of a cost either.
    const flow = graph.flow();
    if (flow.notEstimated.success !== undefined || flow.completion >= options.minCompletion) return;
    // As low-end-to-end-reliability: a loss that only the kinds' default rates make is not this design's.
    const basis = rateBasis(graph);
    if (basis.stated.length === 0) return;
    report({
      severity: longest > options.warningAbove ? 'warning' : 'info',
      message: `A case can pass ${longest} steps from trigger to output, and ${pct(1 - flow.completion)} of cases are estimated not to complete (${pct(flow.completion)} do)${defaultsNote(basis)}.`,
      fix: 'Merge steps that do one job, retry the steps that lose cases, or run independent steps in parallel.',
      evidence: { longestPath: longest, estimatedCompletion: Math.round(flow.completion * 1000) / 1000, estimatedSuccess: Math.round(flow.success * 1000) / 1000, stepsWithDefaultRates: basis.defaulted.length },
    });
  },
});
