/**
 * Replication summaries: everything the report needs of one replication, computed where the replication ran (a
 * worker, or Node), so only a few hundred numbers per node travel to the page, whatever the number of cases.
 */
import type { Workflow } from '../domain/index.ts';
import { CASE_OUTCOMES, ERR_TIMEOUT, ERROR_COUNT, KIND, OUT_SUCCESS, type CompiledGraph } from './compile.ts';
import type { NodeStats, ReplicationResult } from './engine.ts';
import { ANY_REPORT_KPIS, type AnyReportKpi } from './report-types.ts';
import { histogramBin, HISTOGRAM_BINS, quantileSorted } from './statistics.ts';
import type { PreparedBatch } from './batch.ts';

/** What the KPIs need of the document beside the compiled batch: plain numbers, so a worker can be told them. */
export interface ReportContext {
  readonly runsPerDay: number;
  readonly effortMinutes?: number;
  /** The profile's deadline per case; without one the report has no `deadlineMetRate`. */
  readonly slaSeconds?: number;
}

/**
 * @example reportContext(doc, prepareBatch(doc, scenario)) // { runsPerDay: 500, effortMinutes: 10, slaSeconds: 86400 }
 */
export function reportContext(doc: Workflow, p: PreparedBatch): ReportContext {
  const effort = doc.profile?.effortMinutes;
  const sla = doc.profile?.slaSeconds;
  return { runsPerDay: doc.profile?.runsPerDay ?? 86_400 / p.arrival.meanGapSeconds, ...(effort !== undefined ? { effortMinutes: effort } : {}), ...(sla !== undefined ? { slaSeconds: sla } : {}) };
}

/**
 * Everything the report needs of one replication, without its per-case arrays: a few hundred numbers per node
 * instead of eight arrays per case. Workers send these (typed arrays, transferred) and the page's merge is then
 * O(replications x nodes), whatever the number of cases. `buildReport` goes through the same summaries, so a
 * report built from them is the same, bit for bit, as runBatch's.
 */
export interface ReplicationSummary {
  readonly replication: number;
  readonly cases: number;
  readonly events: number;
  readonly endTime: number;
  /** Sum of the cases' cycle times, in case order. */
  readonly cycleSum: number;
  /** Cases per cycle-time bin (HISTOGRAM_BINS bins; see `histogram` in the report). */
  readonly histogram: Int32Array;
  /** Cases per end state, in CASE_OUTCOMES order. */
  readonly outcomes: Int32Array;
  /** The replication's KPI values in ANY_REPORT_KPIS order; NaN where it does not define one. */
  readonly kpis: Float64Array;
  readonly stats: NodeStats;
}

/**
 * Summarise a replication for the report (what a worker does after each replication).
 * @example summariseForReport(prepared.graph, rep, reportContext(doc, prepared)).kpis[0] // successRate
 */
export function summariseForReport(g: CompiledGraph, rep: ReplicationResult, ctx: ReportContext): ReplicationSummary {
  const { counts, values, cycleSum } = summariseReplication(g, rep, ctx);
  const histogram = new Int32Array(HISTOGRAM_BINS);
  const cycle = rep.results.cycle;
  for (let i = 0; i < rep.cases; i++) {
    const b = histogramBin(cycle[i] ?? 0);
    histogram[b] = (histogram[b] ?? 0) + 1;
  }
  const kpis = new Float64Array(ANY_REPORT_KPIS.length);
  ANY_REPORT_KPIS.forEach((k, i) => (kpis[i] = values[k] ?? NaN));
  return { replication: rep.replication, cases: rep.cases, events: rep.events, endTime: rep.endTime, cycleSum, histogram, outcomes: Int32Array.from(counts), kpis, stats: rep.stats };
}

/**
 * One KPI of a summary (null where the replication does not define it).
 * @example summaryKpi(summary, 'successRate') // 0.93
 */
export function summaryKpi(s: ReplicationSummary, kpi: AnyReportKpi): number | null {
  const v = s.kpis[ANY_REPORT_KPIS.indexOf(kpi)];
  return v === undefined || Number.isNaN(v) ? null : v;
}

/**
 * One replication's KPI values (and its outcome counts): what the report averages, and what the stopping rule
 * watches as replications come in.
 */
function summariseReplication(g: CompiledGraph, rep: ReplicationResult, ctx: ReportContext): { counts: number[]; values: Record<AnyReportKpi, number | null>; cycleSum: number } {
  const { runsPerDay, effortMinutes: effort, slaSeconds } = ctx;
  const n = g.nodeCount;
  const r = rep.results;
  const cases = rep.cases;
  const counts = new Array<number>(CASE_OUTCOMES.length).fill(0);
  let silent = 0;
  let cycleSum = 0;
  let cost = 0;
  let tries = 0;
  let humanSeconds = 0;
  let fallbacks = 0;
  let backoff = 0;
  // Cases that ended (whatever their outcome) within the deadline: counted case by case, not read off the
  // histogram, whose bins do not fall on the deadline. A cycle time is a difference of two clock readings, which
  // carries the rounding of the clock's magnitude: a case that ends exactly at the deadline can come out a few
  // nanoseconds over, so a microsecond of slack keeps it in time.
  let inTime = 0;
  const deadline = slaSeconds !== undefined ? slaSeconds + 1e-6 : Infinity;
  for (let i = 0; i < cases; i++) {
    const o = r.outcome[i] ?? 0;
    counts[o] = (counts[o] ?? 0) + 1;
    silent += r.wrong[i] ?? 0;
    const cyc = r.cycle[i] ?? 0;
    cycleSum += cyc;
    if (cyc <= deadline) inTime++;
    cost += r.cost[i] ?? 0;
    tries += r.tries[i] ?? 0;
    humanSeconds += r.humanSeconds[i] ?? 0;
    fallbacks += r.fallback[i] ?? 0;
    backoff += r.backoffSeconds[i] ?? 0;
  }
  const sorted = Float64Array.from(r.cycle.subarray(0, cases)).sort();
  const rate = (k: number): number => (counts[k] ?? 0) / cases;
  const humanHoursPerDay = (humanSeconds / cases / 3600) * runsPerDay;
  let timeouts = 0;
  for (let i = 0; i < n; i++) timeouts += rep.stats.failures[i * ERROR_COUNT + ERR_TIMEOUT] ?? 0;
  let allTries = 0;
  for (let i = 0; i < n; i++) if (g.kind[i] === KIND.ai || g.kind[i] === KIND.tool) allTries += rep.stats.calls[i] ?? 0;
  const values: Record<AnyReportKpi, number | null> = {
    successRate: rate(OUT_SUCCESS),
    rejectedRate: rate(1),
    escalatedRate: rate(2),
    errorRate: rate(3),
    failedRate: rate(4),
    stuckRate: rate(5),
    silentErrorRate: silent / cases,
    cycleSecondsP50: quantileSorted(sorted, 0.5),
    cycleSecondsP90: quantileSorted(sorted, 0.9),
    cycleSecondsP95: quantileSorted(sorted, 0.95),
    cycleSecondsP99: quantileSorted(sorted, 0.99),
    meanCycleSeconds: cycleSum / cases,
    costPerCase: cost / cases,
    triesPerSuccess: (counts[OUT_SUCCESS] ?? 0) > 0 ? tries / (counts[OUT_SUCCESS] ?? 1) : null,
    humanHoursPerDay,
    leverage: effort !== undefined && humanHoursPerDay > 0 ? (runsPerDay * effort) / 60 / humanHoursPerDay : null,
    fallbackRate: fallbacks / cases,
    timeoutRate: allTries > 0 ? timeouts / allTries : null,
    backoffSecondsPerCase: backoff / cases,
    deadlineMetRate: slaSeconds !== undefined ? inTime / cases : null,
  };
  return { counts, values, cycleSum };
}
