/**
 * Module-level selectors (ARCHITECTURE.md convention 4): they return primitives or stable references, so a
 * component re-renders only when what it shows changed.
 */
import type { WorkflowEdge, WorkflowNode } from '../domain/index.ts';
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
