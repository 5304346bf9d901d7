/**
 * A/B differences with common random numbers: two batches with the same seed share each replication's streams, so
 * the paired interval on per-replication differences shows the design change without the luck both runs shared.
 * The batches run through the simulator here (tests may import it; src/store may not).
 */
import { describe, expect, it } from 'vitest';
import { runBatch, tQuantile975 } from '../../src/simulator/report.ts';
import type { SimReport } from '../../src/store/simulation-store.ts';
import { kpiDifference, reportKpiDifference } from '../../src/store/simulation-whatif.ts';
import { ai, edge, human, output, tool, trigger, workflow } from '../simulator/helpers.ts';

/** ai -> tool -> human gate. */
const design = (toolOk: number, reviewers = 2) =>
  workflow(
    [
      trigger(),
      ai('a', { ok: 0.85, wrong: 0.05, rate_limited: 0.1 }, { latency: { type: 'lognormal', median: 2, p95: 8 }, cost: 0.01, policy: { retry: [{ errorEquals: ['rate_limited'], maximumAttempts: 3, jitter: 'full' }] } }),
      tool('b', { ok: toolOk, validation: 1 - toolOk }),
      human('h', { reviewers, service: { type: 'exponential', mean: 120 }, outcomes: { approve: 0.9, reject: 0.1 }, detection: 0.6, costPerHour: 40 }),
      output('o'),
      output('x', 'rejected'),
    ],
    [edge('t', 'a'), edge('a', 'b'), edge('b', 'h'), edge('h:approve', 'o'), edge('h:reject', 'x')],
    { profile: { runsPerDay: 500 } },
  );

const run = (toolOk: number, seed = 9, reviewers = 2): SimReport => {
  const r = runBatch(design(toolOk, reviewers), undefined, { cases: 300, replications: 12, seed });
  if (!r) throw new Error('no report');
  return r;
};

const width = (d: { ci95: readonly [number, number] | null }): number => (d.ci95 ? d.ci95[1] - d.ci95[0] : NaN);

describe('paired A/B differences', () => {
  it('uses the one Student-t of src/domain: the tables to 30 degrees of freedom, the normal quantile in the limit', () => {
    expect(tQuantile975(9)).toBe(2.262);
    expect(tQuantile975(30)).toBe(2.042);
    // Beyond the table the expansion continues it smoothly (the table's next row, df 40, is 2.021).
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(100_000)).toBeCloseTo(1.96, 3);
    expect(tQuantile975(0)).toBeNaN();
    // The paired interval is that t times the standard error of the differences.
    const d = kpiDifference(undefined, undefined, { a: [0, 0, 0], b: [1, 2, 3] });
    expect(d).toMatchObject({ mean: 2, paired: true });
    expect(d.ci95?.[1]).toBeCloseTo(2 + 4.303 * Math.sqrt(1 / 3), 12);
  });

  it('is narrower than the conservative interval on a change that leaves most streams alone, and centred on the same difference', () => {
    // A third reviewer: every node draws what it drew in A (only the queue differs). A less reliable tool: only the
    // tool's outcomes differ, for the few cases whose draw falls between the two failure rates.
    const a = run(0.97);
    for (const [label, b, kpis] of [
      ['reviewers 2 -> 3', run(0.97, 9, 3), ['successRate', 'meanCycleSeconds', 'cycleSecondsP90', 'humanHoursPerDay']],
      ['tool ok 0.97 -> 0.95', run(0.95), ['successRate', 'costPerCase', 'meanCycleSeconds']],
    ] as const) {
      for (const kpi of kpis) {
        const independent = kpiDifference(a.kpis[kpi], b.kpis[kpi]);
        const paired = reportKpiDifference(a, b, kpi);
        expect(paired.paired, `${label} ${kpi}`).toBe(true);
        expect(independent.paired).toBe(false);
        // Every replication defines these KPIs, so the mean of the differences is the difference of the means.
        expect(paired.mean ?? NaN, `${label} ${kpi}`).toBeCloseTo(independent.mean ?? NaN, 10);
        expect(width(paired), `${label} ${kpi}`).toBeLessThan(width(independent));
      }
    }
    // The extra reviewer cuts waiting: clear with pairing, at most half as wide as the conservative interval.
    const b = run(0.97, 9, 3);
    const cycle = reportKpiDifference(a, b, 'meanCycleSeconds');
    expect(cycle.clear).toBe(true);
    expect(cycle.mean ?? 0).toBeLessThan(0);
    expect(width(cycle)).toBeLessThan(0.5 * width(kpiDifference(a.kpis.meanCycleSeconds, b.kpis.meanCycleSeconds)));
  });

  it('falls back to the conservative interval when the runs cannot be paired', () => {
    const a = run(0.97);
    const otherSeed = run(0.9, 10);
    expect(reportKpiDifference(a, otherSeed, 'successRate').paired).toBe(false);
    const { replicationKpis: _dropped, ...old } = a;
    expect(reportKpiDifference(old, run(0.9), 'successRate').paired).toBe(false);
    // Unequal lengths (e.g. two stopping-rule runs that stopped apart) and fewer than two pairs.
    const ka = { mean: 0.5, ci95: [0.4, 0.6] as const };
    expect(kpiDifference(ka, ka, { a: [0.5, 0.4, 0.6], b: [0.5, 0.5] }).paired).toBe(false);
    expect(kpiDifference(ka, ka, { a: [0.5, null], b: [0.5, 0.6] }).paired).toBe(false);
    const fallback = kpiDifference(ka, ka, { a: [0.5, null], b: [0.5, 0.6] });
    expect(fallback).toMatchObject({ mean: 0, paired: false });
    expect(fallback.ci95?.[1]).toBeCloseTo(Math.hypot(0.1, 0.1), 12);
  });

  it('pairs only replications where both runs define the KPI', () => {
    const d = kpiDifference(undefined, undefined, { a: [1, 2, null, 4], b: [2, 3, 5, 5] });
    expect(d).toMatchObject({ mean: 1, ci95: [1, 1], clear: true, paired: true });
  });
});
