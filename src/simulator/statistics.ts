/**
 * The statistics of the report: Student-t intervals across replications, quantiles, the cycle-time histogram's
 * bins.
 */
import type { KpiValue } from './report-types.ts';

const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (table to 30, Cornish-Fisher beyond).
 * @example tQuantile975(9) // 2.262
 */
export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  const tab = T975[df - 1];
  if (tab !== undefined) return tab;
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * Mean and 95% t-interval of the values that are numbers (nulls are replications where the KPI is undefined).
 * @example meanInterval([1, 2, 3]) // { mean: 2, ci95: [-0.48, 4.48] }
 */
export function meanInterval(values: readonly (number | null)[]): KpiValue {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { mean: null, ci95: null };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (xs.length < 2) return { mean, ci95: null };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  const half = tQuantile975(xs.length - 1) * Math.sqrt(variance / xs.length);
  return { mean, ci95: [mean - half, mean + half] };
}

/**
 * Quantile q of sorted values, linear interpolation between order statistics (R type 7).
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(n - 1, lo + 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** Histogram bin edges: 0, then 5 per decade from 0.01 s to 10^9 s. */
export const HISTOGRAM_EDGES: readonly number[] = [0, ...Array.from({ length: 56 }, (_, k) => 10 ** (-2 + k / 5))];
/** Length of `ReplicationSummary.histogram`. */
export const HISTOGRAM_BINS = HISTOGRAM_EDGES.length;

/**
 * The histogram bin of a cycle time.
 * @example histogramBin(1) // 11 (the bin [1, 1.58) s)
 */
export function histogramBin(x: number): number {
  if (x < 0.01) return 0;
  const k = Math.floor((Math.log10(x) + 2) * 5 + 1e-9) + 1;
  return Math.min(k, HISTOGRAM_EDGES.length - 1);
}
