/**
 * Batches and their report: N cases x R replications -> every KPI of src/domain/kpi.ts with its mean and 95%
 * interval across replications (Student t), plus outcome mix, cycle-time histogram, failures by node and error,
 * human-gate queueing figures, cost by node, breaker open time, rarely reached nodes and the hypothesis verdicts.
 *
 * Replications are independent (own random streams, own clock), so a batch can be split across workers and merged
 * by concatenation; the report is computed from the replications sorted by index, so it does not depend on how
 * they were split.
 */
import { ERROR_TYPES, KPI_NAMES, type ConditionOp, type Hypothesis, type KpiName, type Scenario, type Workflow } from '../domain/index.ts';
import { workingSecondsUntil } from './calendar.ts';
import {
  CASE_OUTCOMES,
  compileArrival,
  compileFaults,
  compileGraph,
  ERR_TIMEOUT,
  ERROR_COUNT,
  KIND,
  OUT_SUCCESS,
  type CaseOutcome,
  type CompiledArrival,
  type CompiledFaults,
  type CompiledGraph,
} from './compile.ts';
import { runReplication, type NodeStats, type ReplicationResult } from './engine.ts';

/** Used when the document has no scenario (and the CLI was given no numbers). */
export const DEFAULT_SCENARIO: Scenario = { id: 'default', name: 'Default', seed: 1, cases: 1000, replications: 10 };
export const DEFAULT_REPLICATIONS = 10;

/** KPIs reported beside KPI_NAMES (added, never renamed). */
export const EXTRA_KPIS = ['fallbackRate', 'timeoutRate', 'backoffSecondsPerCase'] as const;
export type ReportKpi = KpiName | (typeof EXTRA_KPIS)[number];
/** Every KPI of a report, in the report's order (the order of `ReplicationSummary.kpis`). */
export const REPORT_KPIS: readonly ReportKpi[] = [...KPI_NAMES, ...EXTRA_KPIS];

export interface KpiValue {
  /** Mean across replications; null when no replication could compute it (e.g. triesPerSuccess with no success). */
  readonly mean: number | null;
  /** 95% Student-t interval of the mean; null with fewer than two replications that computed it. */
  readonly ci95: readonly [number, number] | null;
}

export interface GateReport {
  readonly arrivals: number;
  readonly meanQueueLength: number;
  readonly meanWaitSeconds: number;
  readonly utilisation: number;
  readonly slaBreaches: number;
  readonly timeouts: number;
  readonly reviewerHoursPerDay: number;
}

export interface NodeReport {
  readonly kind: string;
  /** Entries into the node, all replications together. */
  readonly visits: number;
  /** Share of cases that entered the node at least once. */
  readonly reachedShare: number;
  /** Failed tries by error type, all replications together. */
  readonly failures: Partial<Record<string, number>>;
  /** Cases that ended failed at this node. */
  readonly caseFailures: number;
  /** Cases stuck at this node (visit guard, port without edge). */
  readonly stuck: number;
  /** Loop iterations: entries by a case that had entered the node before (visits - cases that reached it). */
  readonly loopIterations: number;
  /** Cases ended stuck by the visit guard at this node (part of `stuck`). */
  readonly guardHits: number;
  readonly costPerCase: number;
  readonly fallbacks: number;
  readonly breakerOpenSeconds?: number;
  readonly breakerOpens?: number;
  readonly gate?: GateReport;
}

export interface HypothesisResult {
  readonly metric: KpiName;
  readonly op: ConditionOp;
  readonly value: number;
  readonly actual: number | null;
  readonly pass: boolean;
}

export interface SimulationReport {
  readonly scenario: string;
  readonly seed: number;
  readonly cases: number;
  readonly replications: number;
  readonly events: number;
  readonly kpis: Readonly<Record<ReportKpi, KpiValue>>;
  /** Cases by end state, all replications together. */
  readonly outcomeMix: Readonly<Record<CaseOutcome, number>>;
  /** Cycle times, all replications: `counts[i]` cases in [edges[i], edges[i+1]). */
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
  readonly nodes: Readonly<Record<string, NodeReport>>;
  /** Nodes by cost per case, most expensive first (nodes with no cost left out). */
  readonly costByNode: readonly { readonly node: string; readonly costPerCase: number; readonly share: number }[];
  /** Work nodes (and outputs) entered by fewer than 1% of cases. */
  readonly rarelyReached: readonly string[];
  readonly hypothesis: readonly HypothesisResult[];
  /** Loops over the whole design: re-entries per case and visit-guard hits, all replications together. */
  readonly loops: { readonly iterationsPerCase: number; readonly guardHits: number };
  /** Human gates by waiting share x utilisation, worst first (see `bottleneckRanking`). */
  readonly bottlenecks: readonly Bottleneck[];
  /** Present when the batch ran under a stopping rule: why it stopped where it did. */
  readonly stopping?: StoppingResult;
  /**
   * Each KPI's value in each replication, in replication order (null where the replication does not define it).
   * Two batches with the same seed share their random streams replication by replication (common random
   * numbers), so B - A can be judged on the paired differences.
   */
  readonly replicationKpis: Readonly<Record<ReportKpi, readonly (number | null)[]>>;
}

/**
 * A queueing bottleneck: `waitingShare` is the time cases spent waiting in the gate's queue (before service)
 * over the total cycle time of all cases; `utilisation` is the gate's busy share. A gate that holds cases a long
 * time *and* has no spare capacity ranks first; a slow but idle gate (waits from business hours) or a busy gate
 * nobody waits for ranks low.
 */
export interface Bottleneck {
  readonly node: string;
  readonly waitingShare: number;
  readonly utilisation: number;
  readonly score: number;
}

/**
 * Run replications until the main KPI's 95% half-width is under `relativeHalfWidth` of its mean (default 5%),
 * or `maxReplications` (default 200) have run. `BatchOptions.replications` is the number run before the first
 * check (at least 2). Replications are keyed by index, so the result is the same as a fixed batch of the
 * number it stopped at.
 */
export interface StoppingRule {
  /** Default: the metric of the scenario's first hypothesis line, else successRate. */
  readonly kpi?: ReportKpi;
  readonly relativeHalfWidth?: number;
  readonly maxReplications?: number;
}

export interface StoppingResult {
  readonly kpi: ReportKpi;
  readonly relativeHalfWidth: number;
  readonly maxReplications: number;
  /** Half-width of the KPI's 95% interval when the batch stopped (null: fewer than two values). */
  readonly halfWidth: number | null;
  /** True when the half-width rule was met; false when the cap stopped the batch. */
  readonly met: boolean;
}

export const DEFAULT_STOPPING = { relativeHalfWidth: 0.05, maxReplications: 200 } as const;

export interface BatchOptions {
  readonly cases: number;
  readonly replications: number;
  readonly seed: number;
  readonly onProgress?: (p: { readonly done: number; readonly total: number }) => void;
  readonly shouldCancel?: () => boolean;
  readonly visitLimit?: number;
  /** Keep adding replications until the main KPI is precise enough (see StoppingRule). */
  readonly stopping?: StoppingRule;
}

/** What the engine needs to run replications anywhere (the page, a worker, Node): all plain data. */
export interface PreparedBatch {
  readonly graph: CompiledGraph;
  readonly faults: CompiledFaults;
  readonly arrival: CompiledArrival;
}

/**
 * Compile a document and scenario once; the result can be posted to workers.
 * @example const prepared = prepareBatch(doc, scenario)
 */
export function prepareBatch(doc: Workflow, scenario: Scenario | undefined): PreparedBatch {
  const graph = compileGraph(doc);
  return { graph, faults: compileFaults(graph, doc, scenario?.faults ?? []), arrival: compileArrival(scenario, doc.profile) };
}

/**
 * Run replications [from, to) of a prepared batch: what one worker does. Returns null when cancelled.
 * @example runReplications(prepareBatch(doc, s), { seed: 1, cases: 1000, from: 0, to: 5 })
 */
export function runReplications(
  p: PreparedBatch,
  o: { seed: number; cases: number; from: number; to: number; visitLimit?: number; onReplication?: (r: ReplicationResult) => void; shouldCancel?: () => boolean },
): ReplicationResult[] | null {
  const out: ReplicationResult[] = [];
  for (let r = o.from; r < o.to; r++) {
    if (o.shouldCancel?.()) return null;
    const res = runReplication(p.graph, p.faults, { seed: o.seed, replication: r, cases: o.cases, arrival: p.arrival, ...(o.visitLimit !== undefined ? { visitLimit: o.visitLimit } : {}) }, o.shouldCancel);
    if (!res) return null;
    out.push(res);
    o.onReplication?.(res);
  }
  return out;
}

/**
 * Pick the scenario to run: by id, else the document's first, else DEFAULT_SCENARIO.
 * @example resolveScenario(doc, 's1')?.id // "s1"
 */
export function resolveScenario(doc: Workflow, id?: string): Scenario | undefined {
  if (id !== undefined) return doc.scenarios?.find((s) => s.id === id);
  return doc.scenarios?.[0] ?? DEFAULT_SCENARIO;
}

/**
 * Run a whole batch synchronously and report. Pure: same inputs, same report.
 * @example runBatch(doc, scenario, { cases: 1000, replications: 10, seed: 1 }).kpis.successRate.mean
 * @returns null when cancelled through `shouldCancel`.
 */
export function runBatch(doc: Workflow, scenario: Scenario | undefined, opts: BatchOptions): SimulationReport | null {
  if (opts.stopping) return runUntilPrecise(doc, scenario, opts, opts.stopping);
  const prepared = prepareBatch(doc, scenario);
  let done = 0;
  const reps = runReplications(prepared, {
    seed: opts.seed,
    cases: opts.cases,
    from: 0,
    to: opts.replications,
    ...(opts.visitLimit !== undefined ? { visitLimit: opts.visitLimit } : {}),
    onReplication: () => opts.onProgress?.({ done: ++done, total: opts.replications }),
    ...(opts.shouldCancel ? { shouldCancel: opts.shouldCancel } : {}),
  });
  if (!reps) return null;
  return buildReport(doc, scenario, prepared, reps, opts.seed);
}

/**
 * runBatch under a stopping rule: `opts.replications` (at least 2) first, then one more at a time until the
 * main KPI is precise enough or the cap is reached. Each replication's KPI values are computed once, as it comes.
 */
function runUntilPrecise(doc: Workflow, scenario: Scenario | undefined, opts: BatchOptions, rule: StoppingRule): SimulationReport | null {
  const prepared = prepareBatch(doc, scenario);
  const { kpi, relativeHalfWidth, maxReplications } = resolveStopping(rule, scenario);
  const ctx = reportContext(doc, prepared);
  const reps: ReplicationSummary[] = [];
  const values: (number | null)[] = [];
  let state = { halfWidth: null as number | null, met: false };
  let next = firstWave(opts.replications, maxReplications);
  while (reps.length < maxReplications) {
    const got = runReplications(prepared, {
      seed: opts.seed,
      cases: opts.cases,
      from: reps.length,
      to: next,
      ...(opts.visitLimit !== undefined ? { visitLimit: opts.visitLimit } : {}),
      onReplication: (r) => {
        const summary = summariseForReport(prepared.graph, r, ctx);
        reps.push(summary);
        values.push(summaryKpi(summary, kpi));
        opts.onProgress?.({ done: values.length, total: maxReplications });
      },
      ...(opts.shouldCancel ? { shouldCancel: opts.shouldCancel } : {}),
    });
    if (!got) return null;
    state = precise(values, relativeHalfWidth);
    if (state.met) break;
    next = reps.length + 1;
  }
  return buildReportFromSummaries(doc, scenario, prepared, reps, opts.seed, { kpi, relativeHalfWidth, maxReplications, halfWidth: state.halfWidth, met: state.met });
}

/** A stopping rule with its defaults filled in. */
export interface ResolvedStopping {
  readonly kpi: ReportKpi;
  readonly relativeHalfWidth: number;
  readonly maxReplications: number;
}

/**
 * Fill in a stopping rule's defaults (KPI from the scenario, 5%, cap 200; the cap is at least 2).
 * @example resolveStopping({}, undefined) // { kpi: 'successRate', relativeHalfWidth: 0.05, maxReplications: 200 }
 */
export function resolveStopping(rule: StoppingRule, scenario: Pick<Scenario, 'hypothesis'> | undefined): ResolvedStopping {
  return {
    kpi: stoppingKpi(rule, scenario),
    relativeHalfWidth: rule.relativeHalfWidth ?? DEFAULT_STOPPING.relativeHalfWidth,
    maxReplications: Math.max(2, rule.maxReplications ?? DEFAULT_STOPPING.maxReplications),
  };
}

/**
 * How many replications a stopping-rule batch runs before its first check: the batch's own number, at least 2,
 * at most the cap. After that it adds one at a time (runBatch) or a wave at a time (the pool, which then checks
 * each prefix in order, so both stop at the same replication).
 * @example firstWave(10, 200) // 10
 */
export function firstWave(replications: number, maxReplications: number): number {
  return Math.min(maxReplications, Math.max(2, replications));
}

/**
 * Merge replication results from several workers: order by replication index, so any split gives the same list.
 * @example mergeReplications([worker1Results, worker2Results])
 */
export function mergeReplications(parts: readonly (readonly ReplicationResult[])[]): ReplicationResult[] {
  return parts.flat().sort((a, b) => a.replication - b.replication);
}

// ------------------------------------------------------------------------------------------------ summaries

/** What the KPIs need of the document beside the compiled batch: plain numbers, so a worker can be told them. */
export interface ReportContext {
  readonly runsPerDay: number;
  readonly effortMinutes?: number;
}

/**
 * @example reportContext(doc, prepareBatch(doc, scenario)) // { runsPerDay: 500, effortMinutes: 10 }
 */
export function reportContext(doc: Workflow, p: PreparedBatch): ReportContext {
  const effort = doc.profile?.effortMinutes;
  return { runsPerDay: doc.profile?.runsPerDay ?? 86_400 / p.arrival.meanGapSeconds, ...(effort !== undefined ? { effortMinutes: effort } : {}) };
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
  /** The replication's KPI values in REPORT_KPIS order; NaN where it does not define one. */
  readonly kpis: Float64Array;
  readonly stats: NodeStats;
}

/**
 * Summarise a replication for the report (what a worker does after each replication).
 * @example summariseForReport(prepared.graph, rep, reportContext(doc, prepared)).kpis[0] // successRate
 */
export function summariseForReport(g: CompiledGraph, rep: ReplicationResult, ctx: ReportContext): ReplicationSummary {
  const { counts, values, cycleSum } = summariseReplication(g, rep, ctx.runsPerDay, ctx.effortMinutes);
  const histogram = new Int32Array(HISTOGRAM_BINS);
  const cycle = rep.results.cycle;
  for (let i = 0; i < rep.cases; i++) {
    const b = binOf(cycle[i] ?? 0);
    histogram[b] = (histogram[b] ?? 0) + 1;
  }
  const kpis = new Float64Array(REPORT_KPIS.length);
  REPORT_KPIS.forEach((k, i) => (kpis[i] = values[k] ?? NaN));
  return { replication: rep.replication, cases: rep.cases, events: rep.events, endTime: rep.endTime, cycleSum, histogram, outcomes: Int32Array.from(counts), kpis, stats: rep.stats };
}

/**
 * One KPI of a summary (null where the replication does not define it).
 * @example summaryKpi(summary, 'successRate') // 0.93
 */
export function summaryKpi(s: ReplicationSummary, kpi: ReportKpi): number | null {
  const v = s.kpis[REPORT_KPIS.indexOf(kpi)];
  return v === undefined || Number.isNaN(v) ? null : v;
}

// ------------------------------------------------------------------------------------------------ statistics

const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (table to 30, Cornish-Fisher beyond).
 * @example tQuantile975(9) // 2.262
 */
export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  const tab = T975[df - 1];
  if (tab !== undefined) return tab;
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * Mean and 95% t-interval of the values that are numbers (nulls are replications where the KPI is undefined).
 * @example meanInterval([1, 2, 3]) // { mean: 2, ci95: [-0.48, 4.48] }
 */
export function meanInterval(values: readonly (number | null)[]): KpiValue {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { mean: null, ci95: null };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (xs.length < 2) return { mean, ci95: null };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  const half = tQuantile975(xs.length - 1) * Math.sqrt(variance / xs.length);
  return { mean, ci95: [mean - half, mean + half] };
}

/**
 * Quantile q of sorted values, linear interpolation between order statistics (R type 7).
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(n - 1, lo + 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** Histogram bin edges: 0, then 5 per decade from 0.01 s to 10^9 s. */
const HIST_EDGES: number[] = [0, ...Array.from({ length: 56 }, (_, k) => 10 ** (-2 + k / 5))];
/** Length of `ReplicationSummary.histogram`. */
export const HISTOGRAM_BINS = HIST_EDGES.length;

function binOf(x: number): number {
  if (x < 0.01) return 0;
  const k = Math.floor((Math.log10(x) + 2) * 5 + 1e-9) + 1;
  return Math.min(k, HIST_EDGES.length - 1);
}

function compare(actual: number, op: ConditionOp, value: number): boolean {
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '==':
      return actual === value;
    case '!=':
      return actual !== value;
  }
}

/**
 * Judge each hypothesis line on the KPI's mean across replications.
 * @example judgeHypothesis([{ metric: 'successRate', op: '>=', value: 0.9 }], kpis)[0].pass
 */
export function judgeHypothesis(lines: readonly Hypothesis[], kpis: Readonly<Record<string, KpiValue>>): HypothesisResult[] {
  return lines.map((h) => {
    const actual = kpis[h.metric]?.mean ?? null;
    return { metric: h.metric, op: h.op, value: h.value, actual, pass: actual !== null && compare(actual, h.op, h.value) };
  });
}

/**
 * One replication's KPI values (and its outcome counts): what the report averages, and what the stopping rule
 * watches as replications come in.
 */
function summariseReplication(g: CompiledGraph, rep: ReplicationResult, runsPerDay: number, effort: number | undefined): { counts: number[]; values: Record<ReportKpi, number | null>; cycleSum: number } {
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
  for (let i = 0; i < cases; i++) {
    const o = r.outcome[i] ?? 0;
    counts[o] = (counts[o] ?? 0) + 1;
    silent += r.wrong[i] ?? 0;
    const cyc = r.cycle[i] ?? 0;
    cycleSum += cyc;
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
  const values: Record<ReportKpi, number | null> = {
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
  };
  return { counts, values, cycleSum };
}

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
 * The KPI a stopping rule watches: the rule's, else the scenario's first hypothesis metric, else successRate.
 * @example stoppingKpi(undefined, { hypothesis: [{ metric: 'costPerCase', op: '<', value: 1 }] }) // 'costPerCase'
 */
export function stoppingKpi(rule: StoppingRule | undefined, scenario: Pick<Scenario, 'hypothesis'> | undefined): ReportKpi {
  return rule?.kpi ?? scenario?.hypothesis?.[0]?.metric ?? 'successRate';
}

/**
 * Is the KPI precise enough? Its 95% half-width under `relativeHalfWidth` x |mean|, or exactly 0 (every
 * replication gave the same value, e.g. a rate that is 0 everywhere).
 * @example precise([0.5, 0.52, 0.49, 0.51], 0.05) // { halfWidth: 0.0205..., met: true }
 */
export function precise(values: readonly (number | null)[], relativeHalfWidth: number): { halfWidth: number | null; met: boolean } {
  const { mean, ci95 } = meanInterval(values);
  if (mean === null || ci95 === null) return { halfWidth: null, met: false };
  const halfWidth = (ci95[1] - ci95[0]) / 2;
  return { halfWidth, met: halfWidth === 0 || halfWidth < relativeHalfWidth * Math.abs(mean) };
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
  const { runsPerDay } = reportContext(doc, p);
  const perRep: Record<ReportKpi, (number | null)[]> = Object.fromEntries(REPORT_KPIS.map((k) => [k, []])) as unknown as Record<ReportKpi, (number | null)[]>;
  const outcomeMix = Object.fromEntries(CASE_OUTCOMES.map((o) => [o, 0])) as Record<CaseOutcome, number>;
  const hist = new Array<number>(HIST_EDGES.length).fill(0);
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
    REPORT_KPIS.forEach((k, i) => {
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
      const horizon = g.calendar[i] === 1 ? workingSecondsUntil(rep.endTime) : rep.endTime;
      const capacity = (g.reviewers[i] ?? 1) * horizon;
      gateUtil[i]?.push(capacity > 0 ? (st.gateBusySeconds[i] ?? 0) / capacity : 0);
      const wc = st.gateWaitCount[i] ?? 0;
      if (wc > 0) gateWait[i]?.push((st.gateWaitSum[i] ?? 0) / wc);
      gateQueue[i]?.push(rep.endTime > 0 ? (st.gateQueueArea[i] ?? 0) / rep.endTime : 0);
    }
  }

  const kpis = Object.fromEntries(Object.entries(perRep).map(([k, v]) => [k, meanInterval(v)])) as Record<ReportKpi, KpiValue>;
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
    const isStep = kind === KIND.ai || kind === KIND.tool;
    nodes[id] = {
      kind: ['trigger', 'ai', 'tool', 'human', 'check', 'router', 'join', 'output'][kind] ?? 'unknown',
      visits: sum.visits[i] ?? 0,
      reachedShare,
      failures,
      caseFailures: sum.caseFailures[i] ?? 0,
      stuck: sum.stuck[i] ?? 0,
      loopIterations: sum.loopIterations[i] ?? 0,
      guardHits: sum.guardHits[i] ?? 0,
      costPerCase: per(sum.cost[i] ?? 0),
      fallbacks: sum.fallbacks[i] ?? 0,
      ...(isStep && (g.brWindow[i] ?? 0) > 0 ? { breakerOpenSeconds: (sum.breakerOpenSeconds[i] ?? 0) / Math.max(1, reps.length), breakerOpens: sum.breakerOpens[i] ?? 0 } : {}),
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
    histogram: { edges: HIST_EDGES.slice(first, last + 1), counts: hist.slice(first, last) },
    nodes,
    costByNode,
    rarelyReached,
    hypothesis: judgeHypothesis(scenario?.hypothesis ?? [], kpis),
    loops: { iterationsPerCase: per(iterations), guardHits },
    bottlenecks,
    ...(stopping ? { stopping } : {}),
    replicationKpis: perRep,
  };
}
