/**
 * Closed-form estimates over the whole graph: end-to-end success, silent errors, latency and cost per case,
 * computed by the same rules the simulator runs (docs/analyzer.md, "Estimates").
 *
 * The flow (flow.ts) pushes one case's probability mass through the graph expanded by the counters that steer
 * it (flow-graph.ts); each node applies its closed form (step-model.ts for ai/tool retries and timeouts,
 * node-models.ts for checks and people, routing.ts for routers, gate-model.ts for queues and calendars); mass
 * carries the distribution of its time since arrival (time-dist.ts), so p50 and p95 are read from the cycle-time
 * distribution itself. Where the estimate cannot follow the simulator closely, it says so (`notEstimated` per
 * figure, `approximations`) instead of printing a number it cannot stand behind.
 */
import { type Fault, type Scenario, type Workflow, type WorkflowEdge, type WorkflowNode } from '../domain/index.ts';
import { approximateFaults, faultRegimes } from './fault-regimes.ts';
import { Flow, VISIT_GUARD, type FlowNote, type FlowOptions, type GateModel, type RegionResult } from './flow.ts';
import { gateModel, type RunShape } from './gate-model.ts';
import { GraphCore } from './graph-core.ts';
import { humanOf, type HumanModel } from './node-models.ts';
import { addAt, PHASE_BINS, phaseTotal, scalePhase, WEEK, type Phase } from './phase.ts';
import { nodeBehaviour } from './reliability.ts';
import { TimeDist } from './time-dist.ts';
import { outOfRange } from './out-of-range.ts';
import { withBudget } from './work-budget.ts';
import type { EstimateFigure, Estimates, Leverage } from './types.ts';
import { valueFor } from './memo.ts';

/**
 * What a run looks like, for the estimate to match it like for like: its arrivals (the scenario's, else the
 * profile's runsPerDay around the clock, else 60 an hour: what the simulator does) and, optionally, how many
 * cases it runs (arrivals span cases x gap from Monday 00:00; without it the estimate is the steady state).
 */
export interface EstimateContext {
  readonly arrival?: Scenario['arrival'];
  readonly cases?: number;
  /** A scenario's faults: the estimate is made under them, like the run it stands beside (fault-regimes.ts). */
  readonly faults?: readonly Fault[];
}

/** Arrivals an hour when neither the scenario nor the profile says (the simulator's default). */
const DEFAULT_PER_HOUR = 60;
/** Outer iterations between the flow and the gates' queues (arrivals at a gate depend on the waits upstream). */
const GATE_ITERATIONS = 6;

export { VISIT_GUARD };
const MAX_SWEEPS = 200;
const EPSILON = 1e-12;

export interface FlowResult extends Estimates {
  /** Expected visits of each node per case (index as GraphCore.nodes). */
  readonly visits: Float64Array;
  /** Probability the case fails at each node (unhandled error). */
  readonly failedAt: Float64Array;
  /** Expected cost spent at each node per case. */
  readonly costAt: Float64Array;
  /** Mean seconds of human work per case. */
  readonly humanSecondsPerCase: number;
  /** The cycle-time distribution of all cases (ends at outputs, failures and stuck cases). */
  readonly cycle: TimeDist;
}

/** Which figures a note makes too unreliable to print, and why (the notes' codes come from flow.ts). */
const ALL_FIGURES: readonly EstimateFigure[] = ['success', 'costPerCase', 'p50Seconds', 'p95Seconds'];
const WITHHELD: Readonly<Record<string, readonly EstimateFigure[]>> = {
  loop: ALL_FIGURES,
  'join-timeout': ['success', 'p50Seconds', 'p95Seconds'],
  'split-joins': ALL_FIGURES,
  'first-join-ends': ALL_FIGURES,
  'join-confidence': ALL_FIGURES,
};

/**
 * The run's arrival rate (cases per second), span and time-of-week profile.
 * @example runOf({ profile: { runsPerDay: 24 } } as Workflow, {}).rate // 1 / 3600
 */
export function runOf(doc: Pick<Workflow, 'profile'>, ctx: EstimateContext): RunShape & { readonly phase: Phase | null } {
  const a = ctx.arrival;
  const perDay = doc.profile?.runsPerDay;
  const gap = a?.type === 'fixed' ? a.everySeconds : a?.type === 'poisson' ? 3600 / a.perHour : perDay !== undefined && perDay > 0 ? 86_400 / perDay : 3600 / DEFAULT_PER_HOUR;
  const rate = 1 / gap;
  if (ctx.cases === undefined) return { rate, horizon: Infinity, phase: null };
  const horizon = Math.max(gap, (ctx.cases - 1) * gap);
  // When in the week the run's cases arrive: steady arrivals cover [0, horizon) evenly; fixed ones fall on k x gap.
  const ph = new Float64Array(PHASE_BINS);
  if (a?.type === 'fixed' && ctx.cases <= 20_000) {
    for (let k = 0; k < ctx.cases; k++) addAt(ph, k * gap, 1);
  } else if (horizon >= 52 * WEEK) {
    return { rate, horizon, phase: null };
  } else {
    const step = Math.max(60, horizon / 20_000);
    for (let t = step / 2; t < horizon; t += step) addAt(ph, t, 1);
  }
  const tot = phaseTotal(ph);
  return { rate, horizon, phase: tot > 0 ? scalePhase(ph, 1 / tot) : null };
}

/**
 * Propagate one case through the graph: the flow, iterated with the human gates' queue models until the
 * arrivals at the gates settle.
 * @example propagate(new GraphCore(doc)).success // 0.832 for the seed example in analyzer-rules.md
 */
export function propagate(core: GraphCore, options: FlowOptions = {}, ctx: EstimateContext = {}): FlowResult {
  const gates = core.nodes.map((n, i) => (n.kind === 'human' ? i : -1)).filter((i) => i >= 0);
  // Only a human gate's queue and calendar care when in the week a case comes; without one the phase is not kept.
  const run = gates.length > 0 ? runOf(core.doc, ctx) : { ...runOf(core.doc, {}), phase: null };
  const timeoutEdge = new Set(core.edges.filter((e) => e.sourcePort === 'timeout').map((e) => core.indexOf(e.source)));
  const modelOf = (i: number, h: HumanModel, arrivals: Phase): GateModel => {
    const node = core.node(i) as Extract<WorkflowNode, { kind: 'human' }>;
    const sla = timeoutEdge.has(i) ? (node.config.slaSeconds ?? node.policy?.timeouts?.scheduleToCloseSeconds ?? 0) : 0;
    return gateModel(h, { reviewers: node.config.reviewers, businessHours: node.config.calendar === 'business-hours', sla }, arrivals, run);
  };
  // Gates whose arrivals the flow knows in full on reaching them get their model then (one run settles a chain
  // of them); the others (in loops or branches) take the model of the previous run's arrivals, until those settle.
  let models = new Map<number, GateModel>();
  const whole = new Set<number>();
  const gateFn = (): FlowOptions['gate'] => {
    // Before a gate has a model from a whole run, its first visit's arrivals stand for all (a revision loop's
    // later visits are few): far closer than no queue at all, so the runs settle sooner.
    const provisional = new Map<number, GateModel>();
    return (_n, i, h, arrivals, all) => {
      if (arrivals && all) {
        whole.add(i);
        return phaseTotal(arrivals) > 0 ? modelOf(i, h, arrivals) : undefined;
      }
      const known = models.get(i) ?? provisional.get(i);
      if (known || !arrivals || phaseTotal(arrivals) <= 0) return known;
      const first = modelOf(i, h, arrivals);
      provisional.set(i, first);
      return first;
    };
  };
  let flow = new Flow(core, { ...options, arrivalPhase: run.phase, gate: gateFn() });
  let r: RegionResult = flow.run();
  const later = gates.filter((i) => !whole.has(i));
  for (let it = 0; it < GATE_ITERATIONS && later.length > 0; it++) {
    const next = new Map<number, GateModel>();
    for (const i of later) {
      const arrivals = r.sums.gateArrivals.get(i);
      if (!arrivals || phaseTotal(arrivals) <= 0) continue;
      next.set(i, modelOf(i, humanOf(core.node(i) as Extract<WorkflowNode, { kind: 'human' }>, timeoutEdge.has(i)), arrivals));
    }
    const before = r;
    models = next;
    flow = new Flow(core, { ...options, arrivalPhase: run.phase, gate: gateFn() }, flow.g, flow.gateFreeSubs);
    r = flow.run();
    // Settled when no gate's arrivals moved by more than 0.1%, in number or in when they come (a gate after
    // a business-hours gate gets its morning rush only once the first gate has a model).
    let moved = 0;
    for (const i of later) {
      const a = before.sums.gateArrivals.get(i);
      const b = r.sums.gateArrivals.get(i);
      if (!a || !b) {
        if (a !== b) moved = 1;
        continue;
      }
      const ta = phaseTotal(a);
      const tb = phaseTotal(b);
      let shift = Math.abs(ta - tb) / Math.max(ta, tb, 1e-12);
      let l1 = 0;
      for (let k = 0; k < a.length; k++) l1 += Math.abs(a[k]! / (ta || 1) - b[k]! / (tb || 1));
      shift = Math.max(shift, l1 / 2);
      moved = Math.max(moved, shift);
    }
    if (moved < 1e-2) break;
  }
  const e = r.ends;
  const success = e.rank[0]!;
  const completion = e.rank[0]! + e.rank[1]! + e.rank[2]!;
  const cycle = TimeDist.mix([e.endTime, e.abortTime]);
  let cost = 0;
  let human = 0;
  for (let i = 0; i < core.size; i++) {
    cost += r.sums.cost[i]!;
    human += r.sums.humanSeconds[i]!;
  }
  const notes = [...flow.notes.values()];
  const notEstimated: Partial<Record<EstimateFigure, string>> = {};
  for (const n of notes) {
    for (const f of WITHHELD[n.code] ?? []) notEstimated[f] ??= n.message;
  }
  return {
    success: Math.min(1, success),
    completion: Math.min(1, completion),
    silentError: Math.min(1, e.silent),
    meanSeconds: cycle.mean(),
    p50Seconds: cycle.quantile(0.5),
    p95Seconds: cycle.quantile(0.95),
    costPerCase: cost,
    outcomes: { success, escalated: e.rank[1]!, rejected: e.rank[2]!, error: e.rank[3]!, failed: e.failed, stuck: e.stuck },
    notEstimated,
    approximations: notes.filter((n) => WITHHELD[n.code] === undefined).map(noteText),
    visits: r.sums.visits,
    failedAt: r.sums.failedAt,
    costAt: r.sums.cost,
    humanSecondsPerCase: human,
    cycle,
  };
}

/** Results of recent propagations by what they depend on (see flowOf). */
const RECENT = new Map<string, FlowResult>();
const RECENT_LIMIT = 8;

/** Forget the remembered estimates, so the next analysis of any design computes its estimate afresh (benchmarks). */
export function forgetEstimates(): void {
  RECENT.clear();
}

/**
 * What an estimate depends on: every node but its position, label and description, every edge but its label,
 * the profile and the run. Lint settings, names, notes' text and layout are not in it.
 */
function flowSignature(doc: Workflow, ctx: EstimateContext): string {
  // The same text as JSON.stringify of [nodes, edges, ...] without the parts named above, built from each node's
  // and edge's own text, kept with the object: an edit replaces only what it touches, so most are reused.
  const nodes = doc.nodes.map((n) => partSignature(n, ({ position: _p, label: _l, description: _d, ...rest }) => rest)).join(',');
  const edges = doc.edges.map((e) => partSignature(e, ({ label: _l, ...rest }) => rest)).join(',');
  return `[[${nodes}],[${edges}],${JSON.stringify([doc.profile ?? null, ctx.arrival ?? null, ctx.cases ?? null, ctx.faults ?? null]).slice(1)}`;
}

const partSignatures = new WeakMap<object, string>();

function partSignature<T extends object>(part: T, relevant: (part: T) => object): string {
  return valueFor(partSignatures, part, () => JSON.stringify(relevant(part)));
}

/**
 * Work (work-budget.ts units) an estimate may take in the live analysis, which runs on every edit: about 2.5x the
 * costliest template (marketing-campaign, 5.1 M), some tenths of a second on a laptop. A design that needs more
 * is not estimated there (its figures say so); the estimate beside a simulation run, asked for once, may take
 * RUN_BUDGET.
 */
export const LIVE_BUDGET = 12e6;
export const RUN_BUDGET = 120e6;

/**
 * propagate, within a work budget, remembered for the last few designs by what the estimate depends on: the live
 * analysis re-runs on every edit, and a renamed step, a lint preset or a suppression changes nothing the flow
 * reads (the flow of a design with queues and calendars costs tens of milliseconds).
 * @example flowOf(core) === flowOf(new GraphCore({ ...core.doc, name: 'renamed' })) // true
 */
export function flowOf(core: GraphCore, ctx: EstimateContext = {}, budget = LIVE_BUDGET): FlowResult {
  const key = `${budget}|${flowSignature(core.doc, ctx)}`;
  const hit = RECENT.get(key);
  if (hit) {
    RECENT.delete(key);
    RECENT.set(key, hit);
    return hit;
  }
  const r = inRange(core, ctx, () => withBudget(budget, () => underFaults(core, ctx), (used, reason) => tooLarge(core, used, reason)));
  RECENT.set(key, r);
  if (RECENT.size > RECENT_LIMIT) RECENT.delete(RECENT.keys().next().value!);
  return r;
}

/**
 * The estimate of a design whose values the estimate reads are all in their schema's range; else no figure made
 * from a value out of range (out-of-range.ts): a value that feeds every figure declines them all, a cost field
 * only the cost per case, each with the sentence that names the step and the field.
 */
function inRange(core: GraphCore, ctx: EstimateContext, estimateOf: () => FlowResult): FlowResult {
  const bad = outOfRange(core.doc, ctx);
  if (bad.all !== undefined) return tooLarge(core, 0, bad.all);
  const r = estimateOf();
  if (bad.cost === undefined) return r;
  return { ...r, costPerCase: NaN, costAt: new Float64Array(core.size).fill(NaN), notEstimated: { ...r.notEstimated, costPerCase: bad.cost } };
}

/** propagate under the run's faults, if any, saying where their activity is approximated. */
function underFaults(core: GraphCore, ctx: EstimateContext): FlowResult {
  const faults = ctx.faults ?? [];
  if (faults.length === 0) return propagate(core, {}, ctx);
  const run = runOf(core.doc, ctx);
  const r = propagate(core, { faults: faultRegimes(faults, run.horizon, ctx.cases) }, ctx);
  if (!approximateFaults(faults)) return r;
  const note = Number.isFinite(run.horizon)
    ? "faults with a window or a call count are active for their share of the run's span or calls (one call per case), taken evenly"
    : 'a fault with a window is left out of the steady-state estimate (a vanishing share of an endless run), one with a call count is taken as always active';
  return { ...r, approximations: [...r.approximations, note] };
}

/** What an estimate that ran out of budget (or met a design the closed form cannot follow) says: no figures, and why. */
function tooLarge(core: GraphCore, used: number, reason?: string): FlowResult {
  const why = reason ?? `the design needs more work than a closed-form estimate is given here (over ${Math.round(used / 1e6)} M steps through its loops, gates and branches); run the simulator for this figure`;
  const n = core.size;
  return {
    success: NaN,
    completion: NaN,
    silentError: NaN,
    meanSeconds: NaN,
    p50Seconds: NaN,
    p95Seconds: NaN,
    costPerCase: NaN,
    outcomes: { success: NaN, escalated: NaN, rejected: NaN, error: NaN, failed: NaN, stuck: NaN },
    notEstimated: Object.fromEntries(ALL_FIGURES.map((f) => [f, why])),
    approximations: [],
    visits: new Float64Array(n),
    failedAt: new Float64Array(n),
    costAt: new Float64Array(n),
    humanSecondsPerCase: NaN,
    cycle: TimeDist.EMPTY,
  };
}

function noteText(n: FlowNote): string {
  return n.nodeId === undefined ? n.message : `${n.nodeId}: ${n.message}`;
}

/**
 * Estimated probability that a case ends at a success output.
 * @example estimateSuccess(seedExample) // ≈ 0.832
 */
export function estimateSuccess(doc: Workflow): number {
  return propagate(new GraphCore(doc)).success;
}

/**
 * Every closed-form estimate at once (success, silent errors, latency, cost), for comparison with the simulator.
 * @example estimate(doc).p95Seconds
 */
export function estimate(doc: Workflow, ctx: EstimateContext = {}): Estimates {
  const f = flowOf(new GraphCore(doc), ctx, RUN_BUDGET);
  return {
    success: f.success,
    completion: f.completion,
    silentError: f.silentError,
    p50Seconds: f.p50Seconds,
    p95Seconds: f.p95Seconds,
    meanSeconds: f.meanSeconds,
    costPerCase: f.costPerCase,
    outcomes: f.outcomes,
    notEstimated: f.notEstimated,
    approximations: f.approximations,
  };
}

/** Weights of the edges leaving one port, for the normal-path reach (probabilities where given, else shared). */
function branchWeights(node: import('../domain/index.ts').WorkflowNode, edges: readonly WorkflowEdge[]): number[] {
  if (edges.length === 1) return [1];
  if (node.kind === 'router' && node.config.mode === 'parallel') return edges.map(() => 1);
  if (node.kind === 'router' && node.config.mode === 'inclusive') return edges.map((e) => e.probability ?? 1);
  const informed = edges.some((e) => e.probability !== undefined || e.condition !== undefined || e.isDefault === true);
  if (!informed) return node.kind === 'router' ? edges.map(() => 1 / edges.length) : edges.map(() => 1);
  let given = 0;
  let open = 0;
  for (const e of edges) {
    if (e.probability !== undefined) given += e.probability;
    else open += 1;
  }
  const rest = Math.max(0, 1 - given);
  const scale = given > 1 ? 1 / given : 1;
  return edges.map((e) => (e.probability !== undefined ? e.probability * scale : open > 0 ? rest / open : 0));
}

/**
 * Automation leverage: manual hours a day (runsPerDay x effortMinutes / 60) over the human hours the design
 * still needs (runsPerDay x expected human seconds per case / 3600).
 * @example leverageOf({ runsPerDay: 100, effortMinutes: 6 }, 60) // { manualHoursPerDay: 10, designedHoursPerDay: 1.667, ratio: 6 }
 */
export function leverageOf(profile: Workflow['profile'], humanSecondsPerCase: number): Leverage {
  // Negative runs or effort (kept as typed in the Inspector, shown as invalid there) make no ratio either.
  if (profile?.runsPerDay === undefined || profile.effortMinutes === undefined || profile.runsPerDay < 0 || profile.effortMinutes < 0 || !Number.isFinite(humanSecondsPerCase)) {
    return { manualHoursPerDay: 0, designedHoursPerDay: 0, ratio: null };
  }
  const manual = (profile.runsPerDay * profile.effortMinutes) / 60;
  const designed = (profile.runsPerDay * humanSecondsPerCase) / 3600;
  return { manualHoursPerDay: manual, designedHoursPerDay: designed, ratio: designed > 0 ? manual / designed : manual > 0 ? Infinity : null };
}

/**
 * How often a case reaches each node when nothing fails: failure ports (error, fail, reject, timeout) are never
 * taken, exclusive branches split by their expected shares, a person's approve and revise split by the stub's
 * outcome shares, a loop runs to its fixed point. A node's value is capped at 1: it counts whether a case passes
 * the node, not how often (a revision loop's steps count once).
 * @example normalReach(new GraphCore(chainDoc(['ai', 'check']))) // [1, 1, 1, 1]
 */
export function normalReach(core: GraphCore): Float64Array {
  const n = core.size;
  const failure = core.failureEdge();
  // Per node: outgoing normal edges with their weight per unit of inflow.
  const outOffsets = new Int32Array(n + 1);
  const outTarget: number[] = [];
  const outWeight: number[] = [];
  for (let v = 0; v < n; v++) {
    const node = core.node(v);
    const byPort = new Map<string, WorkflowEdge[]>();
    for (let j = core.succ.offsets[v]!; j < core.succ.offsets[v + 1]!; j++) {
      const e = core.succ.edgeIndex[j]!;
      if (failure[e] === 1) continue;
      const edge = core.edges[e]!;
      const list = byPort.get(edge.sourcePort);
      if (list) list.push(edge);
      else byPort.set(edge.sourcePort, [edge]);
    }
    let portTotal = 0;
    const share = new Map<string, number>();
    for (const port of byPort.keys()) {
      let s = 1;
      if (node.kind === 'human') {
        const t = nodeBehaviour(node).ports.get(port);
        s = t ? t[0] + t[1] : 0;
      }
      share.set(port, s);
      portTotal += s;
    }
    for (const [port, edges] of byPort) {
      const s = node.kind === 'human' ? (portTotal > 0 ? (share.get(port) ?? 0) / portTotal : 0) : 1;
      const w = branchWeights(node, edges);
      edges.forEach((e, k) => {
        outTarget.push(core.indexOf(e.target));
        outWeight.push(s * (w[k] ?? 0));
      });
    }
    outOffsets[v + 1] = outTarget.length;
  }
  const inflow = new Float64Array(n);
  const reach = new Float64Array(n);
  const start = core.triggers.length > 0 ? 1 / core.triggers.length : 0;
  for (const t of core.triggers) inflow[core.indexOf(t.id)]! += start;
  const splitOfJoin = core.splitOfJoin();
  const parallelSplitOf = new Int32Array(n).fill(-1);
  for (const [joinId, splitId] of splitOfJoin) {
    const j = core.indexOf(joinId);
    const s = core.indexOf(splitId);
    const jn = core.node(j);
    const sn = core.node(s);
    if (jn.kind === 'join' && jn.config.mode !== 'any' && sn.kind === 'router' && sn.config.mode === 'parallel') parallelSplitOf[j] = s;
  }
  // One sweep of a node: its value from its inflow (a wait-all or first join passes once per case of its split).
  const value = (v: number): number => (parallelSplitOf[v]! >= 0 ? reach[parallelSplitOf[v]!]! : inflow[v]!);
  const scc = core.scc();
  for (const comp of scc.topoOrder) {
    const members = scc.components[comp]!;
    if (scc.cyclic[comp] !== 1) {
      const v = members[0]!;
      const r = value(v);
      reach[v] = r;
      for (let j = outOffsets[v]!; j < outOffsets[v + 1]!; j++) inflow[outTarget[j]!]! += r * outWeight[j]!;
      continue;
    }
    // A loop: inflow from inside is recomputed each sweep; inflow from outside stays.
    const inside = new Float64Array(members.length);
    const local = new Map<number, number>();
    members.forEach((v, k) => local.set(v, k));
    const external = members.map((v) => inflow[v]!);
    const cap = VISIT_GUARD * external.reduce((a, b) => a + b, 0);
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      inside.fill(0);
      for (const v of members) {
        for (let j = outOffsets[v]!; j < outOffsets[v + 1]!; j++) {
          const k = local.get(outTarget[j]!);
          if (k !== undefined) inside[k]! += reach[v]! * outWeight[j]!;
        }
      }
      let change = 0;
      members.forEach((v, k) => {
        inflow[v] = Math.min(cap, external[k]! + inside[k]!);
        const r = value(v);
        change = Math.max(change, Math.abs(r - reach[v]!));
        reach[v] = r;
      });
      if (change < EPSILON) break;
    }
    for (const v of members) {
      for (let j = outOffsets[v]!; j < outOffsets[v + 1]!; j++) {
        if (!local.has(outTarget[j]!)) inflow[outTarget[j]!]! += reach[v]! * outWeight[j]!;
      }
    }
  }
  for (let v = 0; v < n; v++) reach[v] = Math.min(1, reach[v]!);
  return reach;
}

/**
 * Steps used: the expected number of work steps (AI, tool, person, check) a case passes when nothing fails,
 * each counted once. Fallbacks and exception routes count nothing: they are resilience, not bulk.
 * @example stepsUsed(new GraphCore(seedExample)) // 6
 */
export function stepsUsed(core: GraphCore, reach: Float64Array = normalReach(core)): number {
  let used = 0;
  for (const w of core.workNodes) used += reach[core.indexOf(w.id)]!;
  return used;
}
