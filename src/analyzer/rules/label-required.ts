import { nodeKindPhrase } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export default defineRule({
  id: 'label-required',
  meta: { description: 'A node without a label is anonymous in reviews, logs and reports.', docs: 'docs/rules/label-required.md', category: 'naming' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    for (const n of graph.nodes) {
      if (n.label.trim().length > 0) continue;
      const purpose = (n.kind === 'ai' || n.kind === 'tool') && (n.config.purpose ?? '').trim().length > 0;
      report({
        message: `${capitalised(nodeKindPhrase(n.kind))} ("${n.id}") has no label.`,
        nodeIds: [n.id],
        fix: 'Name it after what it does, as a verb and an object ("Extract invoice fields").',
        ...(purpose ? { quickFix: 'name-after-purpose' as const } : {}),
      });
    }
  },
});
