/**
 * Engine layer: moving along the graph (see engine.ts for the layers). `enter` counts a token's visit (and ends
 * the case at the visit guard), then hands it to its node's kind; loops count their passes; `leave` takes a port's edges: one edge moves
 * on, several split the token into a group of parallel branches, none is a dead end. Routers choose edges
 * (exclusive, parallel, inclusive); joins wait for, take the first of, or pass the branches of a group; outputs
 * record the case's outcome.
 */
import { evaluateCondition, type Condition } from '../domain/index.ts';
import { joinReleases, mergeBranches, visitGuardHit } from '../domain/semantics/index.ts';
import { JOIN_MODE, KIND, LOOP_PASS_LIMIT, OUT_FAILED, OUT_STUCK, PORT, ROUTER_MODE, SEVERITY_BY_CODE, SLOT, type CompiledGraph } from './compile.ts';
import { TOKEN_STATE, type CaseState, type Group, type Token } from './engine-state.ts';
import { blankToken } from './engine-core.ts';
import { EVENT, pushEvent } from './event-queue.ts';
import { fixedShape } from './fixed-shape.ts';
import { HumanGates } from './human-gates.ts';
import { PURPOSE } from './rng.ts';

type ConditionValues = Record<string, number | string | boolean | undefined>;

export abstract class Routing extends HumanGates {
  /** Token enters node n (by edge `edge`, or -1 for a re-ask or the start). */
  protected enter(tok: Token, n: number, edge: number): void {
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
    const kind = this.g.kind[n];
    // A loop is bounded by its items, not by the guard (LOOP_PASS_LIMIT caps a runaway item count); an output
    // ends the branch that reaches it, so no cycle runs through one and many arrivals are no runaway.
    if (visitGuardHit(v, this.visitLimit) && kind !== KIND.loop && kind !== KIND.output) {
      st.guardHits[n] = (st.guardHits[n] ?? 0) + 1;
      this.endCase(c, OUT_STUCK, n);
      return;
    }
    switch (kind) {
      case KIND.trigger:
        this.leave(tok, n, PORT.out);
        return;
      case KIND.ai:
      case KIND.tool:
      case KIND.data:
        this.startStep(tok, c, n);
        return;
      case KIND.loop:
        this.passLoop(tok, c, n);
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

  /** The edges out of each (node, port), in document order (see `edgesByPort`). */
  private readonly byPort = edgesByPort(this.g);
  /** Edge j is entry j: the parallel router splits over a range of its own edges with the same code as `leave`. */
  private readonly allEdges = Int32Array.from({ length: this.g.edgeTarget.length }, (_, j) => j);

  /** Leave node n by a port: one edge moves on, several split into a group, none is a dead end (stuck). */
  protected leave(tok: Token, n: number, port: number): void {
    const g = this.g;
    const c = this.s.active[tok.caseId];
    if (!c) return;
    const bp = this.byPort;
    const k = n * bp.ports + port;
    const from = port < bp.ports ? (bp.start[k] ?? 0) : 0;
    const to = port < bp.ports ? (bp.start[k + 1] ?? 0) : 0;
    if (to === from) {
      // An unwired error port of a step is an unhandled error (failed); any other unwired port is a dead end.
      if (port === PORT.error && (g.kind[n] === KIND.ai || g.kind[n] === KIND.tool || g.kind[n] === KIND.data)) {
        this.endCase(c, OUT_FAILED, n);
      } else {
        this.endCase(c, OUT_STUCK, n);
      }
      return;
    }
    if (to - from === 1) {
      // `follow`, written out: most nodes are left by one edge, and each call costs the interpreter more than this.
      const edge = bp.edge[from] ?? 0;
      tok.lastEdge = edge;
      if (this.trace) this.emit(tok.caseId, tok.node, edge, 'route');
      this.enter(tok, g.edgeTarget[edge] ?? 0, edge);
      return;
    }
    this.split(tok, c, bp.edge, from, to);
  }

  private follow(tok: Token, edge: number): void {
    tok.lastEdge = edge;
    if (this.trace) this.emit(tok.caseId, tok.node, edge, 'route');
    this.enter(tok, this.g.edgeTarget[edge] ?? 0, edge);
  }

  /**
   * Split a token into one branch per edge (edges[from] .. edges[to - 1]), as a new group (the old token's place in
   * its group passes to it).
   */
  private split(tok: Token, c: CaseState, edges: ArrayLike<number>, from: number, to: number): void {
    const s = this.s;
    const count = to - from;
    const gid = this.newGroup(c.id, tok.group, count);
    // Drop ended groups from the case's list now and then (a case that loops through splits makes many).
    if (c.groups.length >= 64 && (c.groups.length & 63) === 0) c.groups = c.groups.filter((id) => this.groupAt(id) !== null);
    c.groups.push(gid);
    // The branches take consecutive ids, so they are found by id below with no list of them.
    const first = s.nextToken;
    for (let k = 0; k < count; k++) this.newToken(c, gid, tok).node = tok.node;
    this.drop(tok);
    for (let k = 0; k < count; k++) {
      // An earlier branch may have ended the case (failed, stuck) or cancelled this one (a join `first`): then its
      // id finds nothing (its object may already carry another token).
      const b = this.live(first + k);
      if (!b || !s.active[c.id]) continue;
      this.follow(b, edges[from + k] ?? 0);
    }
  }

  /** The fields a router condition can test: the case attributes, then confidence, attempt and visits. */
  private conditionValues(tok: Token, c: CaseState, n: number): ConditionValues {
    return { ...c.attributes, confidence: tok.confidence >= 0 ? tok.confidence : undefined, attempt: tok.lastTries, visits: this.s.visits[c.slot * this.g.nodeCount + n] ?? 0 };
  }

  private holds(cond: Condition | undefined, values: ConditionValues): boolean {
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
    if (mode === ROUTER_MODE.parallel) {
      if (to === from) this.endCase(c, OUT_STUCK, n);
      else this.split(tok, c, this.allEdges, from, to);
      return;
    }
    if (mode === ROUTER_MODE.inclusive) {
      // A method of its own, as the parallel mode's `split`: `route`, which every exclusive router runs (and which
      // a one-shot run interprets, then compiles), stays the size of the exclusive choice.
      this.routeInclusive(tok, c, n, from, to);
      return;
    }
    let values: ConditionValues | null = null;
    // Exclusive: the first condition that holds (document order); else the weights, else the fallback edge, as
    // compiled from splitUnclaimed (src/domain/semantics/branches.ts).
    for (let j = from; j < to; j++) {
      const ci = g.edgeCond[j] ?? -1;
      if (ci < 0) continue;
      values ??= this.conditionValues(tok, c, n);
      if (this.holds(g.conditions[ci], values)) return this.follow(tok, j);
    }
    if (g.routerDraws[n] === 1) {
      const u = this.uniform(n, PURPOSE.route);
      let acc = 0;
      for (let j = from; j < to; j++) {
        const w = g.edgeWeight[j] ?? 0;
        if (w <= 0) continue;
        acc += w;
        if (u < acc) return this.follow(tok, j);
      }
    }
    const fallback = g.routerFallback[n] ?? -1;
    if (fallback >= 0) this.follow(tok, fallback);
    else this.endCase(c, OUT_STUCK, n);
  }

  /** Every edge whose condition holds or whose probability fires, plain edges always; the default only alone. */
  private routeInclusive(tok: Token, c: CaseState, n: number, from: number, to: number): void {
    const g = this.g;
    let values: ConditionValues | null = null;
    const chosen: number[] = [];
    let fallback = -1;
    for (let j = from; j < to; j++) {
      const ci = g.edgeCond[j] ?? -1;
      const p = g.edgeProb[j] ?? -1;
      if (ci >= 0) {
        values ??= this.conditionValues(tok, c, n);
        if (this.holds(g.conditions[ci], values)) chosen.push(j);
      } else if (p >= 0) {
        if (this.uniform(n, PURPOSE.route) < p) chosen.push(j);
      } else if (g.edgeDefault[j]) {
        if (fallback < 0) fallback = j;
      } else chosen.push(j);
    }
    if (chosen.length === 0 && fallback >= 0) chosen.push(fallback);
    if (chosen.length === 0) this.endCase(c, OUT_STUCK, n);
    else this.split(tok, c, chosen, 0, chosen.length);
  }

  private arriveJoin(tok: Token, c: CaseState, n: number): void {
    const s = this.s;
    const grp = this.groupAt(tok.group);
    const mode = this.g.mode[n];
    // A branch that was never split off (root group) has no siblings to wait for; `any` lets each branch through.
    if (!grp || grp.parent < 0 || mode === JOIN_MODE.any) {
      this.leave(tok, n, PORT.out);
      return;
    }
    if (mode === JOIN_MODE.first) {
      this.mergeAndLeave(c, grp, n, [tok]);
      return;
    }
    tok.state = TOKEN_STATE.parked;
    c.moving--;
    grp.parked.push(tok.id);
    if (this.trace) this.emit(c.id, n, -1, 'join-wait', { arrived: grp.parked.length, expected: grp.live });
    // The join's timeout starts when the group's first branch arrives.
    const timeout = this.g.joinTimeout[n] ?? 0;
    if (timeout > 0 && !grp.timerArmed) {
      grp.timerArmed = true;
      pushEvent(this.s.queue, s.now + timeout, EVENT.joinTimeout, grp.id, n, 0);
    }
    this.tryFireJoin(c, grp);
    this.checkStuck(c);
  }

  /** Fire a join `all` when every live branch of the group is parked at the same join. */
  protected tryFireJoin(c: CaseState, grp: Group): void {
    if (!joinReleases('all', grp.parked.length, grp.live)) return;
    const first = this.live(grp.parked[0] ?? -1);
    if (!first) return;
    const n = first.node;
    // Indexed loops (here and in the join helpers below): the interpreter runs for-of through the iterator
    // protocol, and the first thousands of events of a one-shot run are interpreted.
    const ids = grp.parked;
    for (let i = 0; i < ids.length; i++) {
      const t = this.live(ids[i] ?? -1);
      if (!t || t.node !== n) return;
    }
    // The list a join fires with is this one engine-wide list, refilled: a fresh list per firing was ~40 bytes of
    // garbage per event on bench/peers model C. mergeAndLeave reads it only before the merged token moves on, and
    // so before anything downstream can fire a join and refill it.
    const parked = this.firing;
    while (parked.length > 0) parked.pop();
    for (let i = 0; i < ids.length; i++) {
      const t = this.live(ids[i] ?? -1);
      if (t) parked.push(t);
    }
    this.mergeAndLeave(c, grp, n, parked);
  }

  /** See tryFireJoin. Made with object elements from the start (see `objectList` in engine-state.ts). */
  private readonly firing: Token[] = tokenList();

  protected onJoinTimeout(groupId: number, n: number): void {
    const grp = this.groupAt(groupId);
    const c = grp ? this.s.active[grp.caseId] : undefined;
    if (!grp || !c || grp.done) return;
    const parked = grp.parked.map((id) => this.live(id)).filter((t): t is Token => t != null && t.node === n);
    if (parked.length === 0) return;
    this.mergeAndLeave(c, grp, n, parked);
  }

  /**
   * Close a group at join n: one merged token continues in the parent group; every other branch of the group
   * (and of groups nested in it) is cancelled. The merged item is wrong if any merged branch was wrong, and
   * carries the lowest confidence among them.
   */
  private mergeAndLeave(c: CaseState, grp: Group, n: number, arrived: readonly Token[]): void {
    const head = arrived[0];
    if (!head) return;
    const merged = this.newToken(c, grp.parent, head);
    merged.node = n;
    const item = mergeBranches(arrived);
    merged.confidence = item.confidence;
    if (item.wrong && !merged.wrong) {
      merged.wrong = true;
      // Which step made it wrong: the first wrong branch's (that step producing the item again clears it).
      merged.wrongBy = arrived.find((t) => t.wrong)?.wrongBy ?? -1;
    }
    grp.done = true;
    if (allParkedIn(grp, arrived)) this.closeGroup(grp, arrived);
    else this.cancelGroup(c, grp.id);
    this.leave(merged, n, PORT.out);
  }

  /**
   * Close a group whose every live branch is parked at the join (a join `all` firing, or a timeout when all have
   * arrived): what `cancelGroup` does, without searching. `live` counts each token of the group and each nested
   * group still alive, so when the parked tokens alone make up `live`, no other token of the group is alive and
   * every nested group has already ended (set to null): dropping the parked tokens is all there is to cancel. A
   * parked token is neither queued nor counted as moving, and cancelling it is not traced, as in `cancelGroup`.
   */
  private closeGroup(grp: Group, parked: readonly Token[]): void {
    for (let i = 0; i < parked.length; i++) {
      const t = parked[i];
      if (t) this.release(t);
    }
    this.releaseGroup(grp.id);
  }

  /**
   * Drop every token of group `groupId` and of the groups nested in it. The case's token and group lists are
   * compacted now and then (ended ones are null in the state's arrays and nothing else reads them), so this stays
   * proportional to what is alive rather than to everything the case ever created.
   */
  private cancelGroup(c: CaseState, groupId: number): void {
    // A case has few groups alive at once: a plain list beats a Set here.
    const doomed = [groupId];
    let grew = true;
    while (grew) {
      grew = false;
      for (const key of c.groups) {
        const grp = this.groupAt(key);
        if (grp && !doomed.includes(grp.id) && doomed.includes(grp.parent)) {
          doomed.push(grp.id);
          grew = true;
        }
      }
    }
    let dead = 0;
    for (const id of c.tokens) {
      const t = this.live(id);
      if (!t) {
        dead++;
        continue;
      }
      if (doomed.includes(t.group)) {
        if (this.trace && t.state !== TOKEN_STATE.parked) this.emit(c.id, t.node, -1, 'cancel');
        this.drop(t);
        dead++;
      }
    }
    for (const gid of doomed) this.releaseGroup(gid);
    // Compact now and then (setting an array's length is a runtime call: not on every join).
    if (dead > 16) c.tokens = c.tokens.filter((id) => this.live(id) != null);
    if (c.groups.length > 16) c.groups = c.groups.filter((gid) => this.groupAt(gid) !== null);
  }

  /**
   * A token at loop n. Entering from outside, it draws how many items it brings (the stub's item count, rounded)
   * and makes ceil(items / batchSize) passes; coming back from the body, it makes the next pass or leaves by
   * `done`. Every pass restarts the visit counts of the loop's body, so the guard judges one pass at a time.
   */
  private passLoop(tok: Token, c: CaseState, n: number): void {
    const key = String(n);
    let left = tok.loops?.[key];
    if (left === undefined) {
      const items = Math.max(0, Math.round(this.sampleSlot(n, SLOT.items, PURPOSE.latency)));
      left = Math.ceil(items / Math.max(1, this.g.batchSize[n] ?? 1));
      if (left > LOOP_PASS_LIMIT) {
        this.s.stats.guardHits[n] = (this.s.stats.guardHits[n] ?? 0) + 1;
        this.endCase(c, OUT_STUCK, n);
        return;
      }
    }
    if (left <= 0) {
      if (tok.loops) delete tok.loops[key];
      this.leave(tok, n, PORT.done);
      return;
    }
    tok.loops ??= {};
    tok.loops[key] = left - 1;
    const g = this.g;
    const row = c.slot * g.nodeCount;
    for (let k = g.loopBodyStart[n] ?? 0; k < (g.loopBodyStart[n + 1] ?? 0); k++) this.s.visits[row + (g.loopBody[k] ?? 0)] = 0;
    this.leave(tok, n, PORT.each);
  }

  private reachOutput(tok: Token, c: CaseState, n: number): void {
    const outcome = this.g.mode[n] ?? 0;
    if (c.outcome < 0 || (SEVERITY_BY_CODE[outcome] ?? 0) > (SEVERITY_BY_CODE[c.outcome] ?? 0)) c.outcome = outcome;
    if (outcome === 0 && tok.wrong) c.wrongDelivered = true;
    this.finishToken(tok);
  }
}

/** The arrived tokens are every live branch of the group, all parked (waiting at the join). */
function allParkedIn(grp: Group, arrived: readonly Token[]): boolean {
  if (arrived.length !== grp.live) return false;
  for (let i = 0; i < arrived.length; i++) {
    const t = arrived[i];
    if (!t || t.state !== TOKEN_STATE.parked || t.group !== grp.id) return false;
  }
  return true;
}

/**
 * The edges out of each (node, port), in document order: those leaving node n by port p are
 * edge[start[n * ports + p]] .. edge[start[n * ports + p + 1] - 1]. Built once per engine from the compiled graph,
 * so leaving a node neither scans its other edges nor allocates.
 */
export function edgesByPort(g: CompiledGraph): { readonly ports: number; readonly start: Int32Array; readonly edge: Int32Array } {
  let ports = 4; // PORT's highest index is 3 (timeout)
  for (const p of g.edgePort) ports = Math.max(ports, p + 1);
  const start = new Int32Array(g.nodeCount * ports + 1);
  for (let n = 0; n < g.nodeCount; n++) {
    for (let j = g.outStart[n] ?? 0; j < (g.outStart[n + 1] ?? 0); j++) {
      const k = n * ports + (g.edgePort[j] ?? 0) + 1;
      start[k] = (start[k] ?? 0) + 1;
    }
  }
  for (let k = 0; k < start.length - 1; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const edge = new Int32Array(g.edgeTarget.length);
  const fill = start.slice(0, -1);
  for (let n = 0; n < g.nodeCount; n++) {
    for (let j = g.outStart[n] ?? 0; j < (g.outStart[n + 1] ?? 0); j++) {
      const k = n * ports + (g.edgePort[j] ?? 0);
      edge[fill[k] ?? 0] = j;
      fill[k] = (fill[k] ?? 0) + 1;
    }
  }
  return fixedShape({ ports, start, edge });
}

function tokenList(): Token[] {
  const list = [blankToken()];
  list.pop();
  return list;
}
