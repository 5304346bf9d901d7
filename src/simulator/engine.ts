/**
 * The discrete-event engine: one replication of N cases over a compiled graph, with a simulated clock and a
 * binary-heap event queue. Pure TypeScript, no I/O: the same code runs in Node, in a Web Worker and in the page.
 *
 * Semantics (docs/simulator.md has the long form):
 * - A case arrives at the first trigger and moves as one or more tokens. Instantaneous nodes (trigger, router,
 *   join, output) are handled inline; ai/tool calls, checks and human service take simulated time (events).
 * - A token carries its item's state: `wrong` (a silent error produced by some step, sticky until that step
 *   produces the item again), the last confidence score and the producing step (for check re-asks).
 * - Parallel/inclusive routers (and several edges out of one port of any other node) split a token into a group
 *   of branches. A join `all` waits for every live branch of the group, `first` takes the first and cancels the
 *   others, `any` lets each through; a join timeout lets the arrived branches through and cancels the rest.
 * - The case ends when its last live branch ends: with the most severe output outcome reached
 *   (error > rejected > escalated > success), or at once as `failed` (an error no retrier absorbs and no catcher
 *   routes) or `stuck` (visit guard hit, a port with no edge, branches waiting at joins that can never fire).
 *
 * The whole mutable state lives in one plain object (`EngineState`): `checkpoint()` copies it, `restore` rebuilds
 * an engine from the copy, and nothing else (no closures, no class instances) holds simulation state.
 */
import { ERROR_TYPES, evaluateCondition, isTransient, type Condition } from '../domain/index.ts';
import { addWorkingSeconds, isOpen, nextOpen } from './calendar.ts';
import * as compiled from './compile.ts';
import type { CompiledArrival, CompiledFaults, CompiledGraph } from './compile.ts';
import * as distributions from './distributions.ts';
import * as rng from './rng.ts';

// Module-local copies of hot constants and functions. Transpilers that emit CommonJS (tsx in Node) turn every
// imported binding into a getter call; on the engine's hot path that cost 20% of the time.
const { CASE_OUTCOMES, ERR_COMMUNICATION, ERR_RATE_LIMITED, ERR_TIMEOUT, ERROR_COUNT, NEVER, OUT_FAILED, OUT_STUCK, OUTCOME_COUNT, OUTCOME_OK, OUTCOME_WRONG } = compiled;
const KIND = { ...compiled.KIND };
const PORT = { ...compiled.PORT };
const SLOT = { ...compiled.SLOT };
const PURPOSE = { ...rng.PURPOSE };
const { PURPOSE_COUNT, createStreams, nextFloat, streamIndex } = rng;
const { sampleCoded } = distributions;

/** Default visit guard: a node entered more often than this by one case ends the case as stuck. */
export const DEFAULT_VISIT_LIMIT = 25;

// Event types
const EV_ARRIVAL = 1;
const EV_CALL_DONE = 2;
const EV_RETRY = 3;
const EV_CHECK_DONE = 4;
const EV_HUMAN_DONE = 5;
const EV_SLA = 6;
const EV_GATE_OPEN = 7;
const EV_JOIN_TIMEOUT = 8;

// Token states
export const TOKEN_STATE = { moving: 0, running: 1, retrying: 2, queued: 3, service: 4, parked: 5, checking: 6 } as const;

/** Bit e set when ERROR_TYPES[e] is transient. */
const TRANSIENT_MASK = ERROR_TYPES.reduce((m, e, i) => (isTransient(e) ? m | (1 << i) : m), 0);

/** Severity rank of output outcomes (success 0, rejected 1, escalated 2, error 3): the case keeps the worst. */
const SEVERITY = [0, 2, 1, 3];

export interface Token {
  id: number;
  caseId: number;
  group: number;
  node: number;
  state: number;
  /** Bumped whenever the token starts waiting, so a stale timer for an earlier wait is ignored. */
  stamp: number;
  wrong: boolean;
  /** Node that produced the wrong result, -1 if the item is correct. */
  wrongBy: number;
  /** Last confidence score, -1 when no step reported one. */
  conf: number;
  attempt: number;
  lastTries: number;
  stepStart: number;
  deadline: number;
  retryCounts: number[] | null;
  pending: number;
  /**
   * A non-transient error the step's first try drew (-1 none). Such errors are deterministic for the input
   * (a refusal stays a refusal: src/domain/errors.ts), so retries repeat it; retries after a transient error
   * never draw one. This is the model behind the analyzer's 1 - q_d - q_t^k.
   */
  detError: number;
  final: boolean;
  producer: number;
  reasks: Record<string, number> | null;
  lastEdge: number;
  gateArrive: number;
  gateTimedOut: boolean;
}

export interface CaseState {
  id: number;
  arrival: number;
  root: number;
  cost: number;
  tries: number;
  humanSeconds: number;
  backoffSeconds: number;
  fallback: boolean;
  /** Worst output outcome reached so far (code), -1 for none. */
  outcome: number;
  wrongDelivered: boolean;
  moving: number;
  /**
   * Row of `EngineState.visits` holding this case's entries per node. Rows are recycled when cases end, so a
   * case costs no typed-array allocation (one per case was ~5% of engine time, counting GC).
   */
  slot: number;
  tokens: number[];
  groups: number[];
}

export interface Group {
  id: number;
  caseId: number;
  parent: number;
  live: number;
  parked: number[];
  done: boolean;
  timerArmed: boolean;
}

export interface GateState {
  queue: number[];
  head: number;
  waiting: number;
  busy: number;
  lastChange: number;
  openPending: boolean;
}

export interface BreakerState {
  ring: number[];
  pos: number;
  count: number;
  fails: number;
  openUntil: number;
}

/** Per-node statistics of one replication (typed arrays: transferable, mergeable by addition). */
export interface NodeStats {
  visits: Float64Array;
  /** Cases that entered the node at least once. */
  reached: Float64Array;
  calls: Float64Array;
  /** Failed tries by node and error type (node * ERROR_COUNT + error). */
  failures: Float64Array;
  /** Cases that ended failed at the node. */
  caseFailures: Float64Array;
  /** Visit-guard hits and dead ends at the node. */
  stuck: Float64Array;
  /** Visit-guard hits alone: cases ended stuck because they entered the node more than the guard allows. */
  guardHits: Float64Array;
  /** Loop iterations: entries into the node by a back edge (see `backEdges`) or by a check's re-ask. */
  loopIterations: Float64Array;
  cost: Float64Array;
  fallbacks: Float64Array;
  breakerOpenSeconds: Float64Array;
  breakerOpens: Float64Array;
  gateArrivals: Float64Array;
  gateWaitSum: Float64Array;
  gateWaitCount: Float64Array;
  gateQueueArea: Float64Array;
  gateBusySeconds: Float64Array;
  gateSlaBreaches: Float64Array;
  gateTimeouts: Float64Array;
}

/** Per-case results of one replication. */
export interface CaseResults {
  outcome: Uint8Array;
  wrong: Uint8Array;
  fallback: Uint8Array;
  cycle: Float64Array;
  cost: Float64Array;
  tries: Float64Array;
  humanSeconds: Float64Array;
  backoffSeconds: Float64Array;
}

export interface EngineState {
  now: number;
  seq: number;
  events: number;
  cases: number;
  arrived: number;
  ended: number;
  nextToken: number;
  nextGroup: number;
  rng: Uint32Array;
  heapSize: number;
  /** Entries per node of the active cases: row `slot` of `nodeCount` counters; free rows are all zero. */
  visits: Int32Array;
  freeSlots: number[];
  slots: number;
  hTime: Float64Array;
  hSeq: Float64Array;
  hType: Int32Array;
  hA: Int32Array;
  hB: Int32Array;
  hC: Int32Array;
  // Tokens, groups and cases are numbered 0, 1, 2... in creation order, so they live in dense arrays indexed by
  // id (null once ended) rather than in objects keyed by id: objects that see `delete` fall into V8's dictionary
  // mode and every lookup becomes a hash probe (measured: ~25% of engine time). The arrays grow by one slot per
  // token / group / case ever created, the same order of memory as the per-case results.
  tokens: (Token | null)[];
  groups: (Group | null)[];
  active: (CaseState | null)[];
  /** By node index; null until the node's first use. */
  gates: (GateState | null)[];
  breakers: (BreakerState | null)[];
  /** Router node -> edge index to take at its next decision (debug), -1 for none. */
  forced: number[];
  stats: NodeStats;
  results: CaseResults;
}

export interface EngineConfig {
  readonly seed: number;
  readonly replication: number;
  readonly cases: number;
  readonly arrival: CompiledArrival;
  readonly visitLimit?: number;
  /** Case attributes that router conditions can test (the same for every case). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** What the engine tells a debugger, one record per thing that happened. */
export type TraceType =
  | 'arrive'
  | 'start'
  | 'retry'
  | 'fail'
  | 'ok'
  | 'wrong'
  | 'queued'
  | 'route'
  | 'end'
  | 'breaker-open'
  | 'short-circuit'
  | 'join-wait'
  | 'cancel'
  | 'sla-timeout'
  | 'reask'
  | 'pass'
  | 'reject-check'
  | 'decision';

export interface TraceEvent {
  readonly time: number;
  readonly caseId: number;
  readonly node: number;
  readonly edge: number;
  readonly type: TraceType;
  readonly detail: Readonly<Record<string, string | number | boolean>>;
}

export type TraceSink = (e: TraceEvent) => void;

function newStats(n: number): NodeStats {
  const f = (): Float64Array => new Float64Array(n);
  return {
    visits: f(),
    reached: f(),
    calls: f(),
    failures: new Float64Array(n * ERROR_COUNT),
    caseFailures: f(),
    stuck: f(),
    guardHits: f(),
    loopIterations: f(),
    cost: f(),
    fallbacks: f(),
    breakerOpenSeconds: f(),
    breakerOpens: f(),
    gateArrivals: f(),
    gateWaitSum: f(),
    gateWaitCount: f(),
    gateQueueArea: f(),
    gateBusySeconds: f(),
    gateSlaBreaches: f(),
    gateTimeouts: f(),
  };
}

function newResults(cases: number): CaseResults {
  return {
    outcome: new Uint8Array(cases),
    wrong: new Uint8Array(cases),
    fallback: new Uint8Array(cases),
    cycle: new Float64Array(cases),
    cost: new Float64Array(cases),
    tries: new Float64Array(cases),
    humanSeconds: new Float64Array(cases),
    backoffSeconds: new Float64Array(cases),
  };
}

/**
 * A fresh engine state for one replication (nothing has arrived yet).
 * @example const s = initialState(g, { seed: 1, replication: 0, cases: 100, arrival: { poisson: true, meanGapSeconds: 60 } })
 */
export function initialState(g: CompiledGraph, cfg: EngineConfig): EngineState {
  const cap = 64;
  return {
    now: 0,
    seq: 0,
    events: 0,
    cases: cfg.cases,
    arrived: 0,
    ended: 0,
    nextToken: 0,
    nextGroup: 0,
    rng: createStreams(cfg.seed, cfg.replication, g.nodeCount + 1).state,
    heapSize: 0,
    visits: new Int32Array(64 * g.nodeCount),
    freeSlots: [],
    slots: 0,
    hTime: new Float64Array(cap),
    hSeq: new Float64Array(cap),
    hType: new Int32Array(cap),
    hA: new Int32Array(cap),
    hB: new Int32Array(cap),
    hC: new Int32Array(cap),
    tokens: [],
    groups: [],
    active: new Array<CaseState | null>(cfg.cases).fill(null),
    gates: new Array<GateState | null>(g.nodeCount).fill(null),
    breakers: new Array<BreakerState | null>(g.nodeCount).fill(null),
    forced: new Array<number>(g.nodeCount).fill(-1),
    stats: newStats(g.nodeCount),
    results: newResults(cfg.cases),
  };
}

export class Engine {
  readonly g: CompiledGraph;
  faults: CompiledFaults;
  readonly cfg: EngineConfig;
  readonly s: EngineState;
  trace: TraceSink | null = null;
  private readonly visitLimit: number;
  private readonly arrivalStream: number;
  /** 1 for edges that close a cycle: an entry by one is a loop iteration. */
  private readonly backEdge: Uint8Array;

  constructor(g: CompiledGraph, faults: CompiledFaults, cfg: EngineConfig, state?: EngineState) {
    this.g = g;
    this.faults = faults;
    this.cfg = cfg;
    this.visitLimit = cfg.visitLimit ?? DEFAULT_VISIT_LIMIT;
    this.arrivalStream = streamIndex(g.nodeCount, PURPOSE.arrival);
    this.backEdge = backEdges(g);
    if (state) {
      this.s = state;
    } else {
      this.s = initialState(g, cfg);
      if (cfg.cases > 0) this.push(0, EV_ARRIVAL, 0, 0, 0);
    }
  }

  // ---------------------------------------------------------------- event queue (binary heap, ties by seq)

  private push(time: number, type: number, a: number, b: number, c: number): void {
    const s = this.s;
    if (s.heapSize === s.hTime.length) this.grow();
    let i = s.heapSize++;
    const seq = s.seq++;
    const hTime = s.hTime;
    const hSeq = s.hSeq;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p] ?? 0;
      if (pt < time || (pt === time && (hSeq[p] ?? 0) < seq)) break;
      this.move(p, i);
      i = p;
    }
    hTime[i] = time;
    hSeq[i] = seq;
    s.hType[i] = type;
    s.hA[i] = a;
    s.hB[i] = b;
    s.hC[i] = c;
  }

  private move(from: number, to: number): void {
    const s = this.s;
    s.hTime[to] = s.hTime[from] ?? 0;
    s.hSeq[to] = s.hSeq[from] ?? 0;
    s.hType[to] = s.hType[from] ?? 0;
    s.hA[to] = s.hA[from] ?? 0;
    s.hB[to] = s.hB[from] ?? 0;
    s.hC[to] = s.hC[from] ?? 0;
  }

  private grow(): void {
    const s = this.s;
    const cap = s.hTime.length * 2;
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    s.hTime = f64(s.hTime);
    s.hSeq = f64(s.hSeq);
    s.hType = i32(s.hType);
    s.hA = i32(s.hA);
    s.hB = i32(s.hB);
    s.hC = i32(s.hC);
  }

  /** Remove the root (its fields must have been read first). */
  private pop(): void {
    const s = this.s;
    const n = --s.heapSize;
    if (n === 0) return;
    const hTime = s.hTime;
    const hSeq = s.hSeq;
    const t = hTime[n] ?? 0;
    const q = hSeq[n] ?? 0;
    const type = s.hType[n] ?? 0;
    const a = s.hA[n] ?? 0;
    const b = s.hB[n] ?? 0;
    const c = s.hC[n] ?? 0;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n) {
        const lt = hTime[l] ?? 0;
        const rt = hTime[r] ?? 0;
        if (rt < lt || (rt === lt && (hSeq[r] ?? 0) < (hSeq[l] ?? 0))) m = r;
      }
      const mt = hTime[m] ?? 0;
      if (t < mt || (t === mt && q < (hSeq[m] ?? 0))) break;
      this.move(m, i);
      i = m;
    }
    hTime[i] = t;
    hSeq[i] = q;
    s.hType[i] = type;
    s.hA[i] = a;
    s.hB[i] = b;
    s.hC[i] = c;
  }

  /** Time of the next event, or -1 when none is left. */
  peekTime(): number {
    return this.s.heapSize > 0 ? (this.s.hTime[0] ?? 0) : -1;
  }

  get done(): boolean {
    return this.s.heapSize === 0;
  }

  /**
   * Process one event. Returns false when the queue is empty (every case has ended or can never move again).
   */
  step(): boolean {
    const s = this.s;
    if (s.heapSize === 0) return false;
    const time = s.hTime[0] ?? 0;
    const type = s.hType[0] ?? 0;
    const a = s.hA[0] ?? 0;
    const b = s.hB[0] ?? 0;
    const c = s.hC[0] ?? 0;
    this.pop();
    s.now = time;
    s.events++;
    switch (type) {
      case EV_ARRIVAL:
        this.onArrival();
        break;
      case EV_CALL_DONE:
        this.onCallDone(a, b);
        break;
      case EV_RETRY:
        this.onRetry(a, b);
        break;
      case EV_CHECK_DONE:
        this.onCheckDone(a, b);
        break;
      case EV_HUMAN_DONE:
        this.onHumanDone(a, b, c);
        break;
      case EV_SLA:
        this.onSla(a, b, c);
        break;
      case EV_GATE_OPEN:
        this.onGateOpen(a);
        break;
      case EV_JOIN_TIMEOUT:
        this.onJoinTimeout(a, b);
        break;
    }
    return true;
  }

  /**
   * Run to completion, or until `maxEvents` more events have been processed.
   * @returns true when the replication is finished.
   */
  run(maxEvents = Infinity): boolean {
    let k = 0;
    while (k < maxEvents && this.step()) k++;
    return this.s.heapSize === 0;
  }

  // ---------------------------------------------------------------- randomness

  private u(node: number, purpose: number): number {
    return nextFloat(this.s.rng, (node * PURPOSE_COUNT + purpose) * 4);
  }

  private dist(node: number, slot: number, purpose: number): number {
    const g = this.g;
    const k = node * 5 + slot;
    const code = g.distCode[k] ?? -1;
    if (code < 0) return -1;
    return sampleCoded(code, g.distParam[k * 3] ?? 0, g.distParam[k * 3 + 1] ?? 0, g.distParam[k * 3 + 2] ?? 0, this.s.rng, streamIndex(node, purpose));
  }

  // ---------------------------------------------------------------- tracing

  private emit(caseId: number, node: number, edge: number, type: TraceType, detail: Record<string, string | number | boolean> = {}): void {
    this.trace?.({ time: this.s.now, caseId, node, edge, type, detail });
  }

  // ---------------------------------------------------------------- cases, tokens, groups

  private onArrival(): void {
    const s = this.s;
    const g = this.g;
    const id = s.arrived++;
    if (s.arrived < s.cases) {
      const gap = this.cfg.arrival.poisson ? -this.cfg.arrival.meanGapSeconds * Math.log(nextFloat(s.rng, this.arrivalStream)) : this.cfg.arrival.meanGapSeconds;
      this.push(s.now + gap, EV_ARRIVAL, 0, 0, 0);
    }
    const groupId = s.nextGroup++;
    s.groups.push({ id: groupId, caseId: id, parent: -1, live: 1, parked: [], done: false, timerArmed: false });
    const c: CaseState = {
      id,
      arrival: s.now,
      root: groupId,
      cost: 0,
      tries: 0,
      humanSeconds: 0,
      backoffSeconds: 0,
      fallback: false,
      outcome: -1,
      wrongDelivered: false,
      moving: 0,
      slot: this.takeSlot(),
      tokens: [],
      groups: [groupId],
    };
    s.active[id] = c;
    const tok = this.newToken(c, groupId, null);
    this.enter(tok, g.trigger, -1);
  }

  /** A zeroed row of the visit counters for a new case. */
  private takeSlot(): number {
    const s = this.s;
    const free = s.freeSlots.pop();
    if (free !== undefined) return free;
    const n = this.g.nodeCount;
    if ((s.slots + 1) * n > s.visits.length) {
      const bigger = new Int32Array(Math.max(s.visits.length * 2, n));
      bigger.set(s.visits);
      s.visits = bigger;
    }
    return s.slots++;
  }

  private newToken(c: CaseState, group: number, from: Token | null): Token {
    const s = this.s;
    const tok: Token = {
      id: s.nextToken++,
      caseId: c.id,
      group,
      node: -1,
      state: TOKEN_STATE.moving,
      stamp: 0,
      wrong: from ? from.wrong : false,
      wrongBy: from ? from.wrongBy : -1,
      conf: from ? from.conf : -1,
      attempt: 0,
      lastTries: from ? from.lastTries : 0,
      stepStart: 0,
      deadline: NEVER,
      retryCounts: null,
      pending: 0,
      detError: -1,
      final: false,
      producer: from ? from.producer : -1,
      reasks: from?.reasks ? { ...from.reasks } : null,
      lastEdge: -1,
      gateArrive: 0,
      gateTimedOut: false,
    };
    s.tokens.push(tok);
    c.tokens.push(tok.id);
    c.moving++;
    return tok;
  }

  /** The live token with this id, or undefined when it ended or was cancelled (a stale event). */
  private live(id: number): Token | null {
    return this.s.tokens[id] ?? null;
  }

  /** Take a token out of play without touching group accounting (its replacement or its case does that). */
  private drop(tok: Token): void {
    const s = this.s;
    const c = s.active[tok.caseId];
    if (tok.state === TOKEN_STATE.queued) {
      const gate = s.gates[tok.node];
      if (gate) {
        this.queueArea(tok.node, gate);
        gate.waiting--;
      }
    }
    if (c && tok.state !== TOKEN_STATE.parked) c.moving--;
    s.tokens[tok.id] = null;
  }

  /** A branch ends normally (reached an output or was absorbed): the group shrinks and may complete. */
  private finishToken(tok: Token): void {
    const c = this.s.active[tok.caseId];
    this.drop(tok);
    if (!c) return;
    this.shrink(c, tok.group);
    this.checkStuck(c);
  }

  private shrink(c: CaseState, groupId: number): void {
    const s = this.s;
    let gid = groupId;
    for (;;) {
      const grp = s.groups[gid];
      if (!grp) return;
      grp.live--;
      if (grp.live > 0) {
        this.tryFireJoin(c, grp);
        return;
      }
      grp.done = true;
      s.groups[gid] = null;
      if (grp.parent < 0) {
        this.completeCase(c);
        return;
      }
      gid = grp.parent;
    }
  }

  private checkStuck(c: CaseState): void {
    if (this.s.active[c.id] && c.moving === 0) this.endCase(c, OUT_STUCK, -1);
  }

  private completeCase(c: CaseState): void {
    this.endCase(c, c.outcome < 0 ? OUT_STUCK : c.outcome, -1);
  }

  private endCase(c: CaseState, outcome: number, atNode: number): void {
    const s = this.s;
    if (!s.active[c.id]) return;
    s.active[c.id] = null;
    for (const id of c.tokens) {
      const t = s.tokens[id];
      if (t) this.drop(t);
    }
    for (const gid of c.groups) s.groups[gid] = null;
    const n = this.g.nodeCount;
    s.visits.fill(0, c.slot * n, c.slot * n + n);
    s.freeSlots.push(c.slot);
    const r = s.results;
    r.outcome[c.id] = outcome;
    r.wrong[c.id] = outcome === 0 && c.wrongDelivered ? 1 : 0;
    r.fallback[c.id] = c.fallback ? 1 : 0;
    r.cycle[c.id] = s.now - c.arrival;
    r.cost[c.id] = c.cost;
    r.tries[c.id] = c.tries;
    r.humanSeconds[c.id] = c.humanSeconds;
    r.backoffSeconds[c.id] = c.backoffSeconds;
    s.ended++;
    if (outcome === OUT_FAILED && atNode >= 0) s.stats.caseFailures[atNode] = (s.stats.caseFailures[atNode] ?? 0) + 1;
    if (outcome === OUT_STUCK && atNode >= 0) s.stats.stuck[atNode] = (s.stats.stuck[atNode] ?? 0) + 1;
    if (this.trace) this.emit(c.id, atNode, -1, 'end', { outcome: CASE_OUTCOMES[outcome] ?? 'stuck', wrong: outcome === 0 && c.wrongDelivered, cost: c.cost, cycleSeconds: s.now - c.arrival });
  }

  // ---------------------------------------------------------------- moving along the graph

  /** Token enters node n (by edge `edge`, or -1 for a re-ask or the start). */
  private enter(tok: Token, n: number, edge: number): void {
    const s = this.s;
    const c = s.active[tok.caseId];
    if (!c) return;
    tok.node = n;
    tok.state = TOKEN_STATE.moving;
    const k = c.slot * this.g.nodeCount + n;
    const v = (s.visits[k] = (s.visits[k] ?? 0) + 1);
    const st = s.stats;
    st.visits[n] = (st.visits[n] ?? 0) + 1;
    if (v === 1) st.reached[n] = (st.reached[n] ?? 0) + 1;
    if (edge >= 0 && this.backEdge[edge] === 1) st.loopIterations[n] = (st.loopIterations[n] ?? 0) + 1;
    if (this.trace) this.emit(c.id, n, edge, 'arrive', { visit: v });
    if (v > this.visitLimit) {
      st.guardHits[n] = (st.guardHits[n] ?? 0) + 1;
      this.endCase(c, OUT_STUCK, n);
      return;
    }
    switch (this.g.kind[n]) {
      case KIND.trigger:
        this.leave(tok, n, PORT.out);
        return;
      case KIND.ai:
      case KIND.tool:
        this.startStep(tok, c, n);
        return;
      case KIND.human:
        this.arriveGate(tok, n);
        return;
      case KIND.check:
        this.startCheck(tok, c, n);
        return;
      case KIND.router:
        this.route(tok, c, n);
        return;
      case KIND.join:
        this.arriveJoin(tok, c, n);
        return;
      case KIND.output:
        this.reachOutput(tok, c, n);
        return;
    }
  }

  /** Leave node n by a port: one edge moves on, several split into a group, none is a dead end (stuck). */
  private leave(tok: Token, n: number, port: number): void {
    const g = this.g;
    const c = this.s.active[tok.caseId];
    if (!c) return;
    const from = g.outStart[n] ?? 0;
    const to = g.outStart[n + 1] ?? 0;
    let first = -1;
    let count = 0;
    for (let j = from; j < to; j++) {
      if (g.edgePort[j] === port) {
        if (first < 0) first = j;
        count++;
      }
    }
    if (count === 0) {
      if (port === PORT.error && (g.kind[n] === KIND.ai || g.kind[n] === KIND.tool)) {
        this.endCase(c, OUT_FAILED, n);
      } else {
        this.endCase(c, OUT_STUCK, n);
      }
      return;
    }
    if (count === 1) {
      this.follow(tok, first);
      return;
    }
    const edges: number[] = [];
    for (let j = from; j < to; j++) if (g.edgePort[j] === port) edges.push(j);
    this.split(tok, c, edges);
  }

  private follow(tok: Token, edge: number): void {
    tok.lastEdge = edge;
    if (this.trace) this.emit(tok.caseId, tok.node, edge, 'route');
    this.enter(tok, this.g.edgeTarget[edge] ?? 0, edge);
  }

  /** Split a token into one branch per edge, as a new group (the old token's place in its group passes to it). */
  private split(tok: Token, c: CaseState, edges: readonly number[]): void {
    const s = this.s;
    const gid = s.nextGroup++;
    s.groups.push({ id: gid, caseId: c.id, parent: tok.group, live: edges.length, parked: [], done: false, timerArmed: false });
    c.groups.push(gid);
    const branches = edges.map(() => this.newToken(c, gid, tok));
    for (const b of branches) b.node = tok.node;
    this.drop(tok);
    for (let k = 0; k < edges.length; k++) {
      const b = branches[k];
      const e = edges[k];
      if (b === undefined || e === undefined || !s.active[c.id] || !s.tokens[b.id]) continue;
      this.follow(b, e);
    }
  }

  private conditionValues(tok: Token, c: CaseState, n: number): Record<string, number | string | boolean | undefined> {
    return { ...this.cfg.attributes, confidence: tok.conf >= 0 ? tok.conf : undefined, attempt: tok.lastTries, visits: this.s.visits[c.slot * this.g.nodeCount + n] ?? 0 };
  }

  private holds(cond: Condition | undefined, values: Record<string, number | string | boolean | undefined>): boolean {
    return cond !== undefined && evaluateCondition(cond, values);
  }

  private route(tok: Token, c: CaseState, n: number): void {
    const g = this.g;
    const s = this.s;
    const from = g.outStart[n] ?? 0;
    const to = g.outStart[n + 1] ?? 0;
    const forced = s.forced[n] ?? -1;
    if (forced >= 0) {
      s.forced[n] = -1;
      if (this.trace) this.emit(c.id, n, forced, 'decision', { forced: true });
      this.follow(tok, forced);
      return;
    }
    const mode = g.mode[n];
    if (mode === 1) {
      const all: number[] = [];
      for (let j = from; j < to; j++) all.push(j);
      if (all.length === 0) this.endCase(c, OUT_STUCK, n);
      else this.split(tok, c, all);
      return;
    }
    let values: Record<string, number | string | boolean | undefined> | null = null;
    if (mode === 2) {
      const chosen: number[] = [];
      let fallback = -1;
      for (let j = from; j < to; j++) {
        const ci = g.edgeCond[j] ?? -1;
        const p = g.edgeProb[j] ?? -1;
        if (ci >= 0) {
          values ??= this.conditionValues(tok, c, n);
          if (this.holds(g.conditions[ci], values)) chosen.push(j);
        } else if (p >= 0) {
          if (this.u(n, PURPOSE.route) < p) chosen.push(j);
        } else if (g.edgeDefault[j]) {
          if (fallback < 0) fallback = j;
        } else chosen.push(j);
      }
      if (chosen.length === 0 && fallback >= 0) chosen.push(fallback);
      if (chosen.length === 0) this.endCase(c, OUT_STUCK, n);
      else this.split(tok, c, chosen);
      return;
    }
    // Exclusive: first condition that holds (document order), else weights, else the default.
    let total = 0;
    let def = -1;
    let plain = -1;
    for (let j = from; j < to; j++) {
      const ci = g.edgeCond[j] ?? -1;
      if (ci >= 0) {
        values ??= this.conditionValues(tok, c, n);
        if (this.holds(g.conditions[ci], values)) return this.follow(tok, j);
        continue;
      }
      const p = g.edgeProb[j] ?? -1;
      if (p >= 0) total += p;
      else if (g.edgeDefault[j]) {
        if (def < 0) def = j;
      } else if (plain < 0) plain = j;
    }
    if (total > 0) {
      const u = this.u(n, PURPOSE.route);
      // Weights below 1 leave the rest to the default; without a default they are renormalised.
      const scale = total < 1 && def >= 0 ? 1 : total;
      let acc = 0;
      for (let j = from; j < to; j++) {
        if ((g.edgeCond[j] ?? -1) >= 0) continue;
        const p = g.edgeProb[j] ?? -1;
        if (p < 0) continue;
        acc += p / scale;
        if (u < acc) return this.follow(tok, j);
      }
    }
    const chosen = def >= 0 ? def : plain;
    if (chosen >= 0) this.follow(tok, chosen);
    else this.endCase(c, OUT_STUCK, n);
  }

  private arriveJoin(tok: Token, c: CaseState, n: number): void {
    const s = this.s;
    const grp = s.groups[tok.group];
    const mode = this.g.mode[n];
    // A branch that was never split off (root group) has no siblings to wait for.
    if (!grp || grp.parent < 0 || mode === 2) {
      this.leave(tok, n, PORT.out);
      return;
    }
    if (mode === 1) {
      this.mergeAndLeave(c, grp, n, [tok]);
      return;
    }
    tok.state = TOKEN_STATE.parked;
    c.moving--;
    grp.parked.push(tok.id);
    if (this.trace) this.emit(c.id, n, -1, 'join-wait', { arrived: grp.parked.length, expected: grp.live });
    const timeout = this.g.joinTimeout[n] ?? 0;
    if (timeout > 0 && !grp.timerArmed) {
      grp.timerArmed = true;
      this.push(s.now + timeout, EV_JOIN_TIMEOUT, grp.id, n, 0);
    }
    this.tryFireJoin(c, grp);
    this.checkStuck(c);
  }

  /** Fire a join `all` when every live branch of the group is parked at the same join. */
  private tryFireJoin(c: CaseState, grp: Group): void {
    if (grp.parked.length === 0 || grp.parked.length < grp.live) return;
    const first = this.s.tokens[grp.parked[0] ?? -1];
    if (!first) return;
    const n = first.node;
    for (const id of grp.parked) if (this.s.tokens[id]?.node !== n) return;
    const parked = grp.parked.map((id) => this.s.tokens[id]).filter((t): t is Token => t != null);
    this.mergeAndLeave(c, grp, n, parked);
  }

  private onJoinTimeout(groupId: number, n: number): void {
    const grp = this.s.groups[groupId];
    const c = grp ? this.s.active[grp.caseId] : undefined;
    if (!grp || !c || grp.done) return;
    const parked = grp.parked.map((id) => this.s.tokens[id]).filter((t): t is Token => t != null && t.node === n);
    if (parked.length === 0) return;
    this.mergeAndLeave(c, grp, n, parked);
  }

  /**
   * Close a group at join n: one merged token continues in the parent group; every other branch of the group
   * (and of groups nested in it) is cancelled. The merged item is wrong if any merged branch was wrong.
   */
  private mergeAndLeave(c: CaseState, grp: Group, n: number, arrived: readonly Token[]): void {
    const head = arrived[0];
    if (!head) return;
    const merged = this.newToken(c, grp.parent, head);
    merged.node = n;
    for (const t of arrived) {
      if (t.wrong && !merged.wrong) {
        merged.wrong = true;
        merged.wrongBy = t.wrongBy;
      }
      if (t.conf >= 0 && (merged.conf < 0 || t.conf < merged.conf)) merged.conf = t.conf;
    }
    grp.done = true;
    this.cancelGroup(c, grp.id);
    this.leave(merged, n, PORT.out);
  }

  private cancelGroup(c: CaseState, groupId: number): void {
    const s = this.s;
    const doomed = new Set<number>([groupId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const key of c.groups) {
        const grp = s.groups[key];
        if (grp && !doomed.has(grp.id) && doomed.has(grp.parent)) {
          doomed.add(grp.id);
          grew = true;
        }
      }
    }
    for (const id of c.tokens) {
      const t = s.tokens[id];
      if (t && doomed.has(t.group)) {
        if (this.trace && t.state !== TOKEN_STATE.parked) this.emit(c.id, t.node, -1, 'cancel');
        this.drop(t);
      }
    }
    for (const gid of doomed) s.groups[gid] = null;
  }

  private reachOutput(tok: Token, c: CaseState, n: number): void {
    const outcome = this.g.mode[n] ?? 0;
    if (c.outcome < 0 || (SEVERITY[outcome] ?? 0) > (SEVERITY[c.outcome] ?? 0)) c.outcome = outcome;
    if (outcome === 0 && tok.wrong) c.wrongDelivered = true;
    this.finishToken(tok);
  }

  // ---------------------------------------------------------------- ai and tool steps

  private startStep(tok: Token, c: CaseState, n: number): void {
    const s = this.s;
    if (tok.wrongBy === n) {
      // The step that produced the wrong result produces the item again: its new result replaces the old one.
      tok.wrong = false;
      tok.wrongBy = -1;
    }
    tok.producer = n;
    tok.attempt = 0;
    tok.stepStart = s.now;
    const sched = this.g.scheduleToClose[n] ?? 0;
    tok.deadline = sched > 0 ? s.now + sched : NEVER;
    tok.retryCounts = null;
    tok.detError = -1;
    this.call(tok, c, n);
  }

  private breaker(n: number): BreakerState | undefined {
    const w = this.g.brWindow[n] ?? 0;
    if (w === 0) return undefined;
    let b = this.s.breakers[n];
    if (!b) {
      b = { ring: new Array<number>(w).fill(0), pos: 0, count: 0, fails: 0, openUntil: -1 };
      this.s.breakers[n] = b;
    }
    return b;
  }

  private call(tok: Token, c: CaseState, n: number): void {
    const s = this.s;
    const g = this.g;
    const st = s.stats;
    tok.attempt++;
    c.tries++;
    const callsBefore = st.calls[n] ?? 0;
    st.calls[n] = callsBefore + 1;
    const br = this.breaker(n);
    if (br && br.openUntil > s.now) {
      // Open breaker: fail at once, no latency, no cost, and the call does not count in the window.
      if (this.trace) this.emit(c.id, n, -1, 'short-circuit', { attempt: tok.attempt });
      this.failTry(tok, c, n, ERR_COMMUNICATION, false);
      return;
    }
    const base = n * OUTCOME_COUNT;
    const u = this.u(n, PURPOSE.outcome);
    let outcome = 0;
    while (outcome < OUTCOME_COUNT - 1 && u >= (g.outcomeCdf[base + outcome] ?? 1)) outcome++;
    if (outcome >= 2 && ((TRANSIENT_MASK >> (outcome - 2)) & 1) === 0) {
      if (tok.attempt === 1) tok.detError = outcome - 2;
      else if (tok.detError < 0) outcome = OUTCOME_OK;
    }
    if (tok.attempt > 1 && tok.detError >= 0) outcome = tok.detError + 2;
    let mult = 1;
    const fs = this.faults;
    const fFrom = fs.start[n] ?? 0;
    const fTo = fs.start[n + 1] ?? 0;
    let faulted = false;
    for (let k = fFrom; k < fTo; k++) {
      const f = fs.list[k] ?? 0;
      if (s.now < (fs.from[f] ?? 0) || s.now >= (fs.until[f] ?? NEVER) || callsBefore < (fs.afterCalls[f] ?? 0)) continue;
      mult *= fs.latencyMultiplier[f] ?? 1;
      const e = fs.error[f] ?? -1;
      if (e >= 0 && !faulted && this.u(n, PURPOSE.fault) < (fs.probability[f] ?? 1)) {
        outcome = e + 2;
        faulted = true;
      }
    }
    let latency = this.dist(n, SLOT.latency, PURPOSE.latency);
    if (latency < 0) latency = 0;
    latency *= mult;
    let final = false;
    const stc = g.startToClose[n] ?? 0;
    if (stc > 0 && latency > stc) {
      latency = stc;
      outcome = ERR_TIMEOUT + 2;
    }
    if (s.now + latency > tok.deadline) {
      latency = Math.max(0, tok.deadline - s.now);
      outcome = ERR_TIMEOUT + 2;
      final = true;
    }
    let cost = g.costPerCall[n] ?? 0;
    const pin = g.priceIn[n] ?? 0;
    const pout = g.priceOut[n] ?? 0;
    if (pin > 0) {
      const k = this.dist(n, SLOT.inTokens, PURPOSE.tokens);
      if (k > 0) cost += k * pin;
    }
    if (pout > 0) {
      const k = this.dist(n, SLOT.outTokens, PURPOSE.tokens);
      if (k > 0) cost += k * pout;
    }
    c.cost += cost;
    st.cost[n] = (st.cost[n] ?? 0) + cost;
    tok.pending = outcome;
    tok.final = final;
    tok.state = TOKEN_STATE.running;
    if (this.trace) this.emit(c.id, n, -1, 'start', { attempt: tok.attempt, latency, cost });
    this.push(s.now + latency, EV_CALL_DONE, tok.id, n, 0);
  }

  private onCallDone(tokenId: number, n: number): void {
    const tok = this.live(tokenId);
    if (!tok || tok.state !== TOKEN_STATE.running || tok.node !== n) return;
    const c = this.s.active[tok.caseId];
    if (!c) return;
    const outcome = tok.pending;
    this.recordBreaker(c, n, outcome >= 2);
    if (outcome === OUTCOME_OK || outcome === OUTCOME_WRONG) {
      const wrong = outcome === OUTCOME_WRONG;
      if (wrong && !tok.wrong) {
        tok.wrong = true;
        tok.wrongBy = n;
      }
      const conf = this.dist(n, wrong ? SLOT.confWrong : SLOT.confCorrect, PURPOSE.confidence);
      if (conf >= 0) tok.conf = Math.min(1, conf);
      tok.lastTries = tok.attempt;
      if (this.trace) this.emit(c.id, n, -1, wrong ? 'wrong' : 'ok', { attempt: tok.attempt, confidence: tok.conf });
      this.leave(tok, n, PORT.out);
      return;
    }
    this.failTry(tok, c, n, outcome - 2, tok.final);
  }

  private recordBreaker(c: CaseState, n: number, failed: boolean): void {
    const b = this.breaker(n);
    if (!b) return;
    const g = this.g;
    const s = this.s;
    const w = b.ring.length;
    if (b.count === w) b.fails -= b.ring[b.pos] ?? 0;
    else b.count++;
    b.ring[b.pos] = failed ? 1 : 0;
    b.fails += failed ? 1 : 0;
    b.pos = (b.pos + 1) % w;
    if (b.openUntil <= s.now && b.count >= (g.brMin[n] ?? 1) && b.fails / b.count >= (g.brThreshold[n] ?? 1)) {
      const open = g.brOpen[n] ?? 0;
      b.openUntil = s.now + open;
      // After openSeconds the breaker closes with an empty window (no half-open probing).
      b.ring.fill(0);
      b.count = 0;
      b.fails = 0;
      b.pos = 0;
      s.stats.breakerOpens[n] = (s.stats.breakerOpens[n] ?? 0) + 1;
      s.stats.breakerOpenSeconds[n] = (s.stats.breakerOpenSeconds[n] ?? 0) + open;
      if (this.trace) this.emit(c.id, n, -1, 'breaker-open', { untilSeconds: b.openUntil });
    }
  }

  /** A try failed with error e: retry (first matching retrier), else catch, else the case fails here. */
  private failTry(tok: Token, c: CaseState, n: number, e: number, final: boolean): void {
    const g = this.g;
    const s = this.s;
    const st = s.stats;
    st.failures[n * ERROR_COUNT + e] = (st.failures[n * ERROR_COUNT + e] ?? 0) + 1;
    tok.lastTries = tok.attempt;
    if (this.trace) this.emit(c.id, n, -1, 'fail', { error: ERROR_TYPES[e] ?? 'runtime', attempt: tok.attempt });
    const bit = 1 << e;
    let err = e;
    if (!final) {
      const rFrom = g.retStart[n] ?? 0;
      const rTo = g.retStart[n + 1] ?? 0;
      for (let r = rFrom; r < rTo; r++) {
        if (((g.retMask[r] ?? 0) & bit) === 0) continue;
        tok.retryCounts ??= new Array<number>(rTo - rFrom).fill(0);
        const used = tok.retryCounts[r - rFrom] ?? 0;
        if (used + 1 >= (g.retMax[r] ?? 1)) break;
        let delay = Math.min((g.retInit[r] ?? 1) * Math.pow(g.retCoef[r] ?? 2, used), g.retMaxInterval[r] ?? NEVER);
        const jitter = g.retJitter[r];
        if (jitter === 1) delay *= this.u(n, PURPOSE.jitter);
        else if (jitter === 2) delay = delay / 2 + (delay / 2) * this.u(n, PURPOSE.jitter);
        const ra = g.retryAfter[n] ?? -1;
        if (g.retHonor[r] && e === ERR_RATE_LIMITED && ra > delay) delay = ra;
        if (s.now + delay >= tok.deadline) {
          // The wait would outlast scheduleToClose: the step times out for good.
          err = ERR_TIMEOUT;
          break;
        }
        tok.retryCounts[r - rFrom] = used + 1;
        tok.state = TOKEN_STATE.retrying;
        tok.stamp++;
        c.backoffSeconds += delay;
        if (this.trace) this.emit(c.id, n, -1, 'retry', { delaySeconds: delay, nextAttempt: tok.attempt + 1, error: ERROR_TYPES[e] ?? '' });
        this.push(s.now + delay, EV_RETRY, tok.id, tok.stamp, 0);
        return;
      }
    }
    const cbit = 1 << err;
    const cFrom = g.catStart[n] ?? 0;
    const cTo = g.catStart[n + 1] ?? 0;
    for (let k = cFrom; k < cTo; k++) {
      if (((g.catMask[k] ?? 0) & cbit) === 0) continue;
      c.fallback = true;
      st.fallbacks[n] = (st.fallbacks[n] ?? 0) + 1;
      this.leave(tok, n, g.catPort[k] ?? PORT.error);
      return;
    }
    this.endCase(c, OUT_FAILED, n);
  }

  private onRetry(tokenId: number, stamp: number): void {
    const tok = this.live(tokenId);
    if (!tok || tok.state !== TOKEN_STATE.retrying || tok.stamp !== stamp) return;
    const c = this.s.active[tok.caseId];
    if (c) this.call(tok, c, tok.node);
  }

  // ---------------------------------------------------------------- checks

  private startCheck(tok: Token, c: CaseState, n: number): void {
    const s = this.s;
    const g = this.g;
    let latency = this.dist(n, SLOT.latency, PURPOSE.latency);
    if (latency < 0) latency = 0;
    latency *= this.latencyFactor(n);
    const cost = g.costPerCall[n] ?? 0;
    c.cost += cost;
    s.stats.cost[n] = (s.stats.cost[n] ?? 0) + cost;
    s.stats.calls[n] = (s.stats.calls[n] ?? 0) + 1;
    tok.state = TOKEN_STATE.checking;
    tok.stamp++;
    if (this.trace) this.emit(c.id, n, -1, 'start', { latency, cost });
    this.push(s.now + latency, EV_CHECK_DONE, tok.id, tok.stamp, 0);
  }

  /** Latency multiplier of the faults active on node n now (checks and human gates honour only latency faults). */
  private latencyFactor(n: number): number {
    const fs = this.faults;
    const s = this.s;
    let mult = 1;
    const to = fs.start[n + 1] ?? 0;
    for (let k = fs.start[n] ?? 0; k < to; k++) {
      const f = fs.list[k] ?? 0;
      if (s.now < (fs.from[f] ?? 0) || s.now >= (fs.until[f] ?? NEVER) || (s.stats.calls[n] ?? 0) < (fs.afterCalls[f] ?? 0)) continue;
      mult *= fs.latencyMultiplier[f] ?? 1;
    }
    return mult;
  }

  private onCheckDone(tokenId: number, stamp: number): void {
    const tok = this.live(tokenId);
    if (!tok || tok.state !== TOKEN_STATE.checking || tok.stamp !== stamp) return;
    const c = this.s.active[tok.caseId];
    if (!c) return;
    const g = this.g;
    const n = tok.node;
    tok.state = TOKEN_STATE.moving;
    const rate = g.sampleRate[n] ?? 1;
    const audited = rate >= 1 || this.u(n, PURPOSE.decision) < rate;
    let fail = false;
    if (audited) {
      const threshold = g.checkThreshold[n] ?? -1;
      if (threshold >= 0 && tok.conf >= 0) fail = tok.conf < threshold;
      else fail = this.u(n, PURPOSE.decision) < (tok.wrong ? (g.detection[n] ?? 0) : (g.falseReject[n] ?? 0));
    }
    if (!fail) {
      if (this.trace) this.emit(c.id, n, -1, 'pass', { wrong: tok.wrong });
      this.leave(tok, n, PORT.pass);
      return;
    }
    if (g.onFail[n] === 1 && tok.producer >= 0) {
      tok.reasks ??= {};
      const used = tok.reasks[n] ?? 0;
      if (used < (g.maxReasks[n] ?? 0)) {
        tok.reasks[n] = used + 1;
        this.s.stats.loopIterations[tok.producer] = (this.s.stats.loopIterations[tok.producer] ?? 0) + 1;
        if (this.trace) this.emit(c.id, n, -1, 'reask', { to: g.nodeIds[tok.producer] ?? '', reask: used + 1 });
        this.enter(tok, tok.producer, -1);
        return;
      }
    }
    if (this.trace) this.emit(c.id, n, -1, 'reject-check', { wrong: tok.wrong });
    this.leave(tok, n, PORT.fail);
  }

  // ---------------------------------------------------------------- human gates (FIFO queues, c servers)

  private gate(n: number): GateState {
    let gs = this.s.gates[n];
    if (!gs) {
      gs = { queue: [], head: 0, waiting: 0, busy: 0, lastChange: 0, openPending: false };
      this.s.gates[n] = gs;
    }
    return gs;
  }

  /** Accumulate the queue-length integral up to now (call before the length changes). */
  private queueArea(n: number, gs: GateState): void {
    const st = this.s.stats;
    st.gateQueueArea[n] = (st.gateQueueArea[n] ?? 0) + gs.waiting * (this.s.now - gs.lastChange);
    gs.lastChange = this.s.now;
  }

  private hasPortEdge(n: number, port: number): boolean {
    const g = this.g;
    const to = g.outStart[n + 1] ?? 0;
    for (let j = g.outStart[n] ?? 0; j < to; j++) if (g.edgePort[j] === port) return true;
    return false;
  }

  private arriveGate(tok: Token, n: number): void {
    const s = this.s;
    const gs = this.gate(n);
    s.stats.gateArrivals[n] = (s.stats.gateArrivals[n] ?? 0) + 1;
    this.queueArea(n, gs);
    gs.waiting++;
    gs.queue.push(tok.id);
    tok.state = TOKEN_STATE.queued;
    tok.stamp++;
    tok.gateArrive = s.now;
    tok.gateTimedOut = false;
    if (this.trace) this.emit(tok.caseId, n, -1, 'queued', { waiting: gs.waiting, busy: gs.busy });
    const sla = this.g.sla[n] ?? 0;
    // The SLA timer takes an item out of the queue only when there is a `timeout` edge to take it to.
    if (sla > 0 && this.hasPortEdge(n, PORT.timeout)) this.push(s.now + sla, EV_SLA, tok.id, tok.stamp, n);
    this.serve(n, gs);
  }

  private serve(n: number, gs: GateState): void {
    const s = this.s;
    const g = this.g;
    const business = g.calendar[n] === 1;
    while (gs.waiting > 0 && gs.busy < (g.reviewers[n] ?? 1)) {
      if (business && !isOpen(s.now)) {
        if (!gs.openPending) {
          gs.openPending = true;
          this.push(nextOpen(s.now), EV_GATE_OPEN, n, 0, 0);
        }
        return;
      }
      const id = gs.queue[gs.head++];
      if (gs.head > 1024 && gs.head * 2 > gs.queue.length) {
        gs.queue = gs.queue.slice(gs.head);
        gs.head = 0;
      }
      if (id === undefined) break;
      const tok = s.tokens[id];
      if (!tok || tok.state !== TOKEN_STATE.queued || tok.node !== n) continue;
      this.queueArea(n, gs);
      gs.waiting--;
      this.startService(tok, n, gs);
    }
  }

  private startService(tok: Token, n: number, gs: GateState): void {
    const s = this.s;
    const g = this.g;
    const st = s.stats;
    const c = s.active[tok.caseId];
    if (!c) return;
    st.gateWaitSum[n] = (st.gateWaitSum[n] ?? 0) + (s.now - tok.gateArrive);
    st.gateWaitCount[n] = (st.gateWaitCount[n] ?? 0) + 1;
    gs.busy++;
    let service = this.dist(n, SLOT.latency, PURPOSE.latency);
    if (service < 0) service = 0;
    service *= this.latencyFactor(n);
    const stc = g.startToClose[n] ?? 0;
    if (stc > 0 && service > stc && this.hasPortEdge(n, PORT.timeout)) {
      service = stc;
      tok.gateTimedOut = true;
    }
    const end = g.calendar[n] === 1 ? addWorkingSeconds(s.now, service) : s.now + service;
    st.gateBusySeconds[n] = (st.gateBusySeconds[n] ?? 0) + service;
    const cost = (service / 3600) * (g.costPerHour[n] ?? 0);
    c.cost += cost;
    c.humanSeconds += service;
    st.cost[n] = (st.cost[n] ?? 0) + cost;
    st.calls[n] = (st.calls[n] ?? 0) + 1;
    tok.state = TOKEN_STATE.service;
    tok.stamp++;
    if (this.trace) this.emit(c.id, n, -1, 'start', { serviceSeconds: service, waitSeconds: s.now - tok.gateArrive });
    this.push(end, EV_HUMAN_DONE, tok.id, tok.stamp, n);
  }

  private onHumanDone(tokenId: number, stamp: number, n: number): void {
    const s = this.s;
    const g = this.g;
    const gs = this.gate(n);
    gs.busy--;
    const tok = this.live(tokenId);
    if (tok && tok.state === TOKEN_STATE.service && tok.stamp === stamp && s.active[tok.caseId]) {
      const sla = g.sla[n] ?? 0;
      if (sla > 0 && s.now - tok.gateArrive > sla) s.stats.gateSlaBreaches[n] = (s.stats.gateSlaBreaches[n] ?? 0) + 1;
      tok.state = TOKEN_STATE.moving;
      let port: number;
      if (tok.gateTimedOut) {
        port = PORT.timeout;
        s.stats.gateTimeouts[n] = (s.stats.gateTimeouts[n] ?? 0) + 1;
      } else if (tok.wrong) {
        // A wrong item is caught with detectionRate, then rejected or sent back in the reviewers' reject:revise mix.
        if (this.u(n, PURPOSE.decision) < (g.detection[n] ?? 0)) {
          const rej = g.humanOutcome[n * 3 + 1] ?? 0;
          const rev = g.humanOutcome[n * 3 + 2] ?? 0;
          port = rej + rev > 0 && this.u(n, PURPOSE.decision) * (rej + rev) >= rej ? PORT.revise : PORT.reject;
        } else port = PORT.approve;
      } else {
        const u = this.u(n, PURPOSE.decision);
        const a = g.humanOutcome[n * 3] ?? 0;
        const r = g.humanOutcome[n * 3 + 1] ?? 0;
        port = u < a ? PORT.approve : u < a + r ? PORT.reject : PORT.revise;
      }
      if (this.trace) this.emit(tok.caseId, n, -1, 'decision', { port: ['approve', 'reject', 'revise', 'timeout'][port] ?? '', wrong: tok.wrong });
      this.leave(tok, n, port);
    }
    this.serve(n, gs);
  }

  private onSla(tokenId: number, stamp: number, n: number): void {
    const s = this.s;
    const tok = this.live(tokenId);
    if (!tok || tok.state !== TOKEN_STATE.queued || tok.stamp !== stamp || tok.node !== n) return;
    const gs = this.gate(n);
    this.queueArea(n, gs);
    gs.waiting--;
    tok.state = TOKEN_STATE.moving;
    s.stats.gateSlaBreaches[n] = (s.stats.gateSlaBreaches[n] ?? 0) + 1;
    s.stats.gateTimeouts[n] = (s.stats.gateTimeouts[n] ?? 0) + 1;
    if (this.trace) this.emit(tok.caseId, n, -1, 'sla-timeout', { waitedSeconds: s.now - tok.gateArrive });
    this.leave(tok, n, PORT.timeout);
  }

  private onGateOpen(n: number): void {
    const gs = this.gate(n);
    gs.openPending = false;
    this.serve(n, gs);
  }

  // ---------------------------------------------------------------- debugging hooks

  /** Take `edge` at router `node`'s next decision (debug). */
  force(node: number, edge: number): void {
    this.s.forced[node] = edge;
  }

  /** Close the books: flush queue-length integrals and clip breaker open time to the end of the run. */
  finish(): void {
    const s = this.s;
    s.gates.forEach((gs, n) => {
      if (gs) this.queueArea(n, gs);
    });
    s.breakers.forEach((b, n) => {
      if (b && b.openUntil > s.now) s.stats.breakerOpenSeconds[n] = (s.stats.breakerOpenSeconds[n] ?? 0) - (b.openUntil - s.now);
    });
    // Cases that can never move again (e.g. waiting at a join whose siblings are gone) end as stuck.
    for (const c of s.active) if (c) this.endCase(c, OUT_STUCK, -1);
  }
}

/**
 * The edges that close a cycle: back edges of a depth-first walk from the trigger, following each node's edges in
 * document order (so the choice is deterministic). A case entering a node by one goes around a loop once more.
 * Parallel branches meeting again at a join are not loops (a forward or cross edge, not a back edge).
 * @example backEdges(compileGraph(doc))[edgeIndex] // 1 for the edge of a retry-by-loop back to an earlier step
 */
export function backEdges(g: CompiledGraph): Uint8Array {
  const back = new Uint8Array(g.edgeTarget.length);
  // 0 unvisited, 1 on the DFS stack, 2 done. Iterative, so a long chain cannot overflow the call stack.
  const mark = new Uint8Array(g.nodeCount);
  const stack: number[] = [];
  const next: number[] = [];
  const visit = (root: number): void => {
    if (root < 0 || root >= g.nodeCount || mark[root] !== 0) return;
    mark[root] = 1;
    stack.push(root);
    next.push(g.outStart[root] ?? 0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const n = stack[top] ?? 0;
      const j = next[top] ?? 0;
      if (j >= (g.outStart[n + 1] ?? 0)) {
        mark[n] = 2;
        stack.pop();
        next.pop();
        continue;
      }
      next[top] = j + 1;
      const t = g.edgeTarget[j] ?? 0;
      if (mark[t] === 1) back[j] = 1;
      else if (mark[t] === 0) {
        mark[t] = 1;
        stack.push(t);
        next.push(g.outStart[t] ?? 0);
      }
    }
  };
  visit(g.trigger);
  for (let n = 0; n < g.nodeCount; n++) visit(n);
  return back;
}

/** Run one replication to the end. */
export interface ReplicationResult {
  readonly replication: number;
  readonly cases: number;
  /** Simulated time at which the last case ended. */
  readonly endTime: number;
  readonly events: number;
  readonly results: CaseResults;
  readonly stats: NodeStats;
}

/**
 * Run replication `replication` of `cases` cases and return its per-case results and per-node statistics.
 * @example runReplication(compileGraph(doc), compileFaults(g, doc, []), { seed: 1, replication: 0, cases: 100, arrival })
 */
export function runReplication(g: CompiledGraph, faults: CompiledFaults, cfg: EngineConfig, shouldCancel?: () => boolean): ReplicationResult | null {
  const e = new Engine(g, faults, cfg);
  if (shouldCancel) {
    while (!e.run(65_536)) if (shouldCancel()) return null;
  } else e.run();
  e.finish();
  return { replication: cfg.replication, cases: cfg.cases, endTime: e.s.now, events: e.s.events, results: e.s.results, stats: e.s.stats };
}

// ------------------------------------------------------------------------------------------------ checkpoints

/** JSON-safe value: what a checkpoint is made of. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const TYPED = { Float64Array, Int32Array, Uint32Array, Uint8Array, Int8Array } as const;
type TypedName = keyof typeof TYPED;

function toPlain(v: unknown): Plain {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name as TypedName;
    return { $typed: name, data: Array.from(v as unknown as ArrayLike<number>) };
  }
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object') {
    const out: { [key: string]: Plain } = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  throw new Error(`cannot checkpoint a ${typeof v}`);
}

function fromPlain(v: Plain): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(fromPlain);
  const typed = v.$typed;
  if (typeof typed === 'string' && typed in TYPED && Array.isArray(v.data)) {
    return TYPED[typed as TypedName].from(v.data as number[]);
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = fromPlain(x);
  return out;
}

/**
 * A deep, JSON-safe copy of an engine's whole state (typed arrays become tagged number lists).
 * @example const cp = checkpointState(engine.s); JSON.stringify(cp) // storable anywhere
 */
export function checkpointState(s: EngineState): Plain {
  return toPlain(s);
}

/**
 * Rebuild an engine state from a checkpoint made by `checkpointState` of the same compiled graph. The checkpoint is
 * trusted data this module wrote (not user input), so its shape is not re-validated field by field.
 * @example const e2 = new Engine(g, faults, cfg, restoreState(cp))
 */
export function restoreState(cp: Plain): EngineState {
  return fromPlain(cp) as EngineState;
}
