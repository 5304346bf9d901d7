/**
 * A human gate's wait in closed form, with the simulator's rules (docs/simulator.md, "Human gates"): a FIFO
 * queue served by `reviewers` people, on a calendar (around the clock, or Monday to Friday 09:00-17:00 with service
 * paused overnight), and an SLA after which an item still waiting leaves by `timeout` (when that port has an
 * edge; items in service finish).
 *
 * Two parts, per ten-minute bin of the week in which an item arrives:
 * - the predictable queue, as a fluid: arrivals at the rate the flow says reach the gate in that bin, served at
 *   reviewers / mean service when open, first in first out, and dropped from the queue at the SLA. This gives the
 *   wait for Monday morning after a weekend, the overnight backlog and its drain, and the share timed out;
 * - the random queue when the fluid one is empty: an M/G/c wait from Erlang C at that bin's load, with the
 *   Allen-Cunneen correction (1 + cs^2) / 2 for a service time that is not exponential.
 * Service then runs on the calendar: a service started at 16:50 ends the next working morning.
 * The fluid runs over the run's weeks from an empty queue at Monday 00:00, as the simulator does, and averages
 * the weeks the way the run's arrivals fall in them (the steady state, when no run length is given).
 * Its work counts against the estimate's budget (work-budget.ts) like the flow's: a bin of the week, a cohort
 * served or timed out, a wait placed, a service atom moved over the calendar, a term of Erlang C, one unit each.
 */
import { addWorkingSeconds, isOpen } from '../domain/semantics/index.ts';
import type { GateModel, GateOutcome } from './flow.ts';
import type { HumanModel } from './node-models.ts';
import { addAt, PHASE_BIN, PHASE_BINS, WEEK, type Phase } from './phase.ts';
import { cellIndex } from './time-grid.ts';
import { TimeBuilder, TimeDist } from './time-dist.ts';
import { spend } from './work-budget.ts';

export interface GateSettings {
  readonly reviewers: number;
  readonly businessHours: boolean;
  /** Seconds after arrival at which a waiting item times out (0: never: no SLA, or no timeout edge). */
  readonly sla: number;
}

/** When a run's cases arrive: their rate and the span of arrivals (Infinity: the steady state). */
export interface RunShape {
  /** Cases per second. */
  readonly rate: number;
  /** Seconds from the first arrival to the last (cases x mean gap); Infinity for the steady state. */
  readonly horizon: number;
}

/** Exponential waits are drawn as this many atoms (quantile midpoints). */
const EXP_ATOMS = 12;
/** Atoms of the service time for calendar pauses. */
const SERVICE_ATOMS = 24;
/** Weeks simulated for a long run before the queue is taken as periodic. */
const WARM_WEEKS = 4;

/**
 * Erlang C: probability an arrival waits in an M/M/c queue with offered load a (in servers, a < c).
 * @example erlangC(1, 0.5) // 0.5
 */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/**
 * Mean wait in queue of an M/G/c queue (Erlang C with the Allen-Cunneen correction for service variability).
 * @example mgcWait(1, 0.5, 1, 1) // M/M/1 at 50%: 1 second
 */
export function mgcWait(c: number, a: number, meanService: number, scv: number): number {
  if (a <= 0) return 0;
  if (a >= c) return Infinity;
  return ((erlangC(c, a) * meanService) / (c - a)) * ((1 + scv) / 2);
}

/** Waits that arrive at one bin: fluid offsets (whole bins) with their share, the random part, the timeout share. */
interface BinWaits {
  /** Share of the bin's arrivals that time out in the queue. */
  timeout: number;
  /** Fluid waits: seconds -> share of the bin's arrivals served after waiting that long. */
  readonly waits: Map<number, number>;
  /** For the share served with no fluid wait: the random M/G/c wait (probability of waiting, mean when waiting). */
  pWait: number;
  meanWhenWaiting: number;
}

/**
 * A gate model from the arrivals the flow sends it (per case, by bin of the week) and the run's shape.
 * @example gateModel(h, { reviewers: 2, businessHours: true, sla: 86400 }, arrivals, { rate: 60 / 86400, horizon: Infinity }).apply(null)
 */
export function gateModel(h: HumanModel, g: GateSettings, arrivals: Phase, run: RunShape): GateModel {
  const bins = computeWaits(h, g, arrivals, run);
  const service = h.service.normalised();
  const serviceAtoms = compressTo(service, SERVICE_ATOMS);
  const serviceMean = service.mean();
  // Service as it elapses on the calendar, by the bin it starts in. Business hours pause it at 17:00, but only a
  // service that may still run at closing time is changed: bins far enough from 17:00 share the plain service.
  const pauseGroup = new Int32Array(PHASE_BINS).fill(-1);
  const sojourns: TimeDist[] = [service];
  const sojournMeans: number[] = [serviceMean];
  if (g.businessHours) {
    // A service that may still run at closing (0.1% or more of them) pauses overnight; shorter ones never do.
    const longest = service.quantile(0.999);
    // The pause depends on the time of day and on whether a weekend follows: Mondays to Thursdays share a group.
    const byKey = new Map<string, number>();
    for (let b = 0; b < PHASE_BINS; b++) {
      const t0 = b * PHASE_BIN + PHASE_BIN / 2;
      if (!isOpen(t0)) continue;
      if (longest < closingIn(t0)) continue;
      const friday = Math.floor(t0 / 86_400) % 7 === 4;
      const key = `${b % (86_400 / PHASE_BIN)}|${friday}`;
      let grp = byKey.get(key);
      if (grp === undefined) {
        spend(serviceAtoms.values.length);
        const builder = new TimeBuilder();
        for (let j = 0; j < serviceAtoms.values.length; j++) builder.add(addWorkingSeconds(t0, serviceAtoms.values[j]!) - t0, serviceAtoms.weights[j]!);
        const d = builder.build();
        grp = sojourns.length;
        byKey.set(key, grp);
        sojourns.push(d);
        sojournMeans.push(d.mean());
      }
      pauseGroup[b] = grp;
    }
  }
  const groupOf = (start: number): number => {
    if (!g.businessHours) return 0;
    const b = ((Math.floor(start / PHASE_BIN) % PHASE_BINS) + PHASE_BINS) % PHASE_BINS;
    return pauseGroup[b]! >= 0 ? pauseGroup[b]! : 0;
  };
  /**
   * Per arrival bin, once: each wait of the served (seconds, share of the bin's arrivals), its time-grid cell, the
   * service group it starts in, and where in the week its items leave (bin and fraction, for the phase).
   */
  interface Waits {
    readonly wait: Float64Array;
    readonly share: Float64Array;
    readonly cell: Int32Array;
    readonly group: Int32Array;
    readonly outBin: Int32Array;
    readonly outFrac: Float64Array;
  }
  const waitsCache: (Waits | undefined)[] = new Array(PHASE_BINS);
  const waitsOf = (b: number): Waits => {
    const hit = waitsCache[b];
    if (hit) return hit;
    const w = bins[b]!;
    const list: [number, number][] = [];
    let fluidShare = 0;
    for (const [wait, share] of w.waits) {
      fluidShare += share;
      list.push([wait, share]);
    }
    // Served with no fluid wait (only while open): at once, or after a random wait.
    const direct = Math.max(0, 1 - w.timeout - fluidShare);
    if (direct > 0) {
      list.push([0, direct * (1 - w.pWait)]);
      if (w.pWait > 0) for (let k = 0; k < EXP_ATOMS; k++) list.push([-w.meanWhenWaiting * Math.log(1 - (k + 0.5) / EXP_ATOMS), (direct * w.pWait) / EXP_ATOMS]);
    }
    const arrive = b * PHASE_BIN + PHASE_BIN / 2;
    const n = list.length;
    spend(n);
    const out: Waits = { wait: new Float64Array(n), share: new Float64Array(n), cell: new Int32Array(n), group: new Int32Array(n), outBin: new Int32Array(n), outFrac: new Float64Array(n) };
    list.forEach(([wait, share], k) => {
      out.wait[k] = wait;
      out.share[k] = share;
      out.cell[k] = cellIndex(wait);
      const grp = groupOf(arrive + wait);
      out.group[k] = grp;
      const x = ((((arrive + wait + sojournMeans[grp]!) / PHASE_BIN - 0.5) % PHASE_BINS) + PHASE_BINS) % PHASE_BINS;
      out.outBin[k] = Math.floor(x);
      out.outFrac[k] = x - Math.floor(x);
    });
    waitsCache[b] = out;
    return out;
  };
  const flat = !g.businessHours && isFlat(arrivals);
  // Outcomes by arrival phase, keyed by the phase's content to 1e-6: a loop's sweeps bring the same phase again.
  const cache = new Map<string, GateOutcome>();
  let evenly: GateOutcome | undefined;
  return {
    apply(phaseIn: Phase | null): GateOutcome {
      if (phaseIn === null && evenly) return evenly;
      const key = phaseIn === null ? '' : phaseKey(phaseIn);
      if (phaseIn !== null) {
        const hit = cache.get(key);
        if (hit) return hit;
      }
      // Around the clock at a steady load and arrivals spread evenly: every bin alike, the phase stays even.
      const uniform = flat && phaseIn === null;
      let timeout = 0;
      // The waits of the served, by the service group they start in (a pause at 17:00 or none).
      const waitBuilders: (TimeBuilder | undefined)[] = sojourns.map(() => undefined);
      const phServed = uniform ? null : new Float64Array(PHASE_BINS);
      const phTimeout = uniform ? null : new Float64Array(PHASE_BINS);
      for (let b = 0; b < (uniform ? 1 : PHASE_BINS); b++) {
        const wb = uniform ? 1 : phaseIn ? phaseIn[b]! : 1 / PHASE_BINS;
        if (!(wb > 0)) continue;
        const w = bins[flat ? 0 : b]!;
        timeout += wb * w.timeout;
        const arrive = b * PHASE_BIN + PHASE_BIN / 2;
        if (phTimeout && w.timeout > 0) addAt(phTimeout, arrive + g.sla, wb * w.timeout);
        const ws = waitsOf(flat ? 0 : b);
        spend(1 + ws.wait.length);
        for (let j = 0; j < ws.wait.length; j++) {
          const k = wb * ws.share[j]!;
          if (!(k > 0)) continue;
          const grp = ws.group[j]!;
          let builder = waitBuilders[grp];
          if (!builder) {
            builder = new TimeBuilder();
            waitBuilders[grp] = builder;
          }
          builder.addInCell(ws.cell[j]!, ws.wait[j]!, k);
          if (phServed) {
            const i = ws.outBin[j]!;
            const f = ws.outFrac[j]!;
            phServed[i] = phServed[i]! + k * (1 - f);
            const i2 = (i + 1) % PHASE_BINS;
            phServed[i2] = phServed[i2]! + k * f;
          }
        }
      }
      const parts: TimeDist[] = [];
      waitBuilders.forEach((builder, grp) => {
        if (!builder) return;
        const waits = builder.build();
        if (waits.total > 0) parts.push(waits.plus(sojourns[grp]!));
      });
      const served = TimeDist.mix(parts);
      const norm = (ph: Phase | null, k: number): Phase | null => {
        if (!ph || !(k > 0)) return null;
        for (let b = 0; b < PHASE_BINS; b++) ph[b] = ph[b]! / k;
        return ph;
      };
      const out: GateOutcome = {
        timeoutShare: timeout,
        timeoutDelay: timeout > 0 ? TimeDist.point(g.sla) : TimeDist.EMPTY,
        servedDelay: served.normalised(),
        phServed: norm(phServed, served.total),
        phTimeout: norm(phTimeout, timeout),
      };
      if (phaseIn === null) evenly = out;
      else {
        if (cache.size > 64) cache.clear();
        cache.set(key, out);
      }
      return out;
    },
  };
}

/** A phase histogram's content, rounded to 1e-6 (what an apply can be cached by). */
function phaseKey(ph: Phase): string {
  let key = '';
  for (let b = 0; b < ph.length; b++) {
    const v = Math.round(ph[b]! * 1e6);
    if (v !== 0) key += `${b}:${v},`;
  }
  return key;
}

/** Seconds from t (open) to 17:00 the same day. */
function closingIn(t: number): number {
  const day = 86_400;
  const inDay = t - Math.floor(t / day) * day;
  return 17 * 3600 - inDay;
}

/** True when arrivals come at the same rate in every bin (within 1%). */
function isFlat(ph: Phase): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let b = 0; b < ph.length; b++) {
    lo = Math.min(lo, ph[b]!);
    hi = Math.max(hi, ph[b]!);
  }
  return hi <= 0 || (hi - lo) / hi < 0.01;
}

/** A distribution as at most n atoms (equal runs of cells). */
function compressTo(d: TimeDist, n: number): { values: number[]; weights: number[] } {
  const values: number[] = [];
  const weights: number[] = [];
  if (d.total <= 0) return { values, weights };
  const group = Math.max(1, Math.ceil(d.mass.length / n));
  for (let k = 0; k < d.mass.length; k += group) {
    let mass = 0;
    let sum = 0;
    for (let j = k; j < Math.min(k + group, d.mass.length); j++) {
      mass += d.mass[j]!;
      sum += d.sum[j]!;
    }
    if (mass > 0) {
      values.push(sum / mass);
      weights.push(mass / d.total);
    }
  }
  return { values, weights };
}

/**
 * The fluid queue over the run's weeks: per bin of the week, the share of arrivals timed out, the fluid waits of
 * the rest, and the random wait of those who met no queue.
 */
function computeWaits(h: HumanModel, g: GateSettings, arrivals: Phase, run: RunShape): BinWaits[] {
  const m = h.meanService;
  const c = Math.max(1, g.reviewers);
  const out: BinWaits[] = Array.from({ length: PHASE_BINS }, () => ({ timeout: 0, waits: new Map(), pWait: 0, meanWhenWaiting: 0 }));
  if (!(m > 0) || !(run.rate > 0)) return out;
  const short = Number.isFinite(run.horizon) && run.horizon < WEEK;
  const weeksInRun = Number.isFinite(run.horizon) ? run.horizon / WEEK : Infinity;
  const weeks = short ? 2 : Number.isFinite(weeksInRun) ? Math.min(WARM_WEEKS, Math.ceil(weeksInRun) + 1) : WARM_WEEKS;
  // Gate arrivals per bin (items): for a long run the per-case profile times the cases in a week; for a run
  // shorter than a week, the whole run's arrivals in its first (and only) week.
  const perBin = new Float64Array(PHASE_BINS);
  for (let b = 0; b < PHASE_BINS; b++) perBin[b] = arrivals[b]! * run.rate * (short ? run.horizon : WEEK);
  // How much each simulated week counts: as the run's arrivals fall in it (steady state: the last one alone).
  const weekWeight = (k: number): number => {
    if (short) return k === 0 ? 1 : 0;
    if (k >= weeks) return 0;
    if (!Number.isFinite(weeksInRun)) return k === weeks - 1 ? 1 : 0;
    if (k < weeks - 1) return Math.max(0, Math.min(1, weeksInRun - k));
    return Math.max(0, weeksInRun - (weeks - 1));
  };
  const capacity = (c * PHASE_BIN) / m;
  const slaBins = g.sla > 0 ? g.sla / PHASE_BIN : Infinity;
  // Per arrival bin of the week, weighted sums over weeks.
  const wsum = new Float64Array(PHASE_BINS);
  const tsum = new Float64Array(PHASE_BINS);
  const waitSums: Map<number, number>[] = Array.from({ length: PHASE_BINS }, () => new Map());
  // The queue: cohorts (absolute arrival bin, mass left, week weight).
  const qBin: number[] = [];
  const qMass: number[] = [];
  let head = 0;
  // One more week after the weighted ones (arrivals go on, uncounted), so their queue drains as it would.
  const total = (short ? weeks : weeks + 1) * PHASE_BINS;
  for (let t = 0; t < total; t++) {
    const week = Math.floor(t / PHASE_BINS);
    const b = t % PHASE_BINS;
    const ww = weekWeight(week);
    const arriving = short && week > 0 ? 0 : perBin[b]!;
    const open = !g.businessHours || isOpen(b * PHASE_BIN);
    let cap = open ? capacity : 0;
    let work = 1;
    // First the queue, in order.
    while (cap > 1e-12 && head < qBin.length) {
      work++;
      const take = Math.min(cap, qMass[head]!);
      const a = qBin[head]!;
      const ab = a % PHASE_BINS;
      const wk = weekWeight(Math.floor(a / PHASE_BINS));
      if (wk > 0 && perBin[ab]! > 0) {
        const wait = (t - a) * PHASE_BIN;
        const map = waitSums[ab]!;
        map.set(wait, (map.get(wait) ?? 0) + (take / perBin[ab]!) * wk);
      }
      qMass[head] = qMass[head]! - take;
      cap -= take;
      if (qMass[head]! <= 1e-12) head++;
    }
    // Items still waiting when their SLA passes leave the queue by timeout. A bin's cohort arrived spread over the
    // bin, so it has timed out by the end of the bin in which its SLA falls; serving comes first within a bin (the
    // queue's head at Monday 09:00 is served before it times out at 09:05).
    while (head < qBin.length && t + 1 - qBin[head]! > slaBins) {
      work++;
      const a = qBin[head]!;
      const wk = weekWeight(Math.floor(a / PHASE_BINS));
      tsum[a % PHASE_BINS]! += (qMass[head]! / Math.max(perBin[a % PHASE_BINS]!, 1e-300)) * wk;
      head++;
    }
    if (arriving > 0) {
      wsum[b]! += ww;
      // Then this bin's arrivals: served at once up to capacity (a random wait only), the rest queues.
      const now = Math.min(cap, arriving);
      if (now < arriving) {
        qBin.push(t);
        qMass.push(arriving - now);
      }
      const load = open ? arriving / capacity : 0;
      if (ww > 0 && load < 1 && open) {
        work += 2 * c;
        const pw = erlangC(c, load * c);
        const wq = mgcWait(c, load * c, m, h.scv);
        const cell = out[b]!;
        // Weighted over weeks: the share waiting at random and their mean wait.
        const prevW = cell.pWait * (wsum[b]! - ww);
        cell.pWait = (prevW + pw * ww) / wsum[b]!;
        cell.meanWhenWaiting = pw > 0 ? Math.max(cell.meanWhenWaiting, wq / pw) : cell.meanWhenWaiting;
      }
    }
    spend(work);
    // Compact the queue now and then.
    if (head > 4096 && head * 2 > qBin.length) {
      qBin.splice(0, head);
      qMass.splice(0, head);
      head = 0;
    }
  }
  // What is still queued at the end waits past the run: counted as waiting a long time (the SLA when there is one).
  spend(qBin.length - head + PHASE_BINS);
  for (let i = head; i < qBin.length; i++) {
    const a = qBin[i]!;
    const ab = a % PHASE_BINS;
    const wk = weekWeight(Math.floor(a / PHASE_BINS));
    if (wk <= 0 || perBin[ab]! <= 0) continue;
    if (Number.isFinite(slaBins)) tsum[ab]! += (qMass[i]! / perBin[ab]!) * wk;
    else {
      const wait = (total - a) * PHASE_BIN;
      waitSums[ab]!.set(wait, (waitSums[ab]!.get(wait) ?? 0) + (qMass[i]! / perBin[ab]!) * wk);
    }
  }
  for (let b = 0; b < PHASE_BINS; b++) {
    const w = wsum[b]!;
    if (!(w > 0)) continue;
    const cell = out[b]!;
    cell.timeout = Math.min(1, tsum[b]! / w);
    for (const [wait, s] of waitSums[b]!) cell.waits.set(wait, s / w);
    // The random wait can pass the SLA too.
    if (Number.isFinite(slaBins) && cell.pWait > 0 && cell.meanWhenWaiting > 0) {
      let fluid = 0;
      for (const s of cell.waits.values()) fluid += s;
      const direct = Math.max(0, 1 - cell.timeout - fluid);
      const late = direct * cell.pWait * Math.exp(-g.sla / cell.meanWhenWaiting);
      cell.timeout = Math.min(1, cell.timeout + late);
    }
  }
  return out;
}
