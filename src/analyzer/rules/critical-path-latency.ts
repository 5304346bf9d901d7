import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'critical-path-latency',
  meta: { description: 'The estimated p95 cycle time misses the SLA, or a person waits inside a live chat or webhook.', docs: 'docs/rules/critical-path-latency.md', category: 'cost' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph, doc }, report) {
    const sla = doc.profile?.slaSeconds;
    const flow = graph.flow();
    if (sla !== undefined && flow.p95Seconds > sla) {
      report({ message: `The estimated p95 cycle time is ${Math.round(flow.p95Seconds)} s, over the ${sla} s SLA.`, fix: 'Run independent steps in parallel, use faster models on the critical path, or take people off it.', evidence: { p95Seconds: Math.round(flow.p95Seconds * 10) / 10, slaSeconds: sla } });
    }
    const live = graph.triggers.some((t) => t.kind === 'trigger' && (t.config.type === 'chat' || t.config.type === 'webhook'));
    if (!live) return;
    for (const n of graph.workNodes) {
      if (n.kind === 'human' && graph.onEveryPath(n.id)) {
        report({ message: `Every case waits for a person at ${nameOf(n)} while a chat or webhook caller waits for the answer.`, nodeIds: [n.id], fix: 'Answer at once and follow up asynchronously, or send only some cases to the person.' });
      }
    }
  },
});
