import { describe, expect, it } from 'vitest';
import { createNode } from '../../src/domain/index.ts';
import {
  createSimulationStore,
  isBreakpointOn,
  nodeHeat,
  selectNodeDebugStatus,
  selectNodeHeat,
  selectPoolBusy,
  type SimReport,
} from '../../src/store/simulation-store.ts';
import { applySweepParam, kpiDifference, sweepOptions, sweepValues } from '../../src/store/simulation-whatif.ts';
import { nodeFixture, reportFixture, retryFallbackDoc } from '../ui/simulation/sim-fixtures.ts';

const report = (nodes: SimReport['nodes']): SimReport => reportFixture({ nodes });

describe('simulation store', () => {
  it('starts idle, with view actions that touch only view keys', () => {
    const s = createSimulationStore();
    expect(s.getState().batch.status).toBe('idle');
    expect(selectPoolBusy(s.getState())).toBe(false);
    s.getState().setTab('debug');
    s.getState().setHeat(true);
    s.getState().requestFocus();
    expect(s.getState()).toMatchObject({ tab: 'debug', heat: true, expanded: true, focusRequest: 1 });
    s.getState().requestFocus();
    expect(s.getState().focusRequest).toBe(2);
  });

  it('says the pool is busy while any batch, comparison or sweep runs', () => {
    const s = createSimulationStore();
    s.setState({ sweep: { ...s.getState().sweep, status: 'running' } });
    expect(selectPoolBusy(s.getState())).toBe(true);
  });

  it('gives node debug states only while a session is on', () => {
    const s = createSimulationStore();
    expect(selectNodeDebugStatus(s.getState(), 'a')).toBeNull();
    s.setState({ debug: { ...s.getState().debug, status: 'paused', nodes: { a: 'retrying' }, breakpoints: { nodes: ['a'], conditions: [] } } });
    expect(selectNodeDebugStatus(s.getState(), 'a')).toBe('retrying');
    expect(selectNodeDebugStatus(s.getState(), 'b')).toBe('idle');
    expect(isBreakpointOn(s.getState(), 'a')).toBe(true);
  });

  it('computes failure heat from the last batch only when heat is on', () => {
    const node = nodeFixture({ kind: 'tool', visits: 200, reachedShare: 1, failures: { timeout: 40 }, caseFailures: 20 });
    const s = createSimulationStore({ batch: { ...createSimulationStore().getState().batch, report: report({ t: node }) } });
    expect(selectNodeHeat(s.getState(), 't')).toBeNull();
    s.getState().setHeat(true);
    // (20 failed cases + 0.25 x 40 failed tries) / 200 cases reached
    expect(selectNodeHeat(s.getState(), 't')).toBeCloseTo(0.15);
    expect(nodeHeat({ ...node, reachedShare: 0 }, 200)).toBe(0);
  });
});

describe('what-if helpers', () => {
  it('lists the parameters a design can sweep', () => {
    const labels = sweepOptions(retryFallbackDoc()).map((o) => o.label);
    expect(labels).toEqual(['Fetch record: maximumAttempts (first retrier)', 'Fallback lookup: maximumAttempts (first retrier)', 'Review: reviewers']);
  });

  it('spreads a range with both ends, whole numbers when asked', () => {
    expect(sweepValues({ from: 0.5, to: 0.9, steps: 5 })).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(sweepValues({ from: 1, to: 2, steps: 4 }, true)).toEqual([1, 2]);
    expect(sweepValues({ from: 3, to: 9, steps: 1 })).toEqual([3]);
  });

  it('changes a copy of the document, never the original', () => {
    const doc = retryFallbackDoc();
    const before = JSON.stringify(doc);
    const next = applySweepParam(doc, { kind: 'retry-max-attempts', nodeId: 'fetch' }, 4);
    const fetch = next.nodes.find((n) => n.id === 'fetch');
    expect(fetch?.kind === 'tool' ? fetch.policy?.retry?.[0]?.maximumAttempts : null).toBe(4);
    expect(JSON.stringify(doc)).toBe(before);
    expect(next.nodes[0]).toBe(doc.nodes[0]);
    const more = applySweepParam(doc, { kind: 'human-reviewers', nodeId: 'review' }, 2.6);
    const review = more.nodes.find((n) => n.id === 'review');
    expect(review?.kind === 'human' ? review.config.reviewers : null).toBe(3);
  });

  it('keeps an AI outcome table summing to 1 when its ok rate moves', () => {
    const doc = retryFallbackDoc();
    const ai = createNode('ai', { id: 'ai', position: { x: 0, y: 0 }, label: 'Extract' });
    const withAi = { ...doc, nodes: [...doc.nodes, { ...ai, stub: { latency: { type: 'fixed' as const, value: 1 }, outcomes: { ok: 0.9, wrong: 0.05, timeout: 0.05 } } }] };
    const next = applySweepParam(withAi, { kind: 'ai-ok-rate', nodeId: 'ai' }, 0.8);
    const n = next.nodes.find((x) => x.id === 'ai');
    const o = n?.kind === 'ai' ? n.stub?.outcomes : undefined;
    expect(o?.ok).toBe(0.8);
    expect(o?.wrong).toBeCloseTo(0.1);
    expect(o?.timeout).toBeCloseTo(0.1);
  });

  it('differences two KPI figures with a conservative interval', () => {
    const d = kpiDifference({ mean: 0.9, ci95: [0.88, 0.92] }, { mean: 0.95, ci95: [0.94, 0.96] });
    expect(d.mean).toBeCloseTo(0.05);
    expect(d.ci95?.[0]).toBeCloseTo(0.05 - Math.hypot(0.02, 0.01));
    expect(d.clear).toBe(true);
    expect(kpiDifference({ mean: 1, ci95: [0, 2] }, { mean: 1.1, ci95: [0.1, 2.1] }).clear).toBe(false);
    expect(kpiDifference(undefined, { mean: 1, ci95: null }).mean).toBeNull();
  });
});
