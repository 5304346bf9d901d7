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
  const { counts, values, cycleSum, sorted } = summariseReplication(g, rep, ctx);
  const histogram = histogramOfSorted(sorted);
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
function summariseReplication(g: CompiledGraph, rep: ReplicationResult, ctx: ReportContext): { counts: number[]; values: Record<AnyReportKpi, number | null>; cycleSum: number; sorted: Float64Array } {
  const { runsPerDay, effortMinutes: effort, slaSeconds } = ctx;
  const n = g.nodeCount;
  const r = rep.results;
  const cases = rep.cases;
  const deadline = slaSeconds !== undefined ? slaSeconds + 1e-6 : Infinity;
  const { counts, silent, cycleSum, inTime, cost, tries, humanSeconds, fallbacks, backoff } = caseTotals(r, cases, deadline);
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
  return { counts, values, cycleSum, sorted };
}

/**
 * The per-case sums of one replication, each added in case order (the same sums, bit for bit, wherever the
 * replication ran). Cases that ended within `deadline` (whatever their outcome) are counted case by case, not read
 * off the histogram, whose bins do not fall on the deadline. A cycle time is a difference of two clock readings,
 * which carries the rounding of the clock's magnitude: the caller gives a microsecond of slack.
 *
 * A function of its own because it runs once per replication over every case: in a one-shot `baton simulate` it
 * runs cold, and V8 compiles the loop alone (on the stack) rather than the rest of the report with it; each array
 * is read from a local.
 */
function caseTotals(r: ReplicationResult['results'], cases: number, deadline: number): { counts: number[]; silent: number; cycleSum: number; inTime: number; cost: number; tries: number; humanSeconds: number; fallbacks: number; backoff: number } {
  const counts = new Array<number>(CASE_OUTCOMES.length).fill(0);
  let silent = 0;
  let cycleSum = 0;
  let inTime = 0;
  let cost = 0;
  let tries = 0;
  let humanSeconds = 0;
  let fallbacks = 0;
  let backoff = 0;
  const { outcome, wrong, cycle, cost: caseCost, tries: caseTries, humanSeconds: caseHuman, fallback, backoffSeconds } = r;
  for (let i = 0; i < cases; i++) {
    const o = outcome[i] ?? 0;
    counts[o] = (counts[o] ?? 0) + 1;
    silent += wrong[i] ?? 0;
    const cyc = cycle[i] ?? 0;
    cycleSum += cyc;
    if (cyc <= deadline) inTime++;
    cost += caseCost[i] ?? 0;
    tries += caseTries[i] ?? 0;
    humanSeconds += caseHuman[i] ?? 0;
    fallbacks += fallback[i] ?? 0;
    backoff += backoffSeconds[i] ?? 0;
  }
  return { counts, silent, cycleSum, inTime, cost, tries, humanSeconds, fallbacks, backoff };
}

/**
 * Cases per cycle-time bin, from the sorted cycle times. `histogramBin` never decreases as the time grows, so the
 * cases of bin b are those between the first time whose bin is b or more and the first whose bin is above b:
 * two binary searches per bin (about 800 bin computations for 20,000 cases instead of 20,000, each a log10),
 * with exactly the counts of binning case by case (test/simulator/summaries.test.ts).
 * @example histogramOfSorted(Float64Array.of(0.5, 1, 1.2, 30))[11] // 2 (the bin [1, 1.58) s)
 */
export function histogramOfSorted(sorted: Float64Array): Int32Array {
  const histogram = new Int32Array(HISTOGRAM_BINS);
  // Index of the first time whose bin is above b (sorted.length when none is).
  const firstAbove = (b: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (histogramBin(sorted[mid] ?? 0) > b) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  let from = 0;
  for (let b = 0; b < HISTOGRAM_BINS && from < sorted.length; b++) {
    const to = firstAbove(b);
    histogram[b] = to - from;
    from = to;
  }
  return histogram;
}
