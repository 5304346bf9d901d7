/**
 * Case attributes (a scenario's `attributes`): each case draws one value per attribute when it arrives, from a
 * distribution (a number, never negative, like every sampled quantity) or a table of values; router conditions
 * test them with `evaluateCondition`. `conditionShare` is the share of cases for which a condition on one
 * attribute holds: what the analyzer reads as the branch's expected share, and what the simulator converges to.
 */
import { lognormalSigma, normalCdf, type Distribution } from '../distribution.schema.ts';
import { evaluateCondition, type Condition } from '../edge.schema.ts';
import type { CaseAttribute } from '../scenario.schema.ts';

/**
 * The share of cases whose attribute `condition.field` makes the condition hold; undefined when the field is not
 * one of `attributes` (a built-in field such as confidence, or an attribute the scenario does not draw: then the
 * condition never holds in simulation).
 * @example conditionShare({ field: 'tier', op: '==', value: 'gold' }, { tier: { type: 'table', values: [{ value: 'gold', probability: 0.2 }, { value: 'basic', probability: 0.8 }] } }) // 0.2
 * @example conditionShare({ field: 'amount', op: '>', value: 100 }, { amount: { type: 'exponential', mean: 100 } }) // e^-1 = 0.368
 */
export function conditionShare(condition: Condition, attributes: Readonly<Record<string, CaseAttribute>>): number | undefined {
  const a = attributes[condition.field];
  if (a === undefined) return undefined;
  if (a.type === 'table') {
    const total = a.values.reduce((s, v) => s + v.probability, 0) || 1;
    return a.values.reduce((s, v) => s + (evaluateCondition(condition, { [condition.field]: v.value }) ? v.probability : 0), 0) / total;
  }
  if (a.type === 'fixed') return evaluateCondition(condition, { [condition.field]: a.value }) ? 1 : 0;
  // A continuous number: equal to a given value with probability 0; compared with anything but a number, never.
  const v = condition.value;
  if (condition.op === '==') return 0;
  if (condition.op === '!=') return 1;
  if (typeof v !== 'number') return 0;
  const below = distributionCdf(a, v);
  return condition.op === '<' || condition.op === '<=' ? below : 1 - below;
}

/**
 * P(X <= x) for a sampled number (a normal is truncated at 0, as the simulator samples it).
 * @example distributionCdf({ type: 'uniform', min: 0, max: 10 }, 2.5) // 0.25
 */
export function distributionCdf(d: Distribution, x: number): number {
  switch (d.type) {
    case 'fixed':
      return x >= d.value ? 1 : 0;
    case 'uniform':
      return d.max > d.min ? clamp01((x - d.min) / (d.max - d.min)) : x >= d.min ? 1 : 0;
    case 'normal': {
      if (x < 0) return 0;
      if (d.sd <= 0) return x >= Math.max(0, d.mean) ? 1 : 0;
      const lo = normalCdf(-d.mean / d.sd);
      return clamp01((normalCdf((x - d.mean) / d.sd) - lo) / (1 - lo));
    }
    case 'lognormal': {
      if (x <= 0) return 0;
      const sigma = lognormalSigma(d.median, d.p95);
      return sigma > 0 ? normalCdf((Math.log(x) - Math.log(d.median)) / sigma) : x >= d.median ? 1 : 0;
    }
    case 'exponential':
      return x <= 0 ? 0 : 1 - Math.exp(-x / d.mean);
    case 'triangular': {
      const { min, mode, max } = d;
      if (x <= min) return 0;
      if (x >= max) return 1;
      return x <= mode ? ((x - min) ** 2) / ((max - min) * (mode - min)) : 1 - ((max - x) ** 2) / ((max - min) * (max - mode));
    }
    case 'beta':
      return x <= 0 ? 0 : x >= 1 ? 1 : regularizedBeta(x, d.alpha, d.beta);
  }
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** I_x(a, b) by the continued fraction (Numerical Recipes' betacf), with the symmetry for fast convergence. */
function regularizedBeta(x: number, a: number, b: number): number {
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const num of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-12) break;
  }
  return h;
}

/** ln Gamma(z) by Lanczos (g = 7, 9 terms), for z > 0. */
function logGamma(z: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let sum = g[0] ?? 1;
  for (let i = 1; i < g.length; i++) sum += (g[i] ?? 0) / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}
