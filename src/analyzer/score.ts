/**
 * The complexity score and the over-engineering ratio (analyzer-rules.md, "Complexity score and bands").
 * The weights and ranges are hypotheses to calibrate on real workflows (docs/analyzer.md, "Calibration").
 */
import type { Profile } from '../domain/index.ts';
import type { ComplexityBand, Metrics, OverEngineeringBand, ScoreContributor } from './types.ts';

/** Each factor: the metric it reads, the range mapped to 0..1, and its weight (weights sum to 1). */
export const SCORE_FACTORS: readonly { factor: string; read: (m: Metrics) => number; lo: number; hi: number; weight: number }[] = [
  { factor: 'size', read: (m) => m.nodes, lo: 7, hi: 50, weight: 0.25 },
  { factor: 'longest path', read: (m) => m.longestPath, lo: 3, hi: 10, weight: 0.2 },
  { factor: 'control-flow complexity', read: (m) => m.cfc, lo: 3, hi: 20, weight: 0.15 },
  { factor: 'max connector degree', read: (m) => m.maxDegree, lo: 3, hi: 7, weight: 0.1 },
  { factor: 'unstructuredness', read: (m) => 1 - m.structuredness, lo: 0, hi: 0.5, weight: 0.1 },
  { factor: 'tools and automation layers', read: (m) => m.distinctTools + m.automationLayers, lo: 2, hi: 8, weight: 0.2 },
];

export const BAND_LIMITS = { moderate: 20, complex: 45, veryComplex: 70 } as const;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * C = 100 x sum of w_k x clamp((x_k - lo) / (hi - lo), 0, 1), with the three largest contributors.
 * @example complexityScore(metrics).band // 'simple'
 */
export function complexityScore(m: Metrics): { value: number; band: ComplexityBand; contributors: ScoreContributor[] } {
  const parts = SCORE_FACTORS.map((f) => {
    const value = f.read(m);
    return { factor: f.factor, value, points: 100 * f.weight * clamp01((value - f.lo) / (f.hi - f.lo)) };
  });
  const value = Math.round(parts.reduce((s, p) => s + p.points, 0) * 10) / 10;
  const contributors = parts.filter((p) => p.points > 0).sort((a, b) => b.points - a.points).slice(0, 3);
  return { value, band: complexityBand(value), contributors };
}

/**
 * @example complexityBand(44.9) // 'moderate'
 */
export function complexityBand(value: number): ComplexityBand {
  if (value >= BAND_LIMITS.veryComplex) return 'very complex';
  if (value >= BAND_LIMITS.complex) return 'complex';
  if (value >= BAND_LIMITS.moderate) return 'moderate';
  return 'simple';
}

/** Thresholds of the "over-engineered" band. */
export const OVER_ENGINEERING = { ratio: 2.5, excess: 3 } as const;

/**
 * Where N_need grows (calibrated on the templates, docs/analyzer.md "Calibration"): one step more past each
 * effort threshold (minutes by hand) and past each volume threshold (runs a day). Volume counts because at 50
 * runs a day an AI step's usual 2-5% error rate is one wrong result or more every day, which a check or an
 * exception route is there to catch; at 500 a day a second such step (a fallback, a sampled audit) pays for itself.
 */
export const STEPS_NEEDED = { effortMinutes: [15, 60], runsPerDay: [50, 500] } as const;

/**
 * Steps the task needs: 1 + (inputModalities - 1) + (outputs - 1) + [risk medium] + 2[risk high]
 * + [effort > 15 min] + [effort > 60 min] + [runsPerDay >= 50] + [runsPerDay >= 500]. A missing profile field
 * counts as the smallest task.
 * @example stepsNeeded({ risk: 'high', effortMinutes: 30 }) // 4
 * @example stepsNeeded({ risk: 'medium', effortMinutes: 8, runsPerDay: 800 }) // 4
 */
export function stepsNeeded(profile: Profile | undefined): number {
  const p = profile ?? {};
  const effort = p.effortMinutes ?? 0;
  const runs = p.runsPerDay ?? 0;
  let needed = 1 + ((p.inputModalities ?? 1) - 1) + ((p.outputs ?? 1) - 1) + (p.risk === 'medium' ? 1 : 0) + (p.risk === 'high' ? 2 : 0);
  for (const limit of STEPS_NEEDED.effortMinutes) if (effort > limit) needed += 1;
  for (const limit of STEPS_NEEDED.runsPerDay) if (runs >= limit) needed += 1;
  return needed;
}

/** The over-engineering judgement: steps used against steps needed, and the design's size behind them. */
export interface OverEngineeringResult {
  readonly ratio: number;
  readonly needed: number;
  /** Work steps a case passes when nothing fails (each once); fallbacks and exception routes excluded. */
  readonly used: number;
  readonly band: OverEngineeringBand;
  /** |W|: every work node, rare branches and fallbacks included. */
  readonly workNodes: number;
  /** Work nodes reached only through failure ports (fallbacks, exception handling): resilience, not bulk. */
  readonly resilienceNodes: number;
}

/**
 * OE = used / N_need; over-engineered when OE >= 2.5 and used - N_need >= 3; lean when the design has fewer
 * work nodes on its normal path than the task needs. `used` is the expected number of work steps a case passes
 * (normalReach); without the structure (a bare count) every step counts as used and normal.
 * @example overEngineering(6, {}) // { ratio: 6, needed: 1, used: 6, band: 'over-engineered', workNodes: 6, resilienceNodes: 0 }
 */
export function overEngineering(used: number, profile: Profile | undefined, structure?: { readonly workNodes: number; readonly normalWorkNodes: number }): OverEngineeringResult {
  const needed = stepsNeeded(profile);
  const rounded = Math.round(used * 100) / 100;
  const ratio = Math.round((rounded / needed) * 100) / 100;
  const workNodes = structure?.workNodes ?? rounded;
  const normal = structure?.normalWorkNodes ?? workNodes;
  const band: OverEngineeringBand =
    rounded / needed >= OVER_ENGINEERING.ratio && rounded - needed >= OVER_ENGINEERING.excess ? 'over-engineered' : normal < needed ? 'lean' : 'proportionate';
  return { ratio, needed, used: rounded, band, workNodes, resilienceNodes: workNodes - normal };
}
