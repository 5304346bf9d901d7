/**
 * The design the editor shows, as an explicit state machine (the rest of the library asks it, never a flag):
 *
 *   draft ──first edit──▶ storing-draft ──stored──▶ open ◀──open(id)── any
 *     ▲                        │ failed                │
 *     └────────────────────────┘                       └──showDraft()──▶ draft      close()──▶ closed
 *
 * - `draft`: a document that is not stored yet (the sample on a first visit, a blank one after the last design
 *   went to the trash). Its first edit stores it.
 * - `storing-draft`: that first write is under way; later edits wait for it and the newest is saved once the
 *   design exists.
 * - `open`: a stored design with its DesignSession (autosave with the revision this tab last saw, the other
 *   tabs' saves, conflicts).
 * - `switching`: between two designs; an edit then is to a document about to be replaced, and is not stored.
 * - `closed`: disposed.
 *
 * Opening reads the new design before closing the current one, so a design that no longer opens leaves the
 * editor where it was, still saving. Writes the library store's `currentId`, `save`, `conflict` and the
 * 'unreadable' banner.
 */
import { formatProblem, type Workflow } from '../domain/index.ts';
import {
  classifyStorageError,
  createDesignSession,
  type AutosaveStatus,
  type DesignSession,
  type OpenResult,
  type Persistence,
  type RestoreResult,
  type SessionEvent,
  type TabSync,
} from '../persistence/index.ts';
import type { EditorStore } from '../store/editor-store.ts';
import type { LibraryStore, SaveState } from '../store/library-store.ts';

export type OpenDesignState =
  | { readonly kind: 'draft' }
  /** `attempt` tells this write from a later one, after the editor moved on and came back to a draft. */
  | { readonly kind: 'storing-draft'; readonly attempt: number; readonly stored: Promise<void> }
  | { readonly kind: 'open'; readonly session: DesignSession }
  | { readonly kind: 'switching' }
  | { readonly kind: 'closed' };

export interface OpenDesign {
  state(): OpenDesignState['kind'];
  /** The stored design being edited, or null (a draft, between designs). */
  designId(): string | null;
  /** The user changed the document (the editor's change feed, origin 'user'). */
  edit(doc: Workflow): void;
  /** Show a stored design. False (and the editor unchanged) when it does not open; the reason was shown. */
  open(id: string): Promise<boolean>;
  /** Show a document that is stored on its first edit. */
  showDraft(doc: Workflow): Promise<void>;
  /** Write pending edits now. */
  flush(): Promise<void>;
  /** Restore a version of the open design in storage; the caller puts the result in the editor. */
  restoreVersion(versionId: string): Promise<RestoreResult | undefined>;
  /** After a conflict: keep this tab's edits as a version, load the other tab's. */
  loadTheirs(): Promise<OpenResult | undefined>;
  /** After a conflict: store this tab's edits as a new design and go on editing that. */
  keepMineAsCopy(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDesignDeps {
  readonly persistence: Persistence;
  readonly sync: TabSync;
  readonly editor: EditorStore;
  readonly store: LibraryStore;
  readonly message: (text: string, tone: 'info' | 'error' | 'success') => void;
  /** The list changed (a save moved the design to the top, a copy was made). */
  readonly listChanged: () => void;
  /** Another design is open, or the open one was replaced: its versions and any comparison are stale. */
  readonly designChanged: () => void;
  readonly debounceMs?: number;
  readonly retryMs?: number;
}

export function createOpenDesign(deps: OpenDesignDeps): OpenDesign {
  const { persistence: p, sync, editor, store } = deps;
  let state: OpenDesignState = { kind: 'draft' };
  const session = (): DesignSession | null => (state.kind === 'open' ? state.session : null);
  const saveState = (status: AutosaveStatus): SaveState => {
    if (status.state === 'error') return { state: 'error', reason: status.reason };
    if (status.state === 'saved' && p.mode === 'memory') return { state: 'memory' };
    return { state: status.state };
  };
  const draftSave = (): SaveState => (p.mode === 'memory' ? { state: 'memory' } : { state: 'draft' });

  function onSessionEvent(event: SessionEvent): void {
    switch (event.type) {
      case 'reloaded':
        editor.getState().loadDocument(event.doc, 'remote');
        store.setState({ conflict: null });
        deps.designChanged();
        return;
      case 'conflict':
        store.setState({ conflict: { deleted: event.deleted } });
        return;
      case 'switched':
        store.setState({ currentId: event.design.id, conflict: null });
        sync.announceLibraryChange();
        deps.listChanged();
        deps.designChanged();
        deps.message(`Your changes are now in “${event.design.name}”.`, 'success');
        return;
      case 'unreadable':
        deps.message(`Another tab saved this design in a form this version of Baton cannot read (${event.problems.length} problems). Your copy here is kept; reload to get the newer Baton.`, 'error');
        return;
    }
  }

  function startSession(designId: string, revision: number): DesignSession {
    const started = createDesignSession({
      designs: p.designs,
      versions: p.versions,
      sync,
      designId,
      revision,
      debounceMs: deps.debounceMs,
      retryMs: deps.retryMs,
      onEvent: onSessionEvent,
      onStatus: (status) => {
        store.setState({ save: saveState(status) });
        // A save moves the design to the top of the list and changes its summary.
        if (status.state === 'saved') deps.listChanged();
      },
    });
    state = { kind: 'open', session: started };
    store.setState({ currentId: designId, save: saveState({ state: 'saved' }), conflict: null });
    return started;
  }

  /**
   * Leave the current design: its pending edits are written first. A draft being stored is left to finish on
   * its own: it sees that the editor moved on and starts no session (the design it stored stays in the list).
   */
  async function leave(): Promise<void> {
    const current = state;
    state = { kind: 'switching' };
    if (current.kind === 'open') await current.session.close();
  }

  let attempts = 0;
  const stillStoring = (attempt: number): boolean => state.kind === 'storing-draft' && state.attempt === attempt;

  function storeDraft(): void {
    const doc = editor.getState().doc;
    const attempt = ++attempts;
    const stored: Promise<void> = (async () => {
      try {
        const row = await p.designs.create(doc);
        sync.announceLibraryChange();
        deps.listChanged();
        if (!stillStoring(attempt)) return;
        const started = startSession(row.id, row.revision);
        // The editor may have changed while the row was written: that newer state is the first save.
        const latest = editor.getState().doc;
        if (latest !== doc) started.edit(latest);
      } catch (error) {
        if (!stillStoring(attempt)) return;
        // Still a draft: the next edit tries again.
        state = { kind: 'draft' };
        store.setState({ save: { state: 'error', reason: classifyStorageError(error).message } });
      }
    })();
    state = { kind: 'storing-draft', attempt, stored };
  }

  return {
    state: () => state.kind,
    designId: () => session()?.designId() ?? null,

    edit(doc) {
      switch (state.kind) {
        case 'open':
          state.session.edit(doc);
          return;
        case 'draft':
          storeDraft();
          return;
        case 'storing-draft': // the newest document is saved when the design exists
        case 'switching': // the editor is about to show another design
        case 'closed':
          return;
      }
    },

    async open(id) {
      const opened = await p.designs.open(id);
      if (!opened.ok) {
        if (opened.reason === 'invalid') {
          store.setState({
            banner: {
              kind: 'unreadable',
              text: `This design no longer opens (${opened.problems.map(formatProblem).slice(0, 3).join('; ')}). It is kept as stored; export it from the list to repair it.`,
            },
          });
        } else {
          deps.message('That design no longer exists.', 'error');
        }
        return false;
      }
      await leave();
      editor.getState().loadDocument(opened.doc, 'load');
      startSession(id, opened.design.revision);
      if (store.getState().banner?.kind === 'unreadable') store.setState({ banner: null });
      deps.designChanged();
      return true;
    },

    async showDraft(doc) {
      await leave();
      editor.getState().loadDocument(doc, 'load');
      state = { kind: 'draft' };
      store.setState({ currentId: null, save: draftSave() });
      deps.designChanged();
    },

    async flush() {
      if (state.kind === 'storing-draft') await state.stored;
      await session()?.flush();
    },

    async restoreVersion(versionId) {
      return session()?.restoreVersion(versionId);
    },

    async loadTheirs() {
      const s = session();
      if (!s) return undefined;
      const opened = await s.loadTheirs();
      store.setState({ conflict: null });
      return opened;
    },

    async keepMineAsCopy() {
      await session()?.keepMineAsCopy();
    },

    async close() {
      const current = state;
      state = { kind: 'closed' };
      if (current.kind === 'open') await current.session.close();
    },
  };
}
