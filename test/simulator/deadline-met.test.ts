/**
 * deadlineMetRate: the share of cases whose cycle time is within the profile's deadline, counted case by case.
 * Designs whose cycle times are fixed make the expected figure exact (which branch each case took), so the test
 * does not lean on a previous run.
 */
import { describe, expect, it } from 'vitest';
import { reportKpi, simulationReportSchema, type Workflow } from '../../src/domain/index.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { edge, fixed, output, router, tool, trigger, workflow } from './helpers.ts';

/** 30% of cases take a 100 s step, 70% a 1 s step; arrivals far apart, so nobody queues. */
function twoSpeeds(slaSeconds?: number): Workflow {
  return workflow(
    [trigger(), router('r'), tool('slow', { ok: 1 }, { latency: fixed(100) }), tool('fast', { ok: 1 }, { latency: fixed(1) }), output('o')],
    [edge('t', 'r'), edge('r', 'slow', { probability: 0.3 }), edge('r', 'fast', { probability: 0.7 }), edge('slow', 'o'), edge('fast', 'o')],
    {
      ...(slaSeconds !== undefined ? { profile: { slaSeconds } } : {}),
      scenarios: [{ id: 's', name: 's', seed: 1, cases: 100, arrival: { type: 'fixed', everySeconds: 1000 } }],
    },
  );
}

describe('deadlineMetRate', () => {
  it('is the share of cases that ended within the deadline, replication by replication', () => {
    const doc = twoSpeeds(50);
    const r = runBatch(doc, doc.scenarios?.[0], { cases: 400, replications: 3, seed: 7 });
    if (!r) throw new Error('no report');
    // Exactly the cases that took the fast branch.
    const fastShare = (r.nodes.fast?.visits ?? 0) / (r.cases * r.replications);
    expect(fastShare).toBeGreaterThan(0.6);
    expect(r.kpis.deadlineMetRate?.mean).toBeCloseTo(fastShare, 12);
    expect(r.kpis.deadlineMetRate?.ci95).not.toBeNull();
    expect(r.replicationKpis.deadlineMetRate).toHaveLength(3);
    expect(simulationReportSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('counts a case that ends exactly at the deadline as in time, and one a second late as not', () => {
    const exact = runBatch(twoSpeeds(100), undefined, { cases: 200, replications: 2, seed: 3 });
    expect(exact?.kpis.deadlineMetRate?.mean).toBe(1);
    const late = runBatch(twoSpeeds(99), undefined, { cases: 200, replications: 2, seed: 3 });
    expect(late?.kpis.deadlineMetRate?.mean).toBeCloseTo((late?.nodes.fast?.visits ?? 0) / 400, 12);
  });

  it('is absent without a deadline in the profile, so no one reads a share of nothing', () => {
    const r = runBatch(twoSpeeds(), undefined, { cases: 50, replications: 2, seed: 1 });
    expect(r && 'deadlineMetRate' in r.kpis).toBe(false);
    expect(r && 'deadlineMetRate' in r.replicationKpis).toBe(false);
    expect(r && reportKpi(r.kpis, 'deadlineMetRate')).toBeUndefined();
  });

  it('saved runs from before the KPI still parse', () => {
    const r = runBatch(twoSpeeds(50), undefined, { cases: 50, replications: 2, seed: 1 });
    if (!r) throw new Error('no report');
    const { deadlineMetRate: _k, ...kpis } = r.kpis;
    const { deadlineMetRate: _v, ...replicationKpis } = r.replicationKpis;
    expect(simulationReportSchema.safeParse({ ...r, kpis, replicationKpis }).success).toBe(true);
  });
});
