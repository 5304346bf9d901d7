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
 * Steps the task needs: 1 + (inputModalities - 1) + (outputs - 1) + [risk medium] + 2[risk high]
 * + [effort > 15 min] + [effort > 60 min]. A missing profile field counts as the smallest task.
 * @example stepsNeeded({ risk: 'high', effortMinutes: 30 }) // 4
 */
export function stepsNeeded(profile: Profile | undefined): number {
  const p = profile ?? {};
  const effort = p.effortMinutes ?? 0;
  return (
    1 +
    ((p.inputModalities ?? 1) - 1) +
    ((p.outputs ?? 1) - 1) +
    (p.risk === 'medium' ? 1 : 0) +
    (p.risk === 'high' ? 2 : 0) +
    (effort > 15 ? 1 : 0) +
    (effort > 60 ? 1 : 0)
  );
}

/**
 * OE = |W| / N_need; over-engineered when OE >= 2.5 and |W| - N_need >= 3; lean when fewer steps than needed.
 * @example overEngineering(6, {}) // { ratio: 6, needed: 1, used: 6, band: 'over-engineered' }
 */
export function overEngineering(workNodes: number, profile: Profile | undefined): { ratio: number; needed: number; used: number; band: OverEngineeringBand } {
  const needed = stepsNeeded(profile);
  const ratio = Math.round((workNodes / needed) * 100) / 100;
  const band: OverEngineeringBand =
    workNodes / needed >= OVER_ENGINEERING.ratio && workNodes - needed >= OVER_ENGINEERING.excess ? 'over-engineered' : workNodes < needed ? 'lean' : 'proportionate';
  return { ratio, needed, used: workNodes, band };
}
