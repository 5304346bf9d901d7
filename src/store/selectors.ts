/**
 * Module-level selectors (ARCHITECTURE.md convention 4): they return primitives or stable references, so a
 * component re-renders only when what it shows changed.
 */
import type { NodeKind, Workflow, WorkflowEdge, WorkflowNode } from '../domain/index.ts';
import { onlyPositionsDiffer } from './analysis.ts';
import type { EditorState } from './types.ts';

export const selectNodes = (s: EditorState) => s.doc.nodes;
export const selectEdges = (s: EditorState) => s.doc.edges;
export const selectSelection = (s: EditorState) => s.selection;
export const selectUi = (s: EditorState) => s.ui;
export const selectCanUndo = (s: EditorState) => s.history.past.length > 0;
export const selectCanRedo = (s: EditorState) => s.history.future.length > 0;
export const selectMessage = (s: EditorState) => s.ui.message;

export function selectSingleSelectedEdge(s: EditorState): WorkflowEdge | null {
  if (s.selection.edgeIds.size !== 1 || s.selection.nodeIds.size > 0) return null;
  const [id] = s.selection.edgeIds;
  return s.doc.edges.find((e) => e.id === id) ?? null;
}

/**
 * Kind of a node by id, from an index built once per nodes array (edges ask for their source's kind; a scan
 * per edge per store change would be O(nodes x edges)). The array is the one that ignores moves, so a drag
 * does not rebuild a 10,000-entry index on every frame.
 */
export function nodeKindOf(s: EditorState, id: string): NodeKind | undefined {
  return nodeById(docIgnoringMoves(s.doc).nodes, id)?.kind;
}

/**
 * Moves (a drag, a nudge, an auto layout) change the document on every frame but change nothing a panel shows:
 * no panel reads positions. `docIgnoringMoves` maps each revision to a representative that stays the same
 * object while only node positions change, so a panel that selects it re-renders on edits, not on moves. The
 * representative may hold older positions: read `s.doc` for anything positional (the canvas, find, fit view).
 *
 * The check is against the previous revision seen (a pointer comparison per node, key comparison only for the
 * moved ones; see onlyPositionsDiffer), and is made once per revision.
 */
const representative = new WeakMap<Workflow, Workflow>();
let lastSeen: Workflow | null = null;
export function docIgnoringMoves(doc: Workflow): Workflow {
  let rep = representative.get(doc);
  if (!rep) {
    rep = lastSeen !== null && onlyPositionsDiffer(lastSeen, doc) ? (representative.get(lastSeen) ?? lastSeen) : doc;
    representative.set(doc, rep);
  }
  lastSeen = doc;
  return rep;
}

/** The document for panels that do not show positions (inspector, problems, simulation): stable across moves. */
export const selectDocIgnoringMoves = (s: EditorState): Workflow => docIgnoringMoves(s.doc);
export const selectNodesIgnoringMoves = (s: EditorState): readonly WorkflowNode[] => docIgnoringMoves(s.doc).nodes;

const idIndex = new WeakMap<readonly WorkflowNode[], ReadonlyMap<string, WorkflowNode>>();
function nodeById(nodes: readonly WorkflowNode[], id: string): WorkflowNode | undefined {
  let index = idIndex.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n] as const));
    idIndex.set(nodes, index);
  }
  return index.get(id);
}

/**
 * The one selected node as the inspector shows it (position aside): the same object while the node, or any
 * other, only moves, so dragging does not re-render or re-validate the inspector's form.
 */
export function selectSingleSelectedNodeIgnoringMoves(s: EditorState): WorkflowNode | null {
  if (s.selection.nodeIds.size !== 1 || s.selection.edgeIds.size > 0) return null;
  const [id] = s.selection.nodeIds;
  return id === undefined ? null : (nodeById(docIgnoringMoves(s.doc).nodes, id) ?? null);
}

/** Items selected (nodes and edges), a primitive. */
export const selectSelectionCount = (s: EditorState): number => s.selection.nodeIds.size + s.selection.edgeIds.size;
