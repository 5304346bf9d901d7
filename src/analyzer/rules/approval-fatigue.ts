import type { HumanNode } from '../../domain/index.ts';
import { distributionMean } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';
import { nodeBehaviour } from '../reliability.ts';

export default defineRule({
  id: 'approval-fatigue',
  meta: { description: 'Approvals in series, or more reviews a day than the reviewers can do, lead to rubber-stamping.', docs: 'docs/rules/approval-fatigue.md', category: 'human' },
  defaultSeverity: 'warning',
  options: { maxApprovalsInSeries: 1, businessHoursPerDay: 8 },
  check({ graph, doc, options }, report) {
    const approvals = graph.workNodes.filter((n): n is HumanNode => n.kind === 'human' && n.config.type === 'approval');
    const approvalIds = new Set(approvals.map((a) => a.id));
    const isApproval = (id: string): boolean => approvalIds.has(id);
    // Series: approve -> (routers/joins) -> approval.
    const nextApproval = (id: string): string | undefined => {
      const stack = graph.outEdges(id).filter((e) => e.sourcePort === 'approve').map((e) => e.target);
      const seen = new Set<string>();
      while (stack.length > 0) {
        const t = stack.pop()!;
        if (seen.has(t)) continue;
        seen.add(t);
        if (isApproval(t)) return t;
        const k = graph.node(graph.indexOf(t)).kind;
        if (k === 'router' || k === 'join') stack.push(...graph.successorIds(t));
      }
      return undefined;
    };
    const follows = new Set(approvals.map((a) => nextApproval(a.id)).filter((x): x is string => x !== undefined));
    for (const a of approvals) {
      if (follows.has(a.id)) continue;
      const run = [a.id];
      let cur = nextApproval(a.id);
      while (cur !== undefined && !run.includes(cur)) {
        run.push(cur);
        cur = nextApproval(cur);
      }
      if (run.length > options.maxApprovalsInSeries) {
        report({ message: `${run.length} approvals in a row: each reviewer assumes the other one looked.`, nodeIds: run, fix: 'Keep one approval with a clear checklist; give the other reviewer a sample audit.', evidence: { approvals: run.length } });
      }
    }
    const runs = doc.profile?.runsPerDay;
    if (runs === undefined) return;
    for (const n of graph.workNodes) {
      if (n.kind !== 'human') continue;
      const reviews = runs * graph.visits(n.id);
      const service = nodeBehaviour(n).meanSeconds || (n.stub ? distributionMean(n.stub.serviceTime) : 0);
      if (service <= 0) continue;
      const hours = n.config.calendar === 'always' ? 24 : options.businessHoursPerDay;
      const capacity = (n.config.reviewers * hours * 3600) / service;
      if (reviews > capacity) {
        report({ message: `${nameOf(n)} gets about ${Math.round(reviews)} reviews a day; ${n.config.reviewers} reviewer(s) can do about ${Math.round(capacity)}.`, nodeIds: [n.id], fix: 'Route only low-confidence cases to people, or add reviewers.', evidence: { reviewsPerDay: Math.round(reviews), capacityPerDay: Math.round(capacity) } });
      }
    }
  },
});
