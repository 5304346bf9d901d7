/**
 * Same seed, same report: in Node (runBatch) and through the worker protocol with any number of workers
 * (the handler runs in-process; messages are structured-cloned as a real worker boundary would).
 */
import { describe, expect, it } from 'vitest';
import { createSimulationClient, splitRange, type WorkerLike } from '../../src/simulator/client.ts';
import { createWorkerHandler, fromWorkerSchema, type ToWorker } from '../../src/simulator/protocol.ts';
import { prepareBatch, reportContext, runBatch } from '../../src/simulator/report.ts';
import { ai, edge, human, output, tool, trigger, workflow } from './helpers.ts';
import { reportKpi } from '../../src/domain/index.ts';

function inProcessWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    postMessage: (msg: ToWorker) => {
      void handler(structuredClone(msg));
    },
    terminate: () => {},
  };
  const handler = createWorkerHandler((msg, transfer) => {
    const copy: unknown = structuredClone(msg, { transfer });
    queueMicrotask(() => w.onmessage?.({ data: copy }));
  }, () => Promise.resolve());
  return w;
}

const doc = workflow(
  [
    trigger(),
    ai('a', { ok: 0.85, wrong: 0.05, rate_limited: 0.1 }, { latency: { type: 'lognormal', median: 2, p95: 8 }, cost: 0.01, policy: { retry: [{ errorEquals: ['rate_limited'], maximumAttempts: 3, jitter: 'full' }] } }),
    tool('b', { ok: 0.97, communication: 0.03 }),
    human('h', { reviewers: 2, service: { type: 'exponential', mean: 120 }, outcomes: { approve: 0.9, reject: 0.1 }, detection: 0.6, costPerHour: 40 }),
    output('o'),
    output('x', 'rejected'),
  ],
  [edge('t', 'a'), edge('a', 'b'), edge('b', 'h'), edge('h:approve', 'o'), edge('h:reject', 'x')],
  { profile: { runsPerDay: 500, effortMinutes: 10 }, scenarios: [{ id: 's', name: 's', seed: 11, cases: 300, replications: 5, hypothesis: [{ metric: 'successRate', op: '>=', value: 0.5 }] }] },
);
const scenario = doc.scenarios?.[0];

describe('determinism', () => {
  it('splitRange covers the range in contiguous parts', () => {
    expect(splitRange(10, 3)).toEqual([
      [0, 4],
      [4, 7],
      [7, 10],
    ]);
    expect(splitRange(2, 8)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('runBatch twice gives the same JSON; another seed does not', () => {
    const a = JSON.stringify(runBatch(doc, scenario, { cases: 300, replications: 5, seed: 11 }));
    expect(JSON.stringify(runBatch(doc, scenario, { cases: 300, replications: 5, seed: 11 }))).toBe(a);
    expect(JSON.stringify(runBatch(doc, scenario, { cases: 300, replications: 5, seed: 12 }))).not.toBe(a);
  });

  it('the worker pool gives the same report as Node, whatever the number of workers', async () => {
    const expected = JSON.stringify(runBatch(doc, scenario, { cases: 300, replications: 5, seed: 11 }));
    for (const workers of [1, 2, 3]) {
      const client = createSimulationClient({ workers, createWorker: inProcessWorker });
      const progress: number[] = [];
      const report = await client.run(doc, scenario, { cases: 300, replications: 5, seed: 11, onProgress: (p) => progress.push(p.done) }).result;
      expect(JSON.stringify(report)).toBe(expected);
      expect(Math.max(...progress)).toBe(5);
      client.dispose();
    }
  });

  it('under a stopping rule the pool stops at the same replication as runBatch, whatever the number of workers', async () => {
    for (const stopping of [{ relativeHalfWidth: 0.02, maxReplications: 9 }, { relativeHalfWidth: 0.05, maxReplications: 40 }, { kpi: 'costPerCase' as const, relativeHalfWidth: 0.5 }]) {
      const node = runBatch(doc, scenario, { cases: 120, replications: 3, seed: 5, stopping });
      const expected = JSON.stringify(node);
      for (const workers of [1, 2, 3]) {
        const client = createSimulationClient({ workers, createWorker: inProcessWorker });
        const progress: { done: number; total: number }[] = [];
        const report = await client.run(doc, scenario, { cases: 120, replications: 3, seed: 5, stopping, onProgress: (p) => progress.push({ done: p.done, total: p.total }) }).result;
        expect(JSON.stringify(report), `workers=${workers} ${JSON.stringify(stopping)}`).toBe(expected);
        expect(progress.at(-1)?.done ?? 0).toBeGreaterThanOrEqual(node?.replications ?? Infinity);
        expect(progress.every((p) => p.total === node?.stopping?.maxReplications)).toBe(true);
        client.dispose();
      }
    }
  });

  it('reports every KPI per replication, in replication order, consistent with the means', () => {
    const r = runBatch(doc, scenario, { cases: 200, replications: 4, seed: 3 });
    if (!r) throw new Error('no report');
    expect(Object.keys(r.replicationKpis)).toEqual(Object.keys(r.kpis));
    for (const [k, xs] of Object.entries(r.replicationKpis)) {
      expect(xs).toHaveLength(4);
      const defined = xs.filter((x): x is number => x !== null);
      const mean = reportKpi(r.kpis, k)?.mean;
      if (defined.length === 0) expect(mean).toBeNull();
      else expect(mean).toBeCloseTo(defined.reduce((a, b) => a + b, 0) / defined.length, 12);
    }
    // Replication 0 is the same whatever the batch size (its own streams).
    const one = runBatch(doc, scenario, { cases: 200, replications: 1, seed: 3 });
    expect(one?.replicationKpis.successRate[0]).toBe(r.replicationKpis.successRate[0]);
  });

  it('workers send summaries, not per-case arrays, and the page checks their shape', async () => {
    const posted: { msg: unknown; transfer: ArrayBuffer[] }[] = [];
    const handle = createWorkerHandler((msg, transfer) => posted.push({ msg, transfer }), () => Promise.resolve());
    const prepared = prepareBatch(doc, scenario);
    await handle({ type: 'run', jobId: 'j', batch: prepared, context: reportContext(doc, prepared), seed: 1, cases: 5000, from: 0, to: 2 });
    const last = posted.at(-1);
    const parsed = fromWorkerSchema.parse(last?.msg);
    if (parsed.type !== 'result') throw new Error(parsed.type);
    expect(parsed.summaries.map((s) => s.replication)).toEqual([0, 1]);
    // Independent of the number of cases: no per-case array crosses the boundary.
    const bytes = (last?.transfer ?? []).reduce((a, b) => a + b.byteLength, 0);
    expect(bytes).toBeLessThan(2 * 20 * 1024);
    const bad = { ...parsed, summaries: [{ ...parsed.summaries[0], kpis: new Float64Array(3) }] };
    expect(fromWorkerSchema.safeParse(bad).success).toBe(false);
  });

  it('cancel resolves with null', async () => {
    const client = createSimulationClient({ workers: 2, createWorker: inProcessWorker });
    const job = client.run(doc, scenario, { cases: 300, replications: 6, seed: 1 });
    job.cancel();
    expect(await job.result).toBeNull();
    // Also between waves of a stopping-rule batch.
    let job2: ReturnType<typeof client.run> | null = null;
    job2 = client.run(doc, scenario, { cases: 50, replications: 2, seed: 1, stopping: { relativeHalfWidth: 1e-6, maxReplications: 50 }, onProgress: (p) => (p.done >= 4 ? job2?.cancel() : undefined) });
    expect(await job2.result).toBeNull();
  });

  it('the handler refuses a malformed message with an error message', async () => {
    const posted: unknown[] = [];
    await createWorkerHandler((m) => posted.push(m), () => Promise.resolve())({ type: 'run', jobId: 'j', batch: { graph: {} } });
    expect(posted).toEqual([expect.objectContaining({ type: 'error', jobId: 'j' })]);
  });
});
