/**
 * Copy and paste as workflow JSON: a fragment is a regular workflow document holding the copied nodes and the
 * edges between them, so it pastes between designs, browser tabs and even into a text editor and back.
 */
import type { Workflow, WorkflowEdge, WorkflowNode } from '../domain/index.ts';
import { makeId } from '../domain/index.ts';

export const PASTE_OFFSET = 40;

/**
 * The selected nodes and the edges among them, as a standalone document.
 * @example copyFragment(doc, new Set(['n1', 'n2'])).nodes.length // 2
 */
export function copyFragment(doc: Workflow, nodeIds: ReadonlySet<string>): Workflow {
  const nodes = doc.nodes.filter((n) => nodeIds.has(n.id));
  const edges = doc.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
  return { format: doc.format, schemaVersion: doc.schemaVersion, id: 'clipboard', name: `${doc.name} (fragment)`, nodes, edges };
}

/**
 * Add a fragment's nodes and edges to `doc` with fresh ids (so pasting twice never collides) and an offset.
 * Returns the new document and the ids of the pasted nodes (to select them).
 */
export function pasteFragment(
  doc: Workflow,
  fragment: Pick<Workflow, 'nodes' | 'edges'>,
  offset: { x: number; y: number } = { x: PASTE_OFFSET, y: PASTE_OFFSET },
): { doc: Workflow; nodeIds: string[]; edgeIds: string[] } {
  const taken = new Set<string>([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
  const idMap = new Map<string, string>();
  const nodes: WorkflowNode[] = fragment.nodes.map((n) => {
    const id = makeId(n.kind === 'note' ? 'note' : 'n', taken);
    taken.add(id);
    idMap.set(n.id, id);
    return { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edges: WorkflowEdge[] = [];
  for (const e of fragment.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (source === undefined || target === undefined) continue;
    const id = makeId('e', taken);
    taken.add(id);
    edges.push({ ...e, id, source, target });
  }
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, nodeIds: nodes.map((n) => n.id), edgeIds: edges.map((e) => e.id) };
}
