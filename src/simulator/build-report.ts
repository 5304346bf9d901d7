/**
 * Building the report: KPI means and intervals across replications, outcome mix, histogram, per-node figures,
 * human-gate queueing, cost by node, bottlenecks, hypothesis verdicts. Works from replication summaries, so the
 * page's merge costs O(replications x nodes) whatever the number of cases.
 */
import { ERROR_TYPES, type Scenario, type Workflow } from '../domain/index.ts';
import type { PreparedBatch } from './batch.ts';
import { workingSecondsUntil } from '../domain/semantics/index.ts';
import { CALENDAR, CASE_OUTCOMES, ERROR_COUNT, KIND, KIND_NAMES, type CaseOutcome, type CompiledGraph } from './compile.ts';
import { DEFAULT_SCENARIO } from './compile-scenario.ts';
import type { ReplicationResult } from './engine.ts';
import { judgeHypothesis } from './hypothesis.ts';
import { ANY_REPORT_KPIS, type AnyReportKpi, type Bottleneck, type KpiValue, type NodeReport, type ReportKpi, type SimulationReport, type StoppingResult } from './report-types.ts';
import { HISTOGRAM_EDGES, meanInterval } from './statistics.ts';
import { reportContext, summariseForReport, type ReplicationSummary } from './summaries.ts';

/**
 * Rank human gates by waiting share x utilisation (Bottleneck), worst first; ties keep document order.
 * @param waitSeconds total queue wait per node (before service), all replications
 * @param totalCycleSeconds total cycle time of all cases, all replications
 * @example bottleneckRanking(g, waits, 3600, (i) => 0.9)[0] // { node: 'review', waitingShare: 0.4, utilisation: 0.9, score: 0.36 }
 */
export function bottleneckRanking(g: CompiledGraph, waitSeconds: Float64Array, totalCycleSeconds: number, utilisation: (node: number) => number): Bottleneck[] {
  const out: Bottleneck[] = [];
  for (let i = 0; i < g.nodeCount; i++) {
    if (g.kind[i] !== KIND.human) continue;
    const waitingShare = totalCycleSeconds > 0 ? (waitSeconds[i] ?? 0) / totalCycleSeconds : 0;
    const u = utilisation(i);
    out.push({ node: g.nodeIds[i] ?? String(i), waitingShare, utilisation: u, score: waitingShare * u });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Build the report from replication results (any order; they are sorted by index first).
 * @example buildReport(doc, scenario, prepareBatch(doc, scenario), runReplications(...), 1)
 */
export function buildReport(doc: Workflow, scenario: Scenario | undefined, p: PreparedBatch, results: readonly ReplicationResult[], seed: number, stopping?: StoppingResult): SimulationReport {
  const ctx = reportContext(doc, p);
  return buildReportFromSummaries(doc, scenario, p, results.map((r) => summariseForReport(p.graph, r, ctx)), seed, stopping);
}

/**
 * Build the report from replication summaries (any order; sorted by index first). Costs O(replications x
 * nodes), not O(cases): cheap enough for the page's main thread.
 * @example buildReportFromSummaries(doc, scenario, prepared, summaries, 1)
 */
export function buildReportFromSummaries(
  doc: Workflow,
  scenario: Scenario | undefined,
  p: PreparedBatch,
  summaries: readonly ReplicationSummary[],
  seed: number,
  stopping?: StoppingResult,
): SimulationReport {
  const reps = [...summaries].sort((a, b) => a.replication - b.replication);
  const g = p.graph;
  const n = g.nodeCount;
  const { runsPerDay, slaSeconds } = reportContext(doc, p);
  const perRep: Record<AnyReportKpi, (number | null)[]> = Object.fromEntries(ANY_REPORT_KPIS.map((k) => [k, []])) as unknown as Record<AnyReportKpi, (number | null)[]>;
  const outcomeMix = Object.fromEntries(CASE_OUTCOMES.map((o) => [o, 0])) as Record<CaseOutcome, number>;
  const hist = new Array<number>(HISTOGRAM_EDGES.length).fill(0);
  const gateUtil: number[][] = Array.from({ length: n }, () => []);
  const gateWait: number[][] = Array.from({ length: n }, () => []);
  const gateQueue: number[][] = Array.from({ length: n }, () => []);
  const sum = {
    visits: new Float64Array(n),
    reached: new Float64Array(n),
    failures: new Float64Array(n * ERROR_COUNT),
    caseFailures: new Float64Array(n),
    stuck: new Float64Array(n),
    guardHits: new Float64Array(n),
    loopIterations: new Float64Array(n),
    cost: new Float64Array(n),
    fallbacks: new Float64Array(n),
    breakerOpenSeconds: new Float64Array(n),
    breakerOpens: new Float64Array(n),
    gateArrivals: new Float64Array(n),
    gateBusySeconds: new Float64Array(n),
    gateWaitSum: new Float64Array(n),
    gateSlaBreaches: new Float64Array(n),
    gateTimeouts: new Float64Array(n),
  };
  let totalCases = 0;
  let totalCycle = 0;
  let events = 0;

  for (const rep of reps) {
    totalCases += rep.cases;
    events += rep.events;
    totalCycle += rep.cycleSum;
    for (let b = 0; b < hist.length; b++) hist[b] = (hist[b] ?? 0) + (rep.histogram[b] ?? 0);
    CASE_OUTCOMES.forEach((o, k) => (outcomeMix[o] += rep.outcomes[k] ?? 0));
    ANY_REPORT_KPIS.forEach((k, i) => {
      const v = rep.kpis[i];
      perRep[k].push(v === undefined || Number.isNaN(v) ? null : v);
    });

    const st = rep.stats;
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) {
      const target = sum[key];
      const src = st[key];
      for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) + (src[i] ?? 0);
    }
    for (let i = 0; i < n; i++) {
      if (g.kind[i] !== KIND.human) continue;
      const horizon = g.calendar[i] === CALENDAR.businessHours ? workingSecondsUntil(rep.endTime) : rep.endTime;
      const capacity = (g.reviewers[i] ?? 1) * horizon;
      gateUtil[i]?.push(capacity > 0 ? (st.gateBusySeconds[i] ?? 0) / capacity : 0);
      const wc = st.gateWaitCount[i] ?? 0;
      if (wc > 0) gateWait[i]?.push((st.gateWaitSum[i] ?? 0) / wc);
      gateQueue[i]?.push(rep.endTime > 0 ? (st.gateQueueArea[i] ?? 0) / rep.endTime : 0);
    }
  }

  // deadlineMetRate only when the profile has a deadline (otherwise it would be a column of nulls).
  const reported = ANY_REPORT_KPIS.filter((k) => k !== 'deadlineMetRate' || slaSeconds !== undefined);
  const kpis = Object.fromEntries(reported.map((k) => [k, meanInterval(perRep[k])])) as Record<ReportKpi, KpiValue> & { deadlineMetRate?: KpiValue };
  const replicationKpis = Object.fromEntries(reported.map((k) => [k, perRep[k]])) as Record<ReportKpi, (number | null)[]> & { deadlineMetRate?: (number | null)[] };
  const avg = (xs: readonly number[] | undefined): number => (xs && xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const per = (x: number): number => (totalCases > 0 ? x / totalCases : 0);

  const nodes: Record<string, NodeReport> = {};
  const costByNode: { node: string; costPerCase: number; share: number }[] = [];
  const rarelyReached: string[] = [];
  let totalCost = 0;
  for (let i = 0; i < n; i++) totalCost += sum.cost[i] ?? 0;
  for (let i = 0; i < n; i++) {
    const id = g.nodeIds[i] ?? String(i);
    const kind = g.kind[i] ?? 0;
    const failures: Record<string, number> = {};
    ERROR_TYPES.forEach((e, k) => {
      const v = sum.failures[i * ERROR_COUNT + k] ?? 0;
      if (v > 0) failures[e] = v;
    });
    const reachedShare = per(sum.reached[i] ?? 0);
    const isStep = kind === KIND.ai || kind === KIND.tool || kind === KIND.data;
    nodes[id] = {
      kind: KIND_NAMES[kind] ?? 'unknown',
      visits: sum.visits[i] ?? 0,
      reachedShare,
      failures,
      caseFailures: sum.caseFailures[i] ?? 0,
      stuck: sum.stuck[i] ?? 0,
      loopIterations: sum.loopIterations[i] ?? 0,
      guardHits: sum.guardHits[i] ?? 0,
      costPerCase: per(sum.cost[i] ?? 0),
      fallbacks: sum.fallbacks[i] ?? 0,
      ...(isStep && (g.breakerWindow[i] ?? 0) > 0 ? { breakerOpenSeconds: (sum.breakerOpenSeconds[i] ?? 0) / Math.max(1, reps.length), breakerOpens: sum.breakerOpens[i] ?? 0 } : {}),
      ...(kind === KIND.human
        ? {
            gate: {
              arrivals: sum.gateArrivals[i] ?? 0,
              meanQueueLength: avg(gateQueue[i]),
              meanWaitSeconds: avg(gateWait[i]),
              utilisation: avg(gateUtil[i]),
              slaBreaches: sum.gateSlaBreaches[i] ?? 0,
              timeouts: sum.gateTimeouts[i] ?? 0,
              reviewerHoursPerDay: (per(sum.gateBusySeconds[i] ?? 0) / 3600) * runsPerDay,
            },
          }
        : {}),
    };
    const c = sum.cost[i] ?? 0;
    if (c > 0) costByNode.push({ node: id, costPerCase: per(c), share: totalCost > 0 ? c / totalCost : 0 });
    if (kind !== KIND.trigger && kind !== KIND.router && kind !== KIND.join && reachedShare < 0.01) rarelyReached.push(id);
  }
  costByNode.sort((a, b) => b.costPerCase - a.costPerCase);
  const bottlenecks = bottleneckRanking(g, sum.gateWaitSum, totalCycle, (i) => avg(gateUtil[i]));
  let iterations = 0;
  let guardHits = 0;
  for (let i = 0; i < n; i++) {
    iterations += sum.loopIterations[i] ?? 0;
    guardHits += sum.guardHits[i] ?? 0;
  }

  let last = hist.length;
  while (last > 0 && (hist[last - 1] ?? 0) === 0) last--;
  let first = 0;
  while (first < last && (hist[first] ?? 0) === 0) first++;

  return {
    scenario: scenario?.id ?? DEFAULT_SCENARIO.id,
    seed,
    cases: reps[0]?.cases ?? 0,
    replications: reps.length,
    events,
    kpis,
    outcomeMix,
    histogram: { edges: HISTOGRAM_EDGES.slice(first, last + 1), counts: hist.slice(first, last) },
    nodes,
    costByNode,
    rarelyReached,
    hypothesis: judgeHypothesis(scenario?.hypothesis ?? [], kpis),
    loops: { iterationsPerCase: per(iterations), guardHits },
    bottlenecks,
    ...(stopping ? { stopping } : {}),
    replicationKpis,
  };
}
