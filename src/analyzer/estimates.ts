/**
 * Closed-form estimates over the whole graph: end-to-end success, silent errors, latency and cost per case.
 *
 * Method: probability mass flows from the triggers (one case, shared evenly among them) along the edges, in
 * topological order of the strongly connected components. Each node turns its inflow into outflows with its
 * per-visit behaviour (reliability.ts); mass tracks correct and wrong results separately, and carries the first
 * two moments of elapsed time. Serial steps multiply, exclusive branches weigh by their probability, a parallel
 * block closed by a wait-all join multiplies its branches; inside a loop the flow is iterated to its fixed point
 * (expected visits), capped at the simulator's visit guard. Cycle time is summarised by the lognormal with the
 * same mean and variance.
 */
import { type Workflow, type WorkflowEdge, type WorkflowNode } from '../domain/index.ts';
import { GraphCore } from './graph-core.ts';
import { nodeBehaviour } from './reliability.ts';
import type { Estimates, Leverage } from './types.ts';

/** The simulator's default visit guard per node (workflow-format.md): a loop never runs more than this. */
export const VISIT_GUARD = 25;
const MAX_SWEEPS = 200;
const EPSILON = 1e-12;
const Z95 = 1.6448536269514722;

export interface FlowResult extends Estimates {
  /** Expected visits of each node per case (index as GraphCore.nodes). */
  readonly visits: Float64Array;
  /** Expected mass along each edge (index as GraphCore.edges). */
  readonly edgeMass: Float64Array;
  /** Probability the case fails at each node (unhandled error, or a port with no edge). */
  readonly failedAt: Float64Array;
  /** Expected cost spent at each node per case. */
  readonly costAt: Float64Array;
  /** Mean seconds of human work per case. */
  readonly humanSecondsPerCase: number;
}

/**
 * Weights of the edges leaving one port: probabilities where given, the rest shared by the others; every
 * branch gets all of it out of a parallel router, or when a work node fans out unconditionally.
 */
function branchWeights(node: WorkflowNode, edges: readonly WorkflowEdge[]): number[] {
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
 * Per-node behaviour laid out flat, computed once per analysis: out edges (indices into core.edges) with their
 * [correct->correct, correct->wrong, wrong->wrong] transfer, time and money per visit, and what the flow needs
 * to know about joins. No per-visit allocation in the sweeps.
 */
interface FlatPlan {
  readonly outStart: Int32Array;
  readonly outEdge: Int32Array;
  /** Per out edge, the share of the node's correct inflow that leaves on it still correct. */
  readonly keepCorrect: Float64Array;
  /** Per out edge, the share of the node's correct inflow that leaves on it wrong (the step made a mistake). */
  readonly spoilCorrect: Float64Array;
  /** Per out edge, the share of the node's wrong inflow that leaves on it (still wrong). */
  readonly carryWrong: Float64Array;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly cost: Float64Array;
  readonly human: Float64Array;
  /** 1 when unemitted mass is not a failure here (outputs, fanning routers, steps that copy mass). */
  readonly noFail: Uint8Array;
  /** For a wait-all or first join closing a parallel split: the split's index; else -1. */
  readonly parallelSplit: Int32Array;
  /** 1 for a wait-all join (with parallelSplit >= 0), 0 for first. */
  readonly waitAll: Uint8Array;
}

function flatPlan(core: GraphCore): FlatPlan {
  const n = core.size;
  const m = core.edges.length;
  const outStart = new Int32Array(n + 1);
  const outEdge = new Int32Array(m);
  const keepCorrect = new Float64Array(m);
  const spoilCorrect = new Float64Array(m);
  const carryWrong = new Float64Array(m);
  const mean = new Float64Array(n);
  const variance = new Float64Array(n);
  const cost = new Float64Array(n);
  const human = new Float64Array(n);
  const noFail = new Uint8Array(n);
  const parallelSplit = new Int32Array(n).fill(-1);
  const waitAll = new Uint8Array(n);
  const { succ, edges } = core;
  let k = 0;
  const group: WorkflowEdge[] = [];
  const groupIdx: number[] = [];
  for (let v = 0; v < n; v++) {
    outStart[v] = k;
    const node = core.node(v);
    const b = nodeBehaviour(node);
    mean[v] = b.meanSeconds;
    variance[v] = b.varSeconds;
    cost[v] = b.cost;
    human[v] = b.humanSeconds;
    let copies = false;
    const lo = succ.offsets[v]!;
    const hi = succ.offsets[v + 1]!;
    // Ports in order of first appearance; each port's edges share its transfer by branch weights.
    for (let j = lo; j < hi; j++) {
      const port = edges[succ.edgeIndex[j]!]!.sourcePort;
      let seen = false;
      for (let i = lo; i < j; i++) {
        if (edges[succ.edgeIndex[i]!]!.sourcePort === port) {
          seen = true;
          break;
        }
      }
      if (seen) continue;
      const t = b.ports.get(port);
      if (!t) continue;
      group.length = 0;
      groupIdx.length = 0;
      for (let i = j; i < hi; i++) {
        const e = succ.edgeIndex[i]!;
        if (edges[e]!.sourcePort === port) {
          group.push(edges[e]!);
          groupIdx.push(e);
        }
      }
      const w = branchWeights(node, group);
      for (let i = 0; i < group.length; i++) {
        const wt = w[i] ?? 0;
        outEdge[k] = groupIdx[i]!;
        keepCorrect[k] = wt * t[0];
        spoilCorrect[k] = wt * t[1];
        carryWrong[k] = wt * t[2];
        if (keepCorrect[k]! + spoilCorrect[k]! > 1) copies = true;
        k++;
      }
    }
    const fanOut = node.kind === 'router' && node.config.mode !== 'exclusive';
    noFail[v] = node.kind === 'output' || fanOut || copies ? 1 : 0;
  }
  outStart[n] = k;
  for (const [joinId, splitId] of core.splitOfJoin()) {
    const j = core.indexOf(joinId);
    const s = core.indexOf(splitId);
    const jn = core.node(j);
    const sn = core.node(s);
    if (jn.kind === 'join' && jn.config.mode !== 'any' && sn.kind === 'router' && sn.config.mode === 'parallel') {
      parallelSplit[j] = s;
      waitAll[j] = jn.config.mode === 'all' ? 1 : 0;
    }
  }
  return { outStart, outEdge: outEdge.subarray(0, k), keepCorrect, spoilCorrect, carryWrong, mean, variance, cost, human, noFail, parallelSplit, waitAll };
}

/**
 * Propagate one case through the graph.
 * @example propagate(new GraphCore(doc)).success // 0.832 for the seed example in analyzer-rules.md
 */
export function propagate(core: GraphCore): FlowResult {
  const n = core.size;
  const m = core.edges.length;
  const plan = flatPlan(core);
  const { outStart, outEdge, keepCorrect, spoilCorrect, carryWrong, mean, variance, noFail, parallelSplit, waitAll } = plan;
  // Per-edge flow: correct mass, wrong mass, time-mass (sum of mass x time) and its second moment (TimeSq).
  const edgeCorrect = new Float64Array(m);
  const edgeWrong = new Float64Array(m);
  const edgeTime = new Float64Array(m);
  const edgeTimeSq = new Float64Array(m);
  const inCorrect = new Float64Array(n);
  const inWrong = new Float64Array(n);
  const inTime = new Float64Array(n);
  const inTimeSq = new Float64Array(n);
  const failedAt = new Float64Array(n);
  const start = core.triggers.length > 0 ? 1 / core.triggers.length : 0;
  const isTrigger = new Uint8Array(n);
  for (const t of core.triggers) isTrigger[core.indexOf(t.id)] = 1;
  const { offsets: pOff, targets: pSrc, edgeIndex: pEdge } = core.pred;
  // Scratch for grouping a join's inflow by branch (predecessor), reused across joins: no per-visit allocation.
  const stamp = new Int32Array(n).fill(-1);
  const branchCorrect = new Float64Array(n);
  const branchMass = new Float64Array(n);
  const branchTime = new Float64Array(n);
  const branchTimeSq = new Float64Array(n);
  const branchList = new Int32Array(n);

  const gather = (v: number): void => {
    const si = parallelSplit[v]!;
    if (si >= 0) {
      const ms = inCorrect[si]! + inWrong[si]!;
      if (ms > 0) {
        const all = waitAll[v] === 1;
        // A branch is everything arriving from one predecessor (its success and its error edge alike).
        let count = 0;
        for (let j = pOff[v]!; j < pOff[v + 1]!; j++) {
          const e = pEdge[j]!;
          const p = pSrc[j]!;
          if (stamp[p] !== v) {
            stamp[p] = v;
            branchCorrect[p] = 0;
            branchMass[p] = 0;
            branchTime[p] = 0;
            branchTimeSq[p] = 0;
            branchList[count++] = p;
          }
          branchCorrect[p]! += edgeCorrect[e]!;
          branchMass[p]! += edgeCorrect[e]! + edgeWrong[e]!;
          branchTime[p]! += edgeTime[e]!;
          branchTimeSq[p]! += edgeTimeSq[e]!;
        }
        // Every branch of the parallel block must come through (all) or one of them (first).
        const cs = inCorrect[si]!;
        let allM = 1;
        let allKeep = 1;
        let noneM = 1;
        let sumC = 0;
        let sumM = 0;
        let pickMean = all ? -Infinity : Infinity;
        let pickVar = 0;
        for (let i = 0; i < count; i++) {
          const p = branchList[i]!;
          const bc = branchCorrect[p]!;
          const me = branchMass[p]!;
          allM *= me / ms;
          allKeep *= cs > 0 ? bc / cs : 0;
          noneM *= 1 - Math.min(1, me / ms);
          sumC += bc;
          sumM += me;
          if (me > 0) {
            const mu = branchTime[p]! / me;
            if (all ? mu > pickMean : mu < pickMean) {
              pickMean = mu;
              pickVar = Math.max(0, branchTimeSq[p]! / me - mu * mu);
            }
          }
        }
        // Every branch works on the same item: it is correct after the block when it was correct before and no
        // branch made it wrong, so the split's correctness counts once, not once per branch.
        const allC = cs > 0 ? cs * allKeep : 0;
        const mOut = all ? Math.max(ms * allM, allC) : ms * (1 - noneM);
        const c = all ? allC : sumM > 0 ? mOut * (sumC / sumM) : 0;
        const mu = Number.isFinite(pickMean) ? pickMean : 0;
        inCorrect[v] = c;
        inWrong[v] = Math.max(0, mOut - c);
        inTime[v] = mOut * mu;
        inTimeSq[v] = mOut * (pickVar + mu * mu);
        return;
      }
    }
    let c = isTrigger[v] ? start : 0;
    let w = 0;
    let t = 0;
    let s = 0;
    for (let j = pOff[v]!; j < pOff[v + 1]!; j++) {
      const e = pEdge[j]!;
      c += edgeCorrect[e]!;
      w += edgeWrong[e]!;
      t += edgeTime[e]!;
      s += edgeTimeSq[e]!;
    }
    inCorrect[v] = c;
    inWrong[v] = w;
    inTime[v] = t;
    inTimeSq[v] = s;
  };

  /** Push a node's inflow along its out edges; returns the largest change of an edge's mass. */
  const emit = (v: number): number => {
    const c = inCorrect[v]!;
    const w = inWrong[v]!;
    const total = c + w;
    const t = inTime[v]!;
    const s = inTimeSq[v]!;
    const mu = mean[v]!;
    const vv = variance[v]!;
    let left = 0;
    let change = 0;
    for (let k = outStart[v]!; k < outStart[v + 1]!; k++) {
      const e = outEdge[k]!;
      const ce = keepCorrect[k]! * c;
      const we = spoilCorrect[k]! * c + carryWrong[k]! * w;
      const me = ce + we;
      const f = total > 0 ? me / total : 0;
      const d = Math.abs(edgeCorrect[e]! + edgeWrong[e]! - me);
      if (d > change) change = d;
      edgeCorrect[e] = ce;
      edgeWrong[e] = we;
      edgeTime[e] = f * (t + total * mu);
      edgeTimeSq[e] = f * (s + 2 * t * mu + total * (vv + mu * mu));
      left += me;
    }
    failedAt[v] = noFail[v] === 1 ? 0 : Math.max(0, total - left);
    return change;
  };

  const scc = core.scc();
  const { compOf } = scc;
  for (const comp of scc.topoOrder) {
    const members = scc.components[comp]!;
    if (scc.cyclic[comp] !== 1) {
      const v = members[0]!;
      gather(v);
      emit(v);
      continue;
    }
    // A loop: sweep until the flow settles (expected visits), never past the visit guard. Members are swept in
    // discovery order (Tarjan lists them deepest first), so one sweep carries mass once around the loop.
    let external = 0;
    for (const v of members) {
      if (isTrigger[v]) external += start;
      for (let j = pOff[v]!; j < pOff[v + 1]!; j++) {
        if (compOf[pSrc[j]!] !== comp) external += edgeCorrect[pEdge[j]!]! + edgeWrong[pEdge[j]!]!;
      }
    }
    const cap = VISIT_GUARD * external;
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      let change = 0;
      for (let i = members.length - 1; i >= 0; i--) {
        const v = members[i]!;
        gather(v);
        const total = inCorrect[v]! + inWrong[v]!;
        if (total > cap && total > 0) {
          const k = cap / total;
          inCorrect[v]! *= k;
          inWrong[v]! *= k;
          inTime[v]! *= k;
          inTimeSq[v]! *= k;
        }
        const d = emit(v);
        if (d > change) change = d;
      }
      if (change < EPSILON) break;
    }
  }

  let success = 0;
  let completion = 0;
  let silent = 0;
  let endM = 0;
  let endT = 0;
  let endS = 0;
  for (const o of core.outputs) {
    const i = core.indexOf(o.id);
    const mass = inCorrect[i]! + inWrong[i]!;
    endM += mass;
    endT += inTime[i]!;
    endS += inTimeSq[i]!;
    if (o.kind === 'output' && o.config.outcome !== 'error') completion += mass;
    if (o.kind === 'output' && o.config.outcome === 'success') {
      success += mass;
      silent += inWrong[i]!;
    }
  }
  const visits = new Float64Array(n);
  const costAt = new Float64Array(n);
  let cost = 0;
  let human = 0;
  for (let i = 0; i < n; i++) {
    visits[i] = inCorrect[i]! + inWrong[i]!;
    costAt[i] = visits[i]! * plan.cost[i]!;
    cost += costAt[i]!;
    human += visits[i]! * plan.human[i]!;
  }
  const meanSeconds = endM > 0 ? endT / endM : 0;
  const varSeconds = endM > 0 ? Math.max(0, endS / endM - meanSeconds * meanSeconds) : 0;
  const [p50, p95] = lognormalQuantiles(meanSeconds, varSeconds);
  const edgeMass = new Float64Array(m);
  for (let e = 0; e < m; e++) edgeMass[e] = edgeCorrect[e]! + edgeWrong[e]!;
  return {
    success: Math.min(1, success),
    completion: Math.min(1, completion),
    silentError: Math.min(1, silent),
    meanSeconds,
    p50Seconds: p50,
    p95Seconds: p95,
    costPerCase: cost,
    visits,
    edgeMass,
    failedAt,
    costAt,
    humanSecondsPerCase: human,
  };
}

/**
 * Median and 95th percentile of the lognormal with this mean and variance (the variance 0 case is a point).
 * @example lognormalQuantiles(10, 0) // [10, 10]
 */
export function lognormalQuantiles(mean: number, variance: number): [number, number] {
  if (mean <= 0) return [0, 0];
  if (variance <= 0) return [mean, mean];
  const s2 = Math.log(1 + variance / (mean * mean));
  const mu = Math.log(mean) - s2 / 2;
  const s = Math.sqrt(s2);
  return [Math.exp(mu), Math.exp(mu + Z95 * s)];
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
export function estimate(doc: Workflow): Estimates {
  const f = propagate(new GraphCore(doc));
  return { success: f.success, completion: f.completion, silentError: f.silentError, p50Seconds: f.p50Seconds, p95Seconds: f.p95Seconds, meanSeconds: f.meanSeconds, costPerCase: f.costPerCase };
}

/**
 * Automation leverage: manual hours a day (runsPerDay x effortMinutes / 60) over the human hours the design
 * still needs (runsPerDay x expected human seconds per case / 3600).
 * @example leverageOf({ runsPerDay: 100, effortMinutes: 6 }, 60) // { manualHoursPerDay: 10, designedHoursPerDay: 1.667, ratio: 6 }
 */
export function leverageOf(profile: Workflow['profile'], humanSecondsPerCase: number): Leverage {
  if (profile?.runsPerDay === undefined || profile.effortMinutes === undefined) {
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
