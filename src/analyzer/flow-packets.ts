/**
 * The flow's vocabulary (flow.ts): classes of mass (Layout), packets of mass with their times, what a region
 * returns, the gate model's interface, and the small helpers every part of the flow shares.
 */
import type { WorkflowNode } from '../domain/index.ts';
import { DEFAULT_VISIT_LIMIT } from '../domain/semantics/index.ts';
import { type EgEdge } from './flow-graph.ts';
import { type HumanModel } from './node-models.ts';
import { addPhase, uniformPhase, type Phase } from './phase.ts';
import type { ActiveFault } from './step-model.ts';
import { TimeDist } from './time-dist.ts';

/** Worst outcome already reached by another branch: 0 none or success, 1 escalated, 2 rejected, 3 error. */
export const SEVS = 4;
/** Confidence types: drawn for a correct result, for a wrong one, or none yet. */
export const T_C = 0;
export const T_W = 1;
export const T_N = 2;

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
export const MAX_SWEEPS = 400;
/** Work units one class of one edge of a visit counts (see process). */
export const PROCESS_WORK = 1;
/** Branches' sub-flows open inside one another at most this deep (deeper: not estimated). */
export const MAX_NESTING = 24;
export const SETTLED = 1e-7;
/** Below this share of a node's mass a class takes the node's overall time shape (see process). */
export const SMALL_CLASS = 0.03;

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

export function newEnds(): Ends & LaterTimes {
  return new LazyEnds();
}

/** Ends that can take parts of their time distributions computed only when read (see LazyEnds). */
export interface LaterTimes {
  /** Add `part()` to the time of the ends at outputs when it is first read. */
  laterEnd(part: () => TimeDist): void;
  /** Add `part()` to the time of failures and stuck ends when it is first read. */
  laterAbort(part: () => TimeDist): void;
}

/** `d` mixed with the parts computed now, in the order they were added. */
function withParts(d: TimeDist, parts: readonly (() => TimeDist)[]): TimeDist {
  return TimeDist.mix([d, ...parts.map((part) => part())]);
}

/**
 * Ends whose time distributions take parts that are computed only when read. Those parts are convolutions (a
 * failure's time is the inflow moved on by the failed tries; a block's ends are its inflow moved on by its
 * branches), and a loop's member makes them again on every sweep, but only the last sweep's ends are read (and,
 * for the rounds not swept, the last three's: RegionBase.extrapolate): computing them on first read gives the same
 * distributions (added in the same order) without a convolution per member per sweep.
 */
class LazyEnds implements Ends, LaterTimes {
  readonly rank = new Float64Array(SEVS);
  silent = 0;
  failed = 0;
  stuck = 0;
  private end = TimeDist.EMPTY;
  private abort = TimeDist.EMPTY;
  private ends: (() => TimeDist)[] = [];
  private aborts: (() => TimeDist)[] = [];

  get endTime(): TimeDist {
    if (this.ends.length > 0) {
      this.end = withParts(this.end, this.ends);
      this.ends = [];
    }
    return this.end;
  }

  set endTime(d: TimeDist) {
    this.ends = [];
    this.end = d;
  }

  get abortTime(): TimeDist {
    if (this.aborts.length > 0) {
      this.abort = withParts(this.abort, this.aborts);
      this.aborts = [];
    }
    return this.abort;
  }

  set abortTime(d: TimeDist) {
    this.aborts = [];
    this.abort = d;
  }

  laterEnd(part: () => TimeDist): void {
    this.ends.push(part);
  }

  laterAbort(part: () => TimeDist): void {
    this.aborts.push(part);
  }
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

export const NO_REGIME = [{ share: 1, faults: [] as readonly ActiveFault[] }];

export function sumOf(m: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < m.length; i++) s += m[i]!;
  return s;
}

export function newSums(n: number): NodeSums {
  return { visits: new Float64Array(n), cost: new Float64Array(n), failedAt: new Float64Array(n), humanSeconds: new Float64Array(n), gateArrivals: new Map() };
}

/** n empty lists of time parts (one per class: a visit gathers its inflow's into them). */
export function emptyParts(n: number): TimeDist[][] {
  const l: TimeDist[][] = [];
  for (let c = 0; c < n; c++) l.push([]);
  return l;
}

export function emptyTimes(n: number): TimeDist[] {
  // A loop, not Array.from with a callback: every packet built starts from one.
  const t: TimeDist[] = [];
  for (let c = 0; c < n; c++) t.push(TimeDist.EMPTY);
  return t;
}

/** Mass-weighted time of a packet over all its classes. */
export function mixedTime(p: Packet): TimeDist {
  return TimeDist.mix(p.t);
}

/** Accumulates an outgoing packet: masses by component, time parts by class, an explicit phase if any. */
export class PacketBuilder {
  private readonly L: Layout;
  readonly m: Float64Array;
  // The time parts in the order added: class, normalised shape, how much of it (the same shape added to a class
  // twice is added up). One flat list, not one per class: a builder is made per port per visit and most see
  // few of the classes.
  private readonly cls: number[] = [];
  private readonly shapes: TimeDist[] = [];
  private readonly weights: number[] = [];

  constructor(L: Layout) {
    this.L = L;
    this.m = new Float64Array(L.comps);
  }
  private ph: Phase | null = null;
  private phMass = 0;

  /** Add mass to component (s, c) with a time distribution normalised to 1. */
  add(s: number, c: number, mass: number, tNorm: TimeDist): void {
    if (!(mass > 0) || tNorm.total <= 0) return;
    this.m[this.L.comp(s, c)]! += mass;
    const shape = tNorm.normalised();
    for (let i = 0; i < this.shapes.length; i++) {
      if (this.shapes[i] === shape && this.cls[i] === c) {
        this.weights[i]! += mass;
        return;
      }
    }
    this.cls.push(c);
    this.shapes.push(shape);
    this.weights.push(mass);
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
    const t = emptyTimes(this.L.classes);
    const done = new Uint8Array(this.L.classes);
    const n = this.shapes.length;
    for (let i = 0; i < n; i++) {
      const c = this.cls[i]!;
      if (done[c] === 1) continue;
      done[c] = 1;
      // Each class's shapes in the order added (the order weightedMix adds them in).
      const ds: TimeDist[] = [this.shapes[i]!];
      const ws: number[] = [this.weights[i]!];
      for (let j = i + 1; j < n; j++) {
        if (this.cls[j] !== c) continue;
        ds.push(this.shapes[j]!);
        ws.push(this.weights[j]!);
      }
      t[c] = TimeDist.weightedMix(ds, ws);
    }
    return { m: this.m, t, ph: this.ph };
  }
}

/** A node's gathered inflow: masses by (sev, class incl. fresh), times by class (with mass), and its phase. */
export interface Input {
  readonly m: Float64Array;
  readonly times: readonly TimeDist[];
  readonly total: number;
  /** Normalised phase when known explicitly or derivable; null: spread evenly. */
  readonly phIn: Phase | null;
  /** True when the packet's phase had to be carried explicitly (after a calendar, or in a branch). */
  readonly explicit: boolean;
}

/** The edges of a node that split a case into parallel branches (several edges out of one port, a parallel or inclusive router). */
export function splitEdges(node: WorkflowNode, outs: readonly EgEdge[]): Set<EgEdge> {
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
