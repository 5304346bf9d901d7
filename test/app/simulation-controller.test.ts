/**
 * The app's simulation controller over the real pool (workers run in-process through the same message handler a
 * browser worker uses) and real debug runs: what reaches the store, and that nothing touches the document.
 */
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY, createSimulationController } from '../../src/app/simulation-controller.ts';
import * as runtime from '../../src/app/simulation-runtime.ts';
import { scenarioFor } from '../../src/app/simulation-runtime.ts';
import { createSimulationClient, type WorkerLike } from '../../src/simulator/client.ts';
import { createWorkerHandler } from '../../src/simulator/protocol.ts';
import { runBatch } from '../../src/simulator/report.ts';
import type { SimulationState } from '../../src/store/simulation-store.ts';
import { retryFallbackDoc } from '../ui/simulation/sim-fixtures.ts';

function inProcessWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    postMessage: (msg) => void handle(msg),
    terminate: () => {},
  };
  const handle = createWorkerHandler((m) => w.onmessage?.({ data: m }));
  return w;
}

const controller = () => createSimulationController({ runtime, createClient: () => createSimulationClient({ workers: 2, createWorker: inProcessWorker }) });

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

describe('simulation controller', () => {
  it('runs a batch in the pool to the same report as Node, with the closed-form estimate', async () => {
    const doc = retryFallbackDoc();
    const c = controller();
    const settings = { scenarioId: 'base', cases: 200, replications: 4, seed: 7 };
    c.runBatch(doc, settings);
    expect(c.store.getState().batch.status).toBe('running');
    await until(c, (s) => s.batch.status === 'done');
    const node = runBatch(doc, scenarioFor(doc, 'base'), settings);
    expect(c.store.getState().batch.report?.kpis).toEqual(node?.kpis);
    expect(c.store.getState().batch.estimate?.success).toBeGreaterThan(0);
    expect(c.store.getState().batch.settings).toEqual(settings);
    c.dispose();
  });

  it('runs a batch under a stopping rule in the pool to the same report as Node, per-replication KPIs included', async () => {
    const doc = retryFallbackDoc();
    const c = controller();
    const settings = { scenarioId: 'base', cases: 150, replications: 3, seed: 4, stopping: { relativeHalfWidth: 0.03, maxReplications: 12 } };
    c.runBatch(doc, settings);
    await until(c, (s) => s.batch.status === 'done');
    const node = runBatch(doc, scenarioFor(doc, 'base'), { ...settings, stopping: settings.stopping });
    const report = c.store.getState().batch.report;
    expect(report?.stopping).toEqual(node?.stopping);
    expect(report?.replications).toBe(node?.replications);
    expect(report?.kpis).toEqual(node?.kpis);
    expect(report?.replicationKpis?.successRate).toHaveLength(node?.replications ?? -1);
    c.dispose();
  });

  it('cancels a batch and recovers for the next one', async () => {
    const doc = retryFallbackDoc();
    const c = controller();
    c.runBatch(doc, { scenarioId: null, cases: 2000, replications: 200, seed: 1 });
    c.cancel();
    expect(c.store.getState().batch.status).toBe('cancelled');
    c.runBatch(doc, { scenarioId: 'base', cases: 50, replications: 2, seed: 1 });
    await until(c, (s) => s.batch.status === 'done');
    expect(c.store.getState().batch.report?.cases).toBe(50);
    c.dispose();
  });

  it('steps a case through a retry and a fallback, checkpoints and goes back', () => {
    const doc = retryFallbackDoc();
    const c = controller();
    c.startDebug(doc, 'base', 7, 1);
    for (let i = 0; i < 60 && c.store.getState().debug.status !== 'done'; i++) c.step();
    const d = c.store.getState().debug;
    const types = d.log.map((e) => `${e.type}@${e.nodeId ?? ''}`);
    expect(types).toContain('retry@fetch');
    expect(types).toContain('arrive@fallback');
    expect(d.nodes.fetch).toBe('passed');
    expect(d.checkpoints).toBeGreaterThan(1);
    const count = d.eventCount;
    expect(c.backToCheckpoint()).toBe(true);
    const back = c.store.getState().debug.eventCount;
    expect(back).toBeLessThan(count);
    expect(back % CHECKPOINT_EVERY).toBe(0);
    // Restoring replays the same events.
    c.step();
    expect(c.store.getState().debug.log.at(-1)).toEqual(d.log.find((e) => e.seq === back));
    c.dispose();
  });

  it('loads the simulator on first use: a step asked for while it loads is taken once it is there', async () => {
    const c = createSimulationController({ createClient: () => createSimulationClient({ workers: 1, createWorker: inProcessWorker }) });
    c.startDebug(retryFallbackDoc(), 'base', 7, 1);
    c.step();
    c.step();
    expect(c.store.getState().debug.status).toBe('off');
    await until(c, (s) => s.debug.eventCount === 2);
    expect(c.store.getState().debug.status).toBe('paused');
    // A batch on a controller that has not loaded the simulator yet loads it too.
    const fresh = createSimulationController({ createClient: () => createSimulationClient({ workers: 1, createWorker: inProcessWorker }) });
    fresh.runBatch(retryFallbackDoc(), { scenarioId: 'base', cases: 20, replications: 2, seed: 3 });
    await until(fresh, (s) => s.batch.status === 'done');
    expect(fresh.store.getState().batch.report?.cases).toBe(20);
    c.dispose();
    fresh.dispose();
  });

  it('stops playing at a node breakpoint and injects a fault from now', async () => {
    const doc = retryFallbackDoc();
    const c = controller();
    c.toggleNodeBreakpoint('fallback');
    c.startDebug(doc, 'base', 7, 1);
    c.setSpeed(1000);
    c.play();
    await until(c, (s) => s.debug.status !== 'playing');
    expect(c.store.getState().debug.lastBreak).toMatch(/fallback/);
    expect(c.injectFault({ target: { node: 'fallback' }, error: 'validation' })).toBeNull();
    expect(c.store.getState().debug.injected).toBe(1);
    expect(c.forceBranch('route', 'e6')).toBeNull();
    expect(c.forceBranch('route', 'e1')).toMatch(/does not leave/);
    c.stopDebug();
    expect(c.store.getState().debug.status).toBe('off');
    expect(c.store.getState().debug.breakpoints.nodes).toEqual(['fallback']);
    c.dispose();
  });

  it('compares two scenarios and sweeps a parameter on copies of the document', async () => {
    const doc = retryFallbackDoc();
    const before = JSON.stringify(doc);
    const c = controller();
    c.compare(doc, 'base', 'busy', { cases: 100, replications: 3, seed: 3 });
    await until(c, (s) => s.compare.status === 'done');
    expect(c.store.getState().compare.a?.name).toBe('Base');
    expect(c.store.getState().compare.b?.report.scenario).toBe('busy');
    c.sweep(doc, { kind: 'retry-max-attempts', nodeId: 'fetch' }, [1, 2, 3], { scenarioId: 'base', cases: 100, replications: 2, seed: 3 });
    await until(c, (s) => s.sweep.status === 'done');
    const pts = c.store.getState().sweep.points;
    expect(pts.map((p) => p.value)).toEqual([1, 2, 3]);
    // More attempts on an always-failing tool: more tries per success.
    expect(pts[2]?.report.kpis.triesPerSuccess?.mean ?? 0).toBeGreaterThan(pts[0]?.report.kpis.triesPerSuccess?.mean ?? 0);
    expect(JSON.stringify(doc)).toBe(before);
    c.dispose();
  });
});
