/**
 * The report's shape is a zod schema in src/domain (simulation-report.schema.ts): a public contract the store,
 * the UI and saved runs read. Here: its types for the simulator's modules, and the stopping rule's options.
 */
import type { ReportKpi } from '../domain/index.ts';

export {
  ANY_REPORT_KPIS,
  EXTRA_KPIS,
  OPTIONAL_KPIS,
  REPORT_KPIS,
  type AnyReportKpi,
  type Bottleneck,
  type GateReport,
  type HypothesisResult,
  type KpiValue,
  type NodeReport,
  type ReportKpi,
  type SimulationReport,
  type StoppingResult,
} from '../domain/index.ts';

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

export const DEFAULT_STOPPING = { relativeHalfWidth: 0.05, maxReplications: 200 } as const;
