import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'chain-too-long',
  meta: { description: 'Every step on the way multiplies the chance of failure: long chains are fragile and slow.', docs: 'docs/rules/chain-too-long.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: { infoAbove: 5, warningAbove: 10 },
  check({ graph, options }, report) {
    const longest = graph.metrics().longestPath;
    if (longest <= options.infoAbove) return;
    const flow = graph.flow();
    const success = flow.success;
    const known = flow.notEstimated.success === undefined;
    report({
      severity: longest > options.warningAbove ? 'warning' : 'info',
      message: `A case can pass ${longest} steps from trigger to output; end-to-end success is ${known ? `estimated at ${(success * 100).toFixed(1)}%` : 'not estimated'}.`,
      fix: 'Merge steps that do one job, or run independent steps in parallel.',
      evidence: known ? { longestPath: longest, estimatedSuccess: Math.round(success * 1000) / 1000 } : { longestPath: longest },
    });
  },
});
