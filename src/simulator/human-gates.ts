/**
 * Engine layer: human gates (see engine.ts for the layers). Each gate is a FIFO queue served by `reviewers`
 * people, around the clock or on the business-hours calendar (calendar.ts: items start only while open, and
 * service counts working seconds). An item still waiting at its SLA leaves by `timeout` when that port has an
 * edge; service longer than startToCloseSeconds is cut there and leaves by `timeout` under the same condition.
 * Reviewers approve, reject or revise correct items in the stub's mix and catch wrong items with `detectionRate`.
 */
import { addWorkingSeconds, isOpen, nextOpen } from '../domain/semantics/index.ts';
import { CALENDAR, PORT, SLOT } from './compile.ts';
import { Checks } from './checks.ts';
import { newGate, TOKEN_STATE, type GateState, type Token } from './engine-state.ts';
import { EVENT, pushEvent } from './event-queue.ts';
import { PURPOSE } from './rng.ts';

const PORT_NAMES = ['approve', 'reject', 'revise', 'timeout'];

export abstract class HumanGates extends Checks {
  /** Node n's queue, created on first use. */
  protected gate(n: number): GateState {
    let gs = this.s.gates[n];
    if (!gs) {
      gs = newGate();
      this.s.gates[n] = gs;
    }
    return gs;
  }

  /** Accumulate the queue-length integral up to now (call before the length changes). */
  protected queueArea(n: number, gs: GateState): void {
    const st = this.s.stats;
    st.gateQueueArea[n] = (st.gateQueueArea[n] ?? 0) + gs.waiting * (this.s.now - gs.lastChange);
    gs.lastChange = this.s.now;
  }

  /** A queued token is dropped (its case ended or its branch was cancelled): it no longer counts as waiting. */
  protected leaveQueue(tok: Token): void {
    const gate = this.s.gates[tok.node];
    if (gate) {
      this.queueArea(tok.node, gate);
      gate.waiting--;
    }
  }

  private hasPortEdge(n: number, port: number): boolean {
    const g = this.g;
    const to = g.outStart[n + 1] ?? 0;
    for (let j = g.outStart[n] ?? 0; j < to; j++) if (g.edgePort[j] === port) return true;
    return false;
  }

  protected arriveGate(tok: Token, n: number): void {
    const s = this.s;
    const gs = this.s.gates[n] ?? this.gate(n);
    s.stats.gateArrivals[n] = (s.stats.gateArrivals[n] ?? 0) + 1;
    this.queueArea(n, gs);
    gs.waiting++;
    enqueue(gs, tok.id);
    tok.state = TOKEN_STATE.queued;
    tok.stamp++;
    tok.gateArrivedAt = s.now;
    tok.gateTimedOut = false;
    if (this.trace) this.emit(tok.caseId, n, -1, 'queued', { waiting: gs.waiting, busy: gs.busy });
    const sla = this.g.sla[n] ?? 0;
    // The SLA timer takes an item out of the queue only when there is a `timeout` edge to take it to.
    if (sla > 0 && this.hasPortEdge(n, PORT.timeout)) pushEvent(this.s.queue, s.now + sla, EVENT.sla, tok.id, tok.stamp, n);
    this.serve(n, gs);
  }

  /** Start items while a reviewer is free (and, on the business-hours calendar, the gate is open). */
  private serve(n: number, gs: GateState): void {
    const s = this.s;
    const g = this.g;
    const business = g.calendar[n] === CALENDAR.businessHours;
    while (gs.waiting > 0 && gs.busy < (g.reviewers[n] ?? 1)) {
      if (business && !isOpen(s.now)) {
        if (!gs.openPending) {
          gs.openPending = true;
          pushEvent(this.s.queue, nextOpen(s.now), EVENT.gateOpen, n, 0, 0);
        }
        return;
      }
      if (gs.queued === 0) break;
      const id = gs.queue[gs.head] ?? -1;
      gs.head = (gs.head + 1) & (gs.queue.length - 1);
      gs.queued--;
      const tok = this.live(id);
      // Entries of tokens that left the queue (SLA timeout, cancelled, case ended) are skipped.
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
    st.gateWaitSum[n] = (st.gateWaitSum[n] ?? 0) + (s.now - tok.gateArrivedAt);
    st.gateWaitCount[n] = (st.gateWaitCount[n] ?? 0) + 1;
    gs.busy++;
    let service = this.sampleSlot(n, SLOT.latency, PURPOSE.latency);
    if (service < 0) service = 0;
    // No fault touches most nodes: the call (and its loop) only where one does (x * 1 is x, bit for bit).
    if (this.faults.start[n + 1] !== this.faults.start[n]) service *= this.latencyFactor(n);
    const stc = g.startToClose[n] ?? 0;
    if (stc > 0 && service > stc && this.hasPortEdge(n, PORT.timeout)) {
      service = stc;
      tok.gateTimedOut = true;
    }
    const end = g.calendar[n] === CALENDAR.businessHours ? addWorkingSeconds(s.now, service) : s.now + service;
    st.gateBusySeconds[n] = (st.gateBusySeconds[n] ?? 0) + service;
    const cost = (service / 3600) * (g.costPerHour[n] ?? 0);
    c.cost += cost;
    c.humanSeconds += service;
    st.cost[n] = (st.cost[n] ?? 0) + cost;
    st.calls[n] = (st.calls[n] ?? 0) + 1;
    tok.state = TOKEN_STATE.service;
    tok.stamp++;
    if (this.trace) this.emit(c.id, n, -1, 'start', { serviceSeconds: service, waitSeconds: s.now - tok.gateArrivedAt });
    pushEvent(this.s.queue, end, EVENT.humanDone, tok.id, tok.stamp, n);
  }

  protected onHumanDone(tokenId: number, stamp: number, n: number): void {
    const s = this.s;
    const g = this.g;
    const gs = this.s.gates[n] ?? this.gate(n);
    gs.busy--;
    const tok = this.live(tokenId);
    if (tok && tok.state === TOKEN_STATE.service && tok.stamp === stamp && s.active[tok.caseId]) {
      const sla = g.sla[n] ?? 0;
      if (sla > 0 && s.now - tok.gateArrivedAt > sla) s.stats.gateSlaBreaches[n] = (s.stats.gateSlaBreaches[n] ?? 0) + 1;
      tok.state = TOKEN_STATE.moving;
      let port: number;
      if (tok.gateTimedOut) {
        port = PORT.timeout;
        s.stats.gateTimeouts[n] = (s.stats.gateTimeouts[n] ?? 0) + 1;
      } else if (tok.wrong) {
        // A wrong item is caught with detectionRate, then rejected or sent back in the reviewers' reject:revise mix.
        if (this.uniform(n, PURPOSE.decision) < (g.detection[n] ?? 0)) {
          const rej = g.humanOutcome[n * 3 + 1] ?? 0;
          const rev = g.humanOutcome[n * 3 + 2] ?? 0;
          port = rej + rev > 0 && this.uniform(n, PURPOSE.decision) * (rej + rev) >= rej ? PORT.revise : PORT.reject;
        } else port = PORT.approve;
      } else {
        const u = this.uniform(n, PURPOSE.decision);
        const a = g.humanOutcome[n * 3] ?? 0;
        const r = g.humanOutcome[n * 3 + 1] ?? 0;
        port = u < a ? PORT.approve : u < a + r ? PORT.reject : PORT.revise;
      }
      if (this.trace) this.emit(tok.caseId, n, -1, 'decision', { port: PORT_NAMES[port] ?? '', wrong: tok.wrong });
      this.leave(tok, n, port);
    }
    this.serve(n, gs);
  }

  protected onSla(tokenId: number, stamp: number, n: number): void {
    const s = this.s;
    const tok = this.live(tokenId);
    if (!tok || tok.state !== TOKEN_STATE.queued || tok.stamp !== stamp || tok.node !== n) return;
    const gs = this.s.gates[n] ?? this.gate(n);
    this.queueArea(n, gs);
    gs.waiting--;
    tok.state = TOKEN_STATE.moving;
    s.stats.gateSlaBreaches[n] = (s.stats.gateSlaBreaches[n] ?? 0) + 1;
    s.stats.gateTimeouts[n] = (s.stats.gateTimeouts[n] ?? 0) + 1;
    if (this.trace) this.emit(tok.caseId, n, -1, 'sla-timeout', { waitedSeconds: s.now - tok.gateArrivedAt });
    this.leave(tok, n, PORT.timeout);
  }

  protected onGateOpen(n: number): void {
    const gs = this.s.gates[n] ?? this.gate(n);
    gs.openPending = false;
    this.serve(n, gs);
  }
}

/** Append token `id` to the gate's ring (see GateState.queue), doubling it when full. */
function enqueue(gs: GateState, id: number): void {
  const len = gs.queue.length;
  if (gs.queued === len) {
    const bigger = new Int32Array(len * 2);
    // Oldest first from position 0: the part from head to the end, then the wrapped part.
    bigger.set(gs.queue.subarray(gs.head));
    bigger.set(gs.queue.subarray(0, gs.head), len - gs.head);
    gs.queue = bigger;
    gs.head = 0;
  }
  gs.queue[(gs.head + gs.queued) & (gs.queue.length - 1)] = id;
  gs.queued++;
}
