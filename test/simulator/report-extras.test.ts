/**
 * Report figures beyond the KPIs: loop iterations and visit-guard hits, the bottleneck ranking, the stopping rule,
 * rarely reached nodes, timeout rate and breaker open time. Expected values come from what each design implies
 * (geometric loops, deterministic queues, the interval rule itself), never from a previous run.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/index.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { ai, check, edge, fixed, human, output, router, tool, trigger, workflow } from './helpers.ts';

const every = (seconds: number): Scenario['arrival'] => ({ type: 'fixed', everySeconds: seconds });
const scenario = (arrival: Scenario['arrival'], extra: Partial<Scenario> = {}): Scenario => ({ id: 's', name: 's', seed: 1, cases: 100, arrival, ...extra });

describe('loops', () => {
  it('a loop taken with probability p runs p / (1 - p) extra times per case; only the back edge counts', () => {
    const p = 0.3;
    const doc = workflow([trigger(), tool('a', { ok: 1 }), router('r'), output('o')], [edge('t', 'a'), edge('a', 'r'), edge('r', 'a', { probability: p }), edge('r', 'o', { isDefault: true })]);
    const cases = 4000;
    const rep = runBatch(doc, scenario(every(10)), { cases, replications: 1, seed: 3, visitLimit: 1000 });
    const expected = p / (1 - p);
    // Geometric count of extra passes: variance p / (1 - p)^2 per case.
    const se = Math.sqrt(p / (1 - p) ** 2 / cases);
    expect(Math.abs((rep?.loops.iterationsPerCase ?? 0) - expected)).toBeLessThan(4 * se);
    const a = rep?.nodes.a;
    expect(a?.loopIterations).toBe((a?.visits ?? 0) - cases);
    // The router is re-entered on every pass too, but by a forward edge: not a loop iteration of its own.
    expect(rep?.nodes.r?.loopIterations).toBe(0);
    expect(rep?.loops.guardHits).toBe(0);
  });

  it('a loop with no way out: every case hits the guard once, after visitLimit back-edge entries', () => {
    const doc = workflow([trigger(), tool('a', { ok: 1 }), router('r'), output('o')], [edge('t', 'a'), edge('a', 'r'), edge('r', 'a')]);
    const rep = runBatch(doc, scenario(every(10)), { cases: 7, replications: 2, seed: 1, visitLimit: 5 });
    expect(rep?.loops.guardHits).toBe(14);
    // The guard trips on the 6th entry into `a` (the first entry into r that would exceed is never reached).
    expect(rep?.nodes.a?.guardHits).toBe(14);
    expect(rep?.nodes.a?.loopIterations).toBe(14 * 5);
    expect(rep?.outcomeMix.stuck).toBe(14);
  });

  it('a dead end is stuck but not a guard hit', () => {
    const doc = workflow([trigger(), check('c', 1, 1), output('o')], [edge('t', 'c'), edge('c:pass', 'o')]);
    const rep = runBatch(doc, scenario(every(10)), { cases: 5, replications: 1, seed: 1 });
    expect(rep?.outcomeMix.stuck).toBe(5);
    expect(rep?.loops.guardHits).toBe(0);
  });

  it('check re-asks are loop iterations of the producer: w + w^2 per case with 2 re-asks', () => {
    const w = 0.3;
    const doc = workflow(
      [trigger(), ai('a', { ok: 1 - w, wrong: w }), check('c', 1, 0, { onFail: 'reask', maxReasks: 2 }), output('o'), output('x', 'rejected')],
      [edge('t', 'a'), edge('a', 'c'), edge('c:pass', 'o'), edge('c:fail', 'x')],
    );
    const cases = 4000;
    const rep = runBatch(doc, scenario(every(10)), { cases, replications: 1, seed: 5 });
    const expected = w + w * w;
    // Per case: 0, 1 or 2 re-asks; its variance is below 1, so 4 / sqrt(n) bounds the error generously.
    expect(Math.abs((rep?.nodes.a?.loopIterations ?? 0) / cases - expected)).toBeLessThan(4 / Math.sqrt(cases));
    expect(rep?.loops.iterationsPerCase).toBe((rep?.nodes.a?.loopIterations ?? 0) / cases);
  });
});

describe('bottleneck ranking', () => {
  it('a saturated gate ranks first with waiting share x utilisation from the deterministic queue', () => {
    // Arrivals every 10 s, gate A serves one item in 15 s: case k waits 5k s. Gate B (5 reviewers, 1 s) never queues.
    const n = 100;
    const doc = workflow(
      [trigger(), human('A', { reviewers: 1, service: fixed(15) }), human('B', { reviewers: 5, service: fixed(1) }), output('o')],
      [edge('t', 'A'), edge('A:approve', 'B'), edge('B:approve', 'o')],
    );
    const rep = runBatch(doc, scenario(every(10)), { cases: n, replications: 1, seed: 1 });
    const totalWait = (5 * n * (n - 1)) / 2;
    const totalCycle = totalWait + 16 * n;
    const end = 15 * n + 1;
    const [first, second] = rep?.bottlenecks ?? [];
    expect(first?.node).toBe('A');
    expect(first?.waitingShare).toBeCloseTo(totalWait / totalCycle, 12);
    expect(first?.utilisation).toBeCloseTo((15 * n) / end, 12);
    expect(first?.score).toBeCloseTo(((totalWait / totalCycle) * 15 * n) / end, 12);
    expect(second?.node).toBe('B');
    expect(second?.waitingShare).toBe(0);
    expect(second?.score).toBe(0);
  });
});

describe('stopping rule', () => {
  const doc = workflow([trigger(), tool('a', { ok: 0.8, communication: 0.2 }), output('o')], [edge('t', 'a'), edge('a', 'o')], {
    scenarios: [{ id: 's', name: 's', seed: 1, cases: 100, arrival: every(10), hypothesis: [{ metric: 'successRate', op: '>=', value: 0.5 }] }],
  });
  const sc = doc.scenarios?.[0];

  it('stops at the first replication count whose 95% half-width is under 5% of the mean', () => {
    const rep = runBatch(doc, sc, { cases: 30, replications: 2, seed: 9, stopping: {} });
    const r = rep?.replications ?? 0;
    expect(rep?.stopping).toMatchObject({ kpi: 'successRate', relativeHalfWidth: 0.05, maxReplications: 200, met: true });
    const half = (k: number): number => {
      const v = runBatch(doc, sc, { cases: 30, replications: k, seed: 9 })?.kpis.successRate;
      return ((v?.ci95?.[1] ?? 0) - (v?.ci95?.[0] ?? 0)) / 2 / (v?.mean ?? 1);
    };
    expect(half(r)).toBeLessThan(0.05);
    expect(half(r - 1)).toBeGreaterThanOrEqual(0.05);
    // The same replications as a fixed batch of that size: only the stopping note differs.
    const { stopping, ...rest } = rep ?? {};
    expect(stopping?.halfWidth).toBeCloseTo(half(r) * (rep?.kpis.successRate.mean ?? 0), 12);
    expect(JSON.stringify(rest)).toBe(JSON.stringify(runBatch(doc, sc, { cases: 30, replications: r, seed: 9 })));
  });

  it('gives up at the cap when the KPI stays noisy', () => {
    // Mean of 5 exponential latencies: coefficient of variation ~0.45 per replication, so with 6 replications the
    // half-width is ~2.57 x 0.45 / sqrt(6) ~ 47% of the mean, far above 5%.
    const slow = workflow([trigger(), tool('a', { ok: 1 }, { latency: { type: 'exponential', mean: 100 } }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const rep = runBatch(slow, scenario(every(1000)), { cases: 5, replications: 2, seed: 9, stopping: { kpi: 'meanCycleSeconds', maxReplications: 6 } });
    expect(rep?.replications).toBe(6);
    expect(rep?.stopping?.met).toBe(false);
    const v = rep?.kpis.meanCycleSeconds;
    expect(rep?.stopping?.halfWidth).toBeCloseTo(((v?.ci95?.[1] ?? 0) - (v?.ci95?.[0] ?? 0)) / 2, 9);
  });

  it('a KPI equal in every replication stops at once (half-width 0)', () => {
    const rep = runBatch(doc, sc, { cases: 20, replications: 3, seed: 9, stopping: { kpi: 'stuckRate' } });
    expect(rep?.replications).toBe(3);
    expect(rep?.stopping).toMatchObject({ kpi: 'stuckRate', halfWidth: 0, met: true });
  });
});

describe('other report figures', () => {
  it('rarely reached: a 0.5% branch is listed, a 5% one is not', () => {
    const doc = workflow(
      [trigger(), router('r'), tool('rare', { ok: 1 }), tool('some', { ok: 1 }), output('o')],
      [edge('t', 'r'), edge('r', 'rare', { probability: 0.005 }), edge('r', 'some', { probability: 0.05 }), edge('r', 'o', { isDefault: true }), edge('rare', 'o'), edge('some', 'o')],
    );
    const rep = runBatch(doc, scenario(every(10)), { cases: 3000, replications: 2, seed: 2 });
    expect(rep?.rarelyReached).toEqual(['rare']);
  });

  it('timeout rate: a try of uniform(0, 2) s cut at 1.5 s times out 25% of the time', () => {
    const doc = workflow(
      [trigger(), tool('a', { ok: 1 }, { latency: { type: 'uniform', min: 0, max: 2 }, policy: { timeouts: { startToCloseSeconds: 1.5 }, catch: [{ errorEquals: ['timeout'], port: 'error' }] } }), output('o'), output('x', 'error')],
      [edge('t', 'a'), edge('a', 'o'), edge('a:error', 'x')],
    );
    const cases = 4000;
    const rep = runBatch(doc, scenario(every(10)), { cases, replications: 2, seed: 4 });
    expect(Math.abs((rep?.kpis.timeoutRate.mean ?? 0) - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / (2 * cases)));
  });

  it('breaker open time is clipped to the end of the run', () => {
    // Case 0 fails at t = 1 and opens the breaker for 1000 s; case 1's call started at t = 1 and fails at 2 (no
    // reopening while open); cases 2..9 short-circuit at arrival, so the run ends at t = 9: open 8 s.
    const doc = workflow(
      [trigger(), tool('a', { communication: 1 }, { latency: fixed(1), policy: { circuitBreaker: { failureRateThreshold: 1, windowSize: 1, minimumCalls: 1, openSeconds: 1000 } } }), output('o')],
      [edge('t', 'a'), edge('a', 'o')],
    );
    const rep = runBatch(doc, scenario(every(1)), { cases: 10, replications: 1, seed: 1 });
    expect(rep?.nodes.a?.breakerOpens).toBe(1);
    expect(rep?.nodes.a?.breakerOpenSeconds).toBe(8);
  });
});
