/**
 * Saved simulation runs through the real controller, worker pool (in-process) and in-memory storage: save a run,
 * list it, open it again after other runs (the same report, marked as saved), refuse to save it twice, delete
 * it; and a stored run this version cannot read says so instead of showing anything wrong.
 */
import { describe, expect, it } from 'vitest';
import { createSimulationController } from '../../src/app/simulation-controller.ts';
import * as runtime from '../../src/app/simulation-runtime.ts';
import { createMemoryBackend, createRepositories } from '../../src/persistence/index.ts';
import { createSimulationClient, type WorkerLike } from '../../src/simulator/client.ts';
import { createWorkerHandler } from '../../src/simulator/protocol.ts';
import type { SimulationState } from '../../src/store/simulation-store.ts';
import { retryFallbackDoc } from '../ui/simulation/sim-fixtures.ts';

function inProcessWorker(): WorkerLike {
  const w: WorkerLike = { onmessage: null, postMessage: (msg) => void handle(msg), terminate: () => {} };
  const handle = createWorkerHandler((m) => w.onmessage?.({ data: m }));
  return w;
}

function until(c: { store: { getState(): SimulationState } }, ok: (s: SimulationState) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      if (ok(c.store.getState())) return resolve();
      if (Date.now() - started > 20_000) return reject(new Error('timed out'));
      setTimeout(poll, 5);
    };
    poll();
  });
}

function setup(designId: string | null = 'd1') {
  const repos = createRepositories(createMemoryBackend());
  let current = designId;
  const c = createSimulationController({
    runtime,
    createClient: () => createSimulationClient({ workers: 1, createWorker: inProcessWorker }),
    runs: repos.runs,
    currentDesignId: () => current,
  });
  return { c, repos, open: (id: string | null) => (current = id) };
}

describe('saved simulation runs', () => {
  it('save, list, reopen the same report after another run, refuse a second save, delete', async () => {
    const { c } = setup();
    const doc = retryFallbackDoc();
    c.runBatch(doc, { scenarioId: 'base', cases: 80, replications: 3, seed: 5 });
    await until(c, (s) => s.batch.status === 'done');
    const first = c.store.getState().batch.report;
    await c.saveLastRun?.();
    await until(c, (s) => s.savedRuns.items.length === 1);
    const [item] = c.store.getState().savedRuns.items;
    expect(item).toMatchObject({ scenarioId: 'base', shape: { cases: 80, replications: 3, seed: 5, successRate: first?.kpis.successRate?.mean } });

    c.runBatch(doc, { scenarioId: 'base', cases: 40, replications: 2, seed: 9 });
    await until(c, (s) => s.batch.status === 'done' && s.batch.report?.seed === 9);
    c.savedRuns?.open(item?.id ?? '');
    await until(c, (s) => s.batch.savedAt !== undefined);
    const reopened = c.store.getState().batch;
    expect(reopened.report).toEqual(first);
    expect(reopened.settings).toEqual({ scenarioId: 'base', cases: 80, replications: 3, seed: 5 });
    expect(reopened.savedAt).toBe(item?.createdAt);
    await expect(c.saveLastRun?.()).rejects.toThrow('already saved');

    c.savedRuns?.remove(item?.id ?? '');
    await until(c, (s) => s.savedRuns.items.length === 0 && s.savedRuns.status === 'ready');
    c.dispose();
  });

  it('lists the open design\'s runs only, and none for a draft', async () => {
    const { c, repos, open } = setup();
    await repos.runs.add({ designId: 'd1', scenarioId: 'base', result: { not: 'a report' } });
    await repos.runs.add({ designId: 'd2', scenarioId: 'base', result: {} });
    c.savedRuns?.refresh();
    await until(c, (s) => s.savedRuns.status === 'ready');
    expect(c.store.getState().savedRuns.items).toHaveLength(1);
    // A report this version cannot read is listed without its shape, and opening it says why.
    expect(c.store.getState().savedRuns.items[0]?.shape).toBeUndefined();
    c.savedRuns?.open(c.store.getState().savedRuns.items[0]?.id ?? '');
    await until(c, (s) => s.savedRuns.error !== null);
    expect(c.store.getState().savedRuns.error).toMatch(/cannot read/);
    expect(c.store.getState().batch.report).toBeNull();
    open(null);
    c.savedRuns?.refresh();
    await until(c, (s) => s.savedRuns.items.length === 0);
    c.dispose();
  });

  it('a run under the stopping rule reports how many replications it took', async () => {
    const { c } = setup();
    c.runBatch(retryFallbackDoc(), { scenarioId: 'base', cases: 100, replications: 3, seed: 2, stopping: {} });
    await until(c, (s) => s.batch.status === 'done');
    const report = c.store.getState().batch.report;
    expect(report?.stopping).toMatchObject({ kpi: 'successRate', relativeHalfWidth: 0.05, maxReplications: 200 });
    expect(report?.replications).toBeGreaterThanOrEqual(3);
    expect(report?.replicationKpis.successRate).toHaveLength(report?.replications ?? -1);
    c.dispose();
  });
});
