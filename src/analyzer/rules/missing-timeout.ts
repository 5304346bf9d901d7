import { defineRule } from '../define-rule.ts';
import { isCall, nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'missing-timeout',
  meta: { description: 'A call without a per-try timeout can hang a case for as long as the provider does.', docs: 'docs/rules/missing-timeout.md', category: 'fragility' },
  defaultSeverity: 'info',
  options: {},
  check({ graph }, report) {
    const interactive = graph.triggers.some((t) => t.kind === 'trigger' && (t.config.type === 'webhook' || t.config.type === 'chat'));
    for (const n of graph.workNodes) {
      if (!isCall(n) || n.policy?.timeouts?.startToCloseSeconds !== undefined) continue;
      report({
        severity: interactive ? 'warning' : 'info',
        message: `${nameOf(n)} has no timeout${interactive ? ', and someone is waiting on a webhook or chat reply' : ''}.`,
        nodeIds: [n.id],
        fix: 'Set startToCloseSeconds (for example 30 s for an AI call, 10 s for a tool).',
        quickFix: 'add-timeout',
      });
    }
  },
});
