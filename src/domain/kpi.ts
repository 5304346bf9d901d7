/**
 * The names of the simulator's KPIs (interfaces.md). Scenario hypotheses test them, `baton simulate --format json`
 * prints them, and the Simulation panel tags each with `data-kpi`. Add freely; never rename.
 */
export const KPI_NAMES = [
  'successRate',
  'rejectedRate',
  'escalatedRate',
  'errorRate',
  'failedRate',
  'stuckRate',
  'silentErrorRate',
  'cycleSecondsP50',
  'cycleSecondsP90',
  'cycleSecondsP95',
  'cycleSecondsP99',
  'meanCycleSeconds',
  'costPerCase',
  'triesPerSuccess',
  'humanHoursPerDay',
  'leverage',
] as const;

export type KpiName = (typeof KPI_NAMES)[number];

export function isKpiName(s: string): s is KpiName {
  return (KPI_NAMES as readonly string[]).includes(s);
}
