import { describe, expect, it } from 'vitest';
import { estimate, estimateSuccess, leverageOf } from '../../src/analyzer/estimates.ts';
import { checkLeakage, expectedTries, fallbackSuccess, stepFailureModel, stepSuccess } from '../../src/analyzer/reliability.ts';
import { Builder, makeNode } from './fixtures.ts';

const fixed = { type: 'fixed' as const, value: 1 };
const ai = (ok: number) => ({ stub: { latency: fixed, outcomes: { ok, runtime: 1 - ok } }, policy: {} });
const tool = (ok: number) => ({ config: { type: 'automation' as const }, stub: { latency: fixed, outcomes: { ok, runtime: 1 - ok } }, policy: {} });

/** The seed example of analyzer-rules.md: 3 AI steps at 0.95, 2 automations at 0.99, a validator at 0.99. */
export function seedExample() {
  return new Builder()
    .add('trigger', 't')
    .add('tool', 'z1', tool(0.99)).add('ai', 'a1', ai(0.95)).add('ai', 'a2', ai(0.95)).add('ai', 'a3', ai(0.95)).add('tool', 'z2', tool(0.99))
    .add('check', 'v', { stub: { latency: fixed, detectionRate: 0.9, falseRejectRate: 0.01 } })
    .add('output', 'o').add('output', 'bad', { config: { type: 'discard', outcome: 'rejected' } })
    .chain('t', 'z1', 'a1', 'a2', 'a3', 'z2', 'v', 'o').link('v', 'bad', { sourcePort: 'fail' })
    .profile({ effortMinutes: 5, risk: 'low' })
    .build();
}

describe('closed-form reliability', () => {
  it('reproduces the seed example: 0.832 end to end against 0.95 for one AI step', () => {
    expect(estimateSuccess(seedExample())).toBeCloseTo(0.95 ** 3 * 0.99 ** 3, 10);
    expect(estimateSuccess(seedExample()).toFixed(3)).toBe('0.832');
    const one = new Builder().add('trigger', 't').add('ai', 'a', ai(0.95)).add('output', 'o').chain('t', 'a', 'o').build();
    expect(estimateSuccess(one)).toBeCloseTo(0.95, 12);
  });

  it('retries transient errors: 1 - q_t^k when there are no deterministic errors', () => {
    const m = stepFailureModel({ ok: 0.9, timeout: 0.1 }, { retry: [{ errorEquals: ['timeout'], maximumAttempts: 3 }] });
    expect(m.pass).toBeCloseTo(1 - 0.1 ** 3, 12);
    expect(m.expectedTries).toBeCloseTo(expectedTries(0.1, 3), 12);
  });

  it('an error that belongs to the input comes back on every retry; later tries never draw it (1 - q_d - q_t^k)', () => {
    // A tool's refusal belongs to the input (DEFAULT_REPEAT.tool: 1).
    const m = stepFailureModel({ ok: 0.9, refusal: 0.05, timeout: 0.05 }, { retry: [{ errorEquals: ['ALL'], maximumAttempts: 3 }] }, 'tool');
    // Try 1: ok 0.9; a refusal (5%) repeats on both retries and fails; a timeout (5%) is retried, and a retry
    // draws ok 0.95 (the refusal's share counts as ok after the first try) or times out again 0.05.
    expect(m.pass).toBeCloseTo(0.9 + 0.05 * 0.95 * (1 + 0.05), 12);
    expect(Math.abs(m.pass - (1 - 0.05 - 0.05 ** 3))).toBeLessThan(0.005);
    expect(m.failed).toBeCloseTo(1 - m.pass, 12);
    // The refusal uses all three tries: 1 + 0.05 x 2 (refusal) + 0.05 x (1 + 0.05) (timeouts).
    expect(m.expectedTries).toBeCloseTo(1 + 0.05 * 2 + 0.05 * (1 + 0.05), 12);
  });

  it("retrying an AI step's malformed output helps: it comes back on 1 retry in 5, else the retry draws afresh", () => {
    // Each retry fails again with 0.2 (the same error) + 0.8 x 0.1 (a fresh draw that is malformed): 0.28.
    const m = stepFailureModel({ ok: 0.9, malformed_output: 0.1 }, { retry: [{ errorEquals: ['ALL'], maximumAttempts: 3 }] }, 'ai');
    expect(m.pass).toBeCloseTo(1 - 0.1 * 0.28 ** 2, 12);
    // A tool's validation error comes back every time: retrying it only costs tries.
    expect(stepFailureModel({ ok: 0.9, validation: 0.1 }, { retry: [{ errorEquals: ['ALL'], maximumAttempts: 3 }] }, 'tool').pass).toBeCloseTo(0.9, 12);
  });

  it('combines a fallback as 1 - (1 - pA)(1 - pB)', () => {
    const doc = new Builder()
      .add('trigger', 't').add('ai', 'a', { ...ai(0.9), policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }).add('ai', 'b', ai(0.9)).add('output', 'o')
      .chain('t', 'a', 'o').link('a', 'b', { sourcePort: 'error' }).chain('b', 'o').build();
    expect(estimateSuccess(doc)).toBeCloseTo(fallbackSuccess(0.9, 0.9), 12);
  });

  it('counts the correctness of the item entering a parallel block once, not once per branch', () => {
    const wrongIn = { stub: { latency: fixed, outcomes: { ok: 0.9, wrong: 0.1 } }, policy: {} };
    const b = new Builder().add('trigger', 't').add('ai', 'a', wrongIn).add('router', 'p', { config: { mode: 'parallel' } });
    for (const k of ['q1', 'q2', 'q3']) b.add('tool', k, { stub: { latency: fixed, outcomes: { ok: 0.98, wrong: 0.02 } }, policy: {} });
    const doc = b.add('join', 'j').add('output', 'o').chain('t', 'a', 'p').link('p', 'q1').link('p', 'q2').link('p', 'q3').chain('q1', 'j').chain('q2', 'j').chain('q3', 'j', 'o').build();
    const e = estimate(doc);
    expect(e.success).toBeCloseTo(1, 12);
    // Correct: the input was correct (0.9) and no query went wrong (0.98^3); before, 0.9 was counted three times.
    expect(e.silentError).toBeCloseTo(1 - 0.9 * 0.98 ** 3, 12);
  });

  it('lets w(1 - d) wrong results through a check', () => {
    const doc = new Builder()
      .add('trigger', 't').add('ai', 'a', { stub: { latency: fixed, outcomes: { ok: 0.9, wrong: 0.1 } }, policy: {} })
      .add('check', 'c', { stub: { latency: fixed, detectionRate: 0.6, falseRejectRate: 0 } })
      .add('output', 'o').add('output', 'no', { config: { type: 'discard', outcome: 'rejected' } })
      .chain('t', 'a', 'c', 'o').link('c', 'no', { sourcePort: 'fail' }).build();
    const e = estimate(doc);
    expect(e.silentError).toBeCloseTo(checkLeakage(0.1, 0.6), 12);
    expect(e.success).toBeCloseTo(0.9 + 0.04, 12);
  });

  it('weighs exclusive branches and multiplies parallel ones', () => {
    const excl = new Builder().add('trigger', 't').add('router', 'r').add('ai', 'a', ai(0.9)).add('ai', 'b', ai(1)).add('output', 'o').add('output', 'o2')
      .chain('t', 'r').link('r', 'a', { probability: 0.3 }).link('r', 'b', { isDefault: true }).chain('a', 'o').chain('b', 'o2').build();
    expect(estimateSuccess(excl)).toBeCloseTo(0.3 * 0.9 + 0.7, 12);
    const par = new Builder().add('trigger', 't').add('router', 'p', { config: { mode: 'parallel' } }).add('ai', 'a', ai(0.9)).add('ai', 'b', ai(0.8)).add('join', 'j').add('output', 'o')
      .chain('t', 'p').link('p', 'a').link('p', 'b').chain('a', 'j').chain('b', 'j', 'o').build();
    expect(estimateSuccess(par)).toBeCloseTo(0.72, 12);
  });

  it('settles a loop to its expected visits and counts their cost', () => {
    // A check that fails half the items and sends them back to a $0.01 step, bounded by the visit guard.
    const doc = new Builder()
      .add('trigger', 't').add('ai', 'a', { stub: { latency: fixed, costPerCall: 0.01, outcomes: { ok: 1 } }, policy: {} })
      .add('check', 'c', { stub: { latency: fixed, detectionRate: 0, falseRejectRate: 0.5 } }).add('output', 'o')
      .chain('t', 'a', 'c', 'o').link('c', 'a', { sourcePort: 'fail' }).build();
    const e = estimate(doc);
    expect(e.success).toBeCloseTo(1, 6);
    expect(e.costPerCase).toBeCloseTo(0.02, 6); // expected visits 1 / (1 - 0.5) = 2
  });
});

describe('latency and cost', () => {
  it('adds fixed latencies along a chain', () => {
    const doc = new Builder().add('trigger', 't').add('ai', 'a', { stub: { latency: { type: 'fixed', value: 10 }, outcomes: { ok: 1 } } }).add('tool', 'b', { stub: { latency: { type: 'fixed', value: 5 }, outcomes: { ok: 1 } } }).add('output', 'o').chain('t', 'a', 'b', 'o').build();
    const e = estimate(doc);
    expect(e.p50Seconds).toBeCloseTo(15, 9);
    expect(e.p95Seconds).toBeCloseTo(15, 9);
  });

  it('gives a single lognormal step its own median and p95 (within the time grid, 0.1%)', () => {
    const doc = new Builder().add('trigger', 't').add('ai', 'a', { stub: { latency: { type: 'lognormal', median: 2, p95: 8 }, outcomes: { ok: 1 } }, policy: {} }).add('output', 'o').chain('t', 'a', 'o').build();
    const e = estimate(doc);
    expect(Math.abs(e.p50Seconds / 2 - 1)).toBeLessThan(0.001);
    expect(Math.abs(e.p95Seconds / 8 - 1)).toBeLessThan(0.001);
  });

  it('charges every try: expected tries x cost per call', () => {
    const doc = new Builder().add('trigger', 't').add('ai', 'a', { stub: { latency: fixed, costPerCall: 0.01, outcomes: { ok: 0.5, timeout: 0.5 } }, policy: { retry: [{ errorEquals: ['timeout'], maximumAttempts: 2 }] } }).add('output', 'o').chain('t', 'a', 'o').build();
    expect(estimate(doc).costPerCase).toBeCloseTo(0.015, 12);
  });

  it('treats a node without a stub like createNode defaults', () => {
    const withDefaults = makeNode('tool', 'x');
    const { stub: _stub, ...bare } = withDefaults;
    expect(stepSuccess(bare)).toBeCloseTo(stepSuccess(withDefaults), 12);
  });

  it('computes automation leverage from the profile', () => {
    const l = leverageOf({ runsPerDay: 100, effortMinutes: 6 }, 60);
    expect(l.manualHoursPerDay).toBeCloseTo(10, 9);
    expect(l.designedHoursPerDay).toBeCloseTo(100 / 60, 9);
    expect(l.ratio).toBeCloseTo(6, 9);
    expect(leverageOf(undefined, 60).ratio).toBeNull();
  });
});
