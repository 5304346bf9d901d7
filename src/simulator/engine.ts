/**
 * The discrete-event engine: one replication of N cases over a compiled graph, with a simulated clock and an
 * event queue. Pure TypeScript, no I/O: the same code runs in Node, in a Web Worker and in the page.
 *
 * Semantics (docs/simulator.md has the long form):
 * - A case arrives at the first trigger and moves as one or more tokens. Instantaneous nodes (trigger, router,
 *   loop, join, output) are handled inline; ai/tool calls, data steps (local calls that by default never fail),
 *   checks and human service take simulated time (events). A loop makes one pass per item batch, leaving by
 *   `each` and coming back from its body, then leaves by `done`; each pass restarts its body's visit counts.
 * - A token carries its item's state: `wrong` (a silent error produced by some step, sticky until that step
 *   produces the item again), the last confidence score and the producing step (for check re-asks).
 * - Parallel/inclusive routers (and several edges out of one port of any other node) split a token into a group
 *   of branches. A join `all` waits for every live branch of the group, `first` takes the first and cancels the
 *   others, `any` lets each through; a join timeout lets the arrived branches through and cancels the rest.
 * - The case ends when its last live branch ends: with the most severe output outcome reached
 *   (error > rejected > escalated > success), or at once as `failed` (an error no retrier absorbs and no catcher
 *   routes) or `stuck` (visit guard hit, a port with no edge, branches waiting at joins that can never fire).
 *
 * Where things are. The engine is one class built in layers, one module each; each layer adds one part of the
 * semantics to the layers below it and declares abstract what it needs from a layer above:
 *
 *   event-queue.ts   the 4-ary heap of timed events (plain functions on typed arrays)
 *   engine-state.ts  every piece of mutable state, in one plain object (`EngineState`); checkpoint.ts copies it
 *   engine-core.ts   EngineCore: random draws, tracing, scheduling; cases, tokens and branch groups
 *   calls.ts         CallHandling: ai/tool tries, faults, retries with backoff, catchers, timeouts, breakers
 *   checks.ts        Checks: checks, sample audits, re-asks
 *   human-gates.ts   HumanGates: FIFO queues, reviewers, calendars, SLAs
 *   routing.ts       Routing: entering and leaving nodes, splits, routers, joins, outputs
 *   engine.ts        Engine: the event loop (which handler each event type goes to), `finish`, `runReplication`
 *
 * Calls between layers are ordinary method calls on `this`, so the split costs nothing at run time (one class,
 * one hidden class for V8).
 */
import { OUT_STUCK, type CompiledGraph } from './compile.ts';
import type { CompiledFaults } from './compile-scenario.ts';
import type { CaseResults, EngineConfig, NodeStats } from './engine-state.ts';
import { EVENT, popEvent } from './event-queue.ts';
import { Routing } from './routing.ts';

export { checkpointState, restoreState, type Plain } from './checkpoint.ts';
export { DEFAULT_VISIT_LIMIT, type TraceEvent, type TraceSink, type TraceType } from './engine-core.ts';
export { initialState, TOKEN_STATE, type BreakerState, type CaseResults, type CaseState, type EngineConfig, type EngineState, type GateState, type Group, type NodeStats, type Token } from './engine-state.ts';

export class Engine extends Routing {
  /** Time of the next event, or -1 when none is left. */
  peekTime(): number {
    return this.s.queue.size > 0 ? (this.s.queue.time[0] ?? 0) : -1;
  }

  get done(): boolean {
    return this.s.queue.size === 0;
  }

  /**
   * Process one event. Returns false when the queue is empty (every case has ended or can never move again).
   */
  step(): boolean {
    const s = this.s;
    const q = s.queue;
    if (q.size === 0) return false;
    const time = q.time[0] ?? 0;
    // The earliest event's slot (topSlot), read in place: one call less per event for the interpreter, which runs
    // the first thousands of events of every one-shot run.
    const top = q.slot[0] ?? 0;
    const type = q.type[top] ?? 0;
    const a0 = q.arg0[top] ?? 0;
    const a1 = q.arg1[top] ?? 0;
    const a2 = q.arg2[top] ?? 0;
    popEvent(q);
    s.now = time;
    s.events++;
    switch (type) {
      case EVENT.arrival:
        this.onArrival();
        break;
      case EVENT.callDone:
        this.onCallDone(a0, a1);
        break;
      case EVENT.retry:
        this.onRetry(a0, a1);
        break;
      case EVENT.checkDone:
        this.onCheckDone(a0, a1);
        break;
      case EVENT.humanDone:
        this.onHumanDone(a0, a1, a2);
        break;
      case EVENT.sla:
        this.onSla(a0, a1, a2);
        break;
      case EVENT.gateOpen:
        this.onGateOpen(a0);
        break;
      case EVENT.joinTimeout:
        this.onJoinTimeout(a0, a1);
        break;
    }
    return true;
  }

  /**
   * Run to completion, or until `maxEvents` more events have been processed.
   * @returns true when the replication is finished.
   */
  run(maxEvents = Infinity): boolean {
    // The usual exit (step() found the queue empty) does nothing V8 needs to have seen before: an exit that read the
    // queue or compared, never taken when the loop was optimised, threw the optimised loop away at the end of
    // every replication.
    for (let k = 0; k < maxEvents; k++) if (!this.step()) return true;
    return this.s.queue.size === 0;
  }

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
    // Cases that can never move again (e.g. waiting at a join whose siblings are gone) end as stuck. Usually every
    // case has ended, and the list (one entry per case) is not scanned: a scan of 20,000 empty entries is long
    // enough for V8 to compile it separately, at the end of a one-shot run.
    if (s.ended < s.arrived) for (const c of s.active) if (c) this.endCase(c, OUT_STUCK, -1);
  }
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
