/**
 * The shape of a batch's report (`SimulationReport`) and its parts: what `runBatch` returns, what the worker pool
 * assembles, and what `baton simulate --format json` prints.
 */
import { KPI_NAMES, type ConditionOp, type KpiName } from '../domain/index.ts';
import type { CaseOutcome } from './compile.ts';

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
