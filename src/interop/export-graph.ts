/**
 * What the exporters share: names for nodes that have no label, the words on an edge, where a check's re-ask
 * goes, which error edges a step can actually take, and where a node sits on the canvas. Pure functions over the
 * document, so every exporter reads the design the same way the simulator does (docs/simulator.md).
 */
import {
  formatCondition,
  KIND_LABELS,
  OUTPUT_PORTS,
  type Adjacency,
  type Catcher,
  type ErrorMatcher,
  type NodeKind,
  type WorkflowEdge,
  type WorkflowNode,
} from '../domain/index.ts';

/**
 * A node's name in another tool: its label, or "KIND id" when the label is empty (BPMN linters and n8n need a
 * name on every step). Whitespace runs, newlines included, collapse to one space.
 * @example displayName({ kind: 'ai', id: 'a1', label: '' }) // 'AI tool a1'
 */
export function displayName(node: Pick<WorkflowNode, 'kind' | 'id' | 'label'>): string {
  const label = node.label.replace(/\s+/g, ' ').trim();
  return label || `${KIND_LABELS[node.kind]} ${node.id}`;
}

/** The port a case normally leaves by (the first drawn): `out`, `approve`, `pass`. */
export function primaryPort(kind: NodeKind): string | undefined {
  return OUTPUT_PORTS[kind][0];
}

/**
 * The words shown on an edge in a diagram: the port when it is not the node's usual way out, then the label,
 * else the condition, the share or "default".
 * @example edgeCaption({ sourcePort: 'error', label: 'LLM down' }, 'ai') // 'error: LLM down'
 */
export function edgeCaption(edge: WorkflowEdge, sourceKind: NodeKind): string {
  const parts: string[] = [];
  const label = edge.label?.replace(/\s+/g, ' ').trim();
  if (label) parts.push(label);
  else if (edge.condition) parts.push(formatCondition(edge.condition));
  else if (edge.probability !== undefined) parts.push(`${formatShare(edge.probability)}`);
  else if (edge.isDefault) parts.push('default');
  const port = edge.sourcePort !== primaryPort(sourceKind) ? edge.sourcePort : '';
  if (port && parts.length > 0) return `${port}: ${parts.join(' ')}`;
  return port || parts.join(' ');
}

/** 0.25 -> "25%"; 0.005 -> "0.5%". */
export function formatShare(p: number): string {
  const pct = p * 100;
  return `${Number.isInteger(pct) ? pct : Number(pct.toPrecision(3))}%`;
}

/**
 * The step a check's re-ask goes back to: the last AI or tool step before it. The simulator follows the item
 * (the step that last produced it); an export has only the graph, so it walks back through routers, joins and
 * other checks and answers when exactly one AI or tool step is found first.
 */
export function reaskTarget(adj: Adjacency, checkId: string): WorkflowNode | undefined {
  const found = new Set<string>();
  const seen = new Set<string>([checkId]);
  let frontier = [checkId];
  while (frontier.length > 0 && found.size === 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of adj.incoming.get(id) ?? []) {
        const src = adj.nodesById.get(e.source);
        if (!src || seen.has(src.id)) continue;
        seen.add(src.id);
        if (src.kind === 'ai' || src.kind === 'tool') found.add(src.id);
        else if (src.kind !== 'trigger' && src.kind !== 'human') next.push(src.id);
      }
    }
    frontier = next;
  }
  if (found.size !== 1) return undefined;
  const [only] = found;
  return only === undefined ? undefined : adj.nodesById.get(only);
}

/** Edges leaving `nodeId` by `port`, in document order. */
export function edgesFromPort(adj: Adjacency, nodeId: string, port: string): WorkflowEdge[] {
  return (adj.outgoing.get(nodeId) ?? []).filter((e) => e.sourcePort === port);
}

/**
 * An AI or tool step's catchers that lead somewhere: each catcher whose port has at least one edge. An error
 * edge no catcher names is never taken (the simulator fails the case instead), and a catcher whose port has no
 * edge fails the case too, so both are left out of a translation.
 */
export function routedCatchers(adj: Adjacency, node: WorkflowNode): Array<{ readonly catcher: Catcher; readonly edges: readonly WorkflowEdge[] }> {
  if (node.kind !== 'ai' && node.kind !== 'tool' && node.kind !== 'data') return [];
  const out: Array<{ catcher: Catcher; edges: WorkflowEdge[] }> = [];
  for (const catcher of node.policy?.catch ?? []) {
    const edges = edgesFromPort(adj, node.id, catcher.port);
    if (edges.length > 0) out.push({ catcher, edges });
  }
  return out;
}

/** Error edges of an AI, tool or data step that no catcher routes to: the simulator never takes them. */
export function unroutedErrorEdges(node: WorkflowNode, edges: readonly WorkflowEdge[]): WorkflowEdge[] {
  if (node.kind !== 'ai' && node.kind !== 'tool' && node.kind !== 'data') return [];
  const ports = new Set((node.policy?.catch ?? []).map((c) => c.port));
  return edges.filter((e) => e.sourcePort !== 'out' && !ports.has(e.sourcePort));
}

/** Does this matcher list cover `timeout`? */
export function catchesTimeout(matchers: readonly ErrorMatcher[]): boolean {
  return matchers.includes('ALL') || matchers.includes('timeout');
}

/**
 * Canvas size of a node by kind (the editor draws every kind at a fixed size; notes may set theirs). Exporters
 * that keep positions centre their shapes where the canvas draws the node. Mirrors src/ui/canvas/node-appearance.ts,
 * which interop may not import.
 */
const CANVAS_SIZE: Record<NodeKind, { readonly width: number; readonly height: number }> = {
  trigger: { width: 180, height: 64 },
  ai: { width: 220, height: 84 },
  tool: { width: 220, height: 84 },
  data: { width: 180, height: 64 },
  human: { width: 220, height: 84 },
  check: { width: 200, height: 84 },
  router: { width: 160, height: 64 },
  loop: { width: 180, height: 64 },
  join: { width: 160, height: 64 },
  output: { width: 180, height: 64 },
  note: { width: 220, height: 120 },
};

export function canvasSize(node: WorkflowNode): { readonly width: number; readonly height: number } {
  const size = CANVAS_SIZE[node.kind];
  if (node.kind === 'note') return { width: node.config.width ?? size.width, height: node.config.height ?? size.height };
  return size;
}

/** Centre of the node as the canvas draws it. */
export function canvasCentre(node: WorkflowNode): { readonly x: number; readonly y: number } {
  const size = canvasSize(node);
  return { x: node.position.x + size.width / 2, y: node.position.y + size.height / 2 };
}

/**
 * Unique names within `taken`, cut to `max` characters: the second "Review" becomes "Review (2)".
 * Deterministic: the same calls in the same order give the same names.
 */
export function uniqueName(wanted: string, taken: Set<string>, max = Infinity): string {
  // Code points, not UTF-16 units: a name is never cut inside an emoji.
  const cut = (s: string, room: number) => {
    const chars = Array.from(s);
    return chars.length > room ? `${chars.slice(0, Math.max(1, room - 1)).join('')}…` : s;
  };
  let name = cut(wanted, max);
  for (let k = 2; taken.has(name); k++) {
    const suffix = ` (${k})`;
    name = `${cut(wanted, max - suffix.length)}${suffix}`;
  }
  taken.add(name);
  return name;
}

/** A loop's body as the exporters see it (loopBody). */
export interface LoopBody {
  /** The nodes a pass can run: everything reached from the `each` edges without passing the loop again. */
  readonly members: ReadonlySet<string>;
  /** Edges from the body back into the loop: a pass ends there and the next item starts. */
  readonly back: readonly WorkflowEdge[];
  /**
   * A member (other than an output, which any path may end at) entered from outside the body other than by the
   * loop's `each` port: such a body is no self-contained iteration (a Map state's or a sub-process's).
   */
  readonly enteredFromOutside?: { readonly node: WorkflowNode; readonly from: WorkflowNode };
}

/**
 * The body of a loop: what a for-each runs for each item, as Step Functions' Map state and BPMN's
 * multi-instance sub-process need it, self-contained. The walk stops at the loop itself (the next pass) and at
 * outputs (a path may end the case inside a pass).
 */
export function loopBody(adj: Adjacency, loopId: string): LoopBody {
  const members = new Set<string>();
  const back: WorkflowEdge[] = [];
  const stack = edgesFromPort(adj, loopId, 'each').map((e) => e.target);
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (id === loopId || members.has(id)) continue;
    const node = adj.nodesById.get(id);
    if (!node) continue;
    members.add(id);
    if (node.kind === 'output') continue;
    for (const e of adj.outgoing.get(id) ?? []) {
      if (e.target === loopId) back.push(e);
      else stack.push(e.target);
    }
  }
  for (const id of members) {
    const node = adj.nodesById.get(id);
    if (!node || node.kind === 'output') continue;
    for (const e of adj.incoming.get(id) ?? []) {
      const from = adj.nodesById.get(e.source);
      if (!from || members.has(e.source) || (e.source === loopId && e.sourcePort === 'each')) continue;
      return { members, back, enteredFromOutside: { node, from } };
    }
  }
  return { members, back };
}
