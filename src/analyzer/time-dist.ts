/**
 * Time distributions for the estimates: probability mass in the cells of a fixed logarithmic grid of durations
 * (time-grid.ts), each cell keeping its mass and the mean and variance of the values in it, so every mean is
 * exact and a fixed duration stays exactly itself (a retry cut at its deadline is a point the p95 may sit on).
 * Not a lognormal fitted to mean and variance (the estimates before): cycle times of real designs are mixtures
 * (most cases in seconds, some waiting overnight), whose p50 and p95 no two-parameter shape can give.
 * A TimeDist is immutable and sparse; a TimeBuilder accumulates on the whole grid and `build()`s one.
 */
import type { Atoms } from './distribution-math.ts';
import { spend } from './work-budget.ts';
import { cellArrays, cellOf, EDGE, extremeCells, GRID_SIZE, TRIM, UPPER } from './time-grid.ts';
import { valueFor } from './memo.ts';
import { atomsOfCells, compressCells, quantileOfCells } from './time-cells.ts';

/** The cells of a scaled copy not yet written out. */
const NO_CELLS = new Float64Array(0);

/** An immutable time distribution (sub-probability: `total` may be below 1). */
export class TimeDist {
  /** Index of the first stored cell. */
  readonly lo: number;
  readonly total: number;
  // The cells; null in a scaled copy not yet written out (`base`'s cells times `by`, see scaled).
  private m: Float64Array | null;
  private s: Float64Array | null;
  private q: Float64Array | null;
  private readonly base: TimeDist | null;
  private readonly by: number;

  /** `scaledFrom`, `by` (only from scaled): the cells are scaledFrom's times `by`, written out when first read. */
  constructor(lo: number, mass: Float64Array, sum: Float64Array, sq: Float64Array, scaledFrom: TimeDist | null = null, by = 1) {
    this.lo = lo;
    this.base = scaledFrom;
    this.by = by;
    const cells = scaledFrom === null ? mass : scaledFrom.mass;
    let t = 0;
    for (let i = 0; i < cells.length; i++) t += scaledFrom === null ? cells[i]! : cells[i]! * by;
    this.total = t;
    this.m = scaledFrom === null ? mass : null;
    this.s = scaledFrom === null ? sum : null;
    this.q = scaledFrom === null ? sq : null;
  }

  /** Mass in cells lo, lo + 1, ... */
  get mass(): Float64Array {
    return this.m ?? this.write().m!;
  }

  /** Mass x value summed in each cell (its centroid is sum / mass). */
  get sum(): Float64Array {
    return this.s ?? this.write().s!;
  }

  /** Mass x value^2 summed in each cell (its spread around the centroid). */
  get sq(): Float64Array {
    return this.q ?? this.write().q!;
  }

  /** A scaled copy's cells, written out (the products `times` would have made). */
  private write(): this {
    const b = this.base!;
    const k = this.by;
    const bm = b.mass;
    const bs = b.sum;
    const bq = b.sq;
    const [m, s, q] = cellArrays(bm.length);
    for (let i = 0; i < m.length; i++) {
      m[i] = bm[i]! * k;
      s[i] = bs[i]! * k;
      q[i] = bq[i]! * k;
    }
    this.m = m;
    this.s = s;
    this.q = q;
    return this;
  }

  /** No mass at all. */
  static readonly EMPTY = new TimeDist(0, new Float64Array(0), new Float64Array(0), new Float64Array(0));

  /**
   * All mass at one duration.
   * @example TimeDist.point(5, 1).mean() // 5
   */
  static point(seconds: number, mass = 1): TimeDist {
    if (!(mass > 0)) return TimeDist.EMPTY;
    const x = seconds > 0 ? seconds : 0;
    return new TimeDist(cellOf(x), Float64Array.of(mass), Float64Array.of(mass * x), Float64Array.of(mass * x * x));
  }

  /**
   * A distribution from atoms (e.g. a discretised latency), scaled by `mass`.
   * @example TimeDist.fromAtoms({ values: Float64Array.of(1, 3), weights: Float64Array.of(0.5, 0.5) }).mean() // 2
   */
  static fromAtoms(a: Atoms, mass = 1): TimeDist {
    const b = new TimeBuilder();
    for (let j = 0; j < a.values.length; j++) b.add(a.values[j]!, a.weights[j]! * mass);
    return b.build();
  }

  /**
   * A distribution given by its CDF: each cell's mass from the CDF at its edges, its centroid from the CDF at its
   * middle too (exact up to the grid, with no lumps). `from`/`to` bound the support; mass at or below `from` goes
   * to the first cell.
   * @example TimeDist.fromCdf((x) => Math.min(1, x / 10), 0, 10).quantile(0.5) // ≈ 5
   */
  static fromCdf(cdf: (x: number) => number, from: number, to: number, mass = 1): TimeDist {
    const a = cellOf(Math.max(0, from));
    const b = cellOf(Math.max(0, to));
    const [m, s, q] = cellArrays(b - a + 1);
    // Second moment of a uniform on [u, w].
    const m2 = (u: number, w: number): number => (u * u + u * w + w * w) / 3;
    let prev = 0;
    for (let i = a; i <= b; i++) {
      const lo = EDGE[i]!;
      const hi = i === b ? Math.max(to, lo) : EDGE[i + 1]!;
      const mid = (lo + hi) / 2;
      const fm = Math.max(prev, cdf(mid));
      const fh = i === b ? 1 : Math.max(fm, cdf(hi));
      const lower = fm - prev;
      const upper = fh - fm;
      m[i - a] = (lower + upper) * mass;
      // Each half's mass spread evenly over that half.
      s[i - a] = (lower * (lo + (hi - lo) / 4) + upper * (lo + (3 * (hi - lo)) / 4)) * mass;
      q[i - a] = (lower * m2(lo, mid) + upper * m2(mid, hi)) * mass;
      prev = fh;
    }
    return new TimeDist(a, m, s, q);
  }

  get isEmpty(): boolean {
    return this.total <= 0;
  }

  /** Centroid (seconds) of stored cell k. */
  at(k: number): number {
    const m = this.mass[k]!;
    return m > 0 ? this.sum[k]! / m : EDGE[this.lo + k]!;
  }

  /**
   * Mean of the normalised distribution (0 when empty).
   * @example TimeDist.point(3).mean() // 3
   */
  mean(): number {
    if (this.total <= 0) return 0;
    let s = 0;
    for (let k = 0; k < this.sum.length; k++) s += this.sum[k]!;
    return s / this.total;
  }

  /**
   * Variance of the normalised distribution (between centroids).
   */
  variance(): number {
    if (this.total <= 0) return 0;
    const mu = this.mean();
    let q = 0;
    for (let k = 0; k < this.sq.length; k++) q += this.sq[k]!;
    return Math.max(0, q / this.total - mu * mu);
  }

  /**
   * The p-quantile of the normalised distribution (time-quantile.ts says how it reads the cells).
   * @example TimeDist.point(10).quantile(0.95) // 10
   */
  quantile(p: number): number {
    return quantileOfCells(this, p);
  }

  /**
   * Mass at or below x (cells whose centroid is at or below it).
   * @example TimeDist.point(10).massUpTo(10) // 1
   */
  massUpTo(x: number): number {
    let acc = 0;
    for (let k = 0; k < this.mass.length; k++) {
      const m = this.mass[k]!;
      if (m > 0 && this.sum[k]! / m > x) break;
      acc += m;
    }
    return acc;
  }

  /**
   * This distribution times k.
   * @example TimeDist.point(1, 1).scaled(0.5).total // 0.5
   */
  scaled(k: number): TimeDist {
    if (k === 1) return this;
    if (!(k > 0)) return TimeDist.EMPTY;
    // Written out only when read: most scaled copies (a packet's class times) only give their total and shape.
    const out = new TimeDist(this.lo, NO_CELLS, NO_CELLS, NO_CELLS, this, k);
    // Same shape: scaled copies share one normalised object, so convolutions of shapes are computed once.
    out.norm = this.normalised();
    return out;
  }

  /** Every cell's mass, sum and sum of squares times k (no shape sharing: see scaled). */
  private times(k: number): TimeDist {
    const [m, s, q] = cellArrays(this.mass.length);
    for (let i = 0; i < m.length; i++) {
      m[i] = this.mass[i]! * k;
      s[i] = this.sum[i]! * k;
      q[i] = this.sq[i]! * k;
    }
    return new TimeDist(this.lo, m, s, q);
  }

  /** The normalised shape, shared by every scaled copy. */
  private norm: TimeDist | undefined;

  /** Normalised to total 1 (empty stays empty). */
  normalised(): TimeDist {
    if (this.norm) return this.norm;
    if (!(this.total > 0) || Math.abs(this.total - 1) < 1e-12) {
      this.norm = this;
      return this;
    }
    const k = 1 / this.total;
    const n = this.times(k);
    n.norm = n;
    this.norm = n;
    return n;
  }

  /**
   * Split at `limit`: the mass at or below it and the mass above it (which a deadline cuts at `limit`).
   * @example TimeDist.point(10).splitAt(5).above // 1
   */
  splitAt(limit: number): { below: TimeDist; above: number; aboveDist: TimeDist } {
    let k = 0;
    while (k < this.mass.length) {
      const m = this.mass[k]!;
      if (m > 0 && this.sum[k]! / m > limit) break;
      k++;
    }
    if (k >= this.mass.length) return { below: this, above: 0, aboveDist: TimeDist.EMPTY };
    if (k === 0) return { below: TimeDist.EMPTY, above: this.total, aboveDist: this };
    const below = new TimeDist(this.lo, this.mass.slice(0, k), this.sum.slice(0, k), this.sq.slice(0, k));
    const aboveDist = new TimeDist(this.lo + k, this.mass.slice(k), this.sum.slice(k), this.sq.slice(k));
    return { below, above: aboveDist.total, aboveDist };
  }

  /**
   * Sum with an independent duration given as atoms (the result has mass total x sum of weights).
   * @example TimeDist.point(1).plusAtoms({ values: Float64Array.of(2), weights: Float64Array.of(1) }).mean() // 3
   */
  plusAtoms(a: Atoms): TimeDist {
    const b = new TimeBuilder();
    b.addConvolved(this, a.values, a.weights, 1, a.spreads);
    return b.build();
  }

  /**
   * Sum with an independent duration given as a distribution (masses multiply).
   * @example TimeDist.point(1).plus(TimeDist.point(2)).mean() // 3
   */
  plus(other: TimeDist): TimeDist {
    if (other.isEmpty || this.isEmpty) return TimeDist.EMPTY;
    // Shapes are convolved once (the flow convolves the same shapes for every class of mass).
    const a = this.normalised();
    const b = other.normalised();
    const sum = valueFor(valueFor(SUMS, a, () => new WeakMap<TimeDist, TimeDist>()), b, () => convolve(a, b));
    const k = this.total * other.total;
    return Math.abs(k - 1) < 1e-15 ? sum : sum.scaled(k);
  }

  /** This distribution as atoms (centroids, normalised weights). */
  toAtoms(): Atoms {
    return atomsOfCells(this);
  }

  /** At most about MAX_ATOMS atoms with the same mean (what a long distribution is convolved as: time-cells.ts). */
  compress(): Atoms {
    // Kept: a step's latency is the narrow side of its convolution on every visit, for every class.
    this.atoms ??= compressCells(this);
    return this.atoms;
  }
  private atoms: Atoms | undefined;

  /**
   * The mixture of distributions each taken `weights[i]` times (no scaled copies made on the way).
   * @example TimeDist.weightedMix([TimeDist.point(1), TimeDist.point(3)], [0.5, 0.5]).mean() // 2
   */
  static weightedMix(ds: readonly TimeDist[], weights: readonly number[]): TimeDist {
    return mixOf(ds, weights);
  }

  /**
   * The mixture (sum of masses) of several distributions.
   * @example TimeDist.mix([TimeDist.point(1, 0.5), TimeDist.point(3, 0.5)]).mean() // 2
   */
  static mix(ds: readonly TimeDist[]): TimeDist {
    return mixOf(ds, null);
  }

  /** Cells stored (a scaled copy's are its base's, written out or not). */
  get cells(): number {
    return (this.m ?? this.base!.mass).length;
  }

  /** Add this distribution times w into m, s, q from cell `off` on (a scaled copy not written out: through its base, the same products). */
  addInto(m: Float64Array, s: Float64Array, q: Float64Array, off: number, w: number): void {
    const src = this.m === null ? this.base! : this;
    const f = this.m === null ? this.by : 1;
    const dm = src.mass;
    const ds = src.sum;
    const dq = src.sq;
    for (let k = 0; k < dm.length; k++) {
      m[off + k]! += dm[k]! * f * w;
      s[off + k]! += ds[k]! * f * w;
      q[off + k]! += dq[k]! * f * w;
    }
  }

  /**
   * The distribution of the largest of independent durations (each normalised), as the product of their CDFs
   * cell by cell; a cell's centroid is the mass-weighted centroid of the inputs there.
   * @example TimeDist.maxOf([TimeDist.point(1), TimeDist.point(5)]).mean() // 5
   */
  static maxOf(ds: readonly TimeDist[]): TimeDist {
    return extreme(ds.map((d) => ({ d, alpha: 1 })), true);
  }

  /**
   * The distribution of the smallest of independent durations (each normalised).
   * @example TimeDist.minOf([TimeDist.point(1), TimeDist.point(5)]).mean() // 1
   */
  static minOf(ds: readonly TimeDist[]): TimeDist {
    return extreme(ds.map((d) => ({ d, alpha: 1 })), false);
  }

  /**
   * The last (max) or first arrival among independent candidates that each arrive with probability alpha at a
   * time ~ d (normalised), given that at least one arrives.
   * @example TimeDist.extremeOf([{ d: TimeDist.point(1), alpha: 0.5 }, { d: TimeDist.point(5), alpha: 1 }], true).mean() // 5
   */
  static extremeOf(cands: readonly { readonly d: TimeDist; readonly alpha: number }[], max: boolean): TimeDist {
    return extreme(cands, max);
  }
}

/** Convolutions of normalised shapes already computed (weakly held: they go with their inputs). */
const SUMS = new WeakMap<TimeDist, WeakMap<TimeDist, TimeDist>>();

/**
 * The mixture of distributions each taken weights[i] times (null: once each). One part is returned as it is (scaled
 * when weighted); several are added cell by cell, mass x 1 x w being exactly mass x w and mass x 1 mass.
 */
function mixOf(ds: readonly TimeDist[], weights: readonly number[] | null): TimeDist {
  let lo = GRID_SIZE;
  let hi = -1;
  let only = -1;
  let count = 0;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    if (d.total <= 0 || (weights !== null && !(weights[i]! > 0))) continue;
    count++;
    only = i;
    lo = Math.min(lo, d.lo);
    hi = Math.max(hi, d.lo + d.cells - 1);
  }
  if (count === 0) return TimeDist.EMPTY;
  if (count === 1) return weights === null ? ds[only]! : ds[only]!.scaled(weights[only]!);
  const [m, s, q] = cellArrays(hi - lo + 1);
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    const w = weights === null ? 1 : weights[i]!;
    if (d.total <= 0 || !(w > 0)) continue;
    d.addInto(m, s, q, d.lo - lo, w);
  }
  return new TimeDist(lo, m, s, q);
}

/** The sum of two independent normalised durations. */
function convolve(a: TimeDist, b: TimeDist): TimeDist {
  // The narrower one (in spread, not in cells: a lognormal's far tails take many nearly empty cells) serves as
  // atoms; past MAX_ATOMS cells it is reduced to atoms (compress), whose gaps the wider partner smooths over.
  const [wide, narrow] = b.variance() > a.variance() ? [b, a] : [a, b];
  const builder = new TimeBuilder();
  const atoms = narrow.compress();
  builder.addConvolved(wide, atoms.values, atoms.weights, narrow.total, atoms.spreads);
  return builder.build();
}

/** The max (or min) of independent durations as a TimeDist (time-grid.ts computes its cells). */
function extreme(cands: readonly { readonly d: TimeDist; readonly alpha: number }[], max: boolean): TimeDist {
  const c = extremeCells(cands, max);
  if (!c) return TimeDist.EMPTY;
  return c.single ? c.single.normalised() : new TimeDist(c.lo, c.m, c.s, c.q);
}

/** addConvolved's per-call arrays, reused: fresh ones on every convolution were much of the estimates' garbage. */
const scratchOf = (size: number) => ({ mass: new Float64Array(size), mu: new Float64Array(size), within: new Float64Array(size) });
let SCRATCH = scratchOf(256);

/** Whole-grid scratch arrays, reused: a builder takes a set and `build()` gives it back cleared. */
const POOL: { m: Float64Array; s: Float64Array; q: Float64Array }[] = [];

/** Accumulates mass on the whole grid; `build()` returns the sparse TimeDist (once: the builder is then spent). */
export class TimeBuilder {
  private readonly m: Float64Array;
  private readonly s: Float64Array;
  private readonly q: Float64Array;
  private lo = GRID_SIZE;
  private hi = -1;

  constructor() {
    const set = POOL.pop() ?? { m: new Float64Array(GRID_SIZE), s: new Float64Array(GRID_SIZE), q: new Float64Array(GRID_SIZE) };
    this.m = set.m;
    this.s = set.s;
    this.q = set.q;
  }

  /** Add `mass` at `seconds`. */
  add(seconds: number, mass: number): void {
    if (!(mass > 0)) return;
    const x = seconds > 0 ? seconds : 0;
    const i = cellOf(x);
    this.m[i] = this.m[i]! + mass;
    this.s[i] = this.s[i]! + mass * x;
    this.q[i] = this.q[i]! + mass * x * x;
    if (i < this.lo) this.lo = i;
    if (i > this.hi) this.hi = i;
  }

  /** Add `mass` at `seconds` known to lie in `cell` (from cellIndex): no logarithm. */
  addInCell(cell: number, seconds: number, mass: number): void {
    if (!(mass > 0)) return;
    this.m[cell] = this.m[cell]! + mass;
    this.s[cell] = this.s[cell]! + mass * seconds;
    this.q[cell] = this.q[cell]! + mass * seconds * seconds;
    if (cell < this.lo) this.lo = cell;
    if (cell > this.hi) this.hi = cell;
  }

  /** Add a whole distribution times k. */
  addDist(d: TimeDist, k = 1): void {
    if (d.total <= 0 || !(k > 0)) return;
    d.addInto(this.m, this.s, this.q, d.lo, k);
    if (d.lo < this.lo) this.lo = d.lo;
    if (d.lo + d.cells - 1 > this.hi) this.hi = d.lo + d.cells - 1;
  }

  /**
   * Add (d convolved with the atoms) times k: for each atom a, every cell moved by a (its spread kept). A pointer
   * walks the grid for each atom (the sums grow with the cell), so there is no logarithm per pair.
   */
  addConvolved(d: TimeDist, values: ArrayLike<number>, weights: ArrayLike<number>, k: number, spreads?: ArrayLike<number>): void {
    if (d.total <= 0 || !(k > 0)) return;
    // The non-empty cells' centroids and spreads once, not once per atom (a wait's cells can be few and far apart).
    const n = d.mass.length;
    if (SCRATCH.mass.length < n) SCRATCH = scratchOf(Math.max(n, 2 * SCRATCH.mass.length));
    const { mass: cellMass, mu, within } = SCRATCH; // only the first `count` entries are read
    const dm = d.mass;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const mass = dm[i]!;
      if (mass <= 0) continue;
      const c = d.sum[i]! / mass;
      const v = d.sq[i]! / mass - c * c;
      cellMass[count] = mass;
      mu[count] = c;
      within[count] = v > 0 ? v : 0;
      count++;
    }
    if (count === 0) return;
    spend(count * values.length);
    const M = this.m;
    const S = this.s;
    const Q = this.q;
    let lo = this.lo;
    let hi = this.hi;
    for (let j = 0; j < values.length; j++) {
      const w = weights[j]! * k;
      if (!(w > 0)) continue;
      const a = values[j]! > 0 ? values[j]! : 0;
      // An atom that stands for a spread of values adds its variance.
      const va = spreads ? spreads[j]! : 0;
      let c = cellOf(mu[0]! + a);
      if (c < lo) lo = c;
      // Most cells move to the same or the next cell. The current cell's sums stay in registers until the pointer
      // leaves it (the same additions in the same order as adding to the arrays each time, without waiting on a
      // store before each load).
      let upper = UPPER[c]!;
      let cm = M[c]!;
      let cs = S[c]!;
      let cq = Q[c]!;
      for (let t = 0; t < count; t++) {
        const x = mu[t]! + a;
        if (x >= upper) {
          M[c] = cm;
          S[c] = cs;
          Q[c] = cq;
          // Far jumps (a sparse distribution) by logarithm, short ones by walking.
          if (x >= UPPER[c + 7]!) c = cellOf(x);
          else while (x >= UPPER[c]!) c++;
          upper = UPPER[c]!;
          cm = M[c]!;
          cs = S[c]!;
          cq = Q[c]!;
        }
        const mw = cellMass[t]! * w;
        cm = cm + mw;
        cs = cs + mw * x;
        cq = cq + mw * (x * x + within[t]! + va);
      }
      M[c] = cm;
      S[c] = cs;
      Q[c] = cq;
      if (c > hi) hi = c;
    }
    this.lo = lo;
    this.hi = hi;
  }

  build(): TimeDist {
    let out = TimeDist.EMPTY;
    if (this.hi >= this.lo) {
      // Trim the far tails (cells with under TRIM of the mass, together): sums of many steps would otherwise carry
      // hundreds of nearly empty cells from every step's 1e-8 quantiles. Their mass moves to the nearest kept cell.
      let total = 0;
      for (let i = this.lo; i <= this.hi; i++) total += this.m[i]!;
      let lo = this.lo;
      let hi = this.hi;
      let cut = 0;
      while (lo < hi && cut + this.m[lo]! < total * TRIM) cut += this.m[lo++]!;
      if (lo > this.lo) {
        for (let i = this.lo; i < lo; i++) {
          this.m[lo] = this.m[lo]! + this.m[i]!;
          this.s[lo] = this.s[lo]! + this.s[i]!;
          this.q[lo] = this.q[lo]! + this.q[i]!;
        }
      }
      cut = 0;
      while (hi > lo && cut + this.m[hi]! < total * TRIM) cut += this.m[hi--]!;
      if (hi < this.hi) {
        for (let i = hi + 1; i <= this.hi; i++) {
          this.m[hi] = this.m[hi]! + this.m[i]!;
          this.s[hi] = this.s[hi]! + this.s[i]!;
          this.q[hi] = this.q[hi]! + this.q[i]!;
        }
      }
      const [m, s, q] = cellArrays(hi - lo + 1);
      for (let i = lo; i <= hi; i++) {
        m[i - lo] = this.m[i]!;
        s[i - lo] = this.s[i]!;
        q[i - lo] = this.q[i]!;
      }
      out = new TimeDist(lo, m, s, q);
      this.m.fill(0, this.lo, this.hi + 1);
      this.s.fill(0, this.lo, this.hi + 1);
      this.q.fill(0, this.lo, this.hi + 1);
    }
    this.lo = GRID_SIZE;
    this.hi = -1;
    POOL.push({ m: this.m, s: this.s, q: this.q });
    return out;
  }
}
