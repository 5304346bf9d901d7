/**
 * The log grid every TimeDist lives on (time-dist.ts): below 1 ms, then 1 ms to 1e9 s at 32 cells a decade (each
 * 7.5% wide), so a chain of AI calls (seconds) and a wait for Monday morning (days) fit on one axis, and sums of
 * many steps do not widen the way split-to-neighbours grids do (convolution is with a few atoms, O(cells x
 * atoms)). Also the max/min of independent durations cell by cell (the joins' wait-all and first).
 */
import type { TimeDist } from './time-dist.ts';

export const PER_DECADE = 32;
export const LOW = 1e-3;
export const DECADES = 12;
/** Cells: [0, LOW), then [LOW x 10^(k/64), LOW x 10^((k+1)/64)) up to LOW x 10^DECADES, then one open cell. */
export const GRID_SIZE = 2 + PER_DECADE * DECADES;
/** Lower edge of each cell. */
export const EDGE = new Float64Array(GRID_SIZE + 1);
for (let i = 1; i <= GRID_SIZE; i++) EDGE[i] = LOW * Math.pow(10, (i - 1) / PER_DECADE);
export const LAST = GRID_SIZE - 1;
/**
 * Upper edge of each cell, Infinity from the open last cell on (8 past it, so a look a few cells ahead needs no
 * bounds test): the convolution's pointer walks the grid with one comparison a step.
 */
export const UPPER = new Float64Array(GRID_SIZE + 8).fill(Infinity);
for (let i = 0; i < LAST; i++) UPPER[i] = EDGE[i + 1]!;
export const LOG_STEP = PER_DECADE / Math.LN10;
/**
 * Arrays for n cells (mass, sum, sum of squares) in one buffer: a distribution's cells are one allocation, not
 * three (a typed array past 64 bytes gets a buffer of its own off the heap, slow to make and to collect, and the
 * estimates make thousands).
 */
export function cellArrays(n: number): [Float64Array, Float64Array, Float64Array] {
  // Up to 8 cells (64 bytes) each array lives on the heap, cheaper still.
  if (n <= 8) return [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const b = new ArrayBuffer(24 * n);
  return [new Float64Array(b, 0, n), new Float64Array(b, 8 * n, n), new Float64Array(b, 16 * n, n)];
}

/** Tail mass (relative, at each end) a built distribution drops into its next cell: far below any quantile read. */
export const TRIM = 1e-9;
/** Above this many cells the narrower side of a convolution is reduced to atoms (compress). */
export const MAX_ATOMS = 32;
/**
 * The grid cell holding x (for TimeBuilder.addInCell).
 * @example cellIndex(0) // 0
 */
export function cellIndex(x: number): number {
  return cellOf(x > 0 ? x : 0);
}

/** Cell holding x. */
export function cellOf(x: number): number {
  if (!(x >= LOW)) return 0;
  if (x >= EDGE[LAST]!) return LAST;
  let i = 1 + Math.floor(Math.log(x / LOW) * LOG_STEP);
  // Floating point can put x a hair on the wrong side of an edge.
  if (i > LAST) i = LAST;
  while (i > 0 && EDGE[i]! > x) i--;
  while (i < LAST && EDGE[i + 1]! <= x) i++;
  return i;
}


/**
 * The cells of the max (or min) of independent durations, each arriving with probability alpha (TimeDist.extremeOf
 * turns them into a TimeDist); null when none can arrive.
 */
export function extremeCells(cands: readonly { readonly d: TimeDist; readonly alpha: number }[], max: boolean): { lo: number; m: Float64Array; s: Float64Array; q: Float64Array; single: TimeDist | null } | null {
  const live = cands.filter((c) => c.d.total > 0 && c.alpha > 0);
  if (live.length === 0) return null;
  if (live.length === 1) return { lo: 0, m: new Float64Array(0), s: new Float64Array(0), q: new Float64Array(0), single: live[0]!.d };
  let lo = LAST;
  let hi = 0;
  for (const { d } of live) {
    lo = Math.min(lo, d.lo);
    hi = Math.max(hi, d.lo + d.mass.length - 1);
  }
  const n = hi - lo + 1;
  // prod[k]: P(all arrived by cell k) for max, P(none arrived by cell k) for min (non-arrivals never arrive).
  const prod = new Float64Array(n).fill(1);
  const [cm, cs, cq] = cellArrays(n);
  let none = 1;
  for (const { d, alpha } of live) {
    const a = Math.min(1, alpha);
    none *= 1 - a;
    let acc = 0;
    for (let k = 0; k < n; k++) {
      const i = lo + k - d.lo;
      if (i >= 0 && i < d.mass.length) {
        acc += d.mass[i]!;
        cm[k]! += d.mass[i]! / d.total;
        cs[k]! += d.sum[i]! / d.total;
        cq[k]! += d.sq[i]! / d.total;
      }
      const f = Math.min(1, acc / d.total);
      prod[k] = prod[k]! * (max ? 1 - a + a * f : 1 - a * f);
    }
  }
  const [m, s, q] = cellArrays(n);
  let prev = max ? none : 0;
  const scale = 1 - none;
  for (let k = 0; k < n; k++) {
    const cur = max ? prod[k]! : 1 - prod[k]!;
    const mass = Math.max(0, cur - prev) / (scale > 0 ? scale : 1);
    prev = cur;
    m[k] = mass;
    // The cell's values are the inputs' values there: their mean and spread, weighted by the inputs' mass there.
    s[k] = cm[k]! > 0 ? (mass * cs[k]!) / cm[k]! : mass * EDGE[lo + k]!;
    q[k] = cm[k]! > 0 ? (mass * cq[k]!) / cm[k]! : mass * EDGE[lo + k]! * EDGE[lo + k]!;
  }
  return { lo, m, s, q, single: null };
}

