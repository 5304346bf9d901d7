/**
 * The figures the analyzer's closed-form estimate and a simulation run share, as rows: read by the score card
 * (first paint) and the results view (loaded on first use), so they live apart from both.
 */
import type { KpiValue } from '../../domain/index.ts';
import type { ClosedFormEstimate } from '../../store/simulation-store.ts';

export interface EstimateRow {
  readonly kpi: string;
  readonly label: string;
  readonly estimate: number;
  /** Why the analyzer does not estimate this figure (then `estimate` is not shown). */
  readonly declined: string | undefined;
}

/**
 * The figures an estimate and a run share, each with the reason when the analyzer declines it.
 * @example estimateRows(e)[0] // { kpi: 'successRate', label: 'Success rate', estimate: 0.93, declined: undefined }
 */
export function estimateRows(e: ClosedFormEstimate): EstimateRow[] {
  const no = e.notEstimated ?? {};
  return [
    { kpi: 'successRate', label: 'Success rate', estimate: e.success, declined: no.success },
    { kpi: 'costPerCase', label: 'Cost per case', estimate: e.costPerCase, declined: no.costPerCase },
    { kpi: 'cycleSecondsP50', label: 'Cycle p50', estimate: e.p50Seconds, declined: no.p50Seconds },
    { kpi: 'cycleSecondsP95', label: 'Cycle p95', estimate: e.p95Seconds, declined: no.p95Seconds },
  ];
}

/** Outside the interval, or (no interval) more than 5% away from the simulated mean. */
export function estimateDisagrees(k: KpiValue | undefined, estimate: number): boolean {
  if (!k || k.mean === null) return false;
  if (k.ci95) return estimate < k.ci95[0] || estimate > k.ci95[1];
  return Math.abs(estimate - k.mean) > Math.abs(k.mean) * 0.05;
}
