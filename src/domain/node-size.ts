/**
 * The size each node kind is drawn at on the canvas, in canvas pixels. It lives in the domain, not beside the
 * canvas's colours and icons, because more than the canvas needs it: the n8n importer keeps imported cards from
 * landing on each other, and the automatic layout routes around them. Fixed per kind (notes may set theirs), so
 * nothing needs measuring to draw edges or place nodes.
 */
import type { NodeKind, WorkflowNode } from './node.schema.ts';
import { outputPorts } from './ports.ts';

export const KIND_SIZE: Record<NodeKind, { readonly width: number; readonly height: number }> = {
  trigger: { width: 180, height: 64 },
  ai: { width: 240, height: 84 },
  tool: { width: 240, height: 84 },
  // A data step is smaller than a call: it is plumbing, and the canvas should say so at a glance.
  data: { width: 180, height: 64 },
  human: { width: 240, height: 84 },
  check: { width: 240, height: 84 },
  router: { width: 160, height: 64 },
  loop: { width: 180, height: 64 },
  join: { width: 160, height: 64 },
  output: { width: 180, height: 64 },
  note: { width: 220, height: 120 },
};

/**
 * Output ports are at least this far apart (issue 11: 10 px apart on human gates, too close to aim at), so a node
 * with many ports is taller: a human gate's four ports make it 110 px.
 */
export const PORT_SPACING = 22;

/** Size of a node on the canvas. */
export function nodeSize(node: WorkflowNode): { width: number; height: number } {
  if (node.kind === 'note') {
    const a = KIND_SIZE.note;
    return { width: node.config.width ?? a.width, height: node.config.height ?? a.height };
  }
  return kindSize(node.kind);
}

/** Size of a new node of a kind (nothing set yet). */
export function kindSize(kind: NodeKind): { width: number; height: number } {
  const a = KIND_SIZE[kind];
  return kind === 'note' ? { width: a.width, height: a.height } : { width: a.width, height: Math.max(a.height, (outputPorts(kind).length + 1) * PORT_SPACING) };
}
