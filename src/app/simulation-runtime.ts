/**
 * Everything the simulation controller takes from src/simulator, in one module it loads on first use (a run,
 * a debug step): the engine, the worker pool's client and the report code stay out of the first page
 * (docs/architecture.md, "First load"). With them, the analyzer's closed-form estimate that a finished run is
 * compared with: the analyzer itself loads after the first paint, and a run that has finished has this module.
 */
import type { Scenario, Workflow } from '../domain/index.ts';
import { DEFAULT_SCENARIO, REPORT_KPIS, type ReportKpi, type StoppingRule } from '../simulator/report.ts';
import type { BatchStopping } from '../store/simulation-store.ts';

export { estimate } from '../analyzer/index.ts';
export { createSimulationClient } from '../simulator/client.ts';
export { createDebugRun } from '../simulator/debug.ts';
export { applySweepParam } from '../store/simulation-whatif.ts';

/** The scenario a setting names: the document's, else the default (what the CLI runs without a scenario). */
export function scenarioFor(doc: Workflow, id: string | null): Scenario {
  return (id !== null ? doc.scenarios?.find((s) => s.id === id) : undefined) ?? DEFAULT_SCENARIO;
}

/** The store's stopping setting in the simulator's terms (an unknown KPI name falls back to the default KPI). */
export function stoppingRule(s: BatchStopping): StoppingRule {
  const kpi = REPORT_KPIS.find((k): k is ReportKpi => k === s.kpi);
  return {
    ...(kpi !== undefined ? { kpi } : {}),
    ...(s.relativeHalfWidth !== undefined ? { relativeHalfWidth: s.relativeHalfWidth } : {}),
    ...(s.maxReplications !== undefined ? { maxReplications: s.maxReplications } : {}),
  };
}
