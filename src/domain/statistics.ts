/**
 * The Student-t interval every figure of a simulation report carries (across replications), and that the app
 * uses again for the difference of two runs: one implementation for the simulator and the store.
 */
import type { KpiValue } from './simulation-report.schema.ts';

const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (the usual table to 30, Cornish-Fisher beyond).
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
 * Mean and 95% t-interval of the values that are finite numbers (nulls are replications where the figure is
 * undefined). No interval with fewer than two values.
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
