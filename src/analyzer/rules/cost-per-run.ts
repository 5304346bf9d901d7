import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'cost-per-run',
  meta: { description: 'The expected cost of a case is over the budget per run.', docs: 'docs/rules/cost-per-run.md', category: 'cost' },
  defaultSeverity: 'warning',
  options: { topContributors: 3 },
  check({ graph, doc, options }, report) {
    const budget = doc.profile?.budgetPerRun;
    if (budget === undefined) return;
    const flow = graph.flow();
    if (flow.notEstimated.costPerCase !== undefined || flow.costPerCase <= budget) return;
    const top = graph.nodes
      .map((n, i) => ({ n, cost: flow.costAt[i] ?? 0 }))
      .filter((x) => x.cost > 0)
      .sort((a, b) => b.cost - a.cost)
      .slice(0, options.topContributors);
    const list = top.map((x) => `"${x.n.label || x.n.id}" $${x.cost.toFixed(4)}`).join(', ');
    report({
      message: `Expected cost per case is $${flow.costPerCase.toFixed(4)}, over the $${budget} budget. Largest: ${list}.`,
      nodeIds: top.map((x) => x.n.id),
      fix: 'Use a cheaper model for the largest contributor, cache repeated calls, or send fewer cases to people.',
      evidence: { costPerCase: Math.round(flow.costPerCase * 1e6) / 1e6, budgetPerRun: budget },
    });
  },
});
