/**
 * Stub distributions discretised into a few weighted atoms for the estimates' time distributions (time-dist.ts),
 * from the exact CDFs and quantiles the domain keeps (domain/distribution-math.ts).
 *
 * Pure functions of a Distribution; nothing here samples.
 */
import { distributionCdf, distributionMean, distributionQuantile, type Distribution } from '../domain/index.ts';

/** Strata of probability for atoms: finer in the tails, where p95 and timeouts live. */
const STRATA = [0, 0.02, 0.05, 0.1, 0.16, 0.23, 0.3, 0.37, 0.44, 0.5, 0.56, 0.62, 0.68, 0.74, 0.8, 0.85, 0.89, 0.92, 0.945, 0.96, 0.972, 0.981, 0.988, 0.993, 0.9965, 0.9985, 0.9995, 1];
const SUBPOINTS = 6;

/**
 * Weighted point masses standing for a distribution: `values[i]` with probability `weights[i]` (sum 1); an atom
 * that stands for a slice of values may say the slice's variance in `spreads[i]`.
 */
export interface Atoms {
  readonly values: Float64Array;
  readonly weights: Float64Array;
  readonly spreads?: Float64Array;
}

/**
 * A distribution as about 27 weighted atoms, one per probability stratum (finer in the tails), each at the
 * stratum's conditional mean (averaged over sub-quantiles); the atoms are then scaled so their mean is the exact
 * mean. Optionally only the part at or below `upTo` (renormalised), for a latency cut by a timeout.
 * @example discretize({ type: 'fixed', value: 3 }).values // [3]
 */
export function discretize(d: Distribution, upTo = Infinity): Atoms {
  if (d.type === 'fixed') return { values: Float64Array.of(Math.min(d.value, upTo)), weights: Float64Array.of(1) };
  const top = Number.isFinite(upTo) ? distributionCdf(d, upTo) : 1;
  if (top <= 0) return { values: Float64Array.of(Math.max(0, upTo)), weights: Float64Array.of(1) };
  const values: number[] = [];
  const weights: number[] = [];
  for (let k = 0; k + 1 < STRATA.length; k++) {
    const a = STRATA[k]! * top;
    const b = STRATA[k + 1]! * top;
    let sum = 0;
    for (let j = 0; j < SUBPOINTS; j++) sum += distributionQuantile(d, a + ((j + 0.5) / SUBPOINTS) * (b - a));
    values.push(Math.min(upTo, Math.max(0, sum / SUBPOINTS)));
    weights.push((b - a) / top);
  }
  // Correct the small bias of the sub-quantile averages (a lognormal's far tail) so the mean is exact when uncut.
  if (!Number.isFinite(upTo)) {
    const exact = distributionMean(d);
    let m = 0;
    for (let i = 0; i < values.length; i++) m += values[i]! * weights[i]!;
    if (m > 0 && exact > 0) for (let i = 0; i < values.length; i++) values[i] = values[i]! * (exact / m);
  }
  return { values: Float64Array.from(values), weights: Float64Array.from(weights) };
}

/**
 * E[X | X <= cap]: the mean latency of the tries a start-to-close timeout does not cut.
 * @example truncatedMean({ type: 'uniform', min: 0, max: 10 }, 5) // 2.5
 */
export function truncatedMean(d: Distribution, cap: number): number {
  const a = discretize(d, cap);
  let m = 0;
  for (let i = 0; i < a.values.length; i++) m += a.values[i]! * a.weights[i]!;
  return m;
}
