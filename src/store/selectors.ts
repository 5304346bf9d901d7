/**
 * Module-level selectors (ARCHITECTURE.md convention 4): they return primitives or stable references, so a
 * component re-renders only when what it shows changed.
 */
import type { NodeKind, WorkflowEdge, WorkflowNode } from '../domain/index.ts';
import type { EditorState } from './types.ts';

export const selectDoc = (s: EditorState) => s.doc;
export const selectNodes = (s: EditorState) => s.doc.nodes;
export const selectEdges = (s: EditorState) => s.doc.edges;
export const selectSelection = (s: EditorState) => s.selection;
export const selectUi = (s: EditorState) => s.ui;
export const selectCanUndo = (s: EditorState) => s.history.past.length > 0;
export const selectCanRedo = (s: EditorState) => s.history.future.length > 0;
export const selectMessage = (s: EditorState) => s.ui.message;

/** The one selected node, or null when zero or several are selected. */
export function selectSingleSelectedNode(s: EditorState): WorkflowNode | null {
  if (s.selection.nodeIds.size !== 1 || s.selection.edgeIds.size > 0) return null;
  const [id] = s.selection.nodeIds;
  return s.doc.nodes.find((n) => n.id === id) ?? null;
}

export function selectSingleSelectedEdge(s: EditorState): WorkflowEdge | null {
  if (s.selection.edgeIds.size !== 1 || s.selection.nodeIds.size > 0) return null;
  const [id] = s.selection.edgeIds;
  return s.doc.edges.find((e) => e.id === id) ?? null;
}

const kindIndex = new WeakMap<readonly WorkflowNode[], ReadonlyMap<string, NodeKind>>();
/**
 * Kind of a node by id, from an index built once per nodes array (edges ask for their source's kind; a scan
 * per edge per store change would be O(nodes x edges)).
 */
export function nodeKindOf(s: EditorState, id: string): NodeKind | undefined {
  let index = kindIndex.get(s.doc.nodes);
  if (!index) {
    index = new Map(s.doc.nodes.map((n) => [n.id, n.kind] as const));
    kindIndex.set(s.doc.nodes, index);
  }
  return index.get(id);
}
