import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/analyzer/estimates.ts';
import { activeShare, faultRegimes } from '../../src/analyzer/fault-regimes.ts';
import { createNode } from '../../src/domain/index.ts';
import { Builder } from './fixtures.ts';

const fixed = { type: 'fixed' as const, value: 2 };
const okStep = { stub: { latency: fixed, outcomes: { ok: 1 } }, policy: { catch: [] } };

function oneStep() {
  return new Builder().add('trigger', 't').add('ai', 'a', okStep).add('output', 'o').chain('t', 'a', 'o').build();
}

// Like for like (issue 9): the estimate beside a fault run is made under the same faults.
describe('estimates under a scenario’s faults', () => {
  it('an error fault fires on each try with its probability: a step that never fails succeeds 1 - p', () => {
    const doc = oneStep();
    expect(estimate(doc).success).toBeCloseTo(1, 9);
    expect(estimate(doc, { faults: [{ target: { node: 'a' }, error: 'authentication', probability: 0.3 }] }).success).toBeCloseTo(0.7, 9);
    // By kind and by capability too; a fault on another node changes nothing.
    expect(estimate(doc, { faults: [{ target: { kind: 'ai' }, error: 'authentication', probability: 0.3 }] }).success).toBeCloseTo(0.7, 9);
    expect(estimate(doc, { faults: [{ target: { node: 't' }, error: 'authentication', probability: 0.3 }] }).success).toBeCloseTo(1, 9);
  });

  it('a latency fault multiplies the time of the targeted step', () => {
    const doc = oneStep();
    expect(estimate(doc, { faults: [{ target: { node: 'a' }, latencyMultiplier: 5 }] }).p50Seconds).toBeCloseTo(10, 1);
  });

  it('a windowed fault is active for the share of the run it covers', () => {
    const doc = { ...oneStep(), profile: { runsPerDay: 86_400 / 10 } };
    // 101 cases 10 s apart span 1,000 s; the window covers the first 250 s.
    const f = { target: { node: 'a' }, error: 'authentication' as const, window: { startSeconds: 0, durationSeconds: 250 } };
    expect(activeShare(f, 1000, 101)).toBeCloseTo(0.25, 12);
    const e = estimate(doc, { cases: 101, faults: [f] });
    expect(e.success).toBeCloseTo(0.75, 6);
    expect(e.approximations.some((a) => a.includes('window'))).toBe(true);
    // In the steady state a window is a vanishing share.
    expect(activeShare(f, Infinity, undefined)).toBe(0);
  });

  it('mixes faults that are sometimes active as regimes whose shares sum to 1', () => {
    const node = createNode('tool', { id: 'x', position: { x: 0, y: 0 } });
    const regimes = faultRegimes(
      [
        { target: { node: 'x' }, error: 'timeout', afterCalls: 50 },
        { target: { kind: 'tool' }, latencyMultiplier: 2 },
      ],
      Infinity,
      100,
    )(node);
    expect(regimes.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    expect(regimes.map((r) => r.faults.length).sort()).toEqual([1, 2]);
  });
});

describe('designs the closed form cannot follow', () => {
  it('a fan-out inside a for-each whose branch goes round the loop again: not estimated, with why, never a crash', () => {
    const step = { stub: { latency: fixed, outcomes: { ok: 1 } }, policy: {} };
    const doc = new Builder()
      .add('trigger', 't').add('loop', 'l').add('tool', 'a', step).add('tool', 'b', step).add('tool', 'c', step).add('output', 'o')
      .chain('t', 'l').link('l', 'a', { sourcePort: 'each' }).link('a', 'b').link('a', 'c').link('b', 'l').link('c', 'o').link('l', 'o', { sourcePort: 'done' })
      .build();
    const e = estimate(doc);
    expect(e.notEstimated.success).toMatch(/parallel branches open inside one another/);
    expect(e.notEstimated.p95Seconds).toBeDefined();
  });
});
