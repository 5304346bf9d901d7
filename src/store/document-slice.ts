/**
 * The document being edited and its undo history. Every action states its history mode (see history.ts).
 * Node and edge objects that an action does not touch stay identical, so React Flow re-renders only what changed.
 *
 * The change feed (`listenToChanges`, after tldraw's `store.listen` with a change source): one event per settled
 * change, `{ before, after, origin }`. A change settles when an action outside a gesture applies it, or when a
 * gesture ends (before = the document when it began); moves in the middle of a drag and a cancelled gesture send
 * nothing. `origin` says who made it, so autosave, automatic versions and live analysis need no flags to tell
 * their own echoes from edits: 'user' (an edit, undo, redo), 'load' (a design opened), 'restore' (a version
 * restored; undoable, already stored), 'remote' (another tab's save reloaded).
 */
import {
  checkConnection,
  createNode,
  makeId,
  type ConnectionRequest,
  type ConnectionVerdict,
  type NodeKind,
  type Position,
  type Workflow,
  type WorkflowEdge,
  type WorkflowNode,
} from '../domain/index.ts';
import { copyFragment, pasteFragment } from './clipboard.ts';
import { emptyHistory, record, redo, undo, type History } from './history.ts';
import type { SliceCreator } from './types.ts';

export interface CommitOptions {
  /** Consecutive commits with the same key within a second merge into one undo entry (typing in a field). */
  readonly coalesceKey?: string;
  /** Who made the change (default 'user'); a restored version is undoable like an edit but already stored. */
  readonly origin?: 'user' | 'restore';
}

/** Who made a document change (see the file comment). */
export type ChangeOrigin = 'user' | 'load' | 'restore' | 'remote';

/** One settled change of the document. */
export interface DocumentChange {
  readonly before: Workflow;
  readonly after: Workflow;
  readonly origin: ChangeOrigin;
}

export interface DocumentSlice {
  doc: Workflow;
  history: History<Workflow>;
  /** Counts loadDocument calls, so the canvas can frame a design that was just opened. */
  loadCount: number;
  /**
   * Replace the document without history: opening a design ('load', the default), or another tab's save of the
   * open one ('remote'). Clears history and selection.
   */
  loadDocument(doc: Workflow, origin?: 'load' | 'remote'): void;
  /** Replace the document as ONE undo entry (quick fixes, auto layout, restore a version). */
  commit(next: Workflow, opts?: CommitOptions): void;
  addNode(kind: NodeKind, position: Position, label?: string): string;
  /**
   * Add a node and connect `from` (a node's output port) to it, as ONE undo entry ("Add step after", issue 11);
   * selects the new node. Refused (no change, null) when the connection would be.
   */
  addConnectedNode(kind: NodeKind, position: Position, from: { readonly source: string; readonly sourcePort: string }): string | null;
  updateNode(id: string, update: (node: WorkflowNode) => WorkflowNode, opts?: CommitOptions): void;
  updateEdge(id: string, update: (edge: WorkflowEdge) => WorkflowEdge, opts?: CommitOptions): void;
  updateWorkflow(update: (doc: Workflow) => Workflow, opts?: CommitOptions): void;
  /** Add an edge if legal; otherwise show the reason and return it. */
  connect(req: ConnectionRequest): ConnectionVerdict;
  removeElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  removeSelection(): void;
  /** Start of a drag: later moves are one undo entry, made at endGesture. */
  beginGesture(): void;
  moveNodes(positions: ReadonlyMap<string, Position>): void;
  endGesture(): void;
  /** Escape during a drag: put everything back, leave no entry. */
  cancelGesture(): void;
  nudgeSelection(dx: number, dy: number): void;
  paste(fragment: Pick<Workflow, 'nodes' | 'edges'>, offset?: Position): void;
  /** The selected nodes and the edges among them as a standalone document (for the clipboard); null if none. Ignore mode. */
  copySelection(): Workflow | null;
  /** Copy and paste the selection in one step, offset, selecting the copies. One undo entry. */
  duplicateSelection(): void;
  undo(): void;
  redo(): void;
  /** Call `listener` after every settled change of the document; returns the function that stops it. */
  listenToChanges(listener: (change: DocumentChange) => void): () => void;
}

const now = (): number => Date.now();

export const createDocumentSlice =
  (initial: Workflow): SliceCreator<DocumentSlice> =>
  (set, get) => {
    const listeners = new Set<(change: DocumentChange) => void>();
    /** Tell the listeners, after the state is set (they may read the store). */
    const settled = (before: Workflow, after: Workflow, origin: ChangeOrigin): void => {
      if (before === after) return;
      const change: DocumentChange = { before, after, origin };
      for (const listener of [...listeners]) listener(change);
    };

    /** Apply `next` under the current history mode: inside a gesture, no entry; otherwise one (maybe coalesced). */
    const apply = (next: Workflow, opts?: CommitOptions): void => {
      const { doc, history } = get();
      if (next === doc) return;
      if (history.gestureStart !== null) {
        set({ doc: next });
        return;
      }
      set({ doc: next, history: record(history, doc, { coalesceKey: opts?.coalesceKey, now: now() }) });
      settled(doc, next, opts?.origin ?? 'user');
    };

    const mapNodes = (doc: Workflow, ids: ReadonlySet<string>, f: (n: WorkflowNode) => WorkflowNode): Workflow => {
      let changed = false;
      const nodes = doc.nodes.map((n) => {
        if (!ids.has(n.id)) return n;
        const m = f(n);
        if (m !== n) changed = true;
        return m;
      });
      return changed ? { ...doc, nodes } : doc;
    };

    return {
      doc: initial,
      history: emptyHistory<Workflow>(),
      loadCount: 0,
      loadDocument(doc, origin = 'load') {
        const before = get().doc;
        set({ doc, history: emptyHistory<Workflow>(), loadCount: get().loadCount + 1 });
        get().clearSelection();
        settled(before, doc, origin);
      },
      commit: (next, opts) => apply(next, opts),
      addNode(kind, position, label) {
        const { doc } = get();
        const id = makeId(kind === 'note' ? 'note' : 'n', new Set(doc.nodes.map((n) => n.id)));
        const node = createNode(kind, label === undefined ? { id, position } : { id, position, label });
        apply({ ...doc, nodes: [...doc.nodes, node] });
        get().select([id]);
        return id;
      },
      addConnectedNode(kind, position, from) {
        const { doc } = get();
        const id = makeId(kind === 'note' ? 'note' : 'n', new Set(doc.nodes.map((n) => n.id)));
        const node = createNode(kind, { id, position });
        const nodesById = new Map(doc.nodes.map((n) => [n.id, n] as const)).set(id, node);
        const verdict = checkConnection(nodesById, doc.edges, { source: from.source, sourcePort: from.sourcePort, target: id });
        if (!verdict.ok) {
          get().showMessage(`Connection refused: ${verdict.reason}`, 'error');
          return null;
        }
        const edgeId = makeId('e', new Set(doc.edges.map((e) => e.id)));
        apply({ ...doc, nodes: [...doc.nodes, node], edges: [...doc.edges, { id: edgeId, source: from.source, sourcePort: from.sourcePort, target: id }] });
        get().select([id]);
        return id;
      },
      updateNode(id, update, opts) {
        apply(mapNodes(get().doc, new Set([id]), update), opts);
      },
      updateEdge(id, update, opts) {
        const { doc } = get();
        let changed = false;
        const edges = doc.edges.map((e) => {
          if (e.id !== id) return e;
          const next = update(e);
          changed ||= next !== e;
          return next;
        });
        if (changed) apply({ ...doc, edges }, opts);
      },
      updateWorkflow(update, opts) {
        apply(update(get().doc), opts);
      },
      connect(req) {
        const { doc } = get();
        const nodesById = new Map(doc.nodes.map((n) => [n.id, n] as const));
        const verdict = checkConnection(nodesById, doc.edges, req);
        if (!verdict.ok) {
          get().showMessage(`Connection refused: ${verdict.reason}`, 'error');
          return verdict;
        }
        const id = makeId('e', new Set(doc.edges.map((e) => e.id)));
        apply({ ...doc, edges: [...doc.edges, { id, source: req.source, sourcePort: req.sourcePort, target: req.target }] });
        return verdict;
      },
      removeElements(nodeIds, edgeIds) {
        const { doc } = get();
        const nodes = new Set(nodeIds);
        const edges = new Set(edgeIds);
        if (nodes.size === 0 && edges.size === 0) return;
        apply({
          ...doc,
          nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
          // Edges attached to a removed node go with it: a dangling edge is never left behind.
          edges: doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
        });
        get().pruneSelection();
      },
      removeSelection() {
        const { selection } = get();
        get().removeElements([...selection.nodeIds], [...selection.edgeIds]);
      },
      beginGesture() {
        const { history, doc } = get();
        if (history.gestureStart !== null) return;
        set({ history: { ...history, gestureStart: doc } });
      },
      moveNodes(positions) {
        if (positions.size === 0) return;
        const ids = new Set(positions.keys());
        apply(
          mapNodes(get().doc, ids, (n) => {
            const p = positions.get(n.id);
            return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: { x: p.x, y: p.y } } : n;
          }),
        );
      },
      endGesture() {
        const { history, doc } = get();
        const start = history.gestureStart;
        if (start === null) return;
        const cleared = { ...history, gestureStart: null };
        set({ history: start === doc ? cleared : record(cleared, start, { now: now() }) });
        settled(start, doc, 'user');
      },
      cancelGesture() {
        const { history } = get();
        if (history.gestureStart === null) return;
        set({ doc: history.gestureStart, history: { ...history, gestureStart: null } });
      },
      nudgeSelection(dx, dy) {
        const { selection } = get();
        if (selection.nodeIds.size === 0) return;
        apply(
          mapNodes(get().doc, selection.nodeIds, (n) => ({ ...n, position: { x: n.position.x + dx, y: n.position.y + dy } })),
          { coalesceKey: 'nudge' },
        );
      },
      paste(fragment, offset) {
        const result = pasteFragment(get().doc, fragment, offset);
        apply(result.doc);
        get().select(result.nodeIds, result.edgeIds);
      },
      copySelection() {
        const { doc, selection } = get();
        return selection.nodeIds.size ? copyFragment(doc, selection.nodeIds) : null;
      },
      duplicateSelection() {
        const fragment = get().copySelection();
        if (fragment) get().paste(fragment);
      },
      undo() {
        const { history, doc } = get();
        const r = undo(history, doc);
        if (!r) return;
        set({ doc: r.doc, history: r.history });
        get().pruneSelection();
        settled(doc, r.doc, 'user');
      },
      redo() {
        const { history, doc } = get();
        const r = redo(history, doc);
        if (!r) return;
        set({ doc: r.doc, history: r.history });
        get().pruneSelection();
        settled(doc, r.doc, 'user');
      },
      listenToChanges(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  };
