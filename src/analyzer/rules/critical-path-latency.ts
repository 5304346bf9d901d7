import { formatSeconds } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { isInteractiveTrigger, nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'critical-path-latency',
  meta: { description: 'The estimated p95 cycle time misses the SLA, or a person waits inside a live chat or webhook.', docs: 'docs/rules/critical-path-latency.md', category: 'cost' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph, doc }, report) {
    const sla = doc.profile?.slaSeconds;
    const flow = graph.flow();
    if (sla !== undefined && flow.notEstimated.p95Seconds === undefined && flow.p95Seconds > sla) {
      // Say when people drive the tail: a share of cases above 5% that waits for a person puts p95 in their hands.
      let humanShare = 0;
      for (const n of graph.workNodes) if (n.kind === 'human') humanShare += flow.visits[graph.indexOf(n.id)] ?? 0;
      const people = humanShare > 0 ? ` About ${Math.round(Math.min(1, humanShare) * 100)}% of cases wait for a person (their queue and working hours included).` : '';
      report({ message: `The estimated p95 cycle time is ${formatSeconds(flow.p95Seconds)}, over the ${formatSeconds(sla)} deadline.${people}`, fix: 'Run independent steps in parallel, use faster models on the critical path, or take people off it.', evidence: { p95Seconds: Math.round(flow.p95Seconds * 10) / 10, slaSeconds: sla, humanShare: Math.round(humanShare * 1000) / 1000 } });
    }
    const live = graph.triggers.some(isInteractiveTrigger);
    if (!live) return;
    for (const n of graph.workNodes) {
      // The requester filling in the next page of their own form is the caller, not someone they wait for.
      if (n.kind === 'human' && n.config.requester !== true && graph.onEveryPath(n.id)) {
        report({ message: `Every case waits for a person at ${nameOf(n)} while a chat or webhook caller waits for the answer.`, nodeIds: [n.id], fix: 'Answer at once and follow up asynchronously, or send only some cases to the person.' });
      }
    }
  },
});
