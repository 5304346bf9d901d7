/**
 * One sub-flow of the estimates' flow (flow.ts): the nodes reachable from its starts up to a block's join, swept
 * to a fixed point inside loops, with blocks of parallel branches evaluated as sub-flows. What each node does
 * with its inflow is in flow-visit.ts.
 */
import type { WorkflowNode } from '../domain/index.ts';
import { type EgEdge } from './flow-graph.ts';
import { buildCsr, reversePostorder, tarjan } from './graph-core.ts';
import { loopPassesOf } from './node-models.ts';
import { addPhase, scalePhase, shiftPhase, uniformPhase, type Phase } from './phase.ts';
import { TimeDist } from './time-dist.ts';
import { splitEdges, SEVS, Layout, VISIT_GUARD, MAX_SWEEPS, SETTLED, newEnds, sumOf, newSums, type LaterTimes, emptyTimes, emptyParts, mixedTime, PacketBuilder, type Packet, type Ends, type RegionResult, type Input } from './flow-packets.ts';
import { combine, Race } from './flow-join.ts';
import { withTail } from './loop-tail.ts';
import type { Flow } from './flow.ts';

export interface Start {
  readonly node: number;
  /** Expanded node the mass comes from (-1: none). */
  readonly via: number;
  readonly packet: Packet;
}

/** A region edge: an expanded edge, or a block's macro edge from a split to its join. */
export interface REdge {
  readonly from: number;
  readonly to: number;
  /** Index into g.out[from] for plain edges, -1 for a macro edge. */
  readonly eg: number;
}

export interface EdgeState {
  m: Float64Array;
  t: TimeDist[];
  ph: Phase | null;
}

/** A loop's members' state after one sweep (RegionBase.snapshot). */
interface LoopState {
  readonly members: readonly number[];
  readonly edges: readonly number[];
  readonly es: readonly EdgeState[];
  readonly ends: readonly Ends[];
  readonly sums: readonly Map<number, [number, number, number, number]>[];
  readonly gateArr: readonly Map<number, Phase>[];
  readonly visitT: readonly TimeDist[];
  readonly costT: readonly Map<number, TimeDist>[];
}

/**
 * A loop is extrapolated (RegionBase.extrapolate) once a sweep changes its edges' mass by less than this (per
 * unit entering the loop) and the last sweeps' changes shrink by a steady ratio (within RATIO_TOLERANCE of it,
 * and below MAX_RATIO: a loop that hardly ever exits is swept on).
 */
const LOOSE = 1e-3;
const RATIO_TOLERANCE = 0.02;
const MAX_RATIO = 0.995;

function emptyEdge(L: Layout): EdgeState {
  return { m: new Float64Array(L.comps), t: emptyTimes(L.classes), ph: null };
}

/** One sub-flow: nodes reachable from its starts, stopping at `stop` (a block's join) and at ends. */
export abstract class RegionBase {
  /** Process local node v: gather its inflow, emit its outflow (flow-visit.ts). Returns the largest change of an out edge. */
  protected abstract process(v: number, cap?: number): number;
  protected readonly f: Flow;
  protected readonly L: Layout;
  protected readonly starts: readonly Start[];
  protected readonly stop: number;
  protected readonly local = new Map<number, number>();
  protected readonly nodes: number[] = [];
  protected readonly edges: REdge[] = [];
  protected readonly outOf: number[][] = [];
  protected readonly inOf: number[][] = [];
  /** The macro edge of a split, by local node and split key. */
  protected readonly macro = new Map<string, number>();
  protected es: EdgeState[] = [];
  /** An edge with nothing on it, shared by every empty edge (edge states are replaced, never changed). */
  protected readonly none: EdgeState;
  protected ends: (Ends & Partial<LaterTimes>)[] = [];
  protected sums: Map<number, [number, number, number, number]>[] = [];
  protected gateArr: Map<number, Phase>[] = [];
  protected visitT: TimeDist[] = [];
  protected costT: Map<number, TimeDist>[] = [];
  protected readonly injected: { p: Packet; via: number }[] = [];

  constructor(f: Flow, starts: readonly Start[], stop: number, trackCost = false, top = false) {
    this.f = f;
    this.top = top;
    this.L = f.L;
    this.none = emptyEdge(f.L);
    this.starts = starts;
    this.stop = stop;
    this.trackCost = trackCost;
    // Every expanded copy of the join is the stop (branches may reach it in different states).
    this.stops = new Set(stop >= 0 ? f.copies[f.g.base[stop]!] : []);
  }
  protected readonly stops: Set<number>;
  /** The whole case's region (not a branch's sub-flow). */
  protected readonly top: boolean;
  /** A branch's region keeps when costs are spent (a cancelled branch does not pay for what it never starts). */
  protected readonly trackCost: boolean;

  protected add(x: number): number {
    let i = this.local.get(x);
    if (i === undefined) {
      i = this.nodes.length;
      this.local.set(x, i);
      this.nodes.push(x);
      this.outOf.push([]);
      this.inOf.push([]);
      this.injected.push({ p: { m: new Float64Array(this.L.comps), t: emptyTimes(this.L.classes), ph: null }, via: -1 });
    }
    return i;
  }

  protected link(from: number, to: number, eg: number): number {
    const id = this.edges.length;
    const a = this.add(from);
    const b = this.add(to);
    this.edges.push({ from: a, to: b, eg });
    this.outOf[a]!.push(id);
    this.inOf[b]!.push(id);
    return id;
  }

  protected nodeOf(x: number): WorkflowNode {
    return this.f.core.node(this.f.g.base[x]!);
  }

  protected splitKey(edges: readonly EgEdge[]): string {
    return edges.map((e) => `${e.baseEdge}>${e.target}`).join(',');
  }

  /** Discover the region: plain edges, and a macro edge from each split to the join that closes its group. */
  protected discover(): void {
    const queue: number[] = [];
    for (const s of this.starts) {
      const i = this.add(s.node);
      this.injected[i] = { p: s.packet, via: s.via };
      queue.push(s.node);
    }
    const expanded = new Set<number>();
    while (queue.length > 0) {
      const x = queue.shift()!;
      if (expanded.has(x) || this.stops.has(x)) continue;
      expanded.add(x);
      const node = this.nodeOf(x);
      if (node.kind === 'output') continue;
      const outs = this.f.g.out[x]!;
      const inclusive = node.kind === 'router' && node.config.mode === 'inclusive';
      const splits = inclusive ? new Set<EgEdge>() : splitEdges(node, outs);
      const groups = new Map<string, EgEdge[]>();
      for (const e of splits) {
        const key = `${e.port}|${e.piece}`;
        const l = groups.get(key);
        if (l) l.push(e);
        else groups.set(key, [e]);
      }
      for (const group of groups.values()) {
        const j = this.f.joinOf(x, group);
        if (j >= 0) {
          const id = this.link(x, j, -1);
          this.macro.set(`${this.local.get(x)}|${this.splitKey(group)}`, id);
          queue.push(j);
        }
      }
      outs.forEach((e, k) => {
        if (splits.has(e)) return;
        this.link(x, e.target, k);
        queue.push(e.target);
      });
      // An inclusive router's multi-edge choices are blocks over subsets; the join of the whole set serves them.
      if (inclusive && outs.length > 1) {
        const j = this.f.joinOf(x, outs);
        if (j >= 0) {
          const id = this.link(x, j, -1);
          this.macro.set(`${this.local.get(x)}|inclusive`, id);
          queue.push(j);
        }
      }
    }
  }

  run(): RegionResult {
    this.discover();
    const n = this.nodes.length;
    this.es = this.edges.map(() => this.none);
    this.ends = this.nodes.map(() => newEnds());
    this.sums = this.nodes.map(() => new Map());
    this.gateArr = this.nodes.map(() => new Map());
    this.visitT = this.nodes.map(() => TimeDist.EMPTY);
    this.costT = this.nodes.map(() => new Map());
    const pairs: [number, number, number][] = this.edges.map((e, k) => [e.from, e.to, k]);
    const scc = tarjan(n, buildCsr(n, pairs));
    const stopLocal = new Set<number>();
    for (const y of this.stops) {
      const l = this.local.get(y);
      if (l !== undefined) stopLocal.add(l);
    }
    for (const c of scc.topoOrder) {
      const members = scc.components[c]!;
      if (scc.cyclic[c] !== 1) {
        const v = members[0]!;
        if (!stopLocal.has(v)) this.process(v);
        continue;
      }
      this.settle(members, stopLocal);
    }
    return this.collect(stopLocal);
  }

  /** A loop: sweep its members until the flow settles (expected visits), never past the visit guard. */
  protected settle(members: readonly number[], stopLocal: ReadonlySet<number>): void {
    const inComp = new Set(members);
    const entries = members.filter((v) => this.inOf[v]!.some((e) => !inComp.has(this.edges[e]!.from)) || sumOf(this.injected[v]!.p.m) > 0);
    // Depth-first (reverse postorder): every edge inside the loop but the ones closing a cycle goes forward, so one
    // sweep carries mass around the loop once, through all its branches. (Breadth first, mass that took the longer
    // branch reached the step where branches rejoin a sweep late: 0392's for-each took 83 sweeps, now 35.)
    const next = (v: number): number[] => this.outOf[v]!.map((e) => this.edges[e]!.to).filter((w) => inComp.has(w));
    const order = reversePostorder(entries.length > 0 ? entries : [members[0]!], members, next);
    // The visit guard counts per pass of a for-each (the simulator restarts the body's counts each pass).
    let guard = VISIT_GUARD;
    for (const v of members) {
      const node = this.nodeOf(this.nodes[v]!);
      if (node.kind === 'loop') guard += loopPassesOf(node) * VISIT_GUARD;
    }
    let external = 0;
    for (const v of members) {
      external += sumOf(this.injected[v]!.p.m);
      for (const e of this.inOf[v]!) if (!inComp.has(this.edges[e]!.from)) external += sumOf(this.es[e]!.m);
    }
    // The states after the last two sweeps, for the extrapolation of the rounds not swept.
    let last: LoopState | null = null;
    let changes: number[] = [];
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      const older = last;
      last = this.snapshot(order, stopLocal);
      let change = 0;
      for (const v of order) {
        if (stopLocal.has(v)) continue;
        const d = this.process(v, guard * external);
        if (d > change) change = d;
      }
      if (change < SETTLED) return;
      changes = [...changes.slice(-2), change];
      // Far enough into the loop that each sweep adds a steady share of the sweep before (a geometric tail),
      // the rounds still to come are added in one step (see extrapolate) instead of swept one by one.
      if (change < LOOSE * Math.max(1, external) && changes.length === 3 && older) {
        const r1 = changes[1]! / changes[0]!;
        const r2 = changes[2]! / changes[1]!;
        if (r2 > 0 && r2 < MAX_RATIO && Math.abs(r2 - r1) < RATIO_TOLERANCE * r2) {
          this.extrapolate(order, stopLocal, r2, last, older);
          return;
        }
      }
    }
    this.f.note('loop', 'a loop did not settle within the sweeps; its visits are cut short');
  }

  /** What a loop's members hold after a sweep (the objects themselves: process replaces, never changes, them). */
  private snapshot(order: readonly number[], stopLocal: ReadonlySet<number>): LoopState {
    const members = order.filter((v) => !stopLocal.has(v));
    const edges = members.flatMap((v) => this.outOf[v]!);
    return {
      members,
      edges,
      es: edges.map((e) => this.es[e]!),
      ends: members.map((v) => this.ends[v]!),
      sums: members.map((v) => this.sums[v]!),
      gateArr: members.map((v) => this.gateArr[v]!),
      visitT: members.map((v) => this.visitT[v]!),
      costT: members.map((v) => this.costT[v]!),
    };
  }

  /**
   * Add the rounds of a loop not yet swept: each sweep has added `ratio` times what the sweep before added (the
   * loop's mass decays geometrically), so every quantity x the loop accumulates gains (x - x_prev) x ratio /
   * (1 - ratio) (exact for a geometric series), and each time distribution the same mass spread over the later
   * rounds, each a round later than the last one swept (the round's mean and variance read off the last two
   * sweeps' increments). `prev` is the state before the last sweep, `prev2` before the one before.
   */
  private extrapolate(order: readonly number[], stopLocal: ReadonlySet<number>, ratio: number, prev: LoopState, prev2: LoopState): void {
    const k = ratio / (1 - ratio);
    const num = (now: number, before: number): number => Math.max(now, now + (now - before) * k);
    const arr = (now: Float64Array, before: Float64Array | undefined): Float64Array => Float64Array.from(now, (x, i) => num(x, before?.[i] ?? 0));
    const dist = (now: TimeDist, before: TimeDist, before2: TimeDist | undefined): TimeDist => withTail(now, before, before2, ratio);
    const dists = (now: readonly TimeDist[], before: readonly TimeDist[], before2: readonly TimeDist[] | undefined): TimeDist[] => now.map((d, c) => dist(d, before[c] ?? TimeDist.EMPTY, before2?.[c]));
    prev.edges.forEach((e, i) => {
      const now = this.es[e]!;
      const before = prev.es[i]!;
      const before2 = prev2.es[i];
      this.es[e] = { m: arr(now.m, before.m), t: dists(now.t, before.t, before2?.t), ph: now.ph ? arr(now.ph, before.ph ?? undefined) : null };
    });
    const now = this.snapshot(order, stopLocal);
    now.members.forEach((v, i) => {
      const e = now.ends[i]!;
      const b = prev.ends[i]!;
      const b2 = prev2.ends[i];
      this.ends[v] = {
        rank: arr(e.rank, b.rank),
        silent: num(e.silent, b.silent),
        failed: num(e.failed, b.failed),
        stuck: num(e.stuck, b.stuck),
        endTime: dist(e.endTime, b.endTime, b2?.endTime),
        abortTime: dist(e.abortTime, b.abortTime, b2?.abortTime),
      };
      const sums = new Map<number, [number, number, number, number]>();
      for (const [base, x] of now.sums[i]!) {
        const y = prev.sums[i]!.get(base) ?? [0, 0, 0, 0];
        sums.set(base, [num(x[0], y[0]), num(x[1], y[1]), num(x[2], y[2]), num(x[3], y[3])]);
      }
      this.sums[v] = sums;
      const gates = new Map<number, Phase>();
      for (const [base, ph] of now.gateArr[i]!) gates.set(base, arr(ph, prev.gateArr[i]!.get(base)));
      this.gateArr[v] = gates;
      this.visitT[v] = dist(now.visitT[i]!, prev.visitT[i]!, prev2.visitT[i]);
      const costs = new Map<number, TimeDist>();
      for (const [base, d] of now.costT[i]!) costs.set(base, dist(d, prev.costT[i]!.get(base) ?? TimeDist.EMPTY, prev2.costT[i]?.get(base)));
      this.costT[v] = costs;
    });
  }

  protected collect(stopLocal: ReadonlySet<number>): RegionResult {
    const ends = newEnds();
    const endParts: TimeDist[] = [];
    const abortParts: TimeDist[] = [];
    for (const e of this.ends) {
      for (let r = 0; r < SEVS; r++) ends.rank[r]! += e.rank[r]!;
      ends.silent += e.silent;
      ends.failed += e.failed;
      ends.stuck += e.stuck;
      endParts.push(e.endTime);
      abortParts.push(e.abortTime);
    }
    ends.endTime = TimeDist.mix(endParts);
    ends.abortTime = TimeDist.mix(abortParts);
    const sums = newSums(this.f.core.size);
    for (const s of this.sums) {
      for (const [v, [visits, cost, failed, human]] of s) {
        sums.visits[v]! += visits;
        sums.cost[v]! += cost;
        sums.failedAt[v]! += failed;
        sums.humanSeconds[v]! += human;
      }
    }
    for (const ga of this.gateArr) {
      for (const [b, ph] of ga) {
        const prev = sums.gateArrivals.get(b);
        if (prev) addPhase(prev, ph);
        else sums.gateArrivals.set(b, Float64Array.from(ph));
      }
    }
    const byBase = new Map<number, TimeDist[]>();
    this.visitT.forEach((d, v) => {
      if (d.total <= 0 || stopLocal.has(v)) return;
      const b = this.f.g.base[this.nodes[v]!]!;
      const l = byBase.get(b);
      if (l) l.push(d);
      else byBase.set(b, [d]);
    });
    const visitTime = new Map<number, TimeDist>();
    for (const [b, l] of byBase) visitTime.set(b, TimeDist.mix(l));
    const costBy = new Map<number, TimeDist[]>();
    for (const map of this.costT) {
      for (const [b, d] of map) {
        if (d.total <= 0) continue;
        const l = costBy.get(b);
        if (l) l.push(d);
        else costBy.set(b, [d]);
      }
    }
    const costTime = new Map<number, TimeDist>();
    for (const [b, l] of costBy) costTime.set(b, TimeDist.mix(l));
    let atStop: Packet | null = null;
    if (this.stop >= 0) {
      // What reaches the stop: by edges, or a branch that starts right at it.
      const states: Packet[] = [];
      for (const l of stopLocal) states.push(this.injected[l]!.p, ...this.inOf[l]!.map((e) => this.es[e]!));
      atStop = this.merge(states);
    }
    return { atStop, ends, sums, visitTime, costTime };
  }

  /** Sum packets (phases made explicit where any is). */
  protected merge(ps: readonly Packet[]): Packet {
    const m = new Float64Array(this.L.comps);
    const parts = emptyParts(this.L.classes);
    const anyPh = ps.some((p) => p.ph !== null && sumOf(p.m) > 0);
    const ph: Phase | null = anyPh ? new Float64Array(uniformPhase().length) : null;
    for (const p of ps) {
      const mass = sumOf(p.m);
      if (mass <= 0) continue;
      for (let k = 0; k < this.L.comps; k++) m[k]! += p.m[k]!;
      for (let c = 0; c < this.L.classes; c++) if (p.t[c]!.total > 0) parts[c]!.push(p.t[c]!);
      if (ph) addPhase(ph, p.ph ?? this.f.phaseOf(p) ?? uniformPhase(), p.ph ? 1 : mass);
    }
    return { m, t: parts.map((l) => TimeDist.mix(l)), ph };
  }

  protected addSums(v: number, base: number, visits: number, cost: number, failed: number, human: number): void {
    const map = this.sums[v]!;
    const prev = map.get(base);
    if (prev) {
      prev[0] += visits;
      prev[1] += cost;
      prev[2] += failed;
      prev[3] += human;
    } else map.set(base, [visits, cost, failed, human]);
  }

  protected addCostTime(v: number, base: number, d: TimeDist): void {
    const map = this.costT[v]!;
    const prev = map.get(base);
    map.set(base, prev ? TimeDist.mix([prev, d]) : d);
  }

  protected addGateArrival(v: number, base: number, ph: Phase, k: number): void {
    const map = this.gateArr[v]!;
    const prev = map.get(base);
    if (prev) addPhase(prev, ph, k);
    else map.set(base, scalePhase(ph, k));
  }


  /** The inflow unchanged (no time, no decision), as a packet. */
  protected passThrough(inp: Input, keep = 1): Packet {
    const b = new PacketBuilder(this.L);
    for (let s = 0; s < SEVS; s++)
      for (let c = 0; c < this.L.classes; c++) {
        const val = inp.m[this.L.comp(s, c)]! * keep;
        if (val > 0) b.add(s, c, val, inp.times[c]!);
      }
    if (inp.explicit) b.addPhase(inp.phIn, b.total);
    return b.build();
  }

  protected endAbort(v: number, failed: boolean, mass: number, t: TimeDist): void {
    if (!(mass > 0)) return;
    const ends = this.ends[v]!;
    if (failed) ends.failed += mass;
    else ends.stuck += mass;
    ends.abortTime = TimeDist.mix([ends.abortTime, t.total > 0 ? t.scaled(mass / t.total) : TimeDist.point(0, mass)]);
    if (failed) this.addSums(v, this.f.g.base[this.nodes[v]!]!, 0, 0, mass, 0);
  }

  /**
   * A step's failed tries end `mass` of the case: its time is the inflow's, all classes mixed (a failure ends the
   * case whatever its class), moved on by the failed tries (`tries`, normalised), computed when first read.
   */
  protected endFailure(v: number, mass: number, times: readonly TimeDist[], tries: TimeDist): void {
    if (!(mass > 0)) return;
    const ends = this.ends[v]!;
    const time = (): TimeDist => {
      const t = TimeDist.mix(times).normalised().plus(tries);
      return t.total > 0 ? t.scaled(mass / t.total) : TimeDist.point(0, mass);
    };
    ends.failed += mass;
    if (ends.laterAbort) ends.laterAbort(time);
    else ends.abortTime = TimeDist.mix([ends.abortTime, time()]);
    this.addSums(v, this.f.g.base[this.nodes[v]!]!, 0, 0, mass, 0);
  }

  /** Send a packet out of a port: one edge, a split (block), or none (a dead end: stuck; an unhandled error: failed). */
  protected emitPort(v: number, port: string, p: Packet, piece?: number): void {
    const total = sumOf(p.m);
    if (!(total > 0)) return;
    const x = this.nodes[v]!;
    const node = this.nodeOf(x);
    // A node that reads the confidence has one edge per piece; elsewhere every edge has the node's piece.
    const outs = this.f.g.out[x]!.filter((e) => e.port === port && (piece === undefined || e.piece === piece));
    if (outs.length === 0) {
      this.endAbort(v, port === 'error' && (node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data'), total, mixedTime(p));
      return;
    }
    if (outs.length === 1) {
      this.put(v, this.f.g.out[x]!.indexOf(outs[0]!), p);
      return;
    }
    this.block(v, outs, this.splitKey(outs), p);
  }

  /** Add a packet to the region edge for g.out[x][k] (k = -1: a macro edge id given directly). */
  protected put(v: number, k: number, p: Packet, macroId = -1): void {
    const e = macroId >= 0 ? macroId : this.outOf[v]!.find((id) => this.edges[id]!.eg === k);
    if (e === undefined) return;
    const st = this.es[e]!;
    if (sumOf(st.m) <= 0 && sumOf(p.m) > 0) {
      // Nothing on the edge yet: the packet as merging it with nothing makes it, without the merge's per-class lists.
      const m = new Float64Array(this.L.comps);
      for (let k = 0; k < m.length; k++) m[k]! += p.m[k]!;
      let ph: Phase | null = null;
      if (p.ph !== null) {
        ph = new Float64Array(uniformPhase().length);
        addPhase(ph, p.ph, 1);
      }
      this.es[e] = { m, t: p.t.map((d) => (d.total > 0 ? d : TimeDist.EMPTY)), ph };
      return;
    }
    const merged = this.merge([st, p]);
    this.es[e] = { m: merged.m, t: merged.t.slice(), ph: merged.ph };
  }


  /**
   * A parallel split: each branch a sub-flow of the same item, combined by the join's rule (or the case's rule for
   * branches never joined). The result goes to the macro edge (the join) and to this node's ends.
   */
  protected block(v: number, group: readonly EgEdge[], macroKey: string, p: Packet): void {
    const x = this.nodes[v]!;
    const j = this.f.joinOf(x, group);
    const jn = j >= 0 ? this.nodeOf(j) : undefined;
    const mode = jn?.kind === 'join' ? jn.config.mode : undefined;
    const joined = mode === 'all' || mode === 'first';
    const stop = joined ? j : -1;
    // The sub-flows count time from the split; a calendar needs the absolute time of the week.
    const ph = this.f.gateAhead[this.f.g.base[x]!] === 1 ? this.f.phaseOf(p) : null;
    const cont = new PacketBuilder(this.L);
    const ends = this.ends[v]!;
    // The block's ends: parts added when first read (a block in a loop makes them on every sweep).
    const endParts: (() => TimeDist)[] = [];
    const abortParts: (() => TimeDist)[] = [];
    for (let c = 0; c < this.L.classes; c++) {
      let classMass = 0;
      for (let s = 0; s < SEVS; s++) classMass += p.m[this.L.comp(s, c)]!;
      if (classMass <= 0) continue;
      const tIn = p.t[c]!.normalised();
      const raw = group.map((e) => this.f.sub(e.target, x, stop, c, ph));
      // What ends a branch's work early: at a `first` join the first arrival, anywhere a failure that ends the case.
      const race = new Race(this.L, raw, this.f, jn?.id, mode === 'first');
      const subs = raw.map((sub, i) => race.cancelled(sub, i));
      for (const sub of subs) {
        for (let b = 0; b < sub.sums.visits.length; b++) {
          const vis = sub.sums.visits[b]!;
          const cost = sub.sums.cost[b]!;
          const fail = sub.sums.failedAt[b]!;
          const hum = sub.sums.humanSeconds[b]!;
          if (vis || cost || fail || hum) this.addSums(v, b, vis * classMass, cost * classMass, fail * classMass, hum * classMass);
        }
        for (const [b, gph] of sub.sums.gateArrivals) this.addGateArrival(v, b, gph, classMass);
        if (this.trackCost) for (const [b, d] of sub.costTime) this.addCostTime(v, b, tIn.plus(d.normalised()).scaled(d.total * classMass));
      }
      if (joined && jn?.kind === 'join' && jn.config.timeoutSeconds !== undefined) {
        const limit = jn.config.timeoutSeconds;
        const late = raw.some((s) => {
          const d = s.atStop ? TimeDist.mix(s.atStop.t) : TimeDist.EMPTY;
          return d.total > 0 && 1 - d.massUpTo(limit) / d.total > 1e-3;
        });
        if (late) this.f.note('join-timeout', 'branches may reach the join after its timeout; the estimate waits for them', jn.id);
      }
      const r = mode === 'first' ? race.combine() : combine(this.L, subs, joined ? 'all' : 'none');
      const contTime = r.contTime.total > 0 ? tIn.plus(r.contTime.normalised()) : TimeDist.EMPTY;
      for (let s = 0; s < SEVS; s++) {
        const inMass = p.m[this.L.comp(s, c)]!;
        if (inMass <= 0) continue;
        for (let s2 = 0; s2 < SEVS; s2++) {
          for (let c2 = 0; c2 < this.L.classes; c2++) cont.add(Math.max(s, s2), c2, inMass * r.cont[this.L.comp(s2, c2)]!, contTime);
          ends.rank[Math.max(s, s2)]! += inMass * r.rank[s2]!;
        }
        if (s === 0) ends.silent += inMass * r.silent;
        ends.failed += inMass * r.failed;
        ends.stuck += inMass * r.stuck;
      }
      if (r.endTime.total > 0) endParts.push(() => tIn.plus(r.endTime.normalised()).scaled(classMass * sumOf(r.rank)));
      if (r.abortTime.total > 0) abortParts.push(() => tIn.plus(r.abortTime.normalised()).scaled(classMass * (r.failed + r.stuck)));
    }
    if (ends.laterEnd && ends.laterAbort) {
      for (const part of endParts) ends.laterEnd(part);
      for (const part of abortParts) ends.laterAbort(part);
    } else {
      ends.endTime = TimeDist.mix([ends.endTime, ...endParts.map((part) => part())]);
      ends.abortTime = TimeDist.mix([ends.abortTime, ...abortParts.map((part) => part())]);
    }
    if (cont.total > 0) {
      const id = this.macro.get(`${v}|${macroKey}`);
      if (id !== undefined) {
        // After the branches the phase is the split's moved on by the join's time (explicit when known).
        if (ph) cont.addPhase(shiftPhase(ph, TimeDist.mix(cont.build().t).normalised()), cont.total);
        this.put(v, -1, cont.build(), id);
      }
    }
  }
}
