/**
 * The complexity score and the over-engineering ratio (analyzer-rules.md, "Complexity score and bands").
 * The weights and ranges are hypotheses to calibrate on real workflows (docs/analyzer.md, "Calibration").
 */
import type { Profile } from '../domain/index.ts';
import type { SurplusStep } from './overbuilding.ts';
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

/**
 * Thresholds of the "over-engineered" band (docs/analyzer.md, "Over-engineering").
 * - By surplus (evidence of over-building, any design): at least one surplus step, and either `surplusCount`
 *   of them or a `surplusShare` of the judgement steps a case passes.
 * - By the task (only when the profile states the effort): OE = used / needed >= `ratio`, used - needed >=
 *   `excess`, and the judgement steps alone exceed the need by `judgementExcess` (integration steps that read
 *   the input or deliver the result are the task itself, not over-building).
 */
export const OVER_ENGINEERING = { ratio: 2.5, excess: 3, judgementExcess: 2, surplusCount: 3, surplusShare: 1 / 3 } as const;

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

/** The over-engineering judgement: steps used against steps needed, the surplus found, and the size behind them. */
export interface OverEngineeringResult {
  readonly ratio: number;
  readonly needed: number;
  /** Work steps a case passes when nothing fails (each once); fallbacks, exception routes and plumbing excluded. */
  readonly used: number;
  readonly band: OverEngineeringBand;
  /** |W|: every work node, rare branches and fallbacks included. */
  readonly workNodes: number;
  /** Work nodes reached only through failure ports (fallbacks, exception handling): resilience, not bulk. */
  readonly resilienceNodes: number;
  /** Steps that add no correctness (overbuilding.ts): a redundant AI step, a wrapper layer, a repeated gate. */
  readonly surplus: number;
  readonly surplusSteps: readonly SurplusStep[];
  /** Judgement steps a case passes (AI steps, checks, people, automation layers), as `used` counts them. */
  readonly judgement: number;
  /** `used` in words (stepsUsedText), for the score card and `baton lint`. */
  readonly usedText: string;
}

/** What the graph says beyond the bare count (context.ts fills it; a bare count leaves it out). */
export interface OverEngineeringStructure {
  readonly workNodes: number;
  readonly normalWorkNodes: number;
  /** Work nodes on the normal path or reached only through failure ports (unreachable ones are neither). */
  readonly reachableWorkNodes?: number;
  readonly judgement?: number;
  readonly surplus?: readonly SurplusStep[];
}

/**
 * The band: over-engineered on evidence of over-building (surplus steps) in any design, or, when the profile
 * states the task's effort, on steps the task does not need (OE >= 2.5, 3 or more extra steps, and judgement
 * steps beyond the need); lean when the normal path has fewer work nodes than the task needs. Without a stated
 * effort nothing says what the task needs, so size alone never makes a design over-engineered.
 * @example overEngineering(6, { effortMinutes: 5 }) // { ratio: 6, needed: 1, used: 6, band: 'over-engineered', ... }
 * @example overEngineering(6, {}).band // 'proportionate': no stated task, no surplus
 */
export function overEngineering(used: number, profile: Profile | undefined, structure?: OverEngineeringStructure): OverEngineeringResult {
  const needed = stepsNeeded(profile);
  const rounded = Math.round(used * 100) / 100;
  const ratio = Math.round((rounded / needed) * 100) / 100;
  const workNodes = structure?.workNodes ?? rounded;
  const normal = structure?.normalWorkNodes ?? workNodes;
  const judgement = Math.round((structure?.judgement ?? rounded) * 100) / 100;
  const surplusSteps = structure?.surplus ?? [];
  const surplus = surplusSteps.length;
  const t = OVER_ENGINEERING;
  const bySurplus = surplus >= 1 && (surplus >= t.surplusCount || surplus >= t.surplusShare * Math.max(1, judgement));
  const byTask = profile?.effortMinutes !== undefined && rounded / needed >= t.ratio && rounded - needed >= t.excess && judgement - needed >= t.judgementExcess;
  const band: OverEngineeringBand = bySurplus || byTask ? 'over-engineered' : normal < needed ? 'lean' : 'proportionate';
  const reachable = structure?.reachableWorkNodes ?? workNodes;
  return { ratio, needed, used: rounded, band, workNodes, resilienceNodes: Math.max(0, reachable - normal), surplus, surplusSteps, judgement, usedText: stepsUsedText(rounded) };
}

/**
 * The work steps a case passes, in words. `used` is an expectation: a step on one of two even branches counts
 * 0.5, so a design whose only step sits on one branch "uses" 0.5 steps. A fraction is said as the average it is,
 * with what it weighs; a whole number as whole steps.
 * @example stepsUsedText(3) // "3 work steps per case"
 * @example stepsUsedText(0.5) // "0.5 work steps per case on average (a step on a branch counts by the share of cases that take it)"
 */
export function stepsUsedText(used: number): string {
  const whole = Math.round(used);
  if (Math.abs(used - whole) < 0.05) return `${whole} work step${whole === 1 ? '' : 's'} per case`;
  return `${Math.round(used * 10) / 10} work steps per case on average (a step on a branch counts by the share of cases that take it)`;
}
