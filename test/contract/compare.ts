/**
 * Analyzer estimate vs simulated figure, shared by the contract test (test/contract) and the benchmark-style
 * report (bench/estimates-vs-simulation.ts), so both judge with the same tolerances.
 */
import type { Estimates } from '../../src/analyzer/index.ts';
import type { Workflow } from '../../src/domain/index.ts';
import type { SimulationReport } from '../../src/simulator/report.ts';

export type Figure = 'success' | 'costPerCase' | 'p50Seconds' | 'p95Seconds';

export interface Tolerance {
  /** Absolute tolerance on success. */
  readonly success: number;
  /** Relative tolerance on cost per case. */
  readonly cost: number;
  /** Relative tolerance on p50 and p95 cycle time. */
  readonly latency: number;
}

/** Issue 9's tolerances for a template's baseline. */
export const TOLERANCES = { template: { success: 0.02, cost: 0.05, latency: 0.3 } } as const satisfies Record<string, Tolerance>;

export interface FigureComparison {
  readonly figure: Figure;
  /** null: the analyzer says it cannot estimate this figure (notEstimated). */
  readonly estimate: number | null;
  readonly simulated: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly within: boolean;
}

/**
 * The document as its baseline run sees it: no scenarios, so arrivals follow the profile and nothing is faulted.
 * @example baselineOf(template.doc).scenarios // undefined
 */
export function baselineOf(doc: Workflow): Workflow {
  const { scenarios: _dropped, ...rest } = doc;
  return rest;
}

const KPI: Record<Figure, 'successRate' | 'costPerCase' | 'cycleSecondsP50' | 'cycleSecondsP95'> = {
  success: 'successRate',
  costPerCase: 'costPerCase',
  p50Seconds: 'cycleSecondsP50',
  p95Seconds: 'cycleSecondsP95',
};

/**
 * Each figure's estimate beside the simulated mean, judged with `tol` (or, with `interval`, by whether the estimate
 * sits inside the simulated 95% interval widened by `slack` of the mean, for rounding of a near-zero width).
 */
export function compareFigures(e: Estimates, r: SimulationReport, tol: Tolerance, interval = false): FigureComparison[] {
  const est: Record<Figure, number | null> = {
    success: e.success,
    costPerCase: e.costPerCase,
    p50Seconds: e.p50Seconds,
    p95Seconds: e.p95Seconds,
  };
  const declined = e.notEstimated;
  return (Object.keys(KPI) as Figure[]).map((figure) => {
    const k = r.kpis[KPI[figure]];
    const estimate = declined[figure] !== undefined ? null : est[figure];
    const simulated = k.mean;
    let within: boolean;
    if (estimate === null || simulated === null) within = estimate === null;
    else if (interval && k.ci95) within = estimate >= k.ci95[0] - 1e-9 - Math.abs(simulated) * 0.001 && estimate <= k.ci95[1] + 1e-9 + Math.abs(simulated) * 0.001;
    else if (figure === 'success') within = Math.abs(estimate - simulated) <= tol.success;
    else {
      const rel = figure === 'costPerCase' ? tol.cost : tol.latency;
      within = Math.abs(estimate - simulated) <= rel * Math.abs(simulated) + 1e-9;
    }
    return { figure, estimate, simulated, ci95: k.ci95, within };
  });
}
