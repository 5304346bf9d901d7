/**
 * Distributions used by stubs for latency, service time, token counts and confidence.
 * Each one is a small strict object tagged by `type`; parameters are checked for coherence
 * (min <= max, p95 >= median...) with a message that says which parameter is off.
 */
import * as z from 'zod';
import { MAX_SECONDS } from './units.ts';

const value = z.number().min(0).max(MAX_SECONDS);

export const fixedSchema = z.strictObject({ type: z.literal('fixed'), value });

export const uniformSchema = z
  .strictObject({ type: z.literal('uniform'), min: value, max: value })
  .refine((d) => d.min <= d.max, { message: 'min must not be greater than max', path: ['max'] });

/** Normal, truncated at 0 when sampled (a latency is never negative). */
export const normalSchema = z.strictObject({
  type: z.literal('normal'),
  mean: value,
  sd: value,
});

/** Lognormal given by its median and 95th percentile: the two numbers people actually know about latency. */
export const lognormalSchema = z
  .strictObject({ type: z.literal('lognormal'), median: z.number().gt(0).max(MAX_SECONDS), p95: z.number().gt(0).max(MAX_SECONDS) })
  .refine((d) => d.p95 >= d.median, { message: 'p95 must be at least the median', path: ['p95'] });

export const exponentialSchema = z.strictObject({ type: z.literal('exponential'), mean: z.number().gt(0).max(MAX_SECONDS) });

export const triangularSchema = z
  .strictObject({ type: z.literal('triangular'), min: value, mode: value, max: value })
  .refine((d) => d.min <= d.mode && d.mode <= d.max, { message: 'needs min <= mode <= max', path: ['mode'] });

/** Beta on [0, 1]: used for confidence scores. */
export const betaSchema = z.strictObject({
  type: z.literal('beta'),
  alpha: z.number().gt(0).max(10_000),
  beta: z.number().gt(0).max(10_000),
});

export const distributionSchema = z.discriminatedUnion('type', [
  fixedSchema,
  uniformSchema,
  normalSchema,
  lognormalSchema,
  exponentialSchema,
  triangularSchema,
  betaSchema,
]);

export type Distribution = z.infer<typeof distributionSchema>;
export type DistributionType = Distribution['type'];
export const DISTRIBUTION_TYPES: readonly DistributionType[] = ['fixed', 'uniform', 'normal', 'lognormal', 'exponential', 'triangular', 'beta'];

/** z for the 95th percentile of a standard normal. */
const Z95 = 1.6448536269514722;

/**
 * The mean of a distribution, in closed form. Used by the analyzer's estimates and the inspector's summary.
 * @example distributionMean({ type: 'lognormal', median: 2, p95: 8 }) // ≈ 2.85
 */
export function distributionMean(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return truncatedNormalMean(d.mean, d.sd);
    case 'lognormal': {
      const sigma = lognormalSigma(d.median, d.p95);
      return d.median * Math.exp((sigma * sigma) / 2);
    }
    case 'exponential':
      return d.mean;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'beta':
      return d.alpha / (d.alpha + d.beta);
  }
}

/** sigma of the underlying normal of a lognormal given median and p95. */
export function lognormalSigma(median: number, p95: number): number {
  return median > 0 && p95 > median ? Math.log(p95 / median) / Z95 : 0;
}

function truncatedNormalMean(mean: number, sd: number): number {
  if (sd <= 0) return Math.max(0, mean);
  const a = -mean / sd;
  const pdf = Math.exp(-(a * a) / 2) / Math.sqrt(2 * Math.PI);
  const tail = 1 - normalCdf(a);
  return tail > 1e-12 ? mean + (sd * pdf) / tail : 0;
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 via erf). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  const at = (arr: number[], i: number): number => arr[i] ?? 0;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q + at(c, 5)) / ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r + at(a, 5)) * q) / (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1);
}
