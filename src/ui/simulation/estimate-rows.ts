/**
 * The figures an estimate and a run share (the results table and the score card's last run), kept apart from the
 * results' charts so the score card does not pull them into the first load.
 */
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

