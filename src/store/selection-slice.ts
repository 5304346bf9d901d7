/** Selection: which nodes and edges are selected. Never enters history. */
import type { SliceCreator } from './types.ts';

/** replace: exactly these; add; remove; toggle: flip each (Shift/Mod+click). */
export type SelectMode = 'replace' | 'add' | 'remove' | 'toggle';

export interface SelectionSlice {
  selection: { readonly nodeIds: ReadonlySet<string>; readonly edgeIds: ReadonlySet<string> };
  select(nodeIds: readonly string[], edgeIds?: readonly string[], mode?: SelectMode): void;
  selectAll(): void;
  clearSelection(): void;
  /** Drop ids that no longer exist (after undo, delete, load). */
  pruneSelection(): void;
}

const EMPTY: ReadonlySet<string> = new Set();

function combine(current: ReadonlySet<string>, ids: readonly string[], mode: SelectMode): ReadonlySet<string> {
  if (mode === 'replace') return ids.length ? new Set(ids) : EMPTY;
  const next = new Set(current);
  for (const id of ids) {
    if (mode === 'remove' || (mode === 'toggle' && next.has(id))) next.delete(id);
    else next.add(id);
  }
  return next;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: { nodeIds: EMPTY, edgeIds: EMPTY },
  select(nodeIds, edgeIds = [], mode = 'replace') {
    const cur = get().selection;
    const next = { nodeIds: combine(cur.nodeIds, nodeIds, mode), edgeIds: combine(cur.edgeIds, edgeIds, mode) };
    // Keep the same object when nothing changed: every canvas node re-renders on a new selection object.
    if (sameSet(next.nodeIds, cur.nodeIds) && sameSet(next.edgeIds, cur.edgeIds)) return;
    set({ selection: next });
  },
  selectAll() {
    const { doc } = get();
    set({ selection: { nodeIds: new Set(doc.nodes.map((n) => n.id)), edgeIds: new Set(doc.edges.map((e) => e.id)) } });
  },
  clearSelection() {
    const cur = get().selection;
    if (cur.nodeIds.size === 0 && cur.edgeIds.size === 0) return;
    set({ selection: { nodeIds: EMPTY, edgeIds: EMPTY } });
  },
  pruneSelection() {
    const { doc, selection } = get();
    const nodeIds = new Set(doc.nodes.map((n) => n.id));
    const edgeIds = new Set(doc.edges.map((e) => e.id));
    const keptNodes = [...selection.nodeIds].filter((id) => nodeIds.has(id));
    const keptEdges = [...selection.edgeIds].filter((id) => edgeIds.has(id));
    if (keptNodes.length === selection.nodeIds.size && keptEdges.length === selection.edgeIds.size) return;
    set({ selection: { nodeIds: new Set(keptNodes), edgeIds: new Set(keptEdges) } });
  },
});
