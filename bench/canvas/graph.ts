/**
 * The benchmark graph: N work nodes on a grid, each connected to the next, so Baton and the plain React Flow
 * page draw the same number of nodes and edges at the same places and sizes.
 */
import { createNode, createWorkflow, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../src/domain/index.ts';

export const CELL = { width: 220, height: 84, gapX: 60, gapY: 50 } as const;

export function gridWorkflow(count: number): Workflow {
  const cols = Math.ceil(Math.sqrt(count * 2));
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  for (let i = 0; i < count; i++) {
    const position = { x: (i % cols) * (CELL.width + CELL.gapX), y: Math.floor(i / cols) * (CELL.height + CELL.gapY) };
    nodes.push(createNode('tool', { id: `n${i}`, position, label: `Step ${i}` }));
    if (i > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, sourcePort: 'out', target: `n${i}` });
  }
  return { ...createWorkflow({ id: 'wf_bench', name: `Bench ${count}` }), nodes, edges };
}

/** The same graph as plain React Flow nodes and edges. */
export interface PlainGraph {
  nodes: { id: string; position: { x: number; y: number }; data: { label: string }; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
}

export function plainGraph(doc: Workflow): PlainGraph {
  return {
    nodes: doc.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.label }, width: CELL.width, height: CELL.height })),
    edges: doc.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}
