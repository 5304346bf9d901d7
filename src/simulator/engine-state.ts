/**
 * The engine's whole mutable state, as one plain object (`EngineState`): the clock, the event queue, the random
 * streams, the live cases with their tokens and branch groups, the human-gate queues, the circuit breakers and
 * the statistics. Nothing else (no closure, no class instance) holds simulation state, so `checkpointState`
 * (checkpoint.ts) can copy it and a new `Engine` can resume from the copy.
 */
import { ERROR_COUNT, KIND, type CompiledGraph } from './compile.ts';
import type { CompiledArrival, CompiledAttributes } from './compile-scenario.ts';
import { createEventQueue, type EventQueue } from './event-queue.ts';
import { fixedShape, replaceable } from './fixed-shape.ts';
import { PURPOSE_COUNT } from './rng.ts';

/** What a token is doing. */
export const TOKEN_STATE = {
  /** Between nodes, or at an instantaneous node (trigger, router, join passing it, output). */
  moving: 0,
  /** A try of an ai/tool step is in flight. */
  running: 1,
  /** Waiting out a retry's backoff. */
  retrying: 2,
  /** In a human gate's queue. */
  queued: 3,
  /** With a reviewer. */
  service: 4,
  /** Waiting at a join for its sibling branches. */
  parked: 5,
  /** Being judged by a check. */
  checking: 6,
} as const;

/**
 * One branch of a case: the item as it moves through the graph. A case starts as one token; splits create more.
 */
export interface Token {
  id: number;
  caseId: number;
  /** The branch group it belongs to (the case's root group until a split). */
  group: number;
  node: number;
  /** A TOKEN_STATE. */
  state: number;
  /** Bumped whenever the token starts waiting, so a stale timer for an earlier wait is ignored. */
  stamp: number;
  /** The item carries a silent error. */
  wrong: boolean;
  /** Node that produced the wrong result, -1 if the item is correct. */
  wrongBy: number;
  /** Last confidence score, -1 when no step reported one. */
  confidence: number;
  /** Tries of the current ai/tool step so far. */
  attempt: number;
  /** Tries the last ai/tool step took (the `attempt` field of router conditions). */
  lastTries: number;
  /** scheduleToClose deadline of the current step, NEVER when it has none. */
  deadline: number;
  /** Tries used under each retrier of the current step (by position in the node's retriers), null before any. */
  retryCounts: number[] | null;
  /** Outcome code of the try in flight (OUTCOME_OK, OUTCOME_WRONG, or error e + 2). */
  pendingOutcome: number;
  /** The try in flight ran into scheduleToClose: its timeout is final (no retry). */
  finalTry: boolean;
  /**
   * An error that always repeats (repeat probability 1: it belongs to the input) drawn by the step's first try,
   * -1 none. Every retry fails with it; a later try never draws such an error afresh.
   */
  repeatingError: number;
  /**
   * The error the stub's draw failed the previous try with, when that error repeats only sometimes (its repeat
   * probability is between 0 and 1): a retry repeats it with that probability. -1 otherwise.
   */
  lastError: number;
  /** The last ai/tool step the item passed: where a check's re-ask sends it back. -1 before any. */
  producer: number;
  /** Re-asks used per check (keyed by the check's node index), null before any. */
  reasks: Record<string, number> | null;
  /** Passes still to make per loop the item is inside (keyed by the loop's node index), null outside any. */
  loops: Record<string, number> | null;
  /** Edge the token came by (what the debugger highlights), -1 at the start. */
  lastEdge: number;
  /** When it joined the human gate's queue. */
  gateArrivedAt: number;
  /** Its service was cut by the gate's startToCloseSeconds: it leaves by `timeout`. */
  gateTimedOut: boolean;
}

export interface CaseState {
  id: number;
  arrival: number;
  cost: number;
  /** ai/tool tries, short-circuited ones included. */
  tries: number;
  humanSeconds: number;
  backoffSeconds: number;
  /** A catcher routed one of its errors. */
  fallback: boolean;
  /** The case's attribute values (drawn on arrival), null when the scenario has none. */
  attributes: Record<string, number | string | boolean> | null;
  /** Worst output outcome reached so far (code), -1 for none. */
  outcome: number;
  /** A wrong item reached a `success` output. */
  wrongDelivered: boolean;
  /** Tokens that can still move on their own (not parked at a join): 0 with the case alive means stuck. */
  moving: number;
  /**
   * Row of `EngineState.visits` holding this case's entries per node. Rows are recycled when cases end, so a
   * case costs no typed-array allocation (one per case was ~5% of engine time, counting GC).
   */
  slot: number;
  /** Every token and group the case ever created (ended ones are null in the state's arrays). */
  tokens: number[];
  groups: number[];
}

/** The branches of one split. Groups nest: a split inside a branch makes a child group. */
export interface Group {
  id: number;
  caseId: number;
  /** The group the split token belonged to, -1 for a case's root group. */
  parent: number;
  /** Branches still alive (moving, waiting or parked). */
  live: number;
  /** Token ids waiting at a join for their siblings. */
  parked: number[];
  done: boolean;
  /** Its join's timeout is scheduled (it starts when the first branch arrives). */
  timerArmed: boolean;
}

/** A human gate's FIFO queue and its reviewers. */
export interface GateState {
  /**
   * Token ids in arrival order, as a ring: `queued` entries from position `head`, wrapping at the end (the length
   * is a power of two; a full ring is copied into one twice as long). Entries of tokens that left the queue (SLA
   * timeout, cancelled, case ended) stay until they come up, and are skipped then. A ring rather than a list
   * served from the front: trimming the served prefix of a list and growing it again was ~15 bytes of garbage per
   * event on bench/peers model C.
   */
  queue: Int32Array;
  head: number;
  queued: number;
  waiting: number;
  busy: number;
  /** When `waiting` last changed (for the time-average queue length). */
  lastChange: number;
  /** A gate-open event is scheduled (business-hours gate closed with items waiting). */
  openPending: boolean;
}

/** A circuit breaker's sliding window of the last `windowSize` completed calls. */
export interface BreakerState {
  /** 1 for a failed call, 0 for a successful one; `pos` is where the next one goes. */
  ring: number[];
  pos: number;
  count: number;
  fails: number;
  /** Calls fail at once until this time. */
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
  /** Events processed so far. */
  events: number;
  cases: number;
  arrived: number;
  ended: number;
  nextToken: number;
  nextGroup: number;
  /**
   * Every random stream of the replication (rng.ts), 4 words each, seeded at its first draw (`EngineCore.stream`):
   * `rngSeeded` is 1 for a stream that has been. Seeding all of them up front (ten per node) was ~7 ms of a cold
   * run of bench/peers model C (82 nodes), most of it for streams never drawn from.
   */
  rng: Uint32Array;
  rngSeeded: Uint8Array;
  queue: EventQueue;
  /** Entries per node of the active cases: row `slot` of `nodeCount` counters; free rows are all zero. */
  visits: Int32Array;
  freeSlots: number[];
  slots: number;
  // Tokens, groups and cases are numbered 0, 1, 2... in creation order, so they live in arrays indexed by id (null
  // once ended) rather than in objects keyed by id: objects that see `delete` fall into V8's dictionary mode and
  // every lookup becomes a hash probe (measured: ~25% of engine time). The case array grows by one slot per
  // case ever created, the same order of memory as the per-case results; tokens and groups, the most numerous,
  // are in rings (below).
  /**
   * The live tokens, as a ring: token `id` sits at `id & (tokens.length - 1)` (the length is a power of two, doubled
   * whenever a new token's place is still taken by a live one), ended places are null. Ids are never reused, so a
   * lookup checks the id of what it finds. A list indexed by id grew by one place per token ever made (model C: 31
   * per case), its growth costing page faults and copies; the ring stays as long as the span of live ids needs.
   * Iterate it in id order where order matters (the debugger's view).
   */
  tokens: (Token | null)[];
  /** The live branch groups, as a ring by id like `tokens`. */
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
  /** The scenario's case attributes: each case draws its values on arrival; router conditions test them. */
  readonly attributes?: CompiledAttributes;
}

/** A human gate's empty queue, all reviewers free. */
export function newGate(): GateState {
  // `queue` grows by replacement (enqueue in human-gates.ts): see `replaceable`.
  return replaceable(fixedShape({ queue: new Int32Array(0), head: 0, queued: 0, waiting: 0, busy: 0, lastChange: 0, openPending: false }), { queue: new Int32Array(16) });
}

/**
 * An empty list for objects, made with object elements from the start. An empty literal starts as a list of
 * small integers and changes kind at its first object, so optimised code that pushed onto the previous
 * replication's list would meet a list of another kind and be thrown away (see fixed-shape.ts).
 */
export function objectList<T>(): (T | null)[] {
  const list: (T | null)[] = [null];
  list.pop();
  return list;
}

/**
 * A ring of `length` empty places (a power of two) for objects, made with object elements (see `objectList`).
 * @example nullRing<Token>(64).length // 64
 */
export function nullRing<T>(length: number): (T | null)[] {
  const ring = objectList<T>();
  for (let i = 0; i < length; i++) ring.push(null);
  return ring;
}

function newStats(n: number): NodeStats {
  const f = (): Float64Array => new Float64Array(n);
  return fixedShape({
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
  });
}

function newResults(cases: number): CaseResults {
  return fixedShape({
    outcome: new Uint8Array(cases),
    wrong: new Uint8Array(cases),
    fallback: new Uint8Array(cases),
    cycle: new Float64Array(cases),
    cost: new Float64Array(cases),
    tries: new Float64Array(cases),
    humanSeconds: new Float64Array(cases),
    backoffSeconds: new Float64Array(cases),
  });
}

/** Random stream slots of a replication: one per node, one for the workflow (arrivals), one per case attribute. */
function streamSlots(g: CompiledGraph, cfg: EngineConfig): number {
  return g.nodeCount + 1 + (cfg.attributes?.names.length ?? 0);
}

/**
 * A fresh engine state for one replication (nothing has arrived yet, nothing is scheduled).
 * @example const s = initialState(g, { seed: 1, replication: 0, cases: 100, arrival: { poisson: true, meanGapSeconds: 60 } })
 */
export function initialState(g: CompiledGraph, cfg: EngineConfig): EngineState {
  const state = fixedShape({
    now: 0,
    events: 0,
    cases: cfg.cases,
    arrived: 0,
    ended: 0,
    nextToken: 0,
    nextGroup: 0,
    rng: new Uint32Array(streamSlots(g, cfg) * PURPOSE_COUNT * 4),
    rngSeeded: new Uint8Array(streamSlots(g, cfg) * PURPOSE_COUNT),
    queue: createEventQueue(64),
    visits: new Int32Array(0),
    freeSlots: [],
    slots: 0,
    tokens: objectList<Token>(),
    groups: objectList<Group>(),
    active: new Array<CaseState | null>(cfg.cases).fill(null),
    // Made up front for every human gate, not on first use: a replication's first item at a gate would otherwise
    // run a path the optimised engine has never seen (a deoptimisation per replication). An unused gate adds 0.
    gates: Array.from(g.kind, (k) => (k === KIND.human ? newGate() : null)),
    breakers: new Array<BreakerState | null>(g.nodeCount).fill(null),
    forced: new Array<number>(g.nodeCount).fill(-1),
    stats: newStats(g.nodeCount),
    results: newResults(cfg.cases),
  });
  // The buffers that grow by replacement (newSlot, place, placeGroup in engine-core.ts): see `replaceable`.
  return replaceable(state, { visits: new Int32Array(64 * g.nodeCount), tokens: nullRing<Token>(64), groups: nullRing<Group>(64) });
}
