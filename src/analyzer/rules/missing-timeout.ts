import { defineRule } from '../define-rule.ts';
import { isCall, isInteractiveTrigger, nameOf, reachedFrom } from '../rule-helpers.ts';

export default defineRule({
  id: 'missing-timeout',
  meta: { description: 'A call without a per-try timeout can hang a case for as long as the provider does.', docs: 'docs/rules/missing-timeout.md', category: 'fragility' },
  defaultSeverity: 'info',
  options: {
    /**
     * Also report calls no webhook or chat reaches (scheduled and event-driven work), as info. Off by default: on
     * real designs those were almost all noise (a hung background call delays one run, and the engine's own
     * execution limit ends it), while a missing timeout where someone waits is what hurts.
     */
    reportBackground: false,
  },
  check({ graph, options }, report) {
    // Someone waits only on what a webhook or chat trigger reaches: a scheduled path of the same design is
    // background work, even when another trigger of it is a webhook.
    const waiting = reachedFrom(graph, graph.triggers.filter(isInteractiveTrigger));
    for (const n of graph.workNodes) {
      if (!isCall(n)) continue;
      const t = n.policy?.timeouts;
      if (t?.startToCloseSeconds !== undefined || t?.scheduleToCloseSeconds !== undefined) continue;
      const interactive = waiting[graph.indexOf(n.id)] === 1;
      if (!interactive && !options.reportBackground) continue;
      report({
        severity: interactive ? 'warning' : 'info',
        message: `${nameOf(n)} has no timeout${interactive ? ', and someone is waiting on a webhook or chat reply' : ''}.`,
        nodeIds: [n.id],
        fix: 'Set a timeout per try in its failure policy (for example 30 s for an AI call, 10 s for a tool).',
        quickFix: 'add-timeout',
      });
    }
  },
});
