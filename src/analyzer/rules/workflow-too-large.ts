import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'workflow-too-large',
  meta: { description: 'Large workflows are hard to understand and error-prone (7PMG G7: decompose above 50 nodes).', docs: 'docs/rules/workflow-too-large.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: { infoAbove: 20, warningAbove: 50 },
  check({ graph, options }, report) {
    const n = graph.size;
    if (n <= options.infoAbove) return;
    report({
      severity: n > options.warningAbove ? 'warning' : 'info',
      message: `The workflow has ${n} nodes.`,
      fix: 'Split it into subworkflows of under 20 nodes, each with one job.',
      evidence: { nodes: n, infoAbove: options.infoAbove, warningAbove: options.warningAbove },
    });
  },
});
