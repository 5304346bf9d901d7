/**
 * The one place domain nodes and edges become React Flow nodes and edges, and React Flow changes become store
 * commands (ARCHITECTURE.md convention 1). React Flow re-processes any node whose object changed, so the
 * mapping is memoized per domain object: an untouched domain node yields the very same React Flow node.
 */
import { Position as Side, type Edge, type EdgeChange, type NodeChange, type Node, type NodeHandle } from '@xyflow/react';
import { formatCondition, hasInput, KIND_LABELS, outputPorts, type Position, type WorkflowEdge, type WorkflowNode } from '../../domain/index.ts';
import { nodeSize } from './node-appearance.ts';

export type FlowNodeData = { node: WorkflowNode };
export type FlowNode = Node<FlowNodeData, 'workflow' | 'note'>;
export type FlowEdgeData = { edge: WorkflowEdge };
export type FlowEdge = Edge<FlowEdgeData, 'workflow'>;

/** The single input handle's id (nodes have one input; outputs are named ports). */
export const INPUT_HANDLE = 'in';

/** Handle size in px (styles.css .wf-handle): big enough to aim at (issue 11: 6 px dots were missed). */
export const HANDLE_SIZE = 14;

/**
 * Where each handle sits, as WorkflowNodeView draws it: the input centred on the left edge, output ports on the
 * right edge at (i + 1) / (ports + 1) of the height. Declared up front, React Flow can route edges without
 * measuring handles in the DOM (and a node that has never been on screen still has its edges' ends).
 */
export function nodeHandles(node: WorkflowNode, size: { width: number; height: number }): NodeHandle[] {
  const half = HANDLE_SIZE / 2;
  const handles: NodeHandle[] = [];
  if (hasInput(node.kind)) handles.push({ id: INPUT_HANDLE, type: 'target', position: Side.Left, x: -half, y: size.height / 2 - half, width: HANDLE_SIZE, height: HANDLE_SIZE });
  const ports = outputPorts(node.kind);
  ports.forEach((port, i) => {
    handles.push({ id: port, type: 'source', position: Side.Right, x: size.width - half, y: (size.height * (i + 1)) / (ports.length + 1) - half, width: HANDLE_SIZE, height: HANDLE_SIZE });
  });
  return handles;
}

/** "AI tool: Draft reply": the accessible name of a node on the canvas (interfaces.md). */
export function nodeAccessibleName(node: WorkflowNode): string {
  const label = node.kind === 'note' ? node.config.text.split('\n')[0]?.slice(0, 60) ?? '' : node.label;
  return `${KIND_LABELS[node.kind]}: ${label || '(unnamed)'}`;
}

interface CachedNode {
  readonly selected: boolean;
  readonly flow: FlowNode;
}
interface CachedEdge {
  readonly selected: boolean;
  readonly flow: FlowEdge;
}

/** Keeps React Flow objects identical across renders while their domain object and selection are unchanged. */
export class FlowAdapter {
  private nodes = new WeakMap<WorkflowNode, CachedNode>();
  private edges = new WeakMap<WorkflowEdge, CachedEdge>();

  /** The last call's input and output: a drag changes one node of 10,000, so compare by index before hashing. */
  private last: { nodes: readonly WorkflowNode[]; selected: ReadonlySet<string>; flow: FlowNode[] } | null = null;

  toFlowNodes(nodes: readonly WorkflowNode[], selected: ReadonlySet<string>): FlowNode[] {
    const last = this.last !== null && this.last.selected === selected && this.last.nodes.length === nodes.length ? this.last : null;
    const flow = nodes.map((node, i) => {
      if (last !== null && last.nodes[i] === node) return last.flow[i]!;
      const isSelected = selected.has(node.id);
      const cached = this.nodes.get(node);
      if (cached && cached.selected === isSelected) return cached.flow;
      const made = toFlowNode(node, isSelected);
      this.nodes.set(node, { selected: isSelected, flow: made });
      return made;
    });
    this.last = { nodes, selected, flow };
    return flow;
  }

  toFlowEdges(edges: readonly WorkflowEdge[], selected: ReadonlySet<string>): FlowEdge[] {
    return edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const cached = this.edges.get(edge);
      if (cached && cached.selected === isSelected) return cached.flow;
      const flow = toFlowEdge(edge, isSelected);
      this.edges.set(edge, { selected: isSelected, flow });
      return flow;
    });
  }
}

export function toFlowNode(node: WorkflowNode, selected: boolean): FlowNode {
  const size = nodeSize(node);
  return {
    id: node.id,
    type: node.kind === 'note' ? 'note' : 'workflow',
    position: node.position,
    data: { node },
    selected,
    width: size.width,
    height: size.height,
    // Known sizes mean React Flow never has to re-measure a node that moved (see adoptUserNodes in @xyflow/system).
    measured: size,
    handles: nodeHandles(node, size),
    ariaLabel: nodeAccessibleName(node),
    ariaRole: 'button',
    domAttributes: { 'data-kind': node.kind } as Record<string, string>,
    // Notes sit behind the graph.
    zIndex: node.kind === 'note' ? -1 : 0,
  };
}

/** Text shown on an edge: its label, condition, probability or "default". */
export function edgeCaption(edge: WorkflowEdge): string {
  const parts: string[] = [];
  if (edge.label) parts.push(edge.label);
  if (edge.condition) parts.push(formatCondition(edge.condition));
  if (edge.probability !== undefined) parts.push(`${Math.round(edge.probability * 1000) / 10}%`);
  if (edge.isDefault) parts.push('default');
  return parts.join(' · ');
}

export function toFlowEdge(edge: WorkflowEdge, selected: boolean): FlowEdge {
  return {
    id: edge.id,
    type: 'workflow',
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: INPUT_HANDLE,
    selected,
    data: { edge },
    ariaLabel: `Edge from ${edge.source} (${edge.sourcePort}) to ${edge.target}`,
  };
}

/** What a batch of React Flow node changes asks the store to do. Removal goes through onDelete (one undo entry). */
export interface NodeChangeCommands {
  readonly positions: Map<string, Position>;
  /** True when the moves come from a pointer drag in progress (they belong to a gesture). */
  readonly dragging: boolean;
  readonly select: string[];
  readonly deselect: string[];
}

export function interpretNodeChanges(changes: readonly NodeChange<FlowNode>[]): NodeChangeCommands {
  const positions = new Map<string, Position>();
  const select: string[] = [];
  const deselect: string[] = [];
  let dragging = false;
  for (const c of changes) {
    if (c.type === 'position' && c.position) {
      positions.set(c.id, { x: c.position.x, y: c.position.y });
      dragging ||= c.dragging === true;
    } else if (c.type === 'select') (c.selected ? select : deselect).push(c.id);
  }
  return { positions, dragging, select, deselect };
}

export function interpretEdgeChanges(changes: readonly EdgeChange<FlowEdge>[]): { select: string[]; deselect: string[] } {
  const select: string[] = [];
  const deselect: string[] = [];
  for (const c of changes) if (c.type === 'select') (c.selected ? select : deselect).push(c.id);
  return { select, deselect };
}
