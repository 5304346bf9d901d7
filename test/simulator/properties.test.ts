/**
 * Properties over generated designs: small random graphs of every node kind, with loops, splits, joins and
 * dead ends. Whatever the design, every case ends exactly once in one of the six end states, cases are conserved,
 * times and costs are never negative, and loops always end (the run terminates).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Workflow, WorkflowEdge, WorkflowNode } from '../../src/domain/index.ts';
import { compileGraph } from '../../src/simulator/compile.ts';
import { compileArrival, compileFaults } from '../../src/simulator/compile-scenario.ts';
import { Engine } from '../../src/simulator/engine.ts';
import { ai, check, edge, human, join, output, router, tool, trigger, workflow } from './helpers.ts';

const KINDS = ['ai', 'tool', 'human', 'check', 'router-x', 'router-p', 'router-i', 'join-all', 'join-first', 'join-any'] as const;
const PORTS: Record<string, string[]> = { ai: ['out', 'error'], tool: ['out', 'error'], human: ['approve', 'reject', 'revise', 'timeout'], check: ['pass', 'fail'] };

const designArb = fc
  .record({
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 8 }),
    outputs: fc.array(fc.constantFrom('success' as const, 'rejected' as const, 'escalated' as const, 'error' as const), { minLength: 1, maxLength: 3 }),
    wiring: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 }),
    p: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    retries: fc.boolean(),
  })
  .map(({ kinds, outputs, wiring, p, retries }): Workflow => {
    const policy = retries ? { retry: [{ errorEquals: ['ALL' as const], maximumAttempts: 3 }], catch: [{ errorEquals: ['runtime' as const], port: 'error' }] } : {};
    const nodes: WorkflowNode[] = [trigger()];
    kinds.forEach((k, i) => {
      const id = `n${i}`;
      if (k === 'ai') nodes.push(ai(id, { ok: p * 0.8, wrong: p * 0.2, runtime: (1 - p) / 2, rate_limited: (1 - p) / 2 }, { latency: { type: 'exponential', mean: 3 }, policy, confidence: { correct: { type: 'beta', alpha: 8, beta: 2 }, wrong: { type: 'beta', alpha: 3, beta: 3 } } }));
      else if (k === 'tool') nodes.push(tool(id, { ok: p, communication: 1 - p }, { latency: { type: 'uniform', min: 0, max: 2 }, policy }));
      else if (k === 'human') nodes.push(human(id, { reviewers: 1 + (i % 2), service: { type: 'exponential', mean: 50 }, outcomes: { approve: p, reject: (1 - p) / 2, revise: (1 - p) / 2 }, detection: 0.5, sla: 500, calendar: i % 3 === 0 ? 'business-hours' : 'always' }));
      else if (k === 'check') nodes.push(check(id, 0.7, 0.1, { onFail: i % 2 === 0 ? 'reask' : 'route' }));
      else if (k.startsWith('router')) nodes.push(router(id, k === 'router-x' ? 'exclusive' : k === 'router-p' ? 'parallel' : 'inclusive'));
      else nodes.push(join(id, k === 'join-all' ? 'all' : k === 'join-first' ? 'first' : 'any', i % 2 === 0 ? 100 : undefined));
    });
    outputs.forEach((o, i) => nodes.push(output(`o${i}`, o)));
    const sources = nodes.filter((n) => n.kind !== 'output');
    const targets = nodes.filter((n) => n.kind !== 'trigger');
    const edges: WorkflowEdge[] = [];
    const seen = new Set<string>();
    const add = (src: WorkflowNode, port: string, tgt: WorkflowNode, extra: Partial<WorkflowEdge> = {}): void => {
      const key = `${src.id}:${port}:${tgt.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      edges.push(edge(`${src.id}:${port}`, tgt.id, extra));
    };
    // A forward spine (each node's first port to the next node) so that outputs are reachable; then random
    // wiring on top: back edges (loops), more ports, conditions, weights and defaults.
    sources.forEach((src, i) => add(src, (PORTS[src.kind] ?? ['out'])[0] ?? 'out', nodes[i + 1] as WorkflowNode, src.kind === 'router' ? { isDefault: true } : {}));
    for (const [s, t, portPick, w] of wiring) {
      const src = sources[s % sources.length] as WorkflowNode;
      const tgt = targets[t % targets.length] as WorkflowNode;
      const ports = PORTS[src.kind] ?? ['out'];
      const port = ports[portPick % ports.length] ?? 'out';
      const extra: Partial<WorkflowEdge> =
        src.kind === 'router' ? (portPick % 3 === 0 ? { condition: { field: 'confidence', op: '>=', value: w } } : portPick % 3 === 1 ? { probability: w } : { isDefault: true }) : {};
      add(src, port, tgt, extra);
    }
    return workflow(nodes, edges);
  });

describe('engine properties over generated designs', () => {
  it('every case ends once, in one end state; cases are conserved; no negative times or costs; runs terminate', () => {
    fc.assert(
      fc.property(designArb, fc.integer({ min: 0, max: 1000 }), (doc, seed) => {
        const g = compileGraph(doc);
        const cases = 40;
        const e = new Engine(g, compileFaults(g, doc, []), { seed, replication: 0, cases, arrival: compileArrival({ arrival: { type: 'poisson', perHour: 120 } }, undefined), visitLimit: 10 });
        // A bound far above what any of these designs needs: reaching it means a loop that never ends.
        const finished = e.run(2_000_000);
        expect(finished).toBe(true);
        e.finish();
        const r = e.s.results;
        expect(e.s.ended).toBe(cases);
        expect(e.s.active.filter((c) => c !== null)).toHaveLength(0);
        expect(e.s.tokens.filter((t) => t !== null)).toHaveLength(0);
        const counts = new Array<number>(6).fill(0);
        for (let i = 0; i < cases; i++) {
          const o = r.outcome[i] ?? -1;
          expect(o).toBeGreaterThanOrEqual(0);
          expect(o).toBeLessThan(6);
          counts[o] = (counts[o] ?? 0) + 1;
          expect(r.cycle[i]).toBeGreaterThanOrEqual(0);
          expect(r.cost[i]).toBeGreaterThanOrEqual(0);
          // Only a case delivered as success can be a silent error.
          if (r.wrong[i]) expect(o).toBe(0);
        }
        expect(counts.reduce((a, b) => a + b, 0)).toBe(cases);
        for (const v of e.s.stats.gateWaitSum) expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
