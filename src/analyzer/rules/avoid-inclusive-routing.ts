import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'avoid-inclusive-routing',
  meta: { description: 'Inclusive routers (any subset of branches) are the hardest to reason about (7PMG G5; CFC weight 2^k - 1).', docs: 'docs/rules/avoid-inclusive-routing.md', category: 'structure' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    for (const n of graph.nodes) {
      if (n.kind === 'router' && n.config.mode === 'inclusive') {
        const k = graph.successorIds(n.id).length;
        report({ message: `${nameOf(n)} is inclusive: any of ${2 ** k - 1} combinations of its ${k} branches can run.`, nodeIds: [n.id], fix: 'Use an exclusive router, or a parallel router with a check inside each branch.', evidence: { branches: k } });
      }
    }
  },
});
