import { formatSeconds } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { hasPortEdge, nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'human-gate-timeout',
  meta: { description: 'People go on holiday: a gate needs an SLA and a route for when it passes.', docs: 'docs/rules/human-gate-timeout.md', category: 'human' },
  defaultSeverity: 'warning',
  options: {
    /**
     * A step the requester answers for themselves (the next page of their own form) is no queue: when they leave,
     * the request is given up, and nobody is there to escalate to.
     */
    requesterPagesNeedNoSla: true,
  },
  check({ graph, options }, report) {
    for (const n of graph.workNodes) {
      if (n.kind !== 'human' || (options.requesterPagesNeedNoSla && n.config.requester === true)) continue;
      const sla = n.config.slaSeconds ?? n.policy?.timeouts?.startToCloseSeconds ?? n.policy?.timeouts?.scheduleToCloseSeconds;
      if (sla === undefined) {
        report({ message: `${nameOf(n)} has no SLA: a case can wait for it forever.`, nodeIds: [n.id], fix: 'Set an SLA and connect the "timeout" port to an escalation.' });
      } else if (!hasPortEdge(graph, n, 'timeout')) {
        report({ message: `${nameOf(n)} has an SLA of ${formatSeconds(sla)} but nothing happens when it passes.`, nodeIds: [n.id], fix: 'Connect the "timeout" port to an escalation or a reminder.', evidence: { slaSeconds: sla } });
      }
    }
  },
});
