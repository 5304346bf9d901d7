/**
 * Data steps and loops in the engine: a data step is a local call (no provider failure unless its stub says so,
 * its fixed wait added to its time); a loop makes one pass per batch of the items a case brings, and its body's
 * visit counts restart every pass, so a long for-each is never cut by the visit guard.
 */
import { describe, expect, it } from 'vitest';
import type { Distribution, StepPolicy, Workflow, WorkflowNode } from '../../src/domain/index.ts';
import { compileGraph, LOOP_PASS_LIMIT } from '../../src/simulator/compile.ts';
import { compileArrival, compileFaults } from '../../src/simulator/compile-scenario.ts';
import { DEFAULT_VISIT_LIMIT, Engine, runReplication } from '../../src/simulator/engine.ts';
import { ai, edge, fixed, join, output, router, tool, trigger, workflow } from './helpers.ts';

const at = { x: 0, y: 0 };

function data(id: string, opts: { delay?: number; outcomes?: Record<string, number>; policy?: StepPolicy; latency?: Distribution } = {}): WorkflowNode {
  return {
    id,
    kind: 'data',
    label: id,
    position: at,
    config: { operation: opts.delay !== undefined ? 'wait' : 'set', ...(opts.delay !== undefined ? { delaySeconds: opts.delay } : {}) },
    ...(opts.latency || opts.outcomes ? { stub: { latency: opts.latency ?? fixed(0), ...(opts.outcomes ? { outcomes: opts.outcomes } : {}) } } : {}),
    ...(opts.policy ? { policy: opts.policy } : {}),
  };
}

function loop(id: string, items: Distribution, batchSize = 1): WorkflowNode {
  return { id, kind: 'loop', label: id, position: at, config: { batchSize }, stub: { items } };
}

function run(doc: Workflow, cases: number) {
  const g = compileGraph(doc);
  const r = runReplication(g, compileFaults(g, doc, []), { seed: 7, replication: 0, cases, arrival: compileArrival({ arrival: { type: 'fixed', everySeconds: 100_000 } }, undefined) });
  if (!r) throw new Error('cancelled');
  const counts = { success: 0, rejected: 0, escalated: 0, error: 0, failed: 0, stuck: 0 };
  const names = Object.keys(counts) as (keyof typeof counts)[];
  for (const o of r.results.outcome) counts[names[o] ?? 'stuck']++;
  const node = (id: string): number => g.nodeIds.indexOf(id);
  return { r, counts, visits: (id: string) => r.stats.visits[node(id)] ?? 0, calls: (id: string) => r.stats.calls[node(id)] ?? 0 };
}

describe('data steps', () => {
  it('without a stub never fail, take 10 ms, cost nothing and are not counted as provider tries', () => {
    const { r, counts } = run(workflow([trigger(), data('d'), output('o')], [edge('t', 'd'), edge('d', 'o')]), 200);
    expect(counts.success).toBe(200);
    expect([...r.results.cycle].every((c) => Math.abs(c - 0.01) < 1e-6)).toBe(true);
    expect([...r.results.cost].every((c) => c === 0)).toBe(true);
    expect([...r.results.tries].every((t) => t === 0)).toBe(true);
  });

  it('a wait holds each item for its delay, on top of its latency', () => {
    const { r } = run(workflow([trigger(), data('w', { delay: 3600, latency: fixed(0.5) }), output('o')], [edge('t', 'w'), edge('w', 'o')]), 3);
    expect([...r.results.cycle]).toEqual([3600.5, 3600.5, 3600.5]);
  });

  it('fails when its stub says so, and its catcher routes the failure like a tool\'s', () => {
    const failing = data('code', { outcomes: { ok: 0.5, runtime: 0.5 }, policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } });
    const { counts } = run(workflow([trigger(), failing, output('o'), output('alert', 'error')], [edge('t', 'code'), edge('code', 'o'), edge('code:error', 'alert')]), 2000);
    expect(counts.success + counts.error).toBe(2000);
    expect(Math.abs(counts.error / 2000 - 0.5)).toBeLessThan(0.05);
    const uncaught = run(workflow([trigger(), data('code', { outcomes: { ok: 0.5, runtime: 0.5 } }), output('o')], [edge('t', 'code'), edge('code', 'o')]), 2000);
    expect(uncaught.counts.failed).toBeGreaterThan(800);
  });
});

describe('loops', () => {
  const forEach = (items: Distribution, batch = 1, body: WorkflowNode = tool('b', { ok: 1 }, { latency: fixed(1) })) =>
    workflow([trigger(), loop('l', items, batch), body, output('o')], [edge('t', 'l'), edge('l:each', body.id), edge(`${body.id}`, 'l'), edge('l:done', 'o')]);

  it('a loop of N items visits its body N times, then leaves by done', () => {
    const { counts, visits, r } = run(forEach(fixed(7)), 10);
    expect(counts.success).toBe(10);
    expect(visits('b')).toBe(70);
    expect(visits('l')).toBe(80);
    expect([...r.results.cycle]).toEqual(Array.from({ length: 10 }, () => 7));
  });

  it('batches: ceil(items / batchSize) passes', () => {
    expect(run(forEach(fixed(10), 3), 4).visits('b')).toBe(16);
  });

  it('no items: straight to done', () => {
    const { counts, visits } = run(forEach(fixed(0)), 5);
    expect(counts.success).toBe(5);
    expect(visits('b')).toBe(0);
  });

  it('the visit guard does not cut a long for-each (200 items, guard 25)', () => {
    const { counts, visits } = run(forEach(fixed(200)), 3);
    expect(DEFAULT_VISIT_LIMIT).toBeLessThan(200);
    expect(counts).toMatchObject({ success: 3, stuck: 0 });
    expect(visits('b')).toBe(600);
  });

  it('a side branch of the body (a message per item) and the output it ends at are not cut by the guard either', () => {
    const doc = workflow(
      [trigger(), loop('l', fixed(60)), tool('b', { ok: 1 }), tool('notify', { ok: 1 }), output('sent'), output('o')],
      [edge('t', 'l'), edge('l:each', 'b'), edge('b', 'l'), edge('b', 'notify'), edge('notify', 'sent'), edge('l:done', 'o')],
    );
    const { counts, visits } = run(doc, 2);
    expect(counts.stuck).toBe(0);
    expect(visits('notify')).toBe(120);
    expect(visits('sent')).toBe(120);
  });

  it('still stops a runaway retry loop inside a pass', () => {
    // b fails every time and its error port loops back to itself: within one pass the guard ends the case.
    const spin = tool('b', { ok: 0, runtime: 1 }, { latency: fixed(1), policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } });
    const doc = workflow([trigger(), loop('l', fixed(3)), spin, output('o')], [edge('t', 'l'), edge('l:each', 'b'), edge('b', 'l'), edge('b:error', 'b'), edge('l:done', 'o')]);
    const { counts } = run(doc, 2);
    expect(counts.stuck).toBe(2);
  });

  it('item counts follow the stub: a uniform 1..9 makes 5 passes on average', () => {
    const { visits } = run(forEach({ type: 'uniform', min: 1, max: 9 }), 2000);
    expect(Math.abs(visits('b') / 2000 - 5)).toBeLessThan(0.2);
  });

  it('nested loops: the inner loop starts afresh for every outer item', () => {
    const doc = workflow(
      [trigger(), loop('outer', fixed(4)), loop('inner', fixed(5)), ai('a', { ok: 1 }), output('o')],
      [edge('t', 'outer'), edge('outer:each', 'inner'), edge('inner:each', 'a'), edge('a', 'inner'), edge('inner:done', 'outer'), edge('outer:done', 'o')],
    );
    const { counts, visits } = run(doc, 2);
    expect(counts.success).toBe(2);
    expect(visits('a')).toBe(2 * 4 * 5);
  });

  it(`ends a case as stuck when its items ask for more than ${LOOP_PASS_LIMIT.toLocaleString('en-US')} passes`, () => {
    const { counts, r } = run(forEach(fixed(LOOP_PASS_LIMIT + 1)), 2);
    expect(counts.stuck).toBe(2);
    expect([...r.stats.guardHits].reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('a loop without a stub uses the default item count (median 5)', () => {
    const doc = forEach(fixed(1));
    const bare = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'loop' ? { id: n.id, kind: 'loop' as const, label: n.label, position: n.position, config: {} } : n)) };
    const { counts, visits } = run(bare, 500);
    expect(counts.success).toBe(500);
    expect(visits('b') / 500).toBeGreaterThan(4);
    expect(visits('b') / 500).toBeLessThan(8);
  });
});

describe('a case that loops through splits and joins', () => {
  it('keeps its own token and group lists proportional to what is alive, not to everything it ever made', () => {
    // 300 passes, each splitting into two branches that meet again: 900 tokens and 300 groups over the case's life.
    const doc = workflow(
      [trigger(), loop('l', fixed(300)), router('fan', 'parallel'), tool('a', { ok: 1 }, { latency: fixed(1) }), tool('b', { ok: 1 }, { latency: fixed(2) }), join('meet'), output('o')],
      [edge('t', 'l'), edge('l:each', 'fan'), edge('fan', 'a'), edge('fan', 'b'), edge('a', 'meet'), edge('b', 'meet'), edge('meet', 'l'), edge('l:done', 'o')],
    );
    const g = compileGraph(doc);
    const e = new Engine(g, compileFaults(g, doc, []), { seed: 3, replication: 0, cases: 4, arrival: compileArrival({ arrival: { type: 'fixed', everySeconds: 100 } }, undefined) });
    let longest = 0;
    while (e.step()) for (const c of e.s.active) if (c) longest = Math.max(longest, c.tokens.length, c.groups.length);
    e.finish();
    expect([...e.s.results.outcome]).toEqual([0, 0, 0, 0]);
    expect(e.s.stats.visits[g.nodeIds.indexOf('meet')]).toBe(4 * 300 * 2);
    expect(e.s.nextToken).toBe(4 * (1 + 300 * 3));
    expect(longest).toBeLessThan(70);
  });
});
