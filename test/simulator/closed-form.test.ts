/**
 * Monte Carlo against closed form, at fixed seeds: the formula must fall inside the simulated 95% interval.
 * (analyzer-rules.md: serial reliability, retries, expected tries and cost, fallback, check leakage; queueing
 * theory for human gates.)
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, Workflow } from '../../src/domain/index.ts';
import { meanInterval, prepareBatch, runBatch, runReplications, type KpiValue } from '../../src/simulator/report.ts';
import { ai, check, edge, fixed, human, output, tool, trigger, workflow } from './helpers.ts';

function expectInside(k: KpiValue, expected: number): void {
  expect(k.mean).not.toBeNull();
  expect(k.ci95).not.toBeNull();
  const [lo, hi] = k.ci95 ?? [NaN, NaN];
  // Say what was off when it fails: the interval and the formula.
  expect({ lo, hi, expected, inside: lo <= expected && expected <= hi }).toMatchObject({ inside: true });
}

const batch = (doc: Workflow, cases = 2000, replications = 10, seed = 7, scenario?: Scenario) => {
  const r = runBatch(doc, scenario, { cases, replications, seed });
  if (!r) throw new Error('cancelled');
  return r;
};

describe('closed form', () => {
  it('serial chain: success is the product of the steps', () => {
    const doc = workflow(
      [trigger(), tool('a', { ok: 0.95, runtime: 0.05 }), tool('b', { ok: 0.9, validation: 0.1 }), ai('c', { ok: 0.85, refusal: 0.15 }), output('o')],
      [edge('t', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'o')],
    );
    const r = batch(doc);
    expectInside(r.kpis.successRate, 0.95 * 0.9 * 0.85);
    expectInside(r.kpis.failedRate, 1 - 0.95 * 0.9 * 0.85);
  });

  it('retries: success is 1 - q_d - q_t^k, expected tries (1 - q_t^k) / (1 - q_t), cost per try', () => {
    const qt = 0.3;
    const qd = 0.05;
    const k = 3;
    const policy = { retry: [{ errorEquals: ['timeout' as const], maximumAttempts: k, initialIntervalSeconds: 1, jitter: 'none' as const }] };
    const doc = workflow([trigger(), tool('a', { ok: 1 - qt - qd, timeout: qt, runtime: qd }, { policy, cost: 0.01 }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const r = batch(doc, 4000);
    expectInside(r.kpis.successRate, 1 - qd - qt ** k);
    const tries = (1 - qt ** k) / (1 - qt);
    expectInside(r.kpis.costPerCase, 0.01 * tries);
    // tries per success = E[tries] / P(success)
    expectInside(r.kpis.triesPerSuccess, tries / (1 - qd - qt ** k));
  });

  it('backoff: exponential, capped, honouring Retry-After', () => {
    // Every try is rate limited: 4 tries, waits min(2 * 3^i, 10) = 2, 6, 10 but Retry-After 5 lifts the first to 5.
    const policy = { retry: [{ errorEquals: ['ALL' as const], maximumAttempts: 4, initialIntervalSeconds: 2, backoffCoefficient: 3, maximumIntervalSeconds: 10, jitter: 'none' as const, honorRetryAfter: true }] };
    const doc = workflow([trigger(), tool('a', { rate_limited: 1 }, { policy, retryAfter: 5, latency: fixed(1) }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const r = batch(doc, 10, 2);
    expect(r.kpis.failedRate.mean).toBe(1);
    expect(r.kpis.backoffSecondsPerCase.mean).toBeCloseTo(5 + 6 + 10, 9);
    expect(r.kpis.meanCycleSeconds.mean).toBeCloseTo(4 * 1 + 21, 9);
  });

  it('fallback: 1 - (1 - pA)(1 - pB)', () => {
    const pa = 0.8;
    const pb = 0.7;
    const doc = workflow(
      [trigger(), tool('a', { ok: pa, runtime: 1 - pa }, { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }), tool('b', { ok: pb, runtime: 1 - pb }), output('o')],
      [edge('t', 'a'), edge('a', 'o'), edge('a:error', 'b'), edge('b', 'o')],
    );
    const r = batch(doc, 4000, 20);
    expectInside(r.kpis.successRate, 1 - (1 - pa) * (1 - pb));
    expectInside(r.kpis.fallbackRate, 1 - pa);
  });

  it('check leakage: silent errors w(1 - d), success (1 - w)(1 - f) + w(1 - d)', () => {
    const w = 0.2;
    const d = 0.7;
    const f = 0.05;
    const doc = workflow(
      [trigger(), ai('a', { ok: 1 - w, wrong: w }), check('c', d, f), output('o'), output('x', 'rejected')],
      [edge('t', 'a'), edge('a', 'c'), edge('c:pass', 'o'), edge('c:fail', 'x')],
    );
    const r = batch(doc);
    expectInside(r.kpis.silentErrorRate, w * (1 - d));
    expectInside(r.kpis.successRate, (1 - w) * (1 - f) + w * (1 - d));
    expectInside(r.kpis.rejectedRate, (1 - w) * f + w * d);
  });

  it('sample audit: 5% of the cases reaching it go to a person whatever their correctness, who catches wrong ones at the detection rate', () => {
    const w = 0.2;
    const rate = 0.05;
    const d = 0.9;
    const audit = check('audit', 0.5, 0.5, {});
    const doc = workflow(
      [
        trigger(),
        ai('a', { ok: 1 - w, wrong: w }),
        audit.kind === 'check' ? { ...audit, config: { type: 'sample-audit' as const, onFail: 'route' as const, sampleRate: rate } } : audit,
        human('auditor', { reviewers: 5, detection: d }),
        output('o'),
        output('x', 'rejected'),
      ],
      [edge('t', 'a'), edge('a', 'audit'), edge('audit:pass', 'o'), edge('audit:fail', 'auditor'), edge('auditor:approve', 'o'), edge('auditor:reject', 'x')],
    );
    const r = batch(doc, 4000);
    // The person's workload is the sample: 5% of all cases, correct or not.
    expect(Math.abs((r.nodes['auditor']?.reachedShare ?? 0) - rate)).toBeLessThan(3 * Math.sqrt((rate * (1 - rate)) / 40000));
    expectInside(r.kpis.rejectedRate, rate * w * d);
    expectInside(r.kpis.silentErrorRate, w * (1 - rate * d));
  });

  it('re-ask: a failed check goes back to the producer, which draws a new result', () => {
    const w = 0.3;
    const doc = workflow(
      [trigger(), ai('a', { ok: 1 - w, wrong: w }), check('c', 1, 0, { onFail: 'reask', maxReasks: 2 }), output('o'), output('x', 'rejected')],
      [edge('t', 'a'), edge('a', 'c'), edge('c:pass', 'o'), edge('c:fail', 'x')],
    );
    const r = batch(doc);
    // Three results at most; rejected only when all three are wrong.
    expectInside(r.kpis.rejectedRate, w ** 3);
    expect(r.kpis.silentErrorRate.mean).toBe(0);
  });

  function erlangCWait(lambda: number, mu: number, c: number): number {
    const a = lambda / mu;
    let fact = 1;
    let sum = 0;
    for (let k = 0; k < c; k++) {
      if (k > 0) fact *= k;
      sum += a ** k / fact;
    }
    const top = (a ** c / (fact * c)) * (c / (c - a));
    const C = top / (sum + top);
    return C / (c * mu - lambda);
  }

  function gateWaits(reviewers: number, perHour: number, meanService: number): KpiValue {
    const doc = workflow([trigger(), human('h', { reviewers, service: { type: 'exponential', mean: meanService } }), output('o')], [edge('t', 'h'), edge('h:approve', 'o')]);
    const scenario: Scenario = { id: 's', name: 's', seed: 1, cases: 20000, arrival: { type: 'poisson', perHour } };
    const p = prepareBatch(doc, scenario);
    const reps = runReplications(p, { seed: 1, cases: 20000, from: 0, to: 20 }) ?? [];
    const i = p.graph.nodeIds.indexOf('h');
    return meanInterval(reps.map((r) => (r.stats.gateWaitSum[i] ?? 0) / (r.stats.gateWaitCount[i] ?? 1)));
  }

  it('M/M/1 mean wait (rho 2/3): rho / (mu - lambda)', () => {
    expectInside(gateWaits(1, 60, 40), erlangCWait(1 / 60, 1 / 40, 1));
  });

  it('M/M/3 mean wait (Erlang C)', () => {
    expectInside(gateWaits(3, 200, 45), erlangCWait(200 / 3600, 1 / 45, 3));
  });
});
