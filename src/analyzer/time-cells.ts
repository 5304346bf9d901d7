/**
 * Readings of a time distribution's cells (time-dist.ts): its quantiles (what the estimates' p50 and p95 are read
 * from) and its atoms (what a convolution moves the other distribution's cells by).
 */
import type { Atoms } from './distribution-math.ts';
import { EDGE, LAST, MAX_ATOMS } from './time-grid.ts';

/** A distribution's cells as time-dist.ts keeps them: mass, mass x value and mass x value^2 in cells lo, lo + 1, ... */
export interface Cells {
  readonly lo: number;
  readonly mass: Float64Array;
  readonly sum: Float64Array;
  readonly sq: Float64Array;
  readonly total: number;
}

/**
 * The p-quantile of the normalised distribution, read off a piecewise linear CDF with exact knots: each cell's
 * mass spreads evenly over its mean +- sqrt(3) sd (clipped to the cell), with a knot at its centroid at the
 * middle of its mass, so smooth shapes interpolate between centroids (second-order accurate); a shared edge of
 * two adjacent spread cells is a knot, and the CDF is flat across empty cells. A cell whose values are all one
 * value (a fixed latency, a retry cut at its deadline, an SLA timeout) is a step, so a quantile that falls in it
 * is exactly that value, and one that falls past a lone busy cell never spreads into the empty cells after it.
 * @example quantileOfCells({ lo: 0, mass: Float64Array.of(1), sum: Float64Array.of(0), sq: Float64Array.of(0), total: 1 }, 0.5) // 0
 */
export function quantileOfCells(d: Cells, p: number): number {
  if (d.total <= 0) return 0;
  const target = Math.min(1, Math.max(0, p)) * d.total;
  const { lo, mass, sum, sq } = d;
  // The previous knot of the CDF (x, F); NaN before the first.
  let px = NaN;
  let pf = 0;
  let found = NaN;
  const knot = (x: number, f: number): boolean => {
    if (target <= f) {
      found = Number.isNaN(px) || f <= pf ? x : px + ((target - pf) / (f - pf)) * (x - px);
      return true;
    }
    px = x;
    pf = f;
    return false;
  };
  const n = mass.length;
  let acc = 0;
  let prevSpread = -2;
  for (let k = 0; k < n; k++) {
    const m = mass[k]!;
    if (m <= 0) continue;
    const lowEdge = EDGE[lo + k]!;
    const highEdge = EDGE[lo + k + 1] ?? EDGE[LAST]! * 10;
    const mu = sum[k]! / m;
    if (isPoint(d, k)) {
      if (knot(mu, acc) || knot(mu, acc + m)) return found;
      acc += m;
      continue;
    }
    const half = Math.sqrt(3 * Math.max(0, sq[k]! / m - mu * mu));
    const nextSpread = k + 1 < n && mass[k + 1]! > 0 && !isPoint(d, k + 1);
    const a = Math.min(mu, prevSpread === k - 1 ? lowEdge : Math.max(lowEdge, mu - half));
    const b = Math.max(mu, nextSpread ? highEdge : Math.min(highEdge, mu + half));
    if (knot(a, acc) || knot(mu, acc + m / 2) || knot(b, acc + m)) return found;
    acc += m;
    prevSpread = k;
  }
  return px;
}

/** Whether stored cell k holds (nearly) one value. */
function isPoint(d: Cells, k: number): boolean {
  const m = d.mass[k]!;
  const mu = d.sum[k]! / m;
  const sd = Math.sqrt(Math.max(0, d.sq[k]! / m - mu * mu));
  return sd < 0.02 * ((EDGE[d.lo + k + 1] ?? EDGE[LAST]! * 10) - EDGE[d.lo + k]!);
}

/** The cells as atoms (centroids, normalised weights, spreads within the cells). */
export function atomsOfCells(d: Cells): Atoms {
  const values: number[] = [];
  const weights: number[] = [];
  const spreads: number[] = [];
  const { mass, sum, sq } = d;
  for (let k = 0; k < mass.length; k++) {
    const m = mass[k]!;
    if (m <= 0) continue;
    const mu = sum[k]! / m;
    values.push(mu);
    weights.push(m / d.total);
    spreads.push(Math.max(0, sq[k]! / m - mu * mu));
  }
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), spreads: Float64Array.from(spreads) };
}

/**
 * At most about MAX_ATOMS atoms with the same mean: runs of neighbouring cells merged into one atom each (its
 * mass at its mean), so atoms stay as close together, relatively, as a few cells are wide, in the tail as in
 * the body. What a long distribution is reduced to before it is convolved, so each convolution stays
 * O(cells x atoms).
 */
export function compressCells(d: Cells): Atoms {
  const { mass, sum } = d;
  let first = -1;
  let last = -1;
  for (let k = 0; k < mass.length; k++) {
    if (mass[k]! > 0) {
      if (first < 0) first = k;
      last = k;
    }
  }
  if (first < 0 || last - first + 1 <= MAX_ATOMS) return atomsOfCells(d);
  const group = Math.ceil((last - first + 1) / MAX_ATOMS);
  const values: number[] = [];
  const weights: number[] = [];
  for (let k = first; k <= last; k += group) {
    let m = 0;
    let t = 0;
    for (let j = k; j < Math.min(k + group, last + 1); j++) {
      m += mass[j]!;
      t += sum[j]!;
    }
    if (m <= 0) continue;
    values.push(t / m);
    weights.push(m / d.total);
  }
  return { values: Float64Array.from(values), weights: Float64Array.from(weights) };
}
