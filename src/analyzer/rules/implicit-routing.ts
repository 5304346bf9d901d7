import type { WorkflowEdge, WorkflowNode } from '../../domain/index.ts';
import type { GraphCore } from '../graph-core.ts';
import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

/** An edge that takes part in a fan-out: not decided by a condition, a probability or the default mark. */
const unconditional = (e: { condition?: unknown; probability?: unknown; isDefault?: boolean | undefined }): boolean => e.condition === undefined && e.probability === undefined && e.isDefault !== true;

/**
 * Can two of the paths into node `x` run at the same time? Only if something between x's immediate dominator
 * d (the last node every case passes before x) and x sends one case down several edges at once: a parallel or
 * inclusive router, or a step fanning out unconditionally on one port. Exclusive routers, a step's out and
 * error ports, a person's approve and reject, and separate triggers (each case starts at one) all choose one
 * path: what they merge is one path at a time, and "wait for all of them?" has no meaning there.
 */
function pathsMayRunTogether(graph: GraphCore, x: number): boolean {
  const n = graph.size;
  const d = graph.idom()[x]!;
  // The region: nodes that reach x backwards without passing d (they are all dominated by d).
  const inRegion = new Uint8Array(n);
  const region: number[] = [];
  const stack: number[] = [];
  for (let j = graph.pred.offsets[x]!; j < graph.pred.offsets[x + 1]!; j++) stack.push(graph.pred.targets[j]!);
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (inRegion[v] === 1 || v === x) continue;
    inRegion[v] = 1;
    region.push(v);
    if (v === d) continue;
    for (let j = graph.pred.offsets[v]!; j < graph.pred.offsets[v + 1]!; j++) stack.push(graph.pred.targets[j]!);
  }
  for (const v of region) {
    const node = graph.node(v);
    // Out edges that stay on the way to x.
    const ways = graph.outEdges(node.id).filter((e) => {
      const t = graph.indexOf(e.target);
      return t === x || inRegion[t] === 1;
    });
    if (forksInParallel(node, ways)) return true;
  }
  return false;
}

function forksInParallel(node: WorkflowNode, ways: readonly { sourcePort: string; target: string; condition?: unknown; probability?: unknown; isDefault?: boolean | undefined }[]): boolean {
  if (node.kind === 'router') return node.config.mode !== 'exclusive' && new Set(ways.map((e) => e.target)).size > 1;
  const byPort = new Map<string, Set<string>>();
  for (const e of ways) {
    if (!unconditional(e)) continue;
    const s = byPort.get(e.sourcePort) ?? new Set<string>();
    s.add(e.target);
    byPort.set(e.sourcePort, s);
  }
  return [...byPort.values()].some((s) => s.size > 1);
}

export default defineRule({
  id: 'implicit-routing',
  meta: { description: 'Splits and merges should be explicit routers and joins, not hidden in a step.', docs: 'docs/rules/implicit-routing.md', category: 'structure' },
  defaultSeverity: 'warning',
  options: {
    /** Several edges into an Output (e.g. every error path into one alert) are a convention, not a hidden merge. */
    allowMergeIntoOutput: true,
    /** A loop's way back into a step (revise, reask) is not a merge of two flows. */
    allowLoopEntry: true,
    /** Paths that can never run together (after an exclusive choice, or from different triggers) may meet in a step. */
    allowExclusiveMerge: true,
    /** Report every unconditional fan-out out of a step, even when its branches never meet (bpmnlint's no-implicit-split). */
    reportFanOut: false,
  },
  check({ graph, options }, report) {
    const scc = graph.scc();
    for (const n of graph.nodes) {
      if (n.kind === 'router' || n.kind === 'join') continue;
      const byPort = new Map<string, WorkflowEdge[]>();
      for (const e of graph.outEdges(n.id)) {
        if (!unconditional(e)) continue;
        byPort.set(e.sourcePort, [...(byPort.get(e.sourcePort) ?? []), e]);
      }
      // A fan-out is plain "do all of these" (Baton's semantics, and n8n's way of branching); what can be
      // ambiguous is where its branches meet again, which the merge check below reports (a Join says it).
      for (const [port, edges] of byPort) {
        if (edges.length > 1 && options.reportFanOut) {
          report({ message: `${nameOf(n)} sends every case down ${edges.length} edges from "${port}" at once: a hidden parallel split.`, nodeIds: [n.id], edgeIds: edges.map((e) => e.id), fix: 'Put a Router after the step and say whether the branches run in parallel or one of them is chosen.' });
        }
      }
      if (n.kind === 'output' && options.allowMergeIntoOutput) continue;
      const v = graph.indexOf(n.id);
      const ins = graph.inEdges(n.id).filter((e) => !(options.allowLoopEntry && scc.compOf[graph.indexOf(e.source)] === scc.compOf[v] && scc.cyclic[scc.compOf[v]!] === 1));
      const sources = new Set(ins.map((e) => e.source));
      if (sources.size > 1 && !(options.allowExclusiveMerge && !pathsMayRunTogether(graph, v))) {
        report({ message: `${sources.size} paths merge into ${nameOf(n)} without a join, and they can run at the same time: it is unclear whether it waits for all of them.`, nodeIds: [n.id], edgeIds: ins.map((e) => e.id), fix: 'Put a Join before the step and choose its mode (all, first, any).' });
      }
    }
  },
});
