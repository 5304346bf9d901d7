/**
 * How the branches of a parallel block come together (flow.ts): a wait-all join or branches that never meet
 * again (`combine`), and a first join's race (`Race`: the first arrival wins, the others are cancelled).
 */
import { scalePhase } from './phase.ts';
import { TimeDist } from './time-dist.ts';
import { cellArrays } from './time-grid.ts';
import { SEVS, T_C, T_W, T_N, Layout, sumOf, newSums, type RegionResult } from './flow-packets.ts';
import type { Flow } from './flow.ts';

/** A block's result per unit of one class: continuing mass (to the join) and ends, with their times. */
export interface Combined {
  readonly cont: Float64Array;
  readonly contTime: TimeDist;
  readonly rank: Float64Array;
  readonly silent: number;
  readonly failed: number;
  readonly stuck: number;
  readonly endTime: TimeDist;
  readonly abortTime: TimeDist;
}

/** Class of a merged item: wrong if any merged branch was; the lowest confidence is kept. */
export function mergeClass(L: Layout, a: number, b: number): number {
  if (a < 0) return b;
  const ta = L.conf(a);
  const tb = L.conf(b);
  const t = ta === T_W || tb === T_W ? T_W : ta === T_C || tb === T_C ? T_C : T_N;
  // Wrong if either is, by the first wrong one (the engine keeps its producer).
  if (L.isWrong(a)) return L.cls(L.kind(a), t);
  if (L.isWrong(b)) return L.cls(L.kind(b), t);
  return L.cls(0, t === T_W ? T_C : t);
}

/**
 * Combine independent branches (each a unit sub-flow from the split) by a wait-all join's rule, or ('none') by
 * the case's rule for branches that never meet again. A failure anywhere fails the case; ends elsewhere are not
 * waited for and their outcome counts.
 */
export function combine(L: Layout, subs: readonly RegionResult[], mode: 'all' | 'none'): Combined {
  const CLASSES = L.classes;
  const k = subs.length;
  const abort = subs.map((s) => s.ends.failed + s.ends.stuck);
  let survive = 1;
  for (const a of abort) survive *= Math.max(0, 1 - a);
  const failedShare = subs.reduce((a, s) => a + s.ends.failed, 0);
  const abortShare = subs.reduce((a, s) => a + s.ends.failed + s.ends.stuck, 0);
  const aborted = 1 - survive;
  // Fold over branches, given no branch aborted: (arrived, class, worst outcome, wrong delivered).
  const NCLS = CLASSES + 1; // class index CLASSES = nothing arrived yet
  const size = 2 * NCLS * SEVS * 2;
  const idx = (arr: number, cls: number, sev: number, wd: number): number => ((arr * NCLS + cls) * SEVS + sev) * 2 + wd;
  let state = new Float64Array(size);
  state[idx(0, CLASSES, 0, 0)] = 1;
  for (let i = 0; i < k; i++) {
    const sub = subs[i]!;
    const q = 1 - abort[i]!;
    if (q <= 0) continue;
    const next = new Float64Array(size);
    for (let arr = 0; arr < 2; arr++)
      for (let cls = 0; cls <= CLASSES; cls++)
        for (let sev = 0; sev < SEVS; sev++)
          for (let wd = 0; wd < 2; wd++) {
            const p = state[idx(arr, cls, sev, wd)]!;
            if (p <= 0) continue;
            let used = 0;
            if (mode === 'all' && sub.atStop) {
              for (let s2 = 0; s2 < SEVS; s2++)
                for (let c2 = 0; c2 < CLASSES; c2++) {
                  const a = sub.atStop.m[L.comp(s2, c2)]! / q;
                  if (a <= 0) continue;
                  used += a;
                  next[idx(1, mergeClass(L, cls === CLASSES ? -1 : cls, c2), Math.max(sev, s2), wd)]! += p * a;
                }
            }
            for (let r = 0; r < SEVS; r++) {
              const e = sub.ends.rank[r]! / q;
              if (e <= 0) continue;
              used += e;
              const silentShare = r === 0 && sub.ends.rank[0]! > 0 ? sub.ends.silent / sub.ends.rank[0]! : 0;
              next[idx(arr, cls, Math.max(sev, r), 1)]! += p * e * silentShare;
              next[idx(arr, cls, Math.max(sev, r), wd)]! += p * e * (1 - silentShare);
            }
            // Mass a sub-flow lost (a visit guard cut) leaves the state as it was.
            if (used < 1 - 1e-12) next[idx(arr, cls, sev, wd)]! += p * (1 - used);
          }
    state = next;
  }
  const cont = new Float64Array(L.comps);
  const rank = new Float64Array(SEVS);
  let silent = 0;
  for (let arr = 0; arr < 2; arr++)
    for (let cls = 0; cls <= CLASSES; cls++)
      for (let sev = 0; sev < SEVS; sev++)
        for (let wd = 0; wd < 2; wd++) {
          const p = state[idx(arr, cls, sev, wd)]! * survive;
          if (p <= 0) continue;
          if (arr === 1) cont[L.comp(sev, cls === CLASSES ? L.cls(0, T_N) : cls)]! += p;
          else {
            rank[sev]! += p;
            if (sev === 0 && wd === 1) silent += p;
          }
        }
  // A wait-all join fires when its last live branch is done, by arriving or by ending elsewhere (the engine stops
  // waiting for a branch that ended); cases that never reach it end when their last branch ends.
  const done = subs.map((s) => TimeDist.mix([s.ends.endTime, ...(s.atStop ? s.atStop.t : [])]));
  const contMass = sumOf(cont);
  const contTime = contMass > 0 ? TimeDist.maxOf(done).scaled(contMass) : TimeDist.EMPTY;
  const rankMass = sumOf(rank);
  const endTime = rankMass > 0 ? TimeDist.maxOf(done).scaled(rankMass) : TimeDist.EMPTY;
  // The case ends at its first failure.
  const abortTime = aborted > 0 ? TimeDist.extremeOf(subs.map((s, i) => ({ d: s.ends.abortTime, alpha: abort[i]! })), false).scaled(aborted) : TimeDist.EMPTY;
  return {
    cont,
    contTime,
    rank,
    silent,
    failed: abortShare > 0 ? (aborted * failedShare) / abortShare : 0,
    stuck: abortShare > 0 ? (aborted * (abortShare - failedShare)) / abortShare : 0,
    endTime,
    abortTime,
  };
}

/**
 * A `first` join's race among independent branches, each ending in one event: it arrives at the join (the first
 * arrival wins and the case goes on with its item), it ends at an output (its outcome counts if that happens
 * before the winner arrives), or it fails or gets stuck (the case ends then, if no branch has arrived yet). The
 * engine cancels whatever the other branches would do after that. Computed cell by cell on the time grid: a
 * branch's event at a time counts when every other branch is, by then, still running or has only ended at an
 * output. Within one cell, half of another branch's events come first; at zero time the split's edge order decides.
 */
export class Race {
  private readonly L: Layout;
  private readonly subs: readonly RegionResult[];
  private readonly lo: number;
  private readonly n: number;
  private readonly decisive: Float64Array[];
  private readonly endedUpTo: Float64Array[][];
  private readonly ranks: Float64Array[];
  private readonly arrival: TimeDist[];

  /**
   * `first`: arrivals at the join decide the race as failures do. Otherwise only failures (and stuck ends) cut
   * the other branches short: the case ends at once.
   */
  constructor(L: Layout, subs: readonly RegionResult[], f: Flow, joinId: string | undefined, first: boolean) {
    this.L = L;
    this.subs = subs;
    this.arrival = subs.map((s) => (s.atStop ? TimeDist.mix(s.atStop.t) : TimeDist.EMPTY));
    let lo = Infinity;
    let hi = -Infinity;
    const cover = (d: TimeDist | undefined): void => {
      if (!d || d.total <= 0) return;
      lo = Math.min(lo, d.lo);
      hi = Math.max(hi, d.lo + d.mass.length - 1);
    };
    subs.forEach((s, i) => {
      cover(this.arrival[i]);
      cover(s.ends.endTime);
      cover(s.ends.abortTime);
      for (const d of s.visitTime.values()) cover(d);
    });
    if (!Number.isFinite(lo)) {
      lo = 0;
      hi = 0;
    }
    this.lo = lo;
    this.n = hi - lo + 1;
    const cum = (d: TimeDist | undefined, k: number): Float64Array => {
      const out = new Float64Array(this.n);
      if (!d || d.total <= 0) return out;
      let acc = 0;
      for (let c = 0; c < this.n; c++) {
        const i = lo + c - d.lo;
        if (i >= 0 && i < d.mass.length) acc += d.mass[i]! * k;
        out[c] = acc;
      }
      return out;
    };
    this.decisive = subs.map((s, i) => {
      const a = first ? cum(this.arrival[i], 1) : new Float64Array(this.n);
      const b = cum(s.ends.abortTime, 1);
      for (let c = 0; c < this.n; c++) a[c] = a[c]! + b[c]!;
      return a;
    });
    this.ranks = subs.map((s) => s.ends.rank);
    this.endedUpTo = subs.map((s) => {
      const total = sumOf(s.ends.rank);
      const shape = cum(s.ends.endTime, total > 0 && s.ends.endTime.total > 0 ? 1 / s.ends.endTime.total : 0);
      const out: Float64Array[] = [];
      let upTo = 0;
      for (let r = 0; r < SEVS; r++) {
        upTo += s.ends.rank[r]!;
        const a = new Float64Array(this.n);
        for (let c = 0; c < this.n; c++) a[c] = shape[c]! * upTo;
        out.push(a);
      }
      return out;
    });
    // A branch that ends at several outputs (a split inside it) is one event here: its earliest outcome may count late.
    if (first && subs.some((s) => s.ends.endTime.total > 0 && sumOf(s.ends.rank) > 0 && s.ends.rank.filter((x) => x > 0).length > 1)) {
      f.note('first-join-ends', 'a branch racing to a `first` join ends at outputs of different outcomes; the estimate times them together', joinId);
    }
  }

  /** Branch j's cumulative value "before" an event of branch i in cell c (the tie rule). */
  private before(arr: Float64Array, c: number, i: number, j: number): number {
    const prev = c > 0 ? arr[c - 1]! : 0;
    if (this.lo + c === 0) return j < i ? arr[c]! : prev;
    return (prev + arr[c]!) / 2;
  }

  /** P(no other branch has decided yet) at cell c: the chance branch i's work there still happens. */
  private undecided(i: number, c: number): number {
    let p = 1;
    for (let j = 0; j < this.subs.length; j++) if (j !== i) p *= Math.max(0, 1 - this.before(this.decisive[j]!, c, i, j));
    return p;
  }

  /** P(every branch but i is still running or has ended at an output with outcome rank <= s) at cell c. */
  private othersQuiet(i: number, c: number, s: number): number {
    let p = 1;
    for (let j = 0; j < this.subs.length; j++) {
      if (j === i) continue;
      const ended = this.before(this.endedUpTo[j]![SEVS - 1]!, c, i, j);
      const running = 1 - this.before(this.decisive[j]!, c, i, j) - ended;
      const endedUpToS = s < 0 ? 0 : this.before(this.endedUpTo[j]![Math.min(s, SEVS - 1)]!, c, i, j);
      p *= Math.max(0, running + endedUpToS);
    }
    return p;
  }

  private weigh(d: TimeDist | undefined, f: (c: number) => number): TimeDist {
    if (!d || d.total <= 0) return TimeDist.EMPTY;
    const [m, s, q] = cellArrays(d.mass.length);
    for (let k = 0; k < d.mass.length; k++) {
      const c = d.lo + k - this.lo;
      const w = c < 0 ? 1 : f(Math.min(c, this.n - 1));
      m[k] = d.mass[k]! * w;
      s[k] = d.sum[k]! * w;
      q[k] = d.sq[k]! * w;
    }
    return new TimeDist(d.lo, m, s, q);
  }

  /** Branch i's visits and costs, counting only what starts before another branch decides the case. */
  cancelled(sub: RegionResult, i: number): RegionResult {
    if (this.subs.length < 2) return sub;
    const factor = (d: TimeDist | undefined): number => (d && d.total > 0 ? this.weigh(d, (c) => this.undecided(i, c)).total / d.total : 1);
    const sums = newSums(sub.sums.visits.length);
    for (let b = 0; b < sums.visits.length; b++) {
      if (sub.sums.visits[b] === 0 && sub.sums.cost[b] === 0) continue;
      const f = factor(sub.visitTime.get(b));
      sums.visits[b] = sub.sums.visits[b]! * f;
      sums.failedAt[b] = sub.sums.failedAt[b]! * f;
      sums.humanSeconds[b] = sub.sums.humanSeconds[b]! * f;
      // Cost is spent when a try (or a service) starts, not when the visit does.
      sums.cost[b] = sub.sums.cost[b]! * (sub.costTime.has(b) ? factor(sub.costTime.get(b)) : f);
    }
    for (const [b, ph] of sub.sums.gateArrivals) sums.gateArrivals.set(b, scalePhase(ph, factor(sub.visitTime.get(b))));
    return { atStop: sub.atStop, ends: sub.ends, sums, visitTime: sub.visitTime, costTime: sub.costTime };
  }

  combine(): Combined {
    const L = this.L;
    const cont = new Float64Array(L.comps);
    const contParts: TimeDist[] = [];
    const abortParts: TimeDist[] = [];
    let failed = 0;
    let stuck = 0;
    this.subs.forEach((sub, i) => {
      const arr = sub.atStop;
      const at = this.arrival[i]!;
      if (arr && at.total > 0) {
        const mt = sumOf(arr.m);
        // The winner's arrival, by the worst outcome the others reached before it.
        for (let s = 0; s < SEVS; s++) {
          const w = this.weigh(at, (c) => this.othersQuiet(i, c, s) - (s > 0 ? this.othersQuiet(i, c, s - 1) : 0));
          if (w.total <= 0) continue;
          for (let s2 = 0; s2 < SEVS; s2++) for (let c2 = 0; c2 < L.classes; c2++) cont[L.comp(Math.max(s, s2), c2)]! += (w.total * arr.m[L.comp(s2, c2)]!) / mt;
          contParts.push(w);
        }
      }
      const ab = sub.ends.failed + sub.ends.stuck;
      if (ab > 0) {
        const w = this.weigh(sub.ends.abortTime, (c) => this.othersQuiet(i, c, SEVS - 1));
        failed += (w.total * sub.ends.failed) / ab;
        stuck += (w.total * sub.ends.stuck) / ab;
        abortParts.push(w);
      }
    });
    // No branch arrives and none aborts: every branch ended at an output; the case ends with the worst of them.
    const rank = new Float64Array(SEVS);
    let prev = 0;
    for (let s = 0; s < SEVS; s++) {
      let p = 1;
      for (let j = 0; j < this.subs.length; j++) {
        let upTo = 0;
        for (let r = 0; r <= s; r++) upTo += this.ranks[j]![r]!;
        p *= upTo;
      }
      rank[s] = Math.max(0, p - prev);
      prev = p;
    }
    const rankMass = sumOf(rank);
    const endTime = rankMass > 0 ? TimeDist.maxOf(this.subs.map((s) => s.ends.endTime)).scaled(rankMass) : TimeDist.EMPTY;
    return { cont, contTime: TimeDist.mix(contParts), rank, silent: 0, failed, stuck, endTime, abortTime: TimeDist.mix(abortParts) };
  }
}
