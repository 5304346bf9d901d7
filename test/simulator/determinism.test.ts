/**
 * Same seed, same report: in Node (runBatch) and through the worker protocol with any number of workers
 * (the handler runs in-process; messages are structured-cloned as a real worker boundary would).
 */
import { describe, expect, it } from 'vitest';
import { createSimulationClient, splitRange, type WorkerLike } from '../../src/simulator/client.ts';
import { createWorkerHandler, type ToWorker } from '../../src/simulator/protocol.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { ai, edge, human, output, tool, trigger, workflow } from './helpers.ts';

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

  it('cancel resolves with null', async () => {
    const client = createSimulationClient({ workers: 2, createWorker: inProcessWorker });
    const job = client.run(doc, scenario, { cases: 300, replications: 6, seed: 1 });
    job.cancel();
    expect(await job.result).toBeNull();
  });

  it('the handler refuses a malformed message with an error message', async () => {
    const posted: unknown[] = [];
    await createWorkerHandler((m) => posted.push(m), () => Promise.resolve())({ type: 'run', jobId: 'j', batch: { graph: {} } });
    expect(posted).toEqual([expect.objectContaining({ type: 'error', jobId: 'j' })]);
  });
});
