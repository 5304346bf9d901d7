/**
 * The estimates' flow: one case's probability mass pushed through the expanded graph (flow-graph.ts), each node
 * applying its closed form, with the simulator's semantics (docs/simulator.md):
 * - mass is split by what the item is (correct; wrong, made wrong by the last step that produced it or by an
 *   earlier one; with the confidence the case carries: drawn for a correct or a wrong result, or none) and by the
 *   worst outcome other branches of the case already reached; each class of mass carries the distribution of
 *   its time since the case arrived (time-dist.ts), and the packet its time of the week when a calendar matters
 *   (phase.ts);
 * - a parallel split (a parallel or inclusive router, or several edges out of one port) is evaluated as a block:
 *   each branch is a sub-flow from the split, the branches are independent given the item, and they combine by
 *   the join's rule (`all`: the case goes on when its last branch is done, correct only if every branch kept it
 *   correct; `first`: a race, the first arrival wins and the rest is cancelled) or, for branches never joined,
 *   by the case's rule (it ends when its last branch ends, failed if any branch failed, with the most severe
 *   outcome reached): success multiplies, it never adds;
 * - a loop is iterated to its fixed point (expected visits).
 * Human gates take their wait from a gate model (gate-model.ts: queueing, calendars, SLA). What the flow cannot
 * follow exactly it reports as notes; estimates.ts decides which figures they make unreliable.
 */
import type { WorkflowEdge, WorkflowNode } from '../domain/index.ts';
import { DEFAULT_VISIT_LIMIT, failProbability, OUTCOME_SEVERITY, reasksOnFail } from '../domain/semantics/index.ts';
import { distributionCdf } from './distribution-math.ts';
import { EstimateDeclined, spend } from './work-budget.ts';
import { buildFlowGraph, MIXED, type EgEdge, type FlowGraph } from './flow-graph.ts';
import { buildCsr, tarjan, type GraphCore } from './graph-core.ts';
import { checkOf, humanOf, loopPassesOf, stepOf, type HumanModel, type TryingNode } from './node-models.ts';
import { addPhase, phaseTotal, scalePhase, shiftPhase, uniformPhase, type Phase } from './phase.ts';
import { exclusiveRouting, inclusiveRouting, type RouteValues, type Routing } from './routing.ts';
import type { ActiveFault } from './step-model.ts';
import { TimeDist } from './time-dist.ts';

/** Worst outcome already reached by another branch: 0 none or success, 1 escalated, 2 rejected, 3 error. */
export const SEVS = 4;
/** Confidence types: drawn for a correct result, for a wrong one, or none yet. */
const T_C = 0;
const T_W = 1;
const T_N = 2;

/**
 * The classes of one flow's mass: what the item is (correct; wrong, made by a step that may run again in a loop,
 * one class per such step; wrong, made by any other step) times the confidence the case carries (drawn for a
 * correct result, for a wrong one, or none yet). A wrong item stays wrong until the step that made it wrong runs
 * again (the engine's `wrongBy`): only steps inside loops can, so only they need a class of their own, and only
 * while the case is inside their loop: mass leaving a loop (its strongly connected component) becomes "wrong by
 * another step", so loops in turn reuse the same classes and a design of many loops has as few classes as its
 * biggest loop needs (else the classes, and the work, would grow with the number of loops).
 */
export class Layout {
  /** Kinds of correctness: 0 correct, 1 wrong by a step outside its loop, 2 + i wrong by loop step i of its loop. */
  readonly kinds: number;
  readonly classes: number;
  readonly comps: number;
  /** Base index of a step inside a loop -> its correctness kind. */
  readonly kindOf: ReadonlyMap<number, number>;

  /** `loopSteps`: steps inside loops; `compOf`: each base node's loop (strongly connected component). */
  constructor(loopSteps: readonly number[], compOf: ArrayLike<number> = []) {
    const kindOf = new Map<number, number>();
    const inLoop = new Map<number, number>();
    let most = 0;
    for (const v of loopSteps) {
      const c = compOf[v] ?? -1 - v;
      const i = inLoop.get(c) ?? 0;
      inLoop.set(c, i + 1);
      kindOf.set(v, 2 + i);
      most = Math.max(most, i + 1);
    }
    this.kindOf = kindOf;
    this.kinds = 2 + most;
    this.classes = this.kinds * 3;
    this.comps = this.classes * SEVS;
  }

  comp(sev: number, cls: number): number {
    return sev * this.classes + cls;
  }

  cls(kind: number, t: number): number {
    return kind * 3 + t;
  }

  kind(cls: number): number {
    return Math.floor(cls / 3);
  }

  conf(cls: number): number {
    return cls % 3;
  }

  isWrong(cls: number): boolean {
    return cls >= 3;
  }
}

/** The simulator's visit guard: no node is entered more than this by one case. */
export const VISIT_GUARD = DEFAULT_VISIT_LIMIT;
const MAX_SWEEPS = 400;
/** Work units one class of one edge of a visit counts (see process). */
const PROCESS_WORK = 1;
/** Branches' sub-flows open inside one another at most this deep (deeper: not estimated). */
const MAX_NESTING = 24;
const SETTLED = 1e-7;
/** Below this share of a node's mass a class takes the node's overall time shape (see process). */
const SMALL_CLASS = 0.03;

/**
 * Mass of one case on an edge, by component (sev x class), each class's distribution of time since arrival
 * (total = the class's mass), and its time of the week when known explicitly (null: the arrivals' phase moved on by
 * the elapsed time, which is all it can be before a business-hours gate).
 */
export interface Packet {
  readonly m: Float64Array;
  readonly t: readonly TimeDist[];
  readonly ph: Phase | null;
}

/** Where cases end inside a region, per unit of inflow. */
export interface Ends {
  /** Mass ending at outputs, by outcome rank. */
  readonly rank: Float64Array;
  silent: number;
  failed: number;
  stuck: number;
  /** Time of the ends at outputs (sub-probability, total = sum of rank). */
  endTime: TimeDist;
  /** Time of failures and stuck ends. */
  abortTime: TimeDist;
}

function newEnds(): Ends {
  return { rank: new Float64Array(SEVS), silent: 0, failed: 0, stuck: 0, endTime: TimeDist.EMPTY, abortTime: TimeDist.EMPTY };
}

/** Per base node sums a region reports (per unit of inflow). */
export interface NodeSums {
  readonly visits: Float64Array;
  readonly cost: Float64Array;
  readonly failedAt: Float64Array;
  readonly humanSeconds: Float64Array;
  /** Human gates: mass arriving by time of the week (explicit phase, total = arrivals). */
  readonly gateArrivals: Map<number, Phase>;
}

export interface RegionResult {
  /** What arrives at the region's stop node (null when the region has none). */
  readonly atStop: Packet | null;
  readonly ends: Ends;
  readonly sums: NodeSums;
  /** When each base node is entered (total = its visits): what a cancelled branch never does. */
  readonly visitTime: ReadonlyMap<number, TimeDist>;
  /** When each base node spends its cost (total = its cost; steps pay per try, when the try starts). */
  readonly costTime: ReadonlyMap<number, TimeDist>;
}

/** What the estimate cannot follow exactly: a code and a sentence, per node where one applies. */
export interface FlowNote {
  readonly code: string;
  readonly message: string;
  readonly nodeId?: string;
}

/** How a human gate treats the items arriving at a time of the week (gate-model.ts). */
export interface GateOutcome {
  /** Share of items that time out in the queue (they leave by `timeout`, unreviewed and unpaid). */
  readonly timeoutShare: number;
  /** From arrival to the timeout (normalised). */
  readonly timeoutDelay: TimeDist;
  /** From arrival to the end of service, waiting and calendar pauses included (normalised). */
  readonly servedDelay: TimeDist;
  /** Time of the week when served items leave, and timed-out ones (normalised; null: spread evenly). */
  readonly phServed: Phase | null;
  readonly phTimeout: Phase | null;
}

export interface GateModel {
  /** The gate's outcome for items arriving with this phase (normalised; null: spread evenly). */
  apply(phaseIn: Phase | null): GateOutcome;
}

export interface FlowOptions {
  /** Faults active during a visit of a node, as a mixture of regimes: share of visits and the faults. */
  readonly faults?: (node: WorkflowNode) => readonly { readonly share: number; readonly faults: readonly ActiveFault[] }[];
  /**
   * A human gate's queue and calendar model (default: no queue, open around the clock). `arrivals` (mass by time
   * of the week) are this visit's, in the whole case's flow (null in a branch's sub-flow, which counts per unit
   * of its split); `whole` says they are all the gate gets (the gate in no loop, no branch and no counter's copy),
   * so the model can be made from them at once. Elsewhere the model comes from an earlier run's arrivals
   * (estimates.ts iterates).
   */
  readonly gate?: (node: Extract<WorkflowNode, { kind: 'human' }>, index: number, h: HumanModel, arrivals: Phase | null, whole: boolean) => GateModel | undefined;
  /** When cases arrive in the week (normalised; null or absent: evenly, a steady rate around the clock). */
  readonly arrivalPhase?: Phase | null;
}

const NO_REGIME = [{ share: 1, faults: [] as readonly ActiveFault[] }];

function sumOf(m: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < m.length; i++) s += m[i]!;
  return s;
}

function newSums(n: number): NodeSums {
  return { visits: new Float64Array(n), cost: new Float64Array(n), failedAt: new Float64Array(n), humanSeconds: new Float64Array(n), gateArrivals: new Map() };
}

function emptyTimes(n: number): TimeDist[] {
  return Array.from({ length: n }, () => TimeDist.EMPTY);
}

/** Mass-weighted time of a packet over all its classes. */
function mixedTime(p: Packet): TimeDist {
  return TimeDist.mix(p.t);
}

/** Accumulates an outgoing packet: masses by component, time parts by class, an explicit phase if any. */
class PacketBuilder {
  private readonly L: Layout;
  readonly m: Float64Array;
  /** Per class: normalised shapes and how much of each (the same shape added twice is added up). */
  private readonly shapes: TimeDist[][];
  private readonly weights: number[][];

  constructor(L: Layout) {
    this.L = L;
    this.m = new Float64Array(L.comps);
    this.shapes = Array.from({ length: L.classes }, () => []);
    this.weights = Array.from({ length: L.classes }, () => []);
  }
  private ph: Phase | null = null;
  private phMass = 0;

  /** Add mass to component (s, c) with a time distribution normalised to 1. */
  add(s: number, c: number, mass: number, tNorm: TimeDist): void {
    if (!(mass > 0) || tNorm.total <= 0) return;
    this.m[this.L.comp(s, c)]! += mass;
    const shape = tNorm.normalised();
    const list = this.shapes[c]!;
    const i = list.indexOf(shape);
    if (i >= 0) this.weights[c]![i]! += mass;
    else {
      list.push(shape);
      this.weights[c]!.push(mass);
    }
  }

  /** Add a phase (normalised, or null for spread evenly / implicit) for `mass` of the packet. */
  addPhase(ph: Phase | null, mass: number): void {
    if (!(mass > 0)) return;
    this.phMass += mass;
    if (ph === null) {
      if (this.ph !== null) addPhase(this.ph, uniformPhase(), mass);
      else this.pendingImplicit += mass;
      return;
    }
    if (this.ph === null) {
      this.ph = new Float64Array(ph.length);
      if (this.pendingImplicit > 0) addPhase(this.ph, uniformPhase(), this.pendingImplicit);
    }
    addPhase(this.ph, ph, mass);
  }
  private pendingImplicit = 0;

  get total(): number {
    return sumOf(this.m);
  }

  build(): Packet {
    return { m: this.m, t: this.shapes.map((l, c) => TimeDist.weightedMix(l, this.weights[c]!)), ph: this.ph };
  }
}

/** Shared state of one estimate: the expanded graph, caches and notes. */
export class Flow {
  readonly g: FlowGraph;
  readonly core: GraphCore;
  readonly opts: FlowOptions;
  readonly notes = new Map<string, FlowNote>();
  private readonly joinMemo = new Map<string, number>();
  private readonly subMemo: Map<string, RegionResult>;
  /** Branch sub-flows with no person in them, which no gate model changes: shared by the flows of one estimate. */
  readonly gateFreeSubs: Map<string, RegionResult>;
  private readonly gateFree = new Map<string, boolean>();
  private readonly hasTimeoutEdge: Uint8Array;
  /** Base nodes from which a human gate can be reached (itself included): only there the time of week matters. */
  readonly gateAhead: Uint8Array;
  private readonly phaseIds = new WeakMap<Phase, number>();
  private nextPhaseId = 1;
  /** Expanded copies of each base node. */
  readonly copies: number[][];
  /** The classes of mass (steps inside loops get a wrongness of their own). */
  readonly L: Layout;
  /** Each base node's strongly connected component over the expanded graph's edges (its loop, if any). */
  readonly compOf: Int32Array;
  /** 1 for base nodes inside a loop. */
  readonly inLoop: Uint8Array;

  constructor(core: GraphCore, opts: FlowOptions = {}, g: FlowGraph = buildFlowGraph(core), gateFreeSubs = new Map<string, RegionResult>()) {
    this.core = core;
    this.g = g;
    this.opts = opts;
    this.subMemo = new Map();
    this.gateFreeSubs = gateFreeSubs;
    this.gateAhead = new Uint8Array(core.size);
    const stack: number[] = [];
    core.nodes.forEach((n, v) => {
      if (n.kind === 'human') {
        this.gateAhead[v] = 1;
        stack.push(v);
      }
    });
    const into: number[][] = Array.from({ length: core.size }, () => []);
    g.out.forEach((edges, x) => {
      for (const e of edges) into[g.base[e.target]!]!.push(g.base[x]!);
    });
    while (stack.length > 0) {
      for (const u of into[stack.pop()!]!) {
        if (this.gateAhead[u] === 0) {
          this.gateAhead[u] = 1;
          stack.push(u);
        }
      }
    }
    this.hasTimeoutEdge = new Uint8Array(core.size);
    core.edges.forEach((e, k) => {
      if (e.sourcePort === 'timeout') this.hasTimeoutEdge[core.edgeSource[k]!] = 1;
    });
    const loops = loopSteps(core, g);
    this.compOf = loops.compOf;
    this.inLoop = loops.inLoop;
    this.L = new Layout(loops.steps, loops.compOf);
    this.copies = Array.from({ length: core.size }, () => []);
    g.base.forEach((b, x) => this.copies[b]!.push(x));
    if (g.truncated) this.note('state-space', 'the design has too many visit counters and re-ask budgets to follow exactly; loops are estimated without them');
  }

  note(code: string, message: string, nodeId?: string): void {
    const key = `${code}|${nodeId ?? ''}`;
    if (!this.notes.has(key)) this.notes.set(key, nodeId === undefined ? { code, message } : { code, message, nodeId });
  }

  /**
   * Run the whole case: from the first trigger to every end.
   * @example new Flow(core).run().ends.rank[0] // success
   */
  run(): RegionResult {
    if (this.g.start < 0) return { atStop: null, ends: newEnds(), sums: newSums(this.core.size), visitTime: new Map(), costTime: new Map() };
    const L = this.L;
    const m = new Float64Array(L.comps);
    const start = L.cls(0, T_N);
    m[L.comp(0, start)] = 1;
    const t = emptyTimes(L.classes);
    t[start] = TimeDist.point(0);
    return new Region(this, [{ node: this.g.start, via: -1, packet: { m, t, ph: null } }], -1, false, true).run();
  }

  /** The case's phase for a packet: explicit, or the arrivals' phase moved on by its elapsed time (null: even). */
  phaseOf(p: Packet): Phase | null {
    if (p.ph) {
      const tot = phaseTotal(p.ph);
      return tot > 0 ? scalePhase(p.ph, 1 / tot) : null;
    }
    return this.phaseOfTime(mixedTime(p));
  }

  /** The arrivals' phase moved on by an elapsed time (null: arrivals spread evenly, so the phase is too). */
  phaseOfTime(elapsed: TimeDist): Phase | null {
    const a = this.opts.arrivalPhase;
    if (!a || elapsed.total <= 0) return a ?? null;
    const out = shiftPhase(a, elapsed.normalised());
    const tot = phaseTotal(out);
    return tot > 0 ? scalePhase(out, 1 / tot) : null;
  }

  /**
   * The join that closes a split's group (EG node), or -1 when no branch reaches one. In the engine a branch
   * token parks at the first `all` or `first` join it reaches (an `any` join lets it through), and a nested
   * split's tokens belong to the nested group until their own join merges them, so the walk counts split levels.
   * Branches that end elsewhere are simply not waited for; two different joins for one group cannot fire
   * together (the estimate says so).
   */
  joinOf(x: number, edges: readonly EgEdge[]): number {
    const key = `${x}|${edges.map((e) => e.target).join(',')}`;
    const hit = this.joinMemo.get(key);
    if (hit !== undefined) return hit;
    // Joins by base node: the expanded state (a confidence's source, a last producer) may differ by branch.
    const found = new Map<number, { depth: number; copies: Set<number> }>();
    for (const e of edges) {
      const seen = new Set<string>();
      const queue: [number, number, number][] = [[e.target, 0, 0]];
      for (let h = 0; h < queue.length && queue.length < 20000; h++) {
        const [y, level, depth] = queue[h]!;
        const k = `${y}|${level}`;
        if (seen.has(k) || y === x) continue;
        seen.add(k);
        const b = this.g.base[y]!;
        const node = this.core.node(b);
        let next = level;
        if (node.kind === 'join' && node.config.mode !== 'any') {
          if (level === 0) {
            const f = found.get(b);
            if (f) {
              f.depth = Math.min(f.depth, depth);
              f.copies.add(y);
            } else found.set(b, { depth, copies: new Set([y]) });
            continue;
          }
          next = level - 1;
        }
        const outs = this.g.out[y]!;
        const splits = splitEdges(node, outs);
        for (const o of outs) {
          const lv = splits.has(o) ? next + 1 : next;
          if (lv <= 8) queue.push([o.target, lv, depth + 1]);
        }
      }
    }
    let best = -1;
    let bestDepth = Infinity;
    let bestCopies = new Set<number>();
    for (const [b, f] of found) {
      if (f.depth < bestDepth || (f.depth === bestDepth && b < best)) {
        best = b;
        bestDepth = f.depth;
        bestCopies = f.copies;
      }
    }
    if (found.size > 1) this.note('split-joins', 'the branches of a parallel split reach different joins, which the simulator can never fire together', this.core.node(this.g.base[x]!).id);
    // The merged item goes on in one state: the split's own confidence source where a branch keeps it.
    let target = -1;
    for (const y of bestCopies) {
      if (target < 0 || this.g.confSource[y] === this.g.confSource[x]) target = y;
    }
    if (new Set([...bestCopies].map((y) => this.g.confSource[y])).size > 1) {
      this.note('join-confidence', 'branches bring confidences from different steps to a join whose confidence is read later; the estimate keeps one', this.core.node(best).id);
    }
    this.joinMemo.set(key, target);
    return target;
  }

  /** A branch's sub-flow for a unit of one class from a split at phase `ph` (memoised: linear in the inflow). */
  sub(target: number, via: number, stop: number, cls: number, ph: Phase | null): RegionResult {
    // A branch with no person before its join never reads the time of the week, nor changes with the gates' models.
    const free = this.gateFreeBetween(target, stop);
    let pid = 0;
    if (ph && !free) {
      pid = this.phaseIds.get(ph) ?? 0;
      if (pid === 0) {
        pid = this.nextPhaseId++;
        this.phaseIds.set(ph, pid);
      }
    }
    const key = `${target}|${via}|${stop}|${cls}|${pid}`;
    const memo = free ? this.gateFreeSubs : this.subMemo;
    let r = memo.get(key);
    if (!r) {
      // A split whose branch leads back to the same split (a fan-out inside a loop, common in imported n8n
      // designs) would open sub-flows without end: past MAX_NESTING the estimate stops and says why.
      if (++this.nesting > MAX_NESTING) throw new EstimateDeclined('parallel branches open inside one another without end (a fan-out inside a loop); run the simulator for this figure');
      try {
        const m = new Float64Array(this.L.comps);
        m[this.L.comp(0, cls)] = 1;
        const t = emptyTimes(this.L.classes);
        t[cls] = TimeDist.point(0);
        r = new Region(this, [{ node: target, via, packet: { m, t, ph: free ? null : ph } }], stop, true).run();
      } finally {
        this.nesting--;
      }
      memo.set(key, r);
    }
    return r;
  }

  /** Sub-flows open at the moment (a branch's sub-flow inside another's). */
  private nesting = 0;

  /** Whether no human gate lies on the expanded graph from `target` before `stop` (-1: anywhere after it). */
  private gateFreeBetween(target: number, stop: number): boolean {
    const key = `${target}|${stop}`;
    let free = this.gateFree.get(key);
    if (free === undefined) {
      free = true;
      const seen = new Set<number>([target]);
      const todo = [target];
      while (todo.length > 0 && free) {
        const x = todo.pop()!;
        if (x === stop) continue;
        if (this.core.node(this.g.base[x]!).kind === 'human') free = false;
        for (const e of this.g.out[x]!) {
          if (!seen.has(e.target)) {
            seen.add(e.target);
            todo.push(e.target);
          }
        }
      }
      this.gateFree.set(key, free);
    }
    return free;
  }

  hasTimeout(v: number): boolean {
    return this.hasTimeoutEdge[v] === 1;
  }
}

/**
 * Steps that may run again for the same case (inside a loop, re-ask edges included): each gets a class of
 * wrongness, since running again clears the wrong item it made.
 */
function loopSteps(core: GraphCore, g: FlowGraph): { steps: number[]; compOf: Int32Array; inLoop: Uint8Array } {
  const n = core.size;
  const pairs: [number, number, number][] = [];
  g.out.forEach((edges, x) => {
    for (const e of edges) pairs.push([g.base[x]!, g.base[e.target]!, 0]);
  });
  const scc = tarjan(n, buildCsr(n, pairs));
  const steps: number[] = [];
  for (let v = 0; v < n; v++) {
    const kind = core.node(v).kind;
    if ((kind === 'ai' || kind === 'tool' || kind === 'data') && scc.cyclic[scc.compOf[v]!] === 1) steps.push(v);
  }
  const compOf = Int32Array.from({ length: n }, (_, v) => scc.compOf[v]!);
  return { steps, compOf, inLoop: Uint8Array.from(compOf, (c) => scc.cyclic[c]!) };
}

/** The edges of a node that split a case into parallel branches (several edges out of one port, a parallel or inclusive router). */
function splitEdges(node: WorkflowNode, outs: readonly EgEdge[]): Set<EgEdge> {
  if (node.kind === 'router') return node.config.mode === 'exclusive' || outs.length < 2 ? new Set() : new Set(outs);
  // Edges of one port for different confidence pieces are alternatives, not branches.
  const byPort = new Map<string, EgEdge[]>();
  for (const e of outs) {
    if (e.port === 'reask') continue;
    const key = `${e.port}|${e.piece}`;
    const l = byPort.get(key);
    if (l) l.push(e);
    else byPort.set(key, [e]);
  }
  const out = new Set<EgEdge>();
  for (const l of byPort.values()) if (l.length > 1) for (const e of l) out.add(e);
  return out;
}

interface Start {
  readonly node: number;
  /** Expanded node the mass comes from (-1: none). */
  readonly via: number;
  readonly packet: Packet;
}

/** A region edge: an expanded edge, or a block's macro edge from a split to its join. */
interface REdge {
  readonly from: number;
  readonly to: number;
  /** Index into g.out[from] for plain edges, -1 for a macro edge. */
  readonly eg: number;
}

interface EdgeState {
  m: Float64Array;
  t: TimeDist[];
  ph: Phase | null;
}

function emptyEdge(L: Layout): EdgeState {
  return { m: new Float64Array(L.comps), t: emptyTimes(L.classes), ph: null };
}

/** One sub-flow: nodes reachable from its starts, stopping at `stop` (a block's join) and at ends. */
class Region {
  private readonly f: Flow;
  private readonly L: Layout;
  private readonly starts: readonly Start[];
  private readonly stop: number;
  private readonly local = new Map<number, number>();
  private readonly nodes: number[] = [];
  private readonly edges: REdge[] = [];
  private readonly outOf: number[][] = [];
  private readonly inOf: number[][] = [];
  /** The macro edge of a split, by local node and split key. */
  private readonly macro = new Map<string, number>();
  private es: EdgeState[] = [];
  private ends: Ends[] = [];
  private sums: Map<number, [number, number, number, number]>[] = [];
  private gateArr: Map<number, Phase>[] = [];
  private visitT: TimeDist[] = [];
  private costT: Map<number, TimeDist>[] = [];
  private readonly injected: { p: Packet; via: number }[] = [];

  constructor(f: Flow, starts: readonly Start[], stop: number, trackCost = false, top = false) {
    this.f = f;
    this.top = top;
    this.L = f.L;
    this.starts = starts;
    this.stop = stop;
    this.trackCost = trackCost;
    // Every expanded copy of the join is the stop (branches may reach it in different states).
    this.stops = new Set(stop >= 0 ? f.copies[f.g.base[stop]!] : []);
  }
  private readonly stops: Set<number>;
  /** The whole case's region (not a branch's sub-flow). */
  private readonly top: boolean;
  /** A branch's region keeps when costs are spent (a cancelled branch does not pay for what it never starts). */
  private readonly trackCost: boolean;

  private add(x: number): number {
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

  private link(from: number, to: number, eg: number): number {
    const id = this.edges.length;
    const a = this.add(from);
    const b = this.add(to);
    this.edges.push({ from: a, to: b, eg });
    this.outOf[a]!.push(id);
    this.inOf[b]!.push(id);
    return id;
  }

  private nodeOf(x: number): WorkflowNode {
    return this.f.core.node(this.f.g.base[x]!);
  }

  private splitKey(edges: readonly EgEdge[]): string {
    return edges.map((e) => `${e.baseEdge}>${e.target}`).join(',');
  }

  /** Discover the region: plain edges, and a macro edge from each split to the join that closes its group. */
  private discover(): void {
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
    this.es = this.edges.map(() => emptyEdge(this.L));
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
  private settle(members: readonly number[], stopLocal: ReadonlySet<number>): void {
    // Breadth-first from the nodes fed from outside, so one sweep carries mass around the loop once.
    const inComp = new Set(members);
    const order: number[] = [];
    const seen = new Set<number>();
    const entries = members.filter((v) => this.inOf[v]!.some((e) => !inComp.has(this.edges[e]!.from)) || sumOf(this.injected[v]!.p.m) > 0);
    const q = entries.length > 0 ? entries.slice() : [members[0]!];
    for (const v of q) seen.add(v);
    for (let h = 0; h < q.length; h++) {
      const v = q[h]!;
      order.push(v);
      for (const e of this.outOf[v]!) {
        const w = this.edges[e]!.to;
        if (inComp.has(w) && !seen.has(w)) {
          seen.add(w);
          q.push(w);
        }
      }
    }
    for (const v of members) if (!seen.has(v)) order.push(v);
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
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      let change = 0;
      for (const v of order) {
        if (stopLocal.has(v)) continue;
        const d = this.process(v, guard * external);
        if (d > change) change = d;
      }
      if (change < SETTLED) return;
    }
    this.f.note('loop', 'a loop did not settle within the sweeps; its visits are cut short');
  }

  private collect(stopLocal: ReadonlySet<number>): RegionResult {
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
  private merge(ps: readonly Packet[]): Packet {
    const m = new Float64Array(this.L.comps);
    const parts: TimeDist[][] = Array.from({ length: this.L.classes }, () => []);
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

  private addSums(v: number, base: number, visits: number, cost: number, failed: number, human: number): void {
    const map = this.sums[v]!;
    const prev = map.get(base);
    if (prev) {
      prev[0] += visits;
      prev[1] += cost;
      prev[2] += failed;
      prev[3] += human;
    } else map.set(base, [visits, cost, failed, human]);
  }

  private addCostTime(v: number, base: number, d: TimeDist): void {
    const map = this.costT[v]!;
    const prev = map.get(base);
    map.set(base, prev ? TimeDist.mix([prev, d]) : d);
  }

  private addGateArrival(v: number, base: number, ph: Phase, k: number): void {
    const map = this.gateArr[v]!;
    const prev = map.get(base);
    if (prev) addPhase(prev, ph, k);
    else map.set(base, scalePhase(ph, k));
  }

  /** Process local node v: gather its inflow, emit its outflow. Returns the largest change of an out edge's mass. */
  private process(v: number, cap = Infinity): number {
    // A visit's own bookkeeping (gathering and merging every class's packets) is work too, beside the
    // convolutions time-dist.ts counts: a loop swept hundreds of times over many classes costs it.
    spend(PROCESS_WORK * this.L.classes * (1 + this.inOf[v]!.length + this.outOf[v]!.length));
    const x = this.nodes[v]!;
    const base = this.f.g.base[x]!;
    const node = this.f.core.node(base);
    const before = this.outOf[v]!.map((e) => sumOf(this.es[e]!.m));
    for (const e of this.outOf[v]!) this.es[e] = emptyEdge(this.L);
    this.ends[v] = newEnds();
    this.sums[v] = new Map();
    this.gateArr[v] = new Map();
    this.costT[v] = new Map();
    // Gather, by class. A step that runs again clears the wrong item it made itself: that mass comes in correct.
    const L = this.L;
    const producer = node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data';
    const selfKind = producer ? L.kindOf.get(base) : undefined;
    const m = new Float64Array(L.comps);
    const parts: TimeDist[][] = Array.from({ length: L.classes }, () => []);
    const incoming: Packet[] = [];
    const comp = this.f.compOf[base]!;
    // from: the base node the packet comes from (-1: a region's entry, which keeps the classes it has).
    const gather = (p: Packet, from: number): void => {
      if (sumOf(p.m) <= 0) return;
      incoming.push(p);
      // Coming from outside this node's loop, an item wrong by a loop step stays wrong for good.
      const leftLoop = from >= 0 && this.f.compOf[from] !== comp;
      for (let c = 0; c < L.classes; c++) {
        const t = L.conf(c);
        const k = L.kind(c);
        const to = k >= 2 && leftLoop ? L.cls(1, t) : selfKind !== undefined && k === selfKind ? L.cls(0, t === T_W ? T_C : t) : c;
        let mass = 0;
        for (let s = 0; s < SEVS; s++) {
          const val = p.m[L.comp(s, c)]!;
          m[L.comp(s, to)]! += val;
          mass += val;
        }
        if (mass > 0 && p.t[c]!.total > 0) parts[to]!.push(p.t[c]!);
      }
    };
    const via = this.injected[v]!.via;
    gather(this.injected[v]!.p, via >= 0 ? this.f.g.base[via]! : -1);
    for (const e of this.inOf[v]!) gather(this.es[e]!, this.f.g.base[this.nodes[this.edges[e]!.from]!]!);
    let total = sumOf(m);
    let scale = 1;
    if (total > cap && total > 0) {
      scale = cap / total;
      for (let i = 0; i < m.length; i++) m[i]! *= scale;
      total = cap;
    }
    let times = parts.map((l) => (l.length > 0 ? TimeDist.mix(l).scaled(scale) : TimeDist.EMPTY));
    const all = TimeDist.mix(times);
    // Classes with a small share of the mass take the node's overall time shape: their own shape hardly moves a
    // quantile, and shared shapes are convolved once (each distinct shape costs a convolution per port).
    if (times.filter((d) => d.total > 0).length > 1) {
      const share = all.total > 0 ? 1 / all.total : 0;
      times = times.map((d) => (d.total > 0 && d.total * share < SMALL_CLASS ? all.normalised().scaled(d.total) : d));
    }
    this.visitT[v] = all;
    if (total <= 0) return Math.max(0, ...before);
    this.addSums(v, base, total, 0, 0, 0);
    // The phase is carried explicitly once any inflow carries it (after a calendar, or in a branch).
    // No gate ahead: nothing will read the time of the week again, so it is no longer carried.
    const explicit = this.f.gateAhead[base] === 1 && incoming.some((p) => p.ph !== null && sumOf(p.m) > 0);
    let phIn: Phase | null = null;
    if (explicit) {
      const acc = new Float64Array(uniformPhase().length);
      for (const p of incoming) {
        const mass = sumOf(p.m);
        if (mass > 0) addPhase(acc, p.ph ?? this.f.phaseOf(p) ?? uniformPhase(), p.ph ? 1 : mass);
      }
      const tot = phaseTotal(acc);
      phIn = tot > 0 ? scalePhase(acc, 1 / tot) : null;
    }
    const input: Input = { m, times, total, phIn, explicit };
    switch (node.kind) {
      case 'trigger':
      case 'join':
        this.emitPort(v, 'out', this.passThrough(input));
        break;
      case 'ai':
      case 'tool':
      case 'data':
        this.processStep(v, node, input);
        break;
      case 'loop':
        this.processLoop(v, node, input);
        break;
      case 'check':
        this.processCheck(v, node, input);
        break;
      case 'human':
        this.processHuman(v, node, input);
        break;
      case 'router':
        this.processRouter(v, node, input);
        break;
      case 'output': {
        const outcome = OUTCOME_SEVERITY[node.config.outcome];
        const ends = this.ends[v]!;
        for (let s = 0; s < SEVS; s++) {
          for (let c = 0; c < this.L.classes; c++) {
            const val = m[this.L.comp(s, c)]!;
            if (val <= 0) continue;
            const r = Math.max(s, outcome);
            ends.rank[r]! += val;
            if (r === 0 && this.L.isWrong(c)) ends.silent += val;
          }
        }
        ends.endTime = TimeDist.mix(times);
        break;
      }
      case 'note':
        break;
    }
    let change = 0;
    this.outOf[v]!.forEach((e, i) => {
      const d = Math.abs(sumOf(this.es[e]!.m) - (before[i] ?? 0));
      if (d > change) change = d;
    });
    return change;
  }

  /** The inflow unchanged (no time, no decision), as a packet. */
  private passThrough(inp: Input, keep = 1): Packet {
    const b = new PacketBuilder(this.L);
    for (let s = 0; s < SEVS; s++)
      for (let c = 0; c < this.L.classes; c++) {
        const val = inp.m[this.L.comp(s, c)]! * keep;
        if (val > 0) b.add(s, c, val, inp.times[c]!);
      }
    if (inp.explicit) b.addPhase(inp.phIn, b.total);
    return b.build();
  }

  private endAbort(v: number, failed: boolean, mass: number, t: TimeDist): void {
    if (!(mass > 0)) return;
    const ends = this.ends[v]!;
    if (failed) ends.failed += mass;
    else ends.stuck += mass;
    ends.abortTime = TimeDist.mix([ends.abortTime, t.total > 0 ? t.scaled(mass / t.total) : TimeDist.point(0, mass)]);
    if (failed) this.addSums(v, this.f.g.base[this.nodes[v]!]!, 0, 0, mass, 0);
  }

  /** Send a packet out of a port: one edge, a split (block), or none (a dead end: stuck; an unhandled error: failed). */
  private emitPort(v: number, port: string, p: Packet, piece?: number): void {
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
  private put(v: number, k: number, p: Packet, macroId = -1): void {
    const e = macroId >= 0 ? macroId : this.outOf[v]!.find((id) => this.edges[id]!.eg === k);
    if (e === undefined) return;
    const st = this.es[e]!;
    const merged = this.merge([st, p]);
    this.es[e] = { m: merged.m, t: merged.t.slice(), ph: merged.ph };
  }

  /**
   * A for-each loop as a geometric split: each visit goes round the body again (`each`) with q = P / (P + 1), so a
   * case makes P passes on average before it leaves by `done`. Cost and visits are exact in expectation; success
   * and cycle time take the geometric count for the simulator's fixed one (said in the approximations).
   */
  private processLoop(v: number, node: Extract<WorkflowNode, { kind: 'loop' }>, inp: Input): void {
    const passes = loopPassesOf(node);
    const q = passes / (passes + 1);
    if (passes > 1) this.f.note('loop-passes', `the for-each's ${Math.round(passes * 10) / 10} passes are taken as a geometric count with that mean: success and cycle time are approximate`, node.id);
    if (q > 0) this.emitPort(v, 'each', this.passThrough(inp, q));
    if (q < 1) this.emitPort(v, 'done', this.passThrough(inp, 1 - q));
  }

  private processStep(v: number, node: TryingNode, inp: Input): void {
    const base = this.f.g.base[this.nodes[v]!]!;
    const regimes = this.f.opts.faults?.(node) ?? NO_REGIME;
    const hasConf = node.kind === 'ai' && node.stub?.confidence !== undefined;
    const L = this.L;
    for (const regime of regimes) {
      if (regime.share <= 0) continue;
      const sv = stepOf(node, regime.faults);
      const w = regime.share;
      this.addSums(v, base, 0, inp.total * w * sv.cost, 0, 0);
      // Branches may be cancelled part-way: keep when the tries (and their cost) happen.
      if (this.trackCost && sv.cost > 0 && sv.tryStarts.total > 0) {
        const when = TimeDist.mix(inp.times).normalised().plus(sv.tryStarts.normalised()).scaled(inp.total * w * sv.cost);
        this.addCostTime(v, base, when);
      }
      const pOk = sv.ok.p;
      const pWrong = sv.wrong.p;
      const outTime = TimeDist.mix([sv.ok.time, sv.wrong.time]).normalised();
      const out = new PacketBuilder(this.L);
      const caught = [...sv.caught].map(([port, exit]) => ({ port, exit, b: new PacketBuilder(this.L), tn: exit.time.normalised() }));
      const failParts: TimeDist[] = [];
      let failedMass = 0;
      // Items this step makes wrong: wrong by it (a class of its own inside a loop, where it may run again).
      const madeWrong = L.kindOf.get(base) ?? 1;
      for (let c = 0; c < L.classes; c++) {
        let classMass = 0;
        for (let s = 0; s < SEVS; s++) classMass += inp.m[L.comp(s, c)]!;
        if (classMass <= 0) continue;
        const tIn = inp.times[c]!.normalised();
        const tOut = pOk + pWrong > 0 ? tIn.plus(outTime) : TimeDist.EMPTY;
        const t = L.conf(c);
        // Correct: drawn anew. Wrong from before: stays wrong (by whom it was). The confidence is this step's draw
        // when it reports one, else the one the case had.
        const wrongBefore = L.isWrong(c);
        const okCls = wrongBefore ? L.cls(L.kind(c), hasConf ? T_C : t) : L.cls(0, hasConf ? T_C : t === T_W ? T_C : t);
        const wrongCls = wrongBefore ? L.cls(L.kind(c), hasConf ? T_W : t) : L.cls(madeWrong, hasConf ? T_W : t);
        for (let s = 0; s < SEVS; s++) {
          const val = inp.m[L.comp(s, c)]! * w;
          if (val <= 0) continue;
          out.add(s, okCls, val * pOk, tOut);
          out.add(s, wrongCls, val * pWrong, tOut);
          // A caught error leaves with the item as it came.
          for (const k of caught) k.b.add(s, c, val * k.exit.p, tIn.plus(k.tn));
        }
        if (sv.failed.p > 0) {
          failedMass += classMass * w * sv.failed.p;
          failParts.push(tIn.plus(sv.failed.time.normalised()).scaled(classMass * w * sv.failed.p));
        }
      }
      if (inp.explicit) {
        out.addPhase(inp.phIn ? shiftPhase(inp.phIn, outTime) : null, out.total);
        for (const k of caught) k.b.addPhase(inp.phIn ? shiftPhase(inp.phIn, k.tn) : null, k.b.total);
      }
      this.emitPort(v, 'out', out.build());
      for (const k of caught) this.emitPort(v, k.port, k.b.build());
      if (failedMass > 0) this.endAbort(v, true, failedMass, TimeDist.mix(failParts));
    }
  }

  /** The confidence law a class carries at a node: its source step's correct or wrong confidence. */
  private confidence(v: number, cls: number): { law: RouteValues['confidence']; unknown: boolean } {
    const t = this.L.conf(cls);
    if (t === T_N) return { law: undefined, unknown: false };
    const src = this.f.g.confSource[this.nodes[v]!]!;
    if (src < 0) return { law: undefined, unknown: false };
    const producer = this.f.core.node(src);
    const conf = producer.kind === 'ai' ? producer.stub?.confidence : undefined;
    if (!conf) return { law: undefined, unknown: false };
    return { law: t === T_W ? conf.wrong : conf.correct, unknown: false };
  }

  /**
   * How a class's mass lies over the confidence pieces at a reader: one entry per piece it may be in, with its
   * share and the confidence law to evaluate there (a point inside the piece: every test is certain within it).
   * Mass with no confidence (or at a node that reads none) is one entry, piece -1, with no law.
   */
  private piecesOf(v: number, cls: number): { piece: number; w: number; law: RouteValues['confidence'] }[] {
    const x = this.nodes[v]!;
    const conf = this.confidence(v, cls);
    if (this.f.g.readers[this.f.g.base[x]!] !== 1 || conf.law === undefined) return [{ piece: -1, w: 1, law: conf.law }];
    const P = this.f.g.pieces;
    const known = this.f.g.piece[x]!;
    if (known >= 0) return [{ piece: known, w: 1, law: { type: 'fixed', value: P.rep[known]! } }];
    const law = conf.law;
    // conf = min(draw, 1): P(piece) from the law's CDF, a piece's atom only where the law has one.
    const cdf = (y: number): number => (y >= 1 ? 1 : distributionCdf(law, y));
    const below = (y: number): number => distributionCdf(law, y - 1e-12);
    const out: { piece: number; w: number; law: RouteValues['confidence'] }[] = [];
    for (let q = 0; q < P.rep.length; q++) {
      const w = P.atom[q] ? (P.hi[q]! >= 1 ? 1 - below(1) : cdf(P.lo[q]!) - below(P.lo[q]!)) : (P.hi[q]! >= 1 ? below(1) : below(P.hi[q]!)) - (q === 0 ? 0 : cdf(P.lo[q]!));
      if (w > 1e-15) out.push({ piece: q, w, law: { type: 'fixed', value: P.rep[q]! } });
    }
    return out;
  }

  private processCheck(v: number, node: Extract<WorkflowNode, { kind: 'check' }>, inp: Input): void {
    const base = this.f.g.base[this.nodes[v]!]!;
    const cm = checkOf(node);
    this.addSums(v, base, 0, inp.total * cm.cost, 0, 0);
    if (this.trackCost && cm.cost > 0) this.addCostTime(v, base, TimeDist.mix(inp.times).normalised().scaled(inp.total * cm.cost));
    const x = this.nodes[v]!;
    const reader = this.f.g.readers[base] === 1;
    // Per piece (or -1): what passes and what fails.
    const pass = new Map<number, PacketBuilder>();
    const fail = new Map<number, PacketBuilder>();
    const builder = (m: Map<number, PacketBuilder>, q: number): PacketBuilder => {
      let b = m.get(q);
      if (!b) {
        b = new PacketBuilder(this.L);
        m.set(q, b);
      }
      return b;
    };
    const latency = cm.time.normalised();
    for (let c = 0; c < this.L.classes; c++) {
      let classMass = 0;
      for (let s = 0; s < SEVS; s++) classMass += inp.m[this.L.comp(s, c)]!;
      if (classMass <= 0) continue;
      const tOut = inp.times[c]!.normalised().plus(latency);
      const parts = reader ? this.piecesOf(v, c) : [{ piece: -1, w: 1, law: undefined }];
      for (const part of parts) {
        // A threshold check reads the confidence when the case has one (its law here); otherwise the shared rule
        // (a sample audit sends its share whatever the item's correctness).
        let failP: number;
        if (cm.threshold !== undefined && part.law !== undefined) failP = cm.threshold > 1 ? 1 : distributionCdf(part.law, cm.threshold - 1e-12);
        else failP = failProbability({ ...cm.stub, type: node.config.type, sampleRate: node.config.sampleRate }, { wrong: this.L.isWrong(c) });
        for (let s = 0; s < SEVS; s++) {
          const val = inp.m[this.L.comp(s, c)]! * part.w;
          builder(pass, part.piece).add(s, c, val * (1 - failP), tOut);
          builder(fail, part.piece).add(s, c, val * failP, tOut);
        }
      }
    }
    const ph = inp.phIn ? shiftPhase(inp.phIn, latency) : null;
    if (inp.explicit) for (const b of [...pass.values(), ...fail.values()]) b.addPhase(ph, b.total);
    const reask = reasksOnFail(node.config) ? this.f.g.out[x]!.findIndex((e) => e.port === 'reask') : -1;
    if (reasksOnFail(node.config) && this.f.g.reaskTarget[base] === MIXED) {
      this.f.note('reask-target', 'a re-asking check may send items back to different steps depending on the path; the estimate routes its failures to the fail port', node.id);
    }
    for (const [q, b] of pass) this.emitPort(v, 'pass', b.build(), reader ? q : undefined);
    for (const [q, b] of fail) {
      // A re-ask sends the item back to be produced again (its confidence drawn anew): one edge for all of it.
      if (reask >= 0) this.put(v, reask, b.build());
      else this.emitPort(v, 'fail', b.build(), reader ? q : undefined);
    }
  }

  private processHuman(v: number, node: Extract<WorkflowNode, { kind: 'human' }>, inp: Input): void {
    const base = this.f.g.base[this.nodes[v]!]!;
    const h = humanOf(node, this.f.hasTimeout(base));
    // Arrivals by time of the week, for the gate models (queueing and calendar).
    const phAt = inp.explicit ? inp.phIn : this.f.phaseOfTime(TimeDist.mix(inp.times));
    this.addGateArrival(v, base, phAt ?? uniformPhase(), inp.total);
    const whole = this.top && this.f.inLoop[base] === 0 && this.f.copies[base]!.length === 1;
    const model = this.f.opts.gate?.(node, base, h, this.top ? scalePhase(phAt ?? uniformPhase(), inp.total) : null, whole);
    const o: GateOutcome = model
      ? model.apply(phAt)
      : { timeoutShare: 0, timeoutDelay: TimeDist.EMPTY, servedDelay: h.service.normalised(), phServed: phAt ? shiftPhase(phAt, h.service.normalised()) : null, phTimeout: null };
    const served = 1 - o.timeoutShare;
    const explicit = inp.explicit || o.phServed !== null || o.phTimeout !== null;
    if (o.timeoutShare > 0) {
      const tb = new PacketBuilder(this.L);
      for (let c = 0; c < this.L.classes; c++) {
        const tOut = inp.times[c]!.total > 0 ? inp.times[c]!.normalised().plus(o.timeoutDelay) : TimeDist.EMPTY;
        for (let s = 0; s < SEVS; s++) tb.add(s, c, inp.m[this.L.comp(s, c)]! * o.timeoutShare, tOut);
      }
      if (explicit) tb.addPhase(o.phTimeout, tb.total);
      this.emitPort(v, 'timeout', tb.build());
    }
    if (served <= 0) return;
    this.addSums(v, base, 0, inp.total * served * h.meanService * h.costPerSecond, 0, inp.total * served * h.meanService);
    if (this.trackCost && h.costPerSecond > 0) this.addCostTime(v, base, TimeDist.mix(inp.times).normalised().scaled(inp.total * served * h.meanService * h.costPerSecond));
    // Services cut at startToClose leave by timeout; the rest is decided.
    const [a, r, rv] = h.decide;
    const caught = r + rv > 0 ? r / (r + rv) : 1;
    const cut = new PacketBuilder(this.L);
    const ports: [string, PacketBuilder][] = [
      ['approve', new PacketBuilder(this.L)],
      ['reject', new PacketBuilder(this.L)],
      ['revise', new PacketBuilder(this.L)],
    ];
    for (let c = 0; c < this.L.classes; c++) {
      if (inp.times[c]!.total <= 0) continue;
      const tOut = inp.times[c]!.normalised().plus(o.servedDelay);
      for (let s = 0; s < SEVS; s++) {
        const val = inp.m[this.L.comp(s, c)]! * served;
        if (val <= 0) continue;
        cut.add(s, c, val * h.cutShare, tOut);
        const d = val * (1 - h.cutShare);
        if (this.L.isWrong(c)) {
          ports[0]![1].add(s, c, d * (1 - h.detection), tOut);
          ports[1]![1].add(s, c, d * h.detection * caught, tOut);
          ports[2]![1].add(s, c, d * h.detection * (1 - caught), tOut);
        } else {
          ports[0]![1].add(s, c, d * a, tOut);
          ports[1]![1].add(s, c, d * r, tOut);
          ports[2]![1].add(s, c, d * rv, tOut);
        }
      }
    }
    if (explicit) {
      cut.addPhase(o.phServed, cut.total);
      for (const [, b] of ports) b.addPhase(o.phServed, b.total);
    }
    if (cut.total > 0) this.emitPort(v, 'timeout', cut.build());
    for (const [port, b] of ports) this.emitPort(v, port, b.build());
  }

  private processRouter(v: number, node: Extract<WorkflowNode, { kind: 'router' }>, inp: Input): void {
    const x = this.nodes[v]!;
    const outs = this.f.g.out[x]!;
    if (node.config.mode === 'parallel') {
      const p = this.passThrough(inp);
      if (outs.length === 0) this.endAbort(v, false, inp.total, mixedTime(p));
      else if (outs.length === 1) this.put(v, 0, p);
      else this.block(v, outs, this.splitKey(outs), p);
      return;
    }
    // The router's own edges (one per base edge; a reader has a copy per confidence piece).
    const baseIds: number[] = [];
    for (const e of outs) if (!baseIds.includes(e.baseEdge)) baseIds.push(e.baseEdge);
    const edges: WorkflowEdge[] = baseIds.map((b) => this.f.core.edges[b]!);
    const ctr = this.f.g.counters.findIndex((c) => c.kind === 'visits' && c.node === this.f.g.base[x]);
    const visits = ctr >= 0 ? this.f.g.ctx[x]![ctr] : undefined;
    const reader = this.f.g.readers[this.f.g.base[x]!] === 1;
    const edgeFor = (j: number, piece: number): number => outs.findIndex((e) => e.baseEdge === baseIds[j] && (!reader || e.piece === piece));
    const perEdge = new Map<number, PacketBuilder>();
    const multi = new Map<string, { edges: EgEdge[]; b: PacketBuilder }>();
    const stuckParts: TimeDist[] = [];
    let stuck = 0;
    const cache = new Map<string, Routing>();
    for (let c = 0; c < this.L.classes; c++) {
      let classMass = 0;
      for (let s = 0; s < SEVS; s++) classMass += inp.m[this.L.comp(s, c)]!;
      if (classMass <= 0) continue;
      const tn = inp.times[c]!.normalised();
      const unknown = this.confidence(v, c).unknown;
      for (const part of this.piecesOf(v, c)) {
        const key = `${unknown}|${JSON.stringify(part.law ?? null)}`;
        let routing = cache.get(key);
        if (!routing) {
          const values: RouteValues = { confidence: part.law, confidenceUnknown: unknown, visits, attributes: {} };
          routing = node.config.mode === 'exclusive' ? exclusiveRouting(edges, values) : inclusiveRouting(edges, values);
          cache.set(key, routing);
        }
        if (routing.approximate) this.f.note('condition-hint', 'a router condition on `attempt` is read with its edge probability as the expected share', node.id);
        const w = classMass * part.w;
        if (routing.stuck > 0) {
          stuck += w * routing.stuck;
          stuckParts.push(tn.scaled(w * routing.stuck));
        }
        for (const ch of routing.choices) {
          let target: PacketBuilder;
          if (ch.edges.length === 1) {
            const k = edgeFor(ch.edges[0]!, part.piece);
            if (k < 0) continue;
            target = perEdge.get(k) ?? new PacketBuilder(this.L);
            perEdge.set(k, target);
          } else {
            const group = ch.edges.map((j) => outs[edgeFor(j, part.piece)]!).filter((e) => e !== undefined);
            const key2 = group.map((e) => `${e.baseEdge}>${e.target}`).join(',');
            let entry = multi.get(key2);
            if (!entry) {
              entry = { edges: group, b: new PacketBuilder(this.L) };
              multi.set(key2, entry);
            }
            target = entry.b;
          }
          for (let s = 0; s < SEVS; s++) target.add(s, c, inp.m[this.L.comp(s, c)]! * part.w * ch.p, tn);
        }
      }
    }
    if (stuck > 0) this.endAbort(v, false, stuck, TimeDist.mix(stuckParts));
    for (const [k, b] of perEdge) {
      if (b.total <= 0) continue;
      if (inp.explicit) b.addPhase(inp.phIn, b.total);
      this.put(v, k, b.build());
    }
    for (const entry of multi.values()) {
      if (inp.explicit) entry.b.addPhase(inp.phIn, entry.b.total);
      this.block(v, entry.edges, 'inclusive', entry.b.build());
    }
  }

  /**
   * A parallel split: each branch a sub-flow of the same item, combined by the join's rule (or the case's rule for
   * branches never joined). The result goes to the macro edge (the join) and to this node's ends.
   */
  private block(v: number, group: readonly EgEdge[], macroKey: string, p: Packet): void {
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
    const endParts: TimeDist[] = [ends.endTime];
    const abortParts: TimeDist[] = [ends.abortTime];
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
      if (r.endTime.total > 0) endParts.push(tIn.plus(r.endTime.normalised()).scaled(classMass * sumOf(r.rank)));
      if (r.abortTime.total > 0) abortParts.push(tIn.plus(r.abortTime.normalised()).scaled(classMass * (r.failed + r.stuck)));
    }
    ends.endTime = TimeDist.mix(endParts);
    ends.abortTime = TimeDist.mix(abortParts);
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

/** A node's gathered inflow: masses by (sev, class incl. fresh), times by class (with mass), and its phase. */
interface Input {
  readonly m: Float64Array;
  readonly times: readonly TimeDist[];
  readonly total: number;
  /** Normalised phase when known explicitly or derivable; null: spread evenly. */
  readonly phIn: Phase | null;
  /** True when the packet's phase had to be carried explicitly (after a calendar, or in a branch). */
  readonly explicit: boolean;
}

/** A block's result per unit of one class: continuing mass (to the join) and ends, with their times. */
interface Combined {
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
function mergeClass(L: Layout, a: number, b: number): number {
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
function combine(L: Layout, subs: readonly RegionResult[], mode: 'all' | 'none'): Combined {
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
class Race {
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
    const m = new Float64Array(d.mass.length);
    const s = new Float64Array(d.mass.length);
    const q = new Float64Array(d.mass.length);
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
