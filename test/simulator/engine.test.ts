/**
 * Engine semantics, node kind by node kind, with designs small enough that the right answer is known exactly
 * (fixed latencies, fixed arrivals) or statistically (rates inside their interval).
 */
import { describe, expect, it } from 'vitest';
import type { Fault, Scenario, Workflow } from '../../src/domain/index.ts';
import { compileGraph } from '../../src/simulator/compile.ts';
import { compileArrival, compileFaults } from '../../src/simulator/compile-scenario.ts';
import { checkpointState, Engine, restoreState, runReplication } from '../../src/simulator/engine.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { ai, check, edge, fixed, human, join, output, router, tool, trigger, workflow } from './helpers.ts';

const every = (seconds: number): Scenario['arrival'] => ({ type: 'fixed', everySeconds: seconds });

function run(doc: Workflow, cases: number, opts: { arrival?: Scenario['arrival']; faults?: Fault[]; seed?: number } = {}) {
  const g = compileGraph(doc);
  const r = runReplication(g, compileFaults(g, doc, opts.faults ?? []), { seed: opts.seed ?? 1, replication: 0, cases, arrival: compileArrival({ arrival: opts.arrival ?? every(1000) }, undefined) });
  if (!r) throw new Error('cancelled');
  const counts = { success: 0, rejected: 0, escalated: 0, error: 0, failed: 0, stuck: 0 };
  const names = Object.keys(counts) as (keyof typeof counts)[];
  for (const o of r.results.outcome) counts[names[o] ?? 'stuck']++;
  const node = (id: string): number => g.nodeIds.indexOf(id);
  return { r, counts, node, g };
}

describe('parallel routers and joins', () => {
  const design = (mode: 'all' | 'first' | 'any', bOutcomes: Record<string, number> = { ok: 1 }) =>
    workflow(
      [trigger(), router('p', 'parallel'), tool('a', { ok: 1 }, { latency: fixed(5) }), tool('b', bOutcomes, { latency: fixed(10) }), join('j', mode), output('o')],
      [edge('t', 'p'), edge('p', 'a'), edge('p', 'b'), edge('a', 'j'), edge('b', 'j'), edge('j', 'o')],
    );

  it('join all waits for every branch', () => {
    const { r, counts, node } = run(design('all'), 3);
    expect(counts.success).toBe(3);
    expect([...r.results.cycle]).toEqual([10, 10, 10]);
    expect(r.stats.visits[node('o')]).toBe(3);
  });

  it('join first passes the first arrival and cancels the rest', () => {
    const { r, counts, node } = run(design('first'), 3);
    expect(counts.success).toBe(3);
    expect([...r.results.cycle]).toEqual([5, 5, 5]);
    expect(r.stats.visits[node('o')]).toBe(3);
  });

  it('join any lets each arrival through; the case ends with its last branch', () => {
    const { r, counts, node } = run(design('any'), 2);
    expect(counts.success).toBe(2);
    expect([...r.results.cycle]).toEqual([10, 10]);
    expect(r.stats.visits[node('o')]).toBe(4);
  });

  it('an unhandled failure in one branch fails the case at once', () => {
    const { r, counts, node } = run(design('all', { runtime: 1 }), 2);
    expect(counts.failed).toBe(2);
    expect([...r.results.cycle]).toEqual([10, 10]);
    expect(r.stats.caseFailures[node('b')]).toBe(2);
  });

  it('join all stops waiting for a branch that ended elsewhere; the worst outcome wins', () => {
    const doc = workflow(
      [trigger(), router('p', 'parallel'), tool('a', { ok: 1 }, { latency: fixed(5) }), output('x', 'rejected'), join('j'), output('o')],
      [edge('t', 'p'), edge('p', 'a'), edge('p', 'x'), edge('a', 'j'), edge('j', 'o')],
    );
    const { r, counts } = run(doc, 2);
    expect(counts.rejected).toBe(2);
    expect([...r.results.cycle]).toEqual([5, 5]);
  });

  it('a join timeout lets the arrived branches through', () => {
    const doc = workflow(
      [trigger(), router('p', 'parallel'), tool('a', { ok: 1 }, { latency: fixed(5) }), tool('b', { ok: 1 }, { latency: fixed(100) }), join('j', 'all', 20), output('o')],
      [edge('t', 'p'), edge('p', 'a'), edge('p', 'b'), edge('a', 'j'), edge('b', 'j'), edge('j', 'o')],
    );
    const { r, counts } = run(doc, 2);
    expect(counts.success).toBe(2);
    expect([...r.results.cycle]).toEqual([25, 25]);
  });

  it('nested splits join inner before outer', () => {
    const doc = workflow(
      [trigger(), router('p', 'parallel'), router('q', 'parallel'), tool('a', { ok: 1 }, { latency: fixed(3) }), tool('b', { ok: 1 }, { latency: fixed(4) }), join('ji'), tool('c', { ok: 1 }, { latency: fixed(20) }), join('jo'), output('o')],
      [edge('t', 'p'), edge('p', 'q'), edge('p', 'c'), edge('q', 'a'), edge('q', 'b'), edge('a', 'ji'), edge('b', 'ji'), edge('ji', 'jo'), edge('c', 'jo'), edge('jo', 'o')],
    );
    const { r, counts, node } = run(doc, 2);
    expect(counts.success).toBe(2);
    expect([...r.results.cycle]).toEqual([20, 20]);
    expect(r.stats.visits[node('jo')]).toBe(4);
    expect(r.stats.visits[node('o')]).toBe(2);
  });
});

describe('exclusive and inclusive routers', () => {
  it('routes on confidence, first condition in document order, default takes the rest', () => {
    const doc = workflow(
      [trigger(), ai('a', { ok: 0.7, wrong: 0.3 }, { confidence: { correct: fixed(0.9), wrong: fixed(0.5) } }), router('r'), output('o'), output('x', 'escalated')],
      [edge('t', 'a'), edge('a', 'r'), edge('r', 'o', { condition: { field: 'confidence', op: '>=', value: 0.8 } }), edge('r', 'x', { isDefault: true })],
    );
    const { r, counts } = run(doc, 2000);
    expect(counts.escalated + counts.success).toBe(2000);
    // Every wrong result has confidence 0.5, so it is escalated: nothing wrong is delivered.
    expect([...r.results.wrong].every((w) => w === 0)).toBe(true);
    expect(counts.escalated / 2000).toBeGreaterThan(0.25);
    expect(counts.escalated / 2000).toBeLessThan(0.35);
  });

  it('splits by weight', () => {
    const doc = workflow(
      [trigger(), router('r'), output('o'), output('x', 'rejected')],
      [edge('t', 'r'), edge('r', 'o', { probability: 0.25 }), edge('r', 'x', { probability: 0.75 })],
    );
    const { counts } = run(doc, 4000);
    expect(Math.abs(counts.success / 4000 - 0.25)).toBeLessThan(0.03);
  });

  it('inclusive router takes every branch whose condition holds', () => {
    const doc = workflow(
      [trigger(), router('r', 'inclusive'), tool('a', { ok: 1 }, { latency: fixed(2) }), tool('b', { ok: 1 }, { latency: fixed(7) }), tool('c', { ok: 1 }, { latency: fixed(50) }), join('j'), output('o')],
      [
        edge('t', 'r'),
        edge('r', 'a', { condition: { field: 'visits', op: '>=', value: 1 } }),
        edge('r', 'b'),
        edge('r', 'c', { condition: { field: 'visits', op: '>', value: 5 } }),
        edge('a', 'j'),
        edge('b', 'j'),
        edge('c', 'j'),
        edge('j', 'o'),
      ],
    );
    const { r, counts, node } = run(doc, 3);
    expect(counts.success).toBe(3);
    expect([...r.results.cycle]).toEqual([7, 7, 7]);
    expect(r.stats.visits[node('c')]).toBe(0);
  });
});

describe('loops, dead ends, guards', () => {
  it('a loop with no way out hits the visit guard and ends stuck', () => {
    const doc = workflow([trigger(), tool('a', { ok: 1 }), router('r'), output('o')], [edge('t', 'a'), edge('a', 'r'), edge('r', 'a')]);
    const { r, counts, node } = run(doc, 3);
    expect(counts.stuck).toBe(3);
    expect(r.stats.visits[node('a')]).toBe(3 * 26);
    expect(r.stats.stuck[node('a')]).toBe(3);
  });

  it('a port with no edge is a dead end (stuck); an error port with no edge fails the case', () => {
    const dead = workflow([trigger(), check('c', 1, 1), output('o')], [edge('t', 'c'), edge('c:pass', 'o')]);
    expect(run(dead, 5).counts.stuck).toBe(5);
    const uncaught = workflow([trigger(), tool('a', { runtime: 1 }, { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    expect(run(uncaught, 5).counts.failed).toBe(5);
  });
});

describe('timeouts and retries', () => {
  it('startToClose turns a slow try into a timeout at the limit', () => {
    const doc = workflow(
      [trigger(), tool('a', { ok: 1 }, { latency: fixed(10), policy: { timeouts: { startToCloseSeconds: 4 }, catch: [{ errorEquals: ['timeout'], port: 'error' }] } }), output('o'), output('e', 'error')],
      [edge('t', 'a'), edge('a', 'o'), edge('a:error', 'e')],
    );
    const { r, counts } = run(doc, 3);
    expect(counts.error).toBe(3);
    expect([...r.results.cycle]).toEqual([4, 4, 4]);
  });

  it('scheduleToClose bounds all tries and backoff together', () => {
    const policy = { timeouts: { scheduleToCloseSeconds: 12 }, retry: [{ errorEquals: ['ALL' as const], maximumAttempts: 100, initialIntervalSeconds: 1, backoffCoefficient: 1, jitter: 'none' as const }] };
    const doc = workflow([trigger(), tool('a', { communication: 1 }, { latency: fixed(2), policy }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const { r, counts, node } = run(doc, 1);
    expect(counts.failed).toBe(1);
    // tries at 0, 3, 6, 9 (2 s each + 1 s wait); the 4th ends at 11, the next wait would reach 12.
    expect(r.results.tries[0]).toBe(4);
    expect(r.results.cycle[0]).toBe(11);
    expect(r.stats.failures[node('a') * 11 + 2]).toBe(4);
  });

  it('jitter full keeps waits within [0, interval]', () => {
    const policy = { retry: [{ errorEquals: ['ALL' as const], maximumAttempts: 3, initialIntervalSeconds: 10, jitter: 'full' as const }] };
    const doc = workflow([trigger(), tool('a', { communication: 1 }, { latency: fixed(0), policy }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const { r } = run(doc, 200);
    for (const b of r.results.backoffSeconds) {
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(10 + 20);
    }
    const mean = r.results.backoffSeconds.reduce((a, b) => a + b, 0) / 200;
    expect(mean).toBeGreaterThan(12);
    expect(mean).toBeLessThan(18);
  });
});

describe('circuit breaker', () => {
  it('opens after enough failures in its window; open calls fail at once, cost nothing, and it closes after openSeconds', () => {
    const policy = { circuitBreaker: { failureRateThreshold: 0.5, windowSize: 4, minimumCalls: 4, openSeconds: 100 } };
    const doc = workflow(
      [trigger(), tool('a', { communication: 1 }, { latency: fixed(1), cost: 1, policy }), output('o')],
      [edge('t', 'a'), edge('a', 'o')],
    );
    const { r, counts, node } = run(doc, 300, { arrival: every(1) });
    expect(counts.failed).toBe(300);
    const i = node('a');
    // Three openings (about t = 4, 107, 211); only the few calls made while closed are paid for.
    expect(r.stats.breakerOpens[i]).toBe(3);
    expect(r.stats.cost[i]).toBeGreaterThanOrEqual(12);
    expect(r.stats.cost[i]).toBeLessThanOrEqual(15);
    expect(r.stats.calls[i]).toBe(300);
    // A case arriving while the breaker is open fails at once.
    expect(r.results.cycle[50]).toBe(0);
    expect(r.results.cycle[0]).toBe(1);
  });
});

describe('scenario faults override the stub while active', () => {
  const doc = workflow([trigger(), tool('a', { ok: 1 }, { latency: fixed(0) }), output('o')], [edge('t', 'a'), edge('a', 'o')]);

  it('in a time window', () => {
    const { counts } = run(doc, 300, { arrival: every(1), faults: [{ target: { node: 'a' }, error: 'runtime', window: { startSeconds: 100, durationSeconds: 100 } }] });
    expect(counts.failed).toBe(100);
  });

  it('after a number of calls, by kind', () => {
    const { counts } = run(doc, 300, { arrival: every(1), faults: [{ target: { kind: 'tool' }, error: 'runtime', afterCalls: 50 }] });
    expect(counts.failed).toBe(250);
  });

  it('latency multiplier, by capability', () => {
    const d = workflow([trigger(), ai('a', { ok: 1 }, { latency: fixed(2) }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const { r } = run(d, 5, { faults: [{ target: { capability: 'llm' }, latencyMultiplier: 3 }] });
    expect([...r.results.cycle]).toEqual([6, 6, 6, 6, 6]);
  });

  it('with a probability', () => {
    const { counts } = run(doc, 4000, { arrival: every(1), faults: [{ target: { node: 'a' }, error: 'rate_limited', probability: 0.3 }] });
    expect(Math.abs(counts.failed / 4000 - 0.3)).toBeLessThan(0.03);
  });
});

describe('human gates', () => {
  it('business hours: an item arriving Monday 00:00 is done at 10:00 after an hour of work', () => {
    const doc = workflow([trigger(), human('h', { calendar: 'business-hours', service: fixed(3600) }), output('o')], [edge('t', 'h'), edge('h:approve', 'o')]);
    const { r } = run(doc, 1);
    expect(r.results.cycle[0]).toBe(10 * 3600);
  });

  it('FIFO with c reviewers: waits are exact with fixed times', () => {
    const doc = workflow([trigger(), human('h', { reviewers: 2, service: fixed(10) }), output('o')], [edge('t', 'h'), edge('h:approve', 'o')]);
    const { r } = run(doc, 6, { arrival: every(1) });
    // arrivals 0..5; reviewers free at 10, 11 -> items 2, 3 start at 10, 11; items 4, 5 at 20, 21.
    expect([...r.results.cycle]).toEqual([10, 10, 18, 18, 26, 26]);
  });

  it('FIFO however long the queue grows, skipping the items that left it by their SLA', () => {
    const served = workflow([trigger(), human('h', { service: fixed(10) }), output('o')], [edge('t', 'h'), edge('h:approve', 'o')]);
    // One reviewer, an item a second, ten seconds each: item k starts at 10 k, so its cycle is 10 (k + 1) - k.
    const long = run(served, 100, { arrival: every(1) });
    expect([...long.r.results.cycle]).toEqual(Array.from({ length: 100 }, (_, k) => 9 * k + 10));
    const timed = workflow(
      [trigger(), human('h', { service: fixed(10), sla: 500 }), output('o'), output('x', 'escalated')],
      [edge('t', 'h'), edge('h:approve', 'o'), edge('h:timeout', 'x')],
    );
    // Items up to 55 wait at most 495 s and are served in order. Later ones leave after 500 s of waiting, except
    // the item the reviewer reaches as its predecessors leave: at 560 s item 60 leaves (its SLA event was scheduled
    // first) and 61, waiting 499 s, is served; then 71, 81 and 91 likewise.
    const { r, counts } = run(timed, 100, { arrival: every(1) });
    expect([...r.results.cycle]).toEqual(Array.from({ length: 100 }, (_, k) => (k <= 55 ? 9 * k + 10 : k % 10 === 1 ? 509 : 500)));
    expect(counts.escalated).toBe(40);
  });

  it('SLA: an item still waiting at its deadline leaves by timeout', () => {
    const doc = workflow(
      [trigger(), human('h', { service: fixed(1000), sla: 100 }), output('o'), output('x', 'escalated')],
      [edge('t', 'h'), edge('h:approve', 'o'), edge('h:timeout', 'x')],
    );
    const { r, counts, node } = run(doc, 5, { arrival: every(10) });
    expect(counts.success).toBe(1);
    expect(counts.escalated).toBe(4);
    expect(r.stats.gateSlaBreaches[node('h')]).toBe(5);
  });

  it('wrong items are caught with detectionRate, correct ones follow the outcome mix', () => {
    const doc = workflow(
      [trigger(), ai('a', { ok: 0.5, wrong: 0.5 }), human('h', { service: fixed(1), outcomes: { approve: 0.9, reject: 0.1 }, detection: 0.8, costPerHour: 36 }), output('o'), output('x', 'rejected')],
      [edge('t', 'a'), edge('a', 'h'), edge('h:approve', 'o'), edge('h:reject', 'x')],
    );
    const r = runBatch(doc, undefined, { cases: 2000, replications: 5, seed: 2 });
    const silent = r?.kpis.silentErrorRate.mean ?? 0;
    expect(Math.abs(silent - 0.5 * 0.2)).toBeLessThan(0.02);
    expect(Math.abs((r?.kpis.rejectedRate.mean ?? 0) - (0.5 * 0.1 + 0.5 * 0.8))).toBeLessThan(0.02);
    expect(r?.kpis.costPerCase.mean).toBeCloseTo(0.01, 9);
  });
});

describe('checkpoint and restore', () => {
  it('a restored engine finishes exactly like the original', () => {
    const doc = workflow(
      [trigger(), ai('a', { ok: 0.8, wrong: 0.1, timeout: 0.1 }, { latency: { type: 'lognormal', median: 2, p95: 8 }, policy: { retry: [{ errorEquals: ['timeout'], maximumAttempts: 3, jitter: 'full' }] } }), human('h', { reviewers: 2, service: { type: 'exponential', mean: 50 }, outcomes: { approve: 0.8, revise: 0.2 } }), output('o')],
      [edge('t', 'a'), edge('a', 'h'), edge('h:approve', 'o'), edge('h:revise', 'a')],
    );
    const g = compileGraph(doc);
    const faults = compileFaults(g, doc, []);
    const cfg = { seed: 5, replication: 0, cases: 300, arrival: compileArrival({ arrival: { type: 'poisson', perHour: 90 } }, undefined) };
    const a = new Engine(g, faults, cfg);
    a.run(700);
    const cp = JSON.parse(JSON.stringify(checkpointState(a.s)));
    a.run();
    const b = new Engine(g, faults, cfg, restoreState(cp));
    expect(b.s.events).toBe(700);
    b.run();
    expect([...b.s.results.cycle]).toEqual([...a.s.results.cycle]);
    expect([...b.s.results.outcome]).toEqual([...a.s.results.outcome]);
    expect(b.s.events).toBe(a.s.events);
  });
});

describe('common random numbers', () => {
  it("changing one node's stub does not change another node's draws", () => {
    const mk = (pb: number) =>
      workflow(
        [trigger(), tool('a', { ok: 0.7, runtime: 0.3 }, { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }), tool('b', { ok: pb, runtime: 1 - pb }), output('o'), output('x', 'error')],
        [edge('t', 'a'), edge('a', 'b'), edge('a:error', 'x'), edge('b', 'o')],
      );
    const one = run(mk(0.9), 1000);
    const two = run(mk(0.5), 1000);
    expect(one.r.stats.failures[one.node('a') * 11 + 3]).toBe(two.r.stats.failures[two.node('a') * 11 + 3]);
    expect(one.counts.error).toBe(two.counts.error);
    expect(one.counts.failed).not.toBe(two.counts.failed);
  });
});
