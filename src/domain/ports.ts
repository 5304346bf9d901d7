/**
 * Ports of each node kind and which connections are legal. The canvas asks `checkConnection` before it adds
 * an edge and shows the reason when it refuses; import reports the same reasons with their JSON paths.
 */
import type { WorkflowEdge } from './edge.schema.ts';
import { KIND_LABELS, type NodeKind, type WorkflowNode } from './node.schema.ts';

/** Output ports by kind (workflow-format.md, "Nodes"). The order is the order handles are drawn in. */
export const OUTPUT_PORTS: Readonly<Record<NodeKind, readonly string[]>> = {
  trigger: ['out'],
  ai: ['out', 'error'],
  tool: ['out', 'error'],
  data: ['out', 'error'],
  human: ['approve', 'reject', 'revise', 'timeout'],
  check: ['pass', 'fail'],
  router: ['out'],
  loop: ['each', 'done'],
  join: ['out'],
  output: [],
  note: [],
};

/** Ports a case leaves by when something went wrong: the analyzer checks they are handled. */
export const FAILURE_PORTS: readonly string[] = ['error', 'fail', 'reject', 'timeout'];

/** Every node but triggers and notes accepts incoming edges (on a single input). */
export function hasInput(kind: NodeKind): boolean {
  return kind !== 'trigger' && kind !== 'note';
}

export function outputPorts(kind: NodeKind): readonly string[] {
  return OUTPUT_PORTS[kind];
}

export function hasPort(kind: NodeKind, port: string): boolean {
  return OUTPUT_PORTS[kind].includes(port);
}

/** "an AI tool node", "a router node": the kind's user-facing name with the right article. */
export function nodeKindPhrase(kind: NodeKind): string {
  const name = KIND_LABELS[kind];
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name} node`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type ConnectionVerdict = { ok: true } | { ok: false; code: string; reason: string };

export interface ConnectionRequest {
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
}

/**
 * Is this connection legal, and if not, why (a sentence for the canvas)?
 * Self-loops are legal (a retry loop may point back at its own step); the analyzer warns when one has no guard.
 * @example checkConnection(nodes, edges, { source: 'a', sourcePort: 'out', target: 'trigger1' })
 *   // { ok: false, code: 'into-trigger', reason: 'A trigger starts a case; nothing can connect into it.' }
 */
export function checkConnection(
  nodesById: ReadonlyMap<string, WorkflowNode>,
  edges: readonly WorkflowEdge[],
  req: ConnectionRequest,
): ConnectionVerdict {
  const source = nodesById.get(req.source);
  const target = nodesById.get(req.target);
  if (!source) return { ok: false, code: 'unknown-source', reason: `There is no node with id "${req.source}".` };
  if (!target) return { ok: false, code: 'unknown-target', reason: `There is no node with id "${req.target}".` };
  if (source.kind === 'note' || target.kind === 'note') {
    return { ok: false, code: 'note', reason: 'Notes are annotations; they cannot be connected.' };
  }
  if (source.kind === 'output') {
    return { ok: false, code: 'out-of-output', reason: 'An output ends a case; nothing can leave it.' };
  }
  if (!hasPort(source.kind, req.sourcePort)) {
    const ports = OUTPUT_PORTS[source.kind].join(', ');
    return { ok: false, code: 'unknown-port', reason: `${capitalise(nodeKindPhrase(source.kind))} has no port "${req.sourcePort}" (its ports: ${ports}).` };
  }
  if (target.kind === 'trigger') {
    return { ok: false, code: 'into-trigger', reason: 'A trigger starts a case; nothing can connect into it.' };
  }
  const duplicate = edges.some((e) => e.source === req.source && e.sourcePort === req.sourcePort && e.target === req.target);
  if (duplicate) {
    return { ok: false, code: 'duplicate', reason: `"${source.label || source.id}" is already connected to "${target.label || target.id}" from this port.` };
  }
  return { ok: true };
}
