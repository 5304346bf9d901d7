/**
 * Adjacency over a document: the one place edges are indexed by node. Notes are in `nodesById` (a lookup by id
 * finds them) but have no `outgoing`/`incoming` entry, and an edge touching one is left out: they annotate the
 * graph, they are not part of it. Built in O(|N| + |E|); each user builds its own (the analyzer once per
 * analysis in its graph context, each exporter once per export).
 */
import type { WorkflowEdge } from './edge.schema.ts';
import type { WorkflowNode } from './node.schema.ts';

export interface Adjacency {
  readonly nodesById: ReadonlyMap<string, WorkflowNode>;
  /** Outgoing edges of each node, in document order. */
  readonly outgoing: ReadonlyMap<string, readonly WorkflowEdge[]>;
  /** Incoming edges of each node, in document order. */
  readonly incoming: ReadonlyMap<string, readonly WorkflowEdge[]>;
}

const NONE: readonly WorkflowEdge[] = [];

/**
 * @example const adj = buildAdjacency(doc); adj.outgoing.get('n1') // edges leaving n1
 * Edges whose endpoints do not exist are left out (import reports them; the analyzer flags them).
 */
export function buildAdjacency(doc: { readonly nodes: readonly WorkflowNode[]; readonly edges: readonly WorkflowEdge[] }): Adjacency {
  const nodesById = new Map<string, WorkflowNode>();
  const outgoing = new Map<string, WorkflowEdge[]>();
  const incoming = new Map<string, WorkflowEdge[]>();
  for (const n of doc.nodes) {
    nodesById.set(n.id, n);
    if (n.kind === 'note') continue;
    outgoing.set(n.id, []);
    incoming.set(n.id, []);
  }
  for (const e of doc.edges) {
    const out = outgoing.get(e.source);
    const inc = incoming.get(e.target);
    if (!out || !inc) continue;
    out.push(e);
    inc.push(e);
  }
  return { nodesById, outgoing, incoming };
}

export function outgoingOf(adj: Adjacency, nodeId: string): readonly WorkflowEdge[] {
  return adj.outgoing.get(nodeId) ?? NONE;
}

export function incomingOf(adj: Adjacency, nodeId: string): readonly WorkflowEdge[] {
  return adj.incoming.get(nodeId) ?? NONE;
}

/** Successor node ids (deduplicated, in edge order). */
export function successors(adj: Adjacency, nodeId: string): string[] {
  return [...new Set(outgoingOf(adj, nodeId).map((e) => e.target))];
}

export function predecessors(adj: Adjacency, nodeId: string): string[] {
  return [...new Set(incomingOf(adj, nodeId).map((e) => e.source))];
}
