/**
 * How much work an estimate takes (work-budget.ts units, deterministic): the flow's shortcuts must keep the
 * figures and cut the work, and what is left must be counted.
 */
import { describe, expect, it, vi } from 'vitest';
import { estimate, propagate } from '../../src/analyzer/estimates.ts';
import { Flow } from '../../src/analyzer/flow.ts';
import { Region } from '../../src/analyzer/flow-visit.ts';
import { gateModel } from '../../src/analyzer/gate-model.ts';
import { GraphCore } from '../../src/analyzer/graph-core.ts';
import { geometricTail } from '../../src/analyzer/loop-tail.ts';
import { humanOf, loopPasses } from '../../src/analyzer/node-models.ts';
import { PHASE_BINS, uniformPhase } from '../../src/analyzer/phase.ts';
import { TimeDist } from '../../src/analyzer/time-dist.ts';
import { withBudget, workUsed } from '../../src/analyzer/work-budget.ts';
import { createNode } from '../../src/domain/index.ts';
import { DEFAULT_LOOP_ITEMS } from '../../src/domain/defaults.ts';
import { Builder } from './fixtures.ts';

const lognormal = { type: 'lognormal' as const, median: 0.3, p95: 1.5 };
const plumbing = { stub: { latency: { type: 'fixed' as const, value: 0.01 } } };
const call = { stub: { latency: lognormal, outcomes: { ok: 0.99, timeout: 0.01 } }, policy: {} };
const guess = { stub: { latency: lognormal, outcomes: { ok: 0.9, wrong: 0.1 } }, policy: {} };

/** An n8n-style for-each: trigger, loop, a body of `body` steps going back to the loop, done to the output. */
function forEach(body: readonly ['tool' | 'data' | 'ai', object][]) {
  const b = new Builder().add('trigger', 't').add('loop', 'l').add('output', 'o').chain('t', 'l').link('l', 'o', { sourcePort: 'done' });
  body.forEach(([kind, patch], i) => b.add(kind, `s${i}`, patch));
  b.link('l', 's0', { sourcePort: 'each' });
  for (let i = 1; i < body.length; i++) b.link(`s${i - 1}`, `s${i}`);
  b.link(`s${body.length - 1}`, 'l');
  return b.build();
}

describe('classes of mass', () => {
  it('a step in a loop that can never be wrong gets no class of its own (data steps, tools without a wrong outcome)', () => {
    const plain = forEach([['data', plumbing], ['tool', call], ['data', plumbing], ['tool', call]]);
    // Correct and wrong-by-another-step, times three confidence types: nothing more.
    expect(new Flow(new GraphCore(plain)).L.classes).toBe(6);
    const withAi = forEach([['data', plumbing], ['ai', guess], ['tool', call]]);
    expect(new Flow(new GraphCore(withAi)).L.classes).toBe(9);
  });

  it('the figures of such a loop are those of the full layout (no class ever held mass)', () => {
    const doc = forEach([['data', plumbing], ['tool', call], ['tool', call]]);
    const e = estimate(doc);
    // A pass gets through both tools with r = 0.99^2; the loop goes round again with q = P / (P + 1) (P: the
    // default items' mean), so a case succeeds with (1 - q) / (1 - q r).
    const q = loopPasses(DEFAULT_LOOP_ITEMS, 1) / (loopPasses(DEFAULT_LOOP_ITEMS, 1) + 1);
    const r = 0.99 ** 2;
    expect(e.success).toBeCloseTo((1 - q) / (1 - q * r), 6);
    expect(e.notEstimated).toEqual({});
  });
});

describe('loops', () => {
  it('the rounds not swept: mass x r / (1 - r), each round one round later (mean round / (1 - r) on)', () => {
    const tail = geometricTail(0.01, 10, 4, 0.8, 2, 1);
    expect(tail.total).toBeCloseTo(0.04, 12);
    // Rounds j >= 1 weighted 0.8^j: E[j] = 1 / (1 - 0.8) = 5, so the mean is 10 + 5 x 2.
    expect(tail.mean()).toBeCloseTo(20, 3);
  });

  it('a for-each settles to the exact geometric count of passes: the rounds not swept are added, not dropped', () => {
    // Each pass takes exactly 1 s (two fixed data steps); the loop goes round again with q = P / (P + 1).
    const half = { stub: { latency: { type: 'fixed' as const, value: 0.5 } } };
    const e = estimate(forEach([['data', half], ['data', half]]));
    const P = loopPasses(DEFAULT_LOOP_ITEMS, 1);
    const q = P / (P + 1);
    // Passes K: P(K = k) = (1 - q) q^k, so the mean time is P seconds and K's 95th percentile is the first k
    // with 1 - q^(k + 1) >= 0.95.
    expect(e.meanSeconds).toBeCloseTo(P, 3);
    const k95 = Math.ceil(Math.log(0.05) / Math.log(q)) - 1;
    expect(e.p95Seconds).toBeGreaterThanOrEqual(k95 - 1);
    expect(e.p95Seconds).toBeLessThanOrEqual(k95 + 1);
  });
});

describe('loop sweeps', () => {
  /** Visits of the flow's nodes while `doc` is estimated (each loop member is visited once per sweep). */
  function visits(doc: ReturnType<typeof forEach>): number {
    const spy = vi.spyOn(Region.prototype as unknown as { process: (v: number, cap?: number) => number }, 'process');
    try {
      estimate(doc);
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  }

  it('one sweep carries mass around a loop once, through every branch (depth-first order, not breadth-first)', () => {
    // A for-each whose body branches at r and rejoins at s3: by the short way (r -> s3) s3 is two steps from the
    // loop, by the long way (r -> s1 -> s2 -> s3) four. Breadth-first, s3 came before s2 in a sweep, so what took
    // the long way reached s3 a sweep late and every pass took two sweeps.
    const step = { stub: { latency: { type: 'fixed' as const, value: 1 }, outcomes: { ok: 0.999, timeout: 0.001 } }, policy: {} };
    const branchy = new Builder()
      .add('trigger', 't').add('loop', 'l').add('router', 'r').add('tool', 's1', step).add('tool', 's2', step).add('tool', 's3', step).add('output', 'o')
      .chain('t', 'l').link('l', 'r', { sourcePort: 'each' }).link('r', 's1').link('r', 's3').chain('s1', 's2', 's3').link('s3', 'l').link('l', 'o', { sourcePort: 'done' })
      .build();
    const plain = new Builder()
      .add('trigger', 't').add('loop', 'l').add('router', 'r').add('tool', 's1', step).add('tool', 's2', step).add('tool', 's3', step).add('output', 'o')
      .chain('t', 'l').link('l', 'r', { sourcePort: 'each' }).chain('r', 's1', 's2', 's3').link('s3', 'l').link('l', 'o', { sourcePort: 'done' })
      .build();
    // The same five members, the same passes: as many sweeps (give or take the one that confirms the decay).
    expect(visits(branchy)).toBeLessThanOrEqual(visits(plain) + 2 * 5);
  });
});

describe('ends computed when read', () => {
  it("a loop's failures get their time once, not on every sweep (only the last sweeps' ends are read)", () => {
    const convolutions = (ok: number): number => {
      const spy = vi.spyOn(TimeDist.prototype, 'plus');
      try {
        const step = { stub: { latency: lognormal, outcomes: ok < 1 ? { ok, timeout: 1 - ok } : { ok: 1 } }, policy: {} };
        estimate(forEach([['tool', step], ['tool', step], ['tool', step]]));
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const sound = convolutions(1);
    const failing = convolutions(0.99);
    // Each sweep convolves every step's inflow with its latency; a failure's time (inflow moved on by the failed
    // try) is convolved for the last sweeps' ends only: a few per step, where every sweep once made one each.
    expect(sound).toBeGreaterThan(60);
    expect(failing - sound).toBeLessThanOrEqual(4 * 3);
  });
});

describe('designs the closed form declines', () => {
  it('a fan-out in a for-each whose branch goes round again is declined as soon as a sub-flow opens itself again', () => {
    const step = { stub: { latency: { type: 'fixed' as const, value: 2 }, outcomes: { ok: 1 } }, policy: {} };
    const doc = new Builder()
      .add('trigger', 't').add('loop', 'l').add('tool', 'a', step).add('tool', 'b', step).add('tool', 'c', step).add('output', 'o')
      .chain('t', 'l').link('l', 'a', { sourcePort: 'each' }).link('a', 'b').link('a', 'c').link('b', 'l').link('c', 'o').link('l', 'o', { sourcePort: 'done' })
      .build();
    const [used, reason] = withBudget(Infinity, () => { propagate(new GraphCore(doc)); return [NaN, '']; }, (u, r) => [u, r ?? ''] as const);
    expect(reason).toMatch(/open inside one another without end/);
    // Not 24 levels of sub-flows deep (3,050 units) before it says so.
    expect(used).toBeLessThan(500);
  });
});

describe('work counted', () => {
  const person = createNode('human', { id: 'h', position: { x: 0, y: 0 } });
  const model = () => gateModel(humanOf(person, true), { reviewers: 1, businessHours: true, sla: 4 * 3600 }, uniformPhase(), { rate: 1 / 600, horizon: Infinity });

  it("a human gate's queue model counts its work: every bin of the weeks it runs, every wait it places", () => {
    const used = withBudget(Infinity, () => {
      model().apply(null);
      return workUsed();
    }, () => NaN);
    // At least one unit per bin of the four warm-up weeks and the drain week.
    expect(used).toBeGreaterThan(5 * PHASE_BINS);
  });

  it('so a budget stops a queue model like any other part of the estimate', () => {
    expect(withBudget(1000, () => model().apply(null) && 'done', () => 'stopped')).toBe('stopped');
  });
});
