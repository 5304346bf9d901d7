/**
 * Debug mode: step one case (or a few) through the design, event by event, for the canvas.
 *
 * The debugger drives the same engine as batch mode with tracing switched on: one engine event (a call finishing,
 * a reviewer deciding...) usually produces several trace events (`fail`, `retry`, or `ok`, `route`, `arrive`,
 * `start`); `step()` hands them out one at a time, so the canvas can animate each hop. Everything is
 * deterministic for a seed, and the whole session (engine state, log, injected faults) checkpoints to plain data.
 *
 * @example
 * const run = createDebugRun(doc, doc.scenarios?.[0], 42);
 * run.setBreakpoints({ nodes: ['review'], conditions: ['breaker-opens'] });
 * const hit = run.runUntilBreak(10_000); // { event, reason: 'node' | 'condition' | 'end' | 'limit' }
 * run.state().nodes['review'] // 'queued'
 */
import { faultSchema, MAX_SECONDS, type Fault, type Scenario, type Workflow } from '../domain/index.ts';
import { compileGraph, type CompiledGraph } from './compile.ts';
import { compileArrival, compileAttributes, compileFaults } from './compile-scenario.ts';
import { checkpointState, Engine, restoreState, TOKEN_STATE, type Plain, type Token, type TraceEvent, type TraceType } from './engine.ts';

export type NodeStatus = 'idle' | 'running' | 'retrying' | 'queued' | 'failed' | 'passed';

export interface DebugEvent {
  /** Position in the log (0, 1, 2...). */
  readonly seq: number;
  /** Simulated seconds since the start (0 = Monday 00:00). */
  readonly time: number;
  readonly caseId: number;
  /** The node it happened at; null for a case-level event with no node (e.g. stuck at the end of the run). */
  readonly nodeId: string | null;
  /** For `route` (the edge taken) and `arrive` (the edge come by). */
  readonly edgeId?: string;
  readonly type: TraceType;
  readonly detail: Readonly<Record<string, string | number | boolean>>;
}

export type BreakCondition = 'first-rate-limited' | 'breaker-opens' | 'case-failed';

export interface Breakpoints {
  readonly nodes: readonly string[];
  readonly conditions: readonly BreakCondition[];
}

export interface DebugState {
  readonly time: number;
  /** No event left: every case has ended. */
  readonly done: boolean;
  readonly nodes: Readonly<Record<string, NodeStatus>>;
  /** Edges the live branches came by (what the canvas highlights). */
  readonly activeEdges: readonly string[];
  readonly log: readonly DebugEvent[];
  readonly casesEnded: number;
  readonly cases: number;
}

export interface BreakResult {
  /** The event that stopped the run (null when the run ended or the limit was reached with no event). */
  readonly event: DebugEvent | null;
  readonly reason: 'node' | 'condition' | 'end' | 'limit';
  readonly condition?: BreakCondition;
}

/** Everything a debug session needs to resume: JSON-safe. */
export interface DebugCheckpoint {
  readonly engine: Plain;
  readonly log: readonly DebugEvent[];
  readonly pending: readonly DebugEvent[];
  readonly injected: readonly Fault[];
  readonly history: Readonly<Record<string, NodeStatus>>;
  readonly seenRateLimited: boolean;
  readonly finished: boolean;
}

export interface DebugRun {
  /** The next trace event, or null when the run is over. */
  step(): DebugEvent | null;
  state(): DebugState;
  checkpoint(): DebugCheckpoint;
  restore(cp: DebugCheckpoint): void;
  /** Add a fault active from now: its window (if any) counts from now; afterCalls counts all calls so far. */
  injectFault(fault: Fault): void;
  /** Take `edgeId` at router `nodeId`'s next decision. Throws if the edge does not leave that router. */
  forceBranch(nodeId: string, edgeId: string): void;
  setBreakpoints(bp: Breakpoints): void;
  /** Step until a breakpoint hits, the run ends, or `maxEvents` events went by. */
  runUntilBreak(maxEvents: number): BreakResult;
}

const STATUS_AFTER: Partial<Record<TraceType, NodeStatus>> = {
  arrive: 'running',
  start: 'running',
  retry: 'retrying',
  queued: 'queued',
  'join-wait': 'queued',
  ok: 'passed',
  wrong: 'passed',
  pass: 'passed',
  'reject-check': 'passed',
  decision: 'passed',
  route: 'passed',
  'sla-timeout': 'passed',
  'short-circuit': 'failed',
  cancel: 'passed',
};

/**
 * Start a debug session over `doc` with `scenario`'s arrivals and faults (cases: opts.cases, default 1).
 * @example const run = createDebugRun(doc, undefined, 1); run.step() // { type: 'arrive', nodeId: 'trigger', ... }
 */
export function createDebugRun(doc: Workflow, scenario: Scenario | undefined, seed: number, opts: { cases?: number; visitLimit?: number } = {}): DebugRun {
  const g: CompiledGraph = compileGraph(doc);
  const cfg = { seed, replication: 0, cases: opts.cases ?? 1, arrival: compileArrival(scenario, doc.profile), attributes: compileAttributes(scenario), ...(opts.visitLimit !== undefined ? { visitLimit: opts.visitLimit } : {}) };
  const base: readonly Fault[] = scenario?.faults ?? [];
  let injected: Fault[] = [];
  let engine = new Engine(g, compileFaults(g, doc, base), cfg);
  let log: DebugEvent[] = [];
  let pending: DebugEvent[] = [];
  let history: Record<string, NodeStatus> = {};
  let seenRateLimited = false;
  let finished = false;
  let breakpoints: Breakpoints = { nodes: [], conditions: [] };

  const toEvent = (e: TraceEvent): DebugEvent => ({
    seq: log.length + pending.length,
    time: e.time,
    caseId: e.caseId,
    nodeId: e.node >= 0 ? (g.nodeIds[e.node] ?? null) : null,
    ...(e.edge >= 0 ? { edgeId: g.edgeIds[e.edge] ?? '' } : {}),
    type: e.type,
    detail: e.detail,
  });
  const attach = (): void => {
    engine.trace = (e) => pending.push(toEvent(e));
  };
  attach();

  const record = (ev: DebugEvent): void => {
    log.push(ev);
    if (ev.nodeId === null) return;
    if (ev.type === 'end') {
      const outcome = ev.detail.outcome;
      history[ev.nodeId] = outcome === 'failed' || outcome === 'stuck' ? 'failed' : 'passed';
      return;
    }
    if (ev.type === 'route' && ev.edgeId !== undefined) {
      history[ev.nodeId] = 'passed';
      return;
    }
    const s = STATUS_AFTER[ev.type];
    if (s) history[ev.nodeId] = s;
  };

  const step = (): DebugEvent | null => {
    while (pending.length === 0) {
      if (!engine.step()) {
        if (finished) return null;
        finished = true;
        engine.finish();
        if (pending.length === 0) return null;
      }
    }
    const ev = pending.shift() ?? null;
    if (ev) record(ev);
    return ev;
  };

  const state = (): DebugState => {
    const nodes: Record<string, NodeStatus> = {};
    for (const id of g.nodeIds) nodes[id] = history[id] ?? 'idle';
    const activeEdges = new Set<string>();
    // In creation order (the engine keeps live tokens in a ring by id): where several are at one node, the last wins.
    const live = engine.s.tokens.filter((t): t is Token => t !== null).sort((a, b) => a.id - b.id);
    for (const t of live) {
      const id = g.nodeIds[t.node];
      if (id === undefined) continue;
      if (t.lastEdge >= 0) activeEdges.add(g.edgeIds[t.lastEdge] ?? '');
      nodes[id] =
        t.state === TOKEN_STATE.retrying ? 'retrying' : t.state === TOKEN_STATE.queued || t.state === TOKEN_STATE.parked ? 'queued' : t.state === TOKEN_STATE.moving ? (nodes[id] ?? 'running') : 'running';
    }
    return { time: engine.s.now, done: finished && pending.length === 0, nodes, activeEdges: [...activeEdges], log: [...log], casesEnded: engine.s.ended, cases: cfg.cases };
  };

  const matches = (ev: DebugEvent): BreakResult | null => {
    if (ev.type === 'arrive' && ev.nodeId !== null && breakpoints.nodes.includes(ev.nodeId)) return { event: ev, reason: 'node' };
    const c = breakpoints.conditions;
    if (ev.type === 'fail' && ev.detail.error === 'rate_limited' && !seenRateLimited) {
      seenRateLimited = true;
      if (c.includes('first-rate-limited')) return { event: ev, reason: 'condition', condition: 'first-rate-limited' };
    }
    if (ev.type === 'breaker-open' && c.includes('breaker-opens')) return { event: ev, reason: 'condition', condition: 'breaker-opens' };
    if (ev.type === 'end' && ev.detail.outcome === 'failed' && c.includes('case-failed')) return { event: ev, reason: 'condition', condition: 'case-failed' };
    return null;
  };

  return {
    step: () => {
      const ev = step();
      if (ev && ev.type === 'fail' && ev.detail.error === 'rate_limited') seenRateLimited = true;
      return ev;
    },
    state,
    checkpoint: () => ({ engine: checkpointState(engine.s), log: [...log], pending: [...pending], injected: [...injected], history: { ...history }, seenRateLimited, finished }),
    restore: (cp) => {
      injected = [...cp.injected];
      engine = new Engine(g, compileFaults(g, doc, [...base, ...injected]), cfg, restoreState(cp.engine));
      attach();
      log = [...cp.log];
      pending = [...cp.pending];
      history = { ...cp.history };
      seenRateLimited = cp.seenRateLimited;
      finished = cp.finished;
    },
    injectFault: (fault) => {
      const f = faultSchema.parse(fault);
      const now = engine.s.now;
      const w = f.window;
      injected.push({ ...f, window: { startSeconds: now + (w?.startSeconds ?? 0), durationSeconds: w?.durationSeconds ?? MAX_SECONDS } });
      engine.faults = compileFaults(g, doc, [...base, ...injected]);
    },
    forceBranch: (nodeId, edgeId) => {
      const n = g.nodeIds.indexOf(nodeId);
      const from = g.outStart[n] ?? 0;
      const to = g.outStart[n + 1] ?? 0;
      for (let j = from; j < to; j++) {
        if (g.edgeIds[j] === edgeId) {
          engine.force(n, j);
          return;
        }
      }
      throw new Error(`edge "${edgeId}" does not leave node "${nodeId}"`);
    },
    setBreakpoints: (bp) => {
      breakpoints = { nodes: [...bp.nodes], conditions: [...bp.conditions] };
    },
    runUntilBreak: (maxEvents) => {
      for (let k = 0; k < maxEvents; k++) {
        const ev = step();
        if (!ev) return { event: null, reason: 'end' };
        const hit = matches(ev);
        if (hit) return hit;
      }
      return { event: null, reason: 'limit' };
    },
  };
}
