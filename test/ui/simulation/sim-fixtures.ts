/**
 * Documents for simulation tests. `retryFallbackDoc`: a tool that always times out, retried once, whose error
 * port leads to a fallback tool, then a success output; plus a router with two branches and a human gate, so
 * every debug feature (retry, fallback, forced branch, queue) has something to show.
 */
import { createNode, createWorkflow, REPORT_KPIS, type AnyReportKpi, type KpiValue, type NodeReport, type ReportKpi, type SimulationReport, type Workflow } from '../../../src/domain/index.ts';

export function retryFallbackDoc(): Workflow {
  const doc = createWorkflow({ id: 'wf_retry_fallback', name: 'Retry and fallback' });
  const trigger = createNode('trigger', { id: 'start', position: { x: 0, y: 0 }, label: 'Start' });
  const fetch = {
    ...createNode('tool', { id: 'fetch', position: { x: 260, y: 0 }, label: 'Fetch record' }),
    stub: { latency: { type: 'fixed' as const, value: 2 }, outcomes: { timeout: 1 } },
    policy: {
      retry: [{ errorEquals: ['timeout' as const], maximumAttempts: 2, initialIntervalSeconds: 1 }],
      catch: [{ errorEquals: ['ALL' as const], port: 'error' }],
    },
  };
  const fallback = {
    ...createNode('tool', { id: 'fallback', position: { x: 520, y: 140 }, label: 'Fallback lookup' }),
    stub: { latency: { type: 'fixed' as const, value: 1 }, outcomes: { ok: 1 } },
  };
  const router = createNode('router', { id: 'route', position: { x: 780, y: 0 }, label: 'Route' });
  const review = createNode('human', { id: 'review', position: { x: 1040, y: -120 }, label: 'Review' });
  const done = createNode('output', { id: 'done', position: { x: 1300, y: 0 }, label: 'Done' });
  return {
    ...doc,
    nodes: [trigger, fetch, fallback, router, review, done],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'out', target: 'fetch' },
      { id: 'e2', source: 'fetch', sourcePort: 'out', target: 'route' },
      { id: 'e3', source: 'fetch', sourcePort: 'error', target: 'fallback' },
      { id: 'e4', source: 'fallback', sourcePort: 'out', target: 'route' },
      { id: 'e5', source: 'route', sourcePort: 'out', target: 'done', isDefault: true },
      { id: 'e6', source: 'route', sourcePort: 'out', target: 'review', probability: 0.3 },
      { id: 'e7', source: 'review', sourcePort: 'approve', target: 'done' },
    ],
    scenarios: [
      { id: 'base', name: 'Base', seed: 7, cases: 200, replications: 4 },
      { id: 'busy', name: 'Busy', seed: 7, cases: 200, replications: 4, arrival: { type: 'poisson', perHour: 600 } },
    ],
  };
}

const NO_KPIS = Object.fromEntries(REPORT_KPIS.map((k) => [k, { mean: null, ci95: null }])) as Record<ReportKpi, KpiValue>;

/**
 * A complete simulation report for UI and store tests: `parts` given, every other field empty (KPIs undefined,
 * no cases in the outcome mix).
 * @example reportFixture({ kpis: { successRate: { mean: 0.9, ci95: [0.88, 0.92] } } })
 */
export function reportFixture(parts: Partial<Omit<SimulationReport, 'kpis'>> & { kpis?: Partial<Record<AnyReportKpi, KpiValue>> } = {}): SimulationReport {
  const { kpis, ...rest } = parts;
  return {
    scenario: 's',
    seed: 1,
    cases: 100,
    replications: 2,
    events: 10,
    outcomeMix: { success: 0, rejected: 0, escalated: 0, error: 0, failed: 0, stuck: 0 },
    histogram: { edges: [], counts: [] },
    nodes: {},
    costByNode: [],
    rarelyReached: [],
    hypothesis: [],
    loops: { iterationsPerCase: 0, guardHits: 0 },
    bottlenecks: [],
    replicationKpis: Object.fromEntries(REPORT_KPIS.map((k): [ReportKpi, number[]] => [k, []])) as Record<ReportKpi, number[]>,
    ...rest,
    kpis: { ...NO_KPIS, ...kpis },
  };
}

/** A node's figures for tests: `parts` given, the rest zero. */
export function nodeFixture(parts: Partial<NodeReport> & Pick<NodeReport, 'kind'>): NodeReport {
  return { visits: 0, reachedShare: 0, failures: {}, caseFailures: 0, stuck: 0, loopIterations: 0, guardHits: 0, costPerCase: 0, fallbacks: 0, ...parts };
}
