/**
 * The bottom layer of the engine (see engine.ts for the layers): what every part needs, namely the compiled graph,
 * the state, random draws, tracing, scheduling, and the life of cases, tokens and branch groups (a case arrives,
 * its branches end or are dropped, and the case ends with an outcome).
 *
 * Methods that belong to a higher layer but are called from here are declared abstract: `enter` (routing.ts),
 * `tryFireJoin` (routing.ts) and `leaveQueue` (human-gates.ts).
 */
import { DEFAULT_VISIT_LIMIT } from '../domain/semantics/index.ts';
import { backEdges, CASE_OUTCOMES, NEVER, OUT_FAILED, OUT_STUCK, type CompiledGraph } from './compile.ts';
import type { CompiledFaults } from './compile-scenario.ts';
import { DIST, sampleCoded } from './distributions.ts';
import { initialState, nullRing, objectList, TOKEN_STATE, type CaseState, type EngineConfig, type EngineState, type Group, type Token } from './engine-state.ts';
import { EVENT, pushEvent } from './event-queue.ts';
import { nextFloat, PURPOSE, PURPOSE_COUNT, seedStream } from './rng.ts';

export { DEFAULT_VISIT_LIMIT };

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

export abstract class EngineCore {
  readonly g: CompiledGraph;
  /** Replaced by the debugger when it injects a fault. */
  faults: CompiledFaults;
  readonly cfg: EngineConfig;
  readonly s: EngineState;
  /** Set by the debugger; null in batch runs (every `emit` is behind a check of it, so tracing costs nothing). */
  trace: TraceSink | null = null;
  protected readonly visitLimit: number;
  /** The scenario gives cases attributes to draw on arrival. */
  private readonly hasAttributes: boolean;
  /** 1 for edges that close a cycle: an entry by one is a loop iteration. */
  protected readonly backEdge: Uint8Array;

  constructor(g: CompiledGraph, faults: CompiledFaults, cfg: EngineConfig, state?: EngineState) {
    this.g = g;
    this.faults = faults;
    this.cfg = cfg;
    this.visitLimit = cfg.visitLimit ?? DEFAULT_VISIT_LIMIT;
    this.hasAttributes = (cfg.attributes?.names.length ?? 0) > 0;
    this.backEdge = backEdges(g);
    if (state) {
      this.s = state;
    } else {
      this.s = initialState(g, cfg);
      // Not through a method: a method called on an object still being constructed (its subclasses' fields not yet
      // added) meets optimised code made for the finished engine and throws it away, once per replication.
      if (cfg.cases > 0) pushEvent(this.s.queue, 0, EVENT.arrival, 0, 0, 0);
    }
  }

  /** A token's entry into node n (by `edge`, or -1 for a re-ask or the start): routing.ts. */
  protected abstract enter(tok: Token, n: number, edge: number): void;
  /** Fire a join whose group may now be complete: routing.ts. */
  protected abstract tryFireJoin(c: CaseState, grp: Group): void;
  /** Take a queued token out of its gate's queue: human-gates.ts. */
  protected abstract leaveQueue(tok: Token): void;

  // ---------------------------------------------------------------- randomness

  /**
   * The offset in `s.rng` of stream slot `node`'s stream for `purpose` (rng.ts), seeded at its first draw: a stream's
   * state depends on its key alone, so it is the same whenever it is seeded, and most streams are never drawn from.
   */
  protected stream(node: number, purpose: number): number {
    const k = node * PURPOSE_COUNT + purpose;
    if (this.s.rngSeeded[k] === 0) this.seed(k);
    return k * 4;
  }

  /** Seed stream k (node * PURPOSE_COUNT + purpose): see `stream`. */
  private seed(k: number): void {
    seedStream(this.s.rng, this.cfg.seed, this.cfg.replication, Math.floor(k / PURPOSE_COUNT), k % PURPOSE_COUNT);
    this.s.rngSeeded[k] = 1;
  }

  /** A uniform draw in [0, 1) from node n's stream for `purpose`. */
  protected uniform(node: number, purpose: number): number {
    // `stream`'s check written out: a draw is one call less for the interpreter (see sampleSlot).
    const k = node * PURPOSE_COUNT + purpose;
    if (this.s.rngSeeded[k] === 0) this.seed(k);
    return nextFloat(this.s.rng, k * 4);
  }

  /** A draw from node n's distribution in `slot` (SLOT), or -1 when the node has none there. */
  protected sampleSlot(node: number, slot: number, purpose: number): number {
    const g = this.g;
    const k = node * 5 + slot;
    const code = g.distCode[k] ?? -1;
    if (code < 0) return -1;
    // `stream`'s check written out, as in `uniform`: the first thousands of events of a one-shot run are
    // interpreted, where each call costs more than the check.
    const stream = node * PURPOSE_COUNT + purpose;
    if (this.s.rngSeeded[stream] === 0) this.seed(stream);
    // The exponential (service and latency in most designs) drawn here, with sampleCoded's very expression: this
    // small method is inlined into its callers and sampleCoded's switch is not, so the common case costs no call
    // and no boxed return value (model C warm ~3% faster). Same draw, same bits.
    if (code === DIST.exponential) return -(g.distParam[k * 3] ?? 0) * Math.log(nextFloat(this.s.rng, stream * 4));
    return sampleCoded(code, g.distParam[k * 3] ?? 0, g.distParam[k * 3 + 1] ?? 0, g.distParam[k * 3 + 2] ?? 0, this.s.rng, stream * 4);
  }

  // ---------------------------------------------------------------- tracing

  protected emit(caseId: number, node: number, edge: number, type: TraceType, detail: Record<string, string | number | boolean> = {}): void {
    this.trace?.({ time: this.s.now, caseId, node, edge, type, detail });
  }

  // ---------------------------------------------------------------- cases, tokens, groups

  protected onArrival(): void {
    const s = this.s;
    const id = s.arrived++;
    if (s.arrived < s.cases) {
      const gap = this.cfg.arrival.poisson ? -this.cfg.arrival.meanGapSeconds * Math.log(nextFloat(s.rng, this.stream(this.g.nodeCount, PURPOSE.arrival))) : this.cfg.arrival.meanGapSeconds;
      pushEvent(s.queue, s.now + gap, EVENT.arrival, 0, 0, 0);
    }
    const groupId = this.newGroup(id, -1, 1);
    const c = this.spareCases.pop() ?? blankCase();
    c.id = id;
    c.arrival = s.now;
    c.cost = 0;
    c.tries = 0;
    c.humanSeconds = 0;
    c.backoffSeconds = 0;
    c.fallback = false;
    // Calls only where there is work: this runs once per case, and the first thousands of cases of a one-shot run
    // are interpreted, where a call costs more than the test around it.
    c.attributes = this.hasAttributes ? this.drawAttributes() : null;
    c.outcome = -1;
    c.wrongDelivered = false;
    c.moving = 0;
    c.slot = s.freeSlots.pop() ?? this.newSlot();
    // Emptied by popping, keeping their storage for the next case (storing `length` would drop it).
    const tokens = c.tokens;
    while (tokens.length > 0) tokens.pop();
    const groups = c.groups;
    while (groups.length > 0) groups.pop();
    groups.push(groupId);
    s.active[id] = c;
    const tok = this.newToken(c, groupId, null);
    this.enter(tok, this.g.trigger, -1);
  }

  /** A new case's attribute values: attribute k draws from its own stream (slot nodeCount + 1 + k). */
  private drawAttributes(): Record<string, number | string | boolean> | null {
    const a = this.cfg.attributes;
    if (!a) return null;
    const s = this.s;
    const out: Record<string, number | string | boolean> = {};
    a.names.forEach((name, k) => {
      const stream = this.stream(this.g.nodeCount + 1 + k, PURPOSE.decision);
      const code = a.code[k] ?? -1;
      if (code >= 0) {
        out[name] = sampleCoded(code, a.param[k * 3] ?? 0, a.param[k * 3 + 1] ?? 0, a.param[k * 3 + 2] ?? 0, s.rng, stream);
        return;
      }
      const u = nextFloat(s.rng, stream);
      const to = a.rowStart[k + 1] ?? 0;
      let row = a.rowStart[k] ?? 0;
      while (row < to - 1 && u >= (a.rowCdf[row] ?? 1)) row++;
      const v = a.rowValue[row];
      if (v !== undefined) out[name] = v;
    });
    return out;
  }

  /** A new zeroed row of the visit counters, when no freed one is left (`onArrival` takes those first). */
  private newSlot(): number {
    const s = this.s;
    const n = this.g.nodeCount;
    if ((s.slots + 1) * n > s.visits.length) {
      const bigger = new Int32Array(Math.max(s.visits.length * 2, n));
      bigger.set(s.visits);
      s.visits = bigger;
    }
    return s.slots++;
  }

  /**
   * Token objects whose token has ended, for `newToken` to fill again. A token keeps its id for life and ids are
   * never reused, so an event or a queue entry of an ended token still finds nothing at its id; only the object is
   * recycled. Model C of bench/peers makes ~0.75 tokens per event and most outlive a young-generation collection,
   * so fresh objects cost their allocation and a promotion each (newToken and GC were ~16% of its profile).
   * Not engine state: a checkpoint (or a resumed engine) starts with none, which changes nothing it computes.
   */
  private readonly spare = objectList<Token>();

  /** A new token of case c in `group`, carrying the item of `from` (a split or a merge), or a fresh item. */
  protected newToken(c: CaseState, group: number, from: Token | null): Token {
    const s = this.s;
    const tok = this.spare.pop() ?? blankToken();
    tok.id = s.nextToken++;
    tok.caseId = c.id;
    tok.group = group;
    tok.node = -1;
    tok.state = TOKEN_STATE.moving;
    tok.stamp = 0;
    tok.wrong = from ? from.wrong : false;
    tok.wrongBy = from ? from.wrongBy : -1;
    tok.confidence = from ? from.confidence : -1;
    tok.attempt = 0;
    tok.lastTries = from ? from.lastTries : 0;
    tok.deadline = NEVER;
    tok.retryCounts = null;
    tok.pendingOutcome = 0;
    tok.finalTry = false;
    tok.repeatingError = -1;
    tok.lastError = -1;
    tok.producer = from ? from.producer : -1;
    tok.reasks = from?.reasks ? { ...from.reasks } : null;
    tok.loops = from?.loops ? { ...from.loops } : null;
    tok.lastEdge = -1;
    tok.gateArrivedAt = 0;
    tok.gateTimedOut = false;
    // Its place in the ring of live tokens is free unless the ring must grow (`place`): one call less per token.
    const ring = s.tokens;
    const at = tok.id & (ring.length - 1);
    if (ring[at] == null) ring[at] = tok;
    else this.place(tok);
    // Drop ended tokens from the case's list now and then (joins that fire close their group without a search, so
    // nothing else compacts it), keeping it proportional to what is alive in a case that loops through splits.
    if (c.tokens.length >= 64 && (c.tokens.length & 63) === 0) c.tokens = c.tokens.filter((id) => this.live(id) !== null);
    c.tokens.push(tok.id);
    c.moving++;
    return tok;
  }

  /** Put a new token in the ring of live tokens (EngineState.tokens), doubling the ring while its place is taken. */
  private place(tok: Token): void {
    const s = this.s;
    while (s.tokens[tok.id & (s.tokens.length - 1)] != null) s.tokens = doubledRing(s.tokens);
    s.tokens[tok.id & (s.tokens.length - 1)] = tok;
  }

  /**
   * Token `tok` has ended: its id no longer finds it, and its object goes back to the spares. Every caller is done
   * with the object once it calls this (what it still needs, it reads first).
   */
  protected release(tok: Token): void {
    const s = this.s;
    const ring = s.tokens;
    const at = tok.id & (ring.length - 1);
    if (ring[at] !== tok) return;
    ring[at] = null;
    this.spare.push(tok);
  }

  /**
   * Case objects whose case has ended, for `onArrival`. A case is created only by an arrival event, before
   * anything of that event can end one, so an object is never reused while a call that ended its case is still
   * on the stack (such a call may test `s.active[c.id]` after the case ended, and must find null there).
   */
  private readonly spareCases = objectList<CaseState>();

  /** Group objects whose group has ended, for `newGroup` (as `spare` is for tokens: ids are never reused). */
  private readonly spareGroups = objectList<Group>();

  /** A new branch group of case `caseId` nested in `parent` (-1 for a case's root group) with `live` branches. */
  protected newGroup(caseId: number, parent: number, live: number): number {
    const s = this.s;
    const grp = this.spareGroups.pop() ?? blankGroup();
    const id = s.nextGroup++;
    grp.id = id;
    grp.caseId = caseId;
    grp.parent = parent;
    grp.live = live;
    // Emptied by popping: a store to `length` is a call into the runtime; pop is inlined (two or three entries).
    const parked = grp.parked;
    while (parked.length > 0) parked.pop();
    grp.done = false;
    grp.timerArmed = false;
    // Its ring place is free unless the ring must grow (`placeGroup`), as for tokens: one call less per split.
    const ring = s.groups;
    const at = id & (ring.length - 1);
    if (ring[at] == null) ring[at] = grp;
    else this.placeGroup(grp);
    return id;
  }

  /** The live group with this id, or null when it ended (EngineState.groups is a ring, like the tokens'). */
  protected groupAt(id: number): Group | null {
    const ring = this.s.groups;
    const grp = ring[id & (ring.length - 1)];
    return grp != null && grp.id === id ? grp : null;
  }

  private placeGroup(grp: Group): void {
    const s = this.s;
    while (s.groups[grp.id & (s.groups.length - 1)] != null) s.groups = doubledRing(s.groups);
    s.groups[grp.id & (s.groups.length - 1)] = grp;
  }

  /** Group `gid` has ended (or was never alive): its id no longer finds it, and its object goes back to the spares. */
  protected releaseGroup(gid: number): void {
    const grp = this.groupAt(gid);
    if (grp) this.freeGroup(grp);
  }

  /** Live group `grp` has ended: what `releaseGroup` does once it has found it. */
  private freeGroup(grp: Group): void {
    const s = this.s;
    grp.done = true;
    s.groups[grp.id & (s.groups.length - 1)] = null;
    this.spareGroups.push(grp);
  }

  /** The live token with this id, or null when it ended or was cancelled (a stale event). */
  protected live(id: number): Token | null {
    const ring = this.s.tokens;
    const t = ring[id & (ring.length - 1)];
    return t != null && t.id === id ? t : null;
  }

  /** Take a token out of play without touching group accounting (its replacement or its case does that). */
  protected drop(tok: Token): void {
    const s = this.s;
    const c = s.active[tok.caseId];
    if (tok.state === TOKEN_STATE.queued) this.leaveQueue(tok);
    if (c && tok.state !== TOKEN_STATE.parked) c.moving--;
    this.release(tok);
  }

  /** A branch ends normally (reached an output or was absorbed): the group shrinks and may complete. */
  protected finishToken(tok: Token): void {
    const c = this.s.active[tok.caseId];
    const group = tok.group;
    this.drop(tok);
    if (!c) return;
    this.shrink(c, group);
    // checkStuck, written out: once per branch, and the case has usually just ended (then there is nothing to call).
    if (c.moving === 0 && this.s.active[c.id]) this.endCase(c, OUT_STUCK, -1);
  }

  /** One branch of the group is gone: fire its join if the rest are all there, or close finished groups upwards. */
  private shrink(c: CaseState, groupId: number): void {
    let gid = groupId;
    for (;;) {
      const grp = this.groupAt(gid);
      if (!grp) return;
      grp.live--;
      if (grp.live > 0) {
        this.tryFireJoin(c, grp);
        return;
      }
      const parent = grp.parent;
      this.freeGroup(grp);
      if (parent < 0) {
        // The root group is done: the case ends with the worst outcome its branches reached.
        this.endCase(c, c.outcome < 0 ? OUT_STUCK : c.outcome, -1);
        return;
      }
      gid = parent;
    }
  }

  /** A live case with no token that can move (all parked at joins that cannot fire) ends stuck. */
  protected checkStuck(c: CaseState): void {
    if (this.s.active[c.id] && c.moving === 0) this.endCase(c, OUT_STUCK, -1);
  }

  /** End case c with `outcome` (at node `atNode`, or -1): drop its tokens, free its visit row, record its results. */
  protected endCase(c: CaseState, outcome: number, atNode: number): void {
    const s = this.s;
    if (!s.active[c.id]) return;
    s.active[c.id] = null;
    // Indexed loops here and below: the interpreter runs for-of through the iterator protocol, and a one-shot
    // `baton simulate` runs much of its first thousands of cases interpreted.
    // A case that ends normally has nothing left alive in these lists: `live`'s and `groupAt`'s lookups written
    // out, so that it costs no call per entry either.
    const tokens = c.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const id = tokens[i] ?? -1;
      const t = s.tokens[id & (s.tokens.length - 1)];
      if (t != null && t.id === id) this.drop(t);
    }
    const groups = c.groups;
    for (let i = 0; i < groups.length; i++) {
      const id = groups[i] ?? -1;
      const grp = s.groups[id & (s.groups.length - 1)];
      if (grp != null && grp.id === id) this.freeGroup(grp);
    }
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
    this.spareCases.push(c);
  }
}

/** A group object before `newGroup` fills it. */
function blankGroup(): Group {
  return { id: 0, caseId: 0, parent: -1, live: 0, parked: [], done: false, timerArmed: false };
}

/** A case object before `onArrival` fills it. */
function blankCase(): CaseState {
  return { id: 0, arrival: 0, cost: 0, tries: 0, humanSeconds: 0, backoffSeconds: 0, fallback: false, attributes: null, outcome: -1, wrongDelivered: false, moving: 0, slot: 0, tokens: [], groups: [] };
}

/** A token object before `newToken` fills it, with every field of the type its values have, so all share a shape. */
export function blankToken(): Token {
  return {
    id: 0,
    caseId: 0,
    group: 0,
    node: -1,
    state: 0,
    stamp: 0,
    wrong: false,
    wrongBy: -1,
    confidence: -1,
    attempt: 0,
    lastTries: 0,
    deadline: NEVER,
    retryCounts: null,
    pendingOutcome: 0,
    finalTry: false,
    repeatingError: -1,
    lastError: -1,
    producer: -1,
    reasks: null,
    loops: null,
    lastEdge: -1,
    gateArrivedAt: 0,
    gateTimedOut: false,
  };
}

/** The ring's live entries in a ring twice as long (two that share a place there shared one before: none do). */
function doubledRing<T extends { readonly id: number }>(ring: readonly (T | null)[]): (T | null)[] {
  const bigger = nullRing<T>(ring.length * 2);
  for (const t of ring) if (t) bigger[t.id & (bigger.length - 1)] = t;
  return bigger;
}
