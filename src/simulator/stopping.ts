/**
 * Stopping rules: run replications until the main KPI's 95% interval is narrow enough (or a cap is reached).
 */
import type { Scenario } from '../domain/index.ts';
import { DEFAULT_STOPPING, type ReportKpi, type StoppingRule } from './report-types.ts';
import { meanInterval } from './statistics.ts';

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
