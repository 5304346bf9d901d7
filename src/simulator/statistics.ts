/**
 * The statistics of the report: quantiles and the cycle-time histogram's bins. The Student-t interval across
 * replications is src/domain/statistics.ts (the store uses it too).
 */
export { meanInterval, tQuantile975 } from '../domain/statistics.ts';

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
