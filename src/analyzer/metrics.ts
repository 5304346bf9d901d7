/**
 * Size and control-flow metrics (analyzer-rules.md, "Metrics"). Connectors are routers and joins; CFC counts
 * router splits only (a check's pass/fail or a gate's outcomes are decisions of a step, not connectors).
 */
import type { WorkflowNode } from '../domain/index.ts';
import type { FlowResult } from './estimates.ts';
import type { GraphCore } from './graph-core.ts';
import type { Metrics } from './types.ts';

function isAutomationLayer(n: WorkflowNode): boolean {
  return n.kind === 'tool' && (n.config.type === 'automation' || n.config.type === 'subworkflow');
}

/**
 * Longest trigger-to-output path counted in work nodes, by dynamic programming over the DAG of strongly
 * connected components (a loop's work nodes count once). O(|N| + |E|), no path enumeration.
 * @example longestWorkPath(core) // 5 for trigger -> 5 steps -> output
 */
export function longestWorkPath(core: GraphCore): number {
  const scc = core.scc();
  const weight = new Float64Array(scc.components.length);
  scc.components.forEach((members, c) => {
    for (const v of members) {
      const k = core.node(v).kind;
      if (k === 'ai' || k === 'tool' || k === 'human' || k === 'check') weight[c]! += 1;
    }
  });
  const best = new Float64Array(scc.components.length).fill(-1);
  for (const t of core.triggers) {
    const c = scc.compOf[core.indexOf(t.id)]!;
    best[c] = weight[c]!;
  }
  let longest = 0;
  let longestToOutput = -1;
  for (const c of scc.topoOrder) {
    if (best[c]! < 0) continue;
    longest = Math.max(longest, best[c]!);
    for (const v of scc.components[c]!) {
      if (core.node(v).kind === 'output') longestToOutput = Math.max(longestToOutput, best[c]!);
      for (let j = core.succ.offsets[v]!; j < core.succ.offsets[v + 1]!; j++) {
        const d = scc.compOf[core.succ.targets[j]!]!;
        if (d !== c && best[c]! + weight[d]! > best[d]!) best[d] = best[c]! + weight[d]!;
      }
    }
  }
  return longestToOutput >= 0 ? longestToOutput : longest;
}

/** Weakly connected components (for the cyclomatic number), with a union-find. */
function weakComponents(core: GraphCore): number {
  const parent = Int32Array.from({ length: core.size }, (_, i) => i);
  const find = (x0: number): number => {
    let x = x0;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < core.edges.length; e++) {
    const a = find(core.edgeSource[e]!);
    const b = find(core.edgeTarget[e]!);
    if (a !== b) parent[a] = b;
  }
  let count = 0;
  for (let i = 0; i < core.size; i++) if (find(i) === i) count++;
  return count;
}

/** Deepest nesting of splits: DP over the component DAG, +1 after a split, -1 at a merge node. */
function nestingDepth(core: GraphCore): number {
  const scc = core.scc();
  const level = new Float64Array(scc.components.length);
  let deepest = 0;
  for (const c of scc.topoOrder) {
    for (const v of scc.components[c]!) {
      const node = core.node(v);
      const here = level[c]! + (core.isSplit(node) ? 1 : 0);
      deepest = Math.max(deepest, here);
      for (let j = core.succ.offsets[v]!; j < core.succ.offsets[v + 1]!; j++) {
        const t = core.succ.targets[j]!;
        const d = scc.compOf[t]!;
        if (d === c) continue;
        const into = Math.max(0, here - (core.isMerge(core.node(t)) ? 1 : 0));
        if (into > level[d]!) level[d] = into;
      }
    }
  }
  return deepest;
}

/**
 * Compute every metric. Estimates come from the flow (estimates.ts) so both share one propagation.
 * @example computeMetrics(core, propagate(core)).cfc
 */
export function computeMetrics(core: GraphCore, flow: FlowResult): Metrics {
  const byKind: Record<string, number> = {};
  for (const n of core.nodes) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
  const n = core.size;
  const arcs = core.edges.length;
  let cfc = 0;
  let maxDegree = 0;
  let exclusiveRouters = 0;
  let splits = 0;
  let matched = 0;
  let parallelSplits = 0;
  let exclusiveSplits = 0;
  let waitAllJoins = 0;
  let exclusiveMerges = 0;
  const tools = new Set<string>();
  let automationLayers = 0;
  for (const node of core.nodes) {
    const degree = core.inEdges(node.id).length + core.outEdges(node.id).length;
    if ((node.kind === 'router' || node.kind === 'join') && degree > maxDegree) maxDegree = degree;
    if (node.kind === 'ai') tools.add(`ai:${node.config.model || node.config.capability}`);
    if (node.kind === 'tool') tools.add(`tool:${node.config.type}`);
    if (isAutomationLayer(node)) automationLayers++;
    if (node.kind === 'router' && node.config.mode === 'exclusive') exclusiveRouters++;
    if (node.kind === 'join' && node.config.mode === 'all') waitAllJoins++;
    else if (core.isMerge(node)) exclusiveMerges++;
    if (!core.isSplit(node) || node.kind !== 'router') continue;
    splits++;
    const fanOut = core.successorIds(node.id).length;
    if (node.config.mode === 'exclusive') {
      cfc += fanOut;
      exclusiveSplits++;
    } else if (node.config.mode === 'inclusive') {
      cfc += 2 ** Math.min(fanOut, 30) - 1;
    } else {
      cfc += 1;
      parallelSplits++;
    }
    const join = core.matchingJoin(node.id);
    if (join !== undefined) {
      const j = core.node(core.indexOf(join));
      const closesRight = node.config.mode === 'parallel' ? j.kind === 'join' && j.config.mode === 'all' : !(j.kind === 'join' && j.config.mode === 'all');
      if (closesRight) matched++;
    }
  }
  const scc = core.scc();
  let cycles = 0;
  for (let c = 0; c < scc.components.length; c++) if (scc.cyclic[c] === 1) cycles++;
  let separable = 0;
  for (const node of core.nodes) if (node.kind !== 'trigger' && node.kind !== 'output' && core.onEveryPath(node.id)) separable++;
  return {
    nodes: n,
    workNodes: core.workNodes.length,
    byKind,
    longestPath: longestWorkPath(core),
    maxDegree,
    cfc,
    arcs,
    density: n > 1 ? arcs / (n * (n - 1)) : 0,
    cnc: n > 0 ? arcs / n : 0,
    cyclomatic: arcs - n + 2 * weakComponents(core),
    depth: nestingDepth(core),
    connectorMismatch: Math.abs(parallelSplits - waitAllJoins) + Math.abs(exclusiveSplits - exclusiveMerges),
    structuredness: splits > 0 ? matched / splits : 1,
    separability: n > 2 ? separable / (n - 2) : 0,
    exclusiveRouters,
    distinctTools: tools.size,
    automationLayers,
    cycles,
    estimatedSuccess: flow.success,
    p50Seconds: flow.p50Seconds,
    p95Seconds: flow.p95Seconds,
    costPerCase: flow.costPerCase,
  };
}
