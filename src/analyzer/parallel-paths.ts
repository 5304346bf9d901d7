/**
 * Whether paths that meet can carry one case at the same time: what makes a merge ambiguous ("does it wait for
 * all of them?"). Shared by implicit-routing (merges hidden in a step) and join-fork (a router that also merges).
 */
import type { WorkflowNode } from '../domain/index.ts';
import type { GraphCore } from './graph-core.ts';

/** An edge that takes part in a fan-out: not decided by a condition, a probability or the default mark. */
export const unconditional = (e: { condition?: unknown; probability?: unknown; isDefault?: boolean | undefined }): boolean => e.condition === undefined && e.probability === undefined && e.isDefault !== true;

/**
 * Can two of the paths into node `x` (an index) run at the same time? Only if something between x's immediate dominator
 * d (the last node every case passes before x) and x sends one case down several edges at once: a parallel or
 * inclusive router, or a step fanning out unconditionally on one port. Exclusive routers, a step's out and
 * error ports, a person's approve and reject, and separate triggers (each case starts at one) all choose one
 * path: what they merge is one path at a time, and "wait for all of them?" has no meaning there.
 */
export function pathsMayRunTogether(graph: GraphCore, x: number): boolean {
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
