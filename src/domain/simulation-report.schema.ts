/**
 * The simulation report: what a batch of N cases x R replications found. A public contract: the simulator
 * produces it, `baton simulate --format json` prints it, the app keeps it with a saved run (and parses it back with
 * this schema), and the Simulation panel shows it. Add fields (optional when older saved runs lack them); never
 * rename one.
 */
import * as z from 'zod';
import { CONDITION_OPS } from './edge.schema.ts';
import { KPI_NAMES } from './kpi.ts';
import { CASE_OUTCOMES } from './semantics/outcomes.ts';

/** KPIs reported beside KPI_NAMES (added, never renamed). */
export const EXTRA_KPIS = ['fallbackRate', 'timeoutRate', 'backoffSecondsPerCase'] as const;
/** Every KPI of a report, in the report's order. */
export const REPORT_KPIS = [...KPI_NAMES, ...EXTRA_KPIS] as const;
export const reportKpiSchema = z.enum(REPORT_KPIS);
export type ReportKpi = z.infer<typeof reportKpiSchema>;
/**
 * KPIs a report carries only when the design states what they need (added, never renamed):
 * `deadlineMetRate`, the share of cases whose cycle time is within the profile's deadline (`profile.slaSeconds`).
 */
export const OPTIONAL_KPIS = ['deadlineMetRate'] as const;
export type OptionalKpi = (typeof OPTIONAL_KPIS)[number];
/** Every KPI a report may carry: REPORT_KPIS always, then OPTIONAL_KPIS where they apply. */
export const ANY_REPORT_KPIS = [...REPORT_KPIS, ...OPTIONAL_KPIS] as const;
export type AnyReportKpi = (typeof ANY_REPORT_KPIS)[number];

/** One entry per KPI: required for REPORT_KPIS, optional for OPTIONAL_KPIS (older saved runs have none). */
function kpiShape<T extends z.ZodType>(value: T): Record<ReportKpi, T> & Record<OptionalKpi, z.ZodOptional<T>> {
  // Built from the lists so a KPI added to them is in the schema too; the keys are exactly the lists'.
  const required = Object.fromEntries(REPORT_KPIS.map((k) => [k, value])) as Record<ReportKpi, T>;
  const optional = Object.fromEntries(OPTIONAL_KPIS.map((k) => [k, value.optional()])) as Record<OptionalKpi, z.ZodOptional<T>>;
  return { ...required, ...optional };
}

const count = z.number().min(0);
const share = z.number().min(0);

export const kpiValueSchema = z.object({
  /** Mean across replications; null when no replication could compute it (e.g. triesPerSuccess with no success). */
  mean: z.number().nullable(),
  /** 95% Student-t interval of the mean; null with fewer than two replications that computed it. */
  ci95: z.tuple([z.number(), z.number()]).readonly().nullable(),
}).readonly();
export type KpiValue = z.infer<typeof kpiValueSchema>;

export const gateReportSchema = z.object({
  arrivals: count,
  /** Time-average number of items waiting (not in service). */
  meanQueueLength: share,
  meanWaitSeconds: share,
  /** Busy time over reviewers x open time. */
  utilisation: share,
  /** Items that waited past the SLA or finished after it. */
  slaBreaches: count,
  /** Items that left by the gate's `timeout` port (SLA while waiting, or service cut by startToCloseSeconds). */
  timeouts: count,
  reviewerHoursPerDay: share,
}).readonly();
export type GateReport = z.infer<typeof gateReportSchema>;

export const nodeReportSchema = z.object({
  /** The node's kind. */
  kind: z.string(),
  /** Entries into the node, all replications together. */
  visits: count,
  /** Share of cases that entered the node at least once. */
  reachedShare: share,
  /** Failed tries by error type, all replications together. */
  failures: z.record(z.string(), count).readonly(),
  /** Cases that ended failed at this node. */
  caseFailures: count,
  /** Cases stuck at this node (visit guard, port without edge). */
  stuck: count,
  /** Loop iterations: entries by a back edge or a check's re-ask. */
  loopIterations: count,
  /** Cases ended stuck by the visit guard at this node (part of `stuck`). */
  guardHits: count,
  costPerCase: share,
  /** Errors a catcher routed (the case took a fallback route), all replications together. */
  fallbacks: count,
  /** Seconds the node's circuit breaker was open per replication (nodes with a breaker). */
  breakerOpenSeconds: share.optional(),
  /** Times the breaker opened, all replications together. */
  breakerOpens: count.optional(),
  gate: gateReportSchema.optional(),
}).readonly();
export type NodeReport = z.infer<typeof nodeReportSchema>;

export const hypothesisResultSchema = z.object({
  metric: z.enum(KPI_NAMES),
  op: z.enum(CONDITION_OPS),
  value: z.number(),
  actual: z.number().nullable(),
  pass: z.boolean(),
}).readonly();
export type HypothesisResult = z.infer<typeof hypothesisResultSchema>;

/**
 * A queueing bottleneck: `waitingShare` is the time cases spent waiting in the gate's queue (before service)
 * over the total cycle time of all cases; `utilisation` is the gate's busy share; `score` their product. A gate
 * that holds cases a long time *and* has no spare capacity ranks first.
 */
export const bottleneckSchema = z.object({ node: z.string(), waitingShare: share, utilisation: share, score: share }).readonly();
export type Bottleneck = z.infer<typeof bottleneckSchema>;

export const stoppingResultSchema = z.object({
  kpi: reportKpiSchema,
  relativeHalfWidth: z.number(),
  maxReplications: z.number().int(),
  /** Half-width of the KPI's 95% interval when the batch stopped (null: fewer than two values). */
  halfWidth: z.number().nullable(),
  /** True when the half-width rule was met; false when the cap stopped the batch. */
  met: z.boolean(),
}).readonly();
export type StoppingResult = z.infer<typeof stoppingResultSchema>;

export const simulationReportSchema = z.object({
  /** The scenario's id (`default` when the document has none). */
  scenario: z.string(),
  seed: z.number().int().min(0),
  /** Cases per replication. */
  cases: z.number().int().min(0),
  replications: z.number().int().min(0),
  /** Engine events processed, all replications together. */
  events: count,
  kpis: z.object(kpiShape(kpiValueSchema)).readonly(),
  /** Cases by end state, all replications together. */
  outcomeMix: z.record(z.enum(CASE_OUTCOMES), count).readonly(),
  /** Cycle times, all replications: `counts[i]` cases in [edges[i], edges[i+1]) seconds. */
  histogram: z.object({ edges: z.array(z.number()).readonly(), counts: z.array(count).readonly() }).readonly(),
  /** By node id (notes left out). */
  nodes: z.record(z.string(), nodeReportSchema).readonly(),
  /** Nodes by cost per case, most expensive first (nodes with no cost left out). */
  costByNode: z.array(z.object({ node: z.string(), costPerCase: share, share }).readonly()).readonly(),
  /** Work nodes (and outputs) entered by fewer than 1% of cases. */
  rarelyReached: z.array(z.string()).readonly(),
  hypothesis: z.array(hypothesisResultSchema).readonly(),
  /** Loops over the whole design: re-entries per case and visit-guard hits, all replications together. */
  loops: z.object({ iterationsPerCase: share, guardHits: count }).readonly(),
  /** Human gates by waiting share x utilisation, worst first. */
  bottlenecks: z.array(bottleneckSchema).readonly(),
  /** Present when the batch ran under a stopping rule: why it stopped where it did. */
  stopping: stoppingResultSchema.optional(),
  /**
   * Each KPI's value in each replication, in replication order (null where the replication does not define it).
   * Two batches with the same seed share their random streams replication by replication (common random
   * numbers), so B - A can be judged on the paired differences.
   */
  replicationKpis: z.object(kpiShape(z.array(z.number().nullable()).readonly())).readonly(),
}).readonly();
export type SimulationReport = z.infer<typeof simulationReportSchema>;

/**
 * Is `name` one of the KPIs a report may carry (optional ones included)?
 * @example isReportKpi('fallbackRate') // true
 */
export function isReportKpi(name: string): name is AnyReportKpi {
  return (ANY_REPORT_KPIS as readonly string[]).includes(name);
}

/**
 * A report's KPI by a name that may not be one (undefined then): for lists of names kept as plain strings.
 * @example reportKpi(report.kpis, 'successRate')?.mean
 */
export function reportKpi(kpis: SimulationReport['kpis'], name: string): KpiValue | undefined {
  return isReportKpi(name) ? kpis[name] : undefined;
}

/** A node as the public JSON has it: its report, and for a gate its utilisation and mean wait beside its visits. */
export type NodeJson = NodeReport & { readonly utilisation?: number; readonly meanWaitSeconds?: number };

/**
 * The report as `baton simulate --format json` prints it and the app's "Export results" writes it (so the two can
 * be diffed): the whole report, with each gate's `utilisation` and `meanWaitSeconds` also beside its node's
 * `visits`, as interfaces.md's contract has them. It still parses with simulationReportSchema.
 * @example JSON.stringify(reportJson(report), null, 2)
 */
export function reportJson(r: SimulationReport): Omit<SimulationReport, 'nodes'> & { readonly nodes: Readonly<Record<string, NodeJson>> } {
  const nodes = Object.fromEntries(Object.entries(r.nodes).map(([id, n]): [string, NodeJson] => [id, { ...n, ...(n.gate ? { utilisation: n.gate.utilisation, meanWaitSeconds: n.gate.meanWaitSeconds } : {}) }]));
  return { ...r, nodes };
}
