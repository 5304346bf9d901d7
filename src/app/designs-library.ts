/**
 * The designs library's controller: implements the UI's DesignLibrary over src/persistence and keeps the editor
 * store and the library store in step. Framework-free, so test/app drives it in Node against the in-memory
 * persistence.
 *
 * Invariants:
 * - The editor shows exactly one design (or the first-visit draft, stored on its first edit).
 * - Every document change the store records reaches the design session (autosave, 300 ms debounce), except the
 *   documents this controller itself loaded from storage (`loaded`), which are already stored.
 * - Switching designs flushes the open session first: nothing typed is lost by opening another design.
 * - Operations that switch the open design run one at a time (`exclusive`), so two quick clicks cannot leave
 *   the editor showing one design while autosave writes to another.
 */
import { createWorkflow, diffWorkflows, distinctName, formatProblem, type Workflow } from '../domain/index.ts';
import {
  classifyStorageError,
  createDesignSession,
  estimateStorage,
  type AutosaveStatus,
  type DesignRow,
  type DesignSession,
  type Persistence,
  type SessionEvent,
  type StorageManagerLike,
  type TabSync,
  type VersionReason,
} from '../persistence/index.ts';
import { exportWorkflow } from '../interop/export.ts';
import type { EditorStore } from '../store/editor-store.ts';
import { createLibraryStore, type DesignListItem, type LibraryState, type LibraryStore, type SaveState } from '../store/library-store.ts';
import type { Template } from '../templates/index.ts';
import { readWorkflowFile } from './read-workflow-file.ts';
import type { FileReadResult } from '../ui/services.tsx';
import { BLANK_TEMPLATE_ID, type DesignLibrary, type ImportOutcome, type TemplateCard } from '../ui/designs/designs-services.tsx';
import { riskyChange } from './designs-risky-change.ts';

export interface DesignLibraryDeps {
  readonly persistence: Persistence;
  readonly sync: TabSync;
  readonly editor: EditorStore;
  readonly templates: readonly Template[];
  /** Export format text; defaults to src/interop's export. */
  readonly exportJson?: (doc: Workflow) => string;
  /** File text -> document; defaults to src/interop's import (limits, migrations, validation). */
  /** Reads an imported file of any known format; defaults to read-workflow-file.ts. */
  readonly readWorkflowFile?: (text: string) => Promise<FileReadResult>;
  /** Asked once after the first real edit (navigator.storage.persist). */
  readonly requestPersist?: () => Promise<boolean>;
  readonly storage?: StorageManagerLike;
  readonly debounceMs?: number;
  readonly retryMs?: number;
  readonly now?: () => number;
}

export interface DesignLibraryController extends DesignLibrary {
  /** Purge the old trash, then open the most recent design, or show the gallery on a first visit. */
  start(): Promise<void>;
  /** Write pending edits now (visibilitychange, pagehide, versionchange). */
  flush(): Promise<void>;
  /** Storage must stop (versionchange): say so and why. */
  showReloadBanner(flushed: boolean): void;
  /** The stored design being edited, or null while it is an unsaved draft (simulation runs are kept per design). */
  currentDesignId(): string | null;
  /** Where simulation runs of the open design are kept. */
  readonly runs: Persistence['runs'];
  dispose(): Promise<void>;
}

const BLANK_NAME = 'Untitled design';

const RELOAD_BANNER = 'Baton was updated in another tab. Your work is saved; reload this tab to keep editing.';
const RELOAD_BANNER_UNSAVED =
  'Baton was updated in another tab and your last changes could not be stored. Use Export JSON before reloading this tab.';

function templateCards(templates: readonly Template[]): TemplateCard[] {
  const blank: TemplateCard = {
    id: BLANK_TEMPLATE_ID,
    name: 'Blank design',
    summary: 'An empty canvas.',
    situation: 'Start from nothing and add steps from the palette.',
    tags: [],
    nodeCount: 0,
  };
  return [
    blank,
    ...templates.map((t) => ({
      id: t.id,
      name: t.name,
      summary: t.summary,
      situation: t.situation,
      tags: t.tags,
      nodeCount: t.doc.nodes.filter((n) => n.kind !== 'note').length,
      ...(t.overEngineered ? { overEngineered: true } : {}),
    })),
  ];
}

function listItem(row: DesignRow): DesignListItem {
  return {
    id: row.id,
    name: row.name,
    updatedAt: row.updatedAt,
    ...(row.deletedAt !== undefined ? { deletedAt: row.deletedAt } : {}),
    summary: { nodeCount: row.summary.nodeCount, edgeCount: row.summary.edgeCount },
  };
}

function fileNameFor(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'workflow';
  return `${slug}.baton.json`;
}

function saveState(status: AutosaveStatus, mode: Persistence['mode']): SaveState {
  if (status.state === 'error') return { state: 'error', reason: status.reason };
  if (status.state === 'saved' && mode === 'memory') return { state: 'memory' };
  return { state: status.state };
}

export function createDesignLibrary(deps: DesignLibraryDeps): DesignLibraryController {
  const { persistence: p, sync, editor } = deps;
  const now = deps.now ?? Date.now;
  const store: LibraryStore = createLibraryStore({
    mode: p.mode,
    save: p.mode === 'memory' ? { state: 'memory' } : { state: 'draft' },
    banner: p.banner ? { kind: 'memory', text: p.banner } : null,
  });
  const set = (patch: Partial<LibraryState>): void => store.setState(patch);
  const templates = templateCards(deps.templates);
  const exportJson = deps.exportJson ?? exportWorkflow;
  const readFile = deps.readWorkflowFile ?? readWorkflowFile;

  let session: DesignSession | null = null;
  /** A document this controller put in the editor from storage: already stored, so not an edit. One-shot. */
  let loaded: Workflow | null = editor.getState().doc;
  /** While restoring, the session's 'reloaded' event is the restore's own; it becomes one undoable commit. */
  let restoring = false;
  /** The draft's first edit creates the design; later edits wait for it. */
  let creatingDraft: Promise<void> | null = null;
  let persistAsked = false;
  let chain: Promise<unknown> = Promise.resolve();

  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  }

  /**
   * The port's actions never reject (the UI calls them from click handlers without awaiting): a storage failure
   * becomes an error message, so nothing fails silently.
   */
  async function reporting<T>(what: string, fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      failed(what, error);
      return fallback;
    }
  }

  /** An exclusive action that reports its own failure. */
  const action = (what: string, fn: () => Promise<void>): Promise<void> => reporting(what, () => exclusive(fn), undefined);

  const message = (text: string, tone: 'info' | 'error' | 'success' = 'info'): void => editor.getState().showMessage(text, tone);

  function failed(what: string, error: unknown): void {
    message(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }

  async function refreshList(): Promise<void> {
    const [rows, trash] = await Promise.all([p.designs.list(), p.designs.listTrash()]);
    set({ designs: rows.map(listItem), trash: trash.map(listItem) });
  }

  /**
   * Refresh the designs list or the versions list in the background (after a save, an event from another tab):
   * a failed read leaves the list as it was, and the storage trouble shows in the save status.
   */
  function refreshLater(refresh: () => Promise<void>): void {
    refresh().catch(() => undefined);
  }

  async function refreshVersions(): Promise<void> {
    const id = session?.designId();
    if (!id) {
      set({ versions: [] });
      return;
    }
    const rows = await p.versions.list(id);
    set({
      versions: rows.map((v) => ({ id: v.id, name: v.name, createdAt: v.createdAt, reason: v.reason, summary: { nodeCount: v.summary.nodeCount, edgeCount: v.summary.edgeCount } })),
    });
  }

  function loadIntoEditor(doc: Workflow): void {
    loaded = doc;
    editor.getState().loadDocument(doc);
  }

  function onSessionEvent(event: SessionEvent): void {
    switch (event.type) {
      case 'reloaded':
        if (restoring) return;
        loadIntoEditor(event.doc);
        set({ conflict: null, comparison: null });
        refreshLater(refreshVersions);
        return;
      case 'conflict':
        set({ conflict: { deleted: event.deleted } });
        return;
      case 'switched':
        set({ currentId: event.design.id, conflict: null });
        sync.announceLibraryChange();
        refreshLater(refreshList);
        refreshLater(refreshVersions);
        message(`Your changes are now in “${event.design.name}”.`, 'success');
        return;
      case 'unreadable':
        message(`Another tab saved this design in a form this version of Baton cannot read (${event.problems.length} problems). Your copy here is kept; reload to get the newer Baton.`, 'error');
        return;
    }
  }

  function startSession(designId: string, revision: number): void {
    session = createDesignSession({
      designs: p.designs,
      versions: p.versions,
      sync,
      designId,
      revision,
      debounceMs: deps.debounceMs,
      retryMs: deps.retryMs,
      onEvent: onSessionEvent,
      onStatus: (status) => {
        set({ save: saveState(status, p.mode) });
        // A save moves the design to the top of the list and changes its summary.
        if (status.state === 'saved') refreshLater(refreshList);
      },
    });
    set({ currentId: designId, save: saveState({ state: 'saved' }, p.mode), conflict: null, comparison: null });
  }

  async function closeSession(): Promise<void> {
    const s = session;
    session = null;
    if (s) await s.close();
  }

  async function openDesign(id: string, options: { readonly refresh?: boolean } = {}): Promise<boolean> {
    await closeSession();
    const opened = await p.designs.open(id);
    if (!opened.ok) {
      if (opened.reason === 'invalid') {
        set({
          banner: {
            kind: 'unreadable',
            text: `This design no longer opens (${opened.problems.map(formatProblem).slice(0, 3).join('; ')}). It is kept as stored; export it from the list to repair it.`,
          },
        });
      } else {
        message('That design no longer exists.', 'error');
      }
      if (options.refresh !== false) await refreshList();
      return false;
    }
    loadIntoEditor(opened.doc);
    startSession(id, opened.design.revision);
    if (store.getState().banner?.kind === 'unreadable') set({ banner: null });
    await refreshVersions();
    return true;
  }

  /** No design left to show (first visit, or the last one deleted): a blank draft and the gallery. */
  function showDraft(doc: Workflow, gallery: LibraryState['gallery']): void {
    loadIntoEditor(doc);
    set({ currentId: null, versions: [], gallery, save: p.mode === 'memory' ? { state: 'memory' } : { state: 'draft' } });
  }

  function importDocumentAsNew(doc: Workflow, source?: string): Promise<ImportOutcome> {
    return exclusive(async (): Promise<ImportOutcome> => {
      try {
        // A copy of a design already in the list gets a name of its own (issue 11).
        const name = distinctName(doc.name, store.getState().designs.map((d) => d.name));
        const row = await createAndOpen(name === doc.name ? doc : { ...doc, name });
        message(`Imported ${source ? `${source} ` : ''}“${row.name}” as a new design.`, 'success');
        return { ok: true, name: row.name };
      } catch (error) {
        failed('Importing the design', error);
        return { ok: false, problems: [] };
      }
    });
  }

  async function createAndOpen(doc: Workflow): Promise<DesignRow> {
    const row = await p.designs.create(doc);
    sync.announceLibraryChange();
    await openDesign(row.id);
    await refreshList();
    return row;
  }

  function storeDraft(): void {
    creatingDraft ??= exclusive(async () => {
      try {
        const doc = editor.getState().doc;
        const row = await p.designs.create(doc);
        // The editor may have changed while the row was written: that newer state is the first save.
        const latest = editor.getState().doc;
        startSession(row.id, row.revision);
        if (latest !== doc) session?.edit(latest);
        sync.announceLibraryChange();
        await refreshList();
      } catch (error) {
        set({ save: saveState({ state: 'error', reason: classifyStorageError(error).message, retryInMs: 0 }, p.mode) });
      } finally {
        creatingDraft = null;
      }
    });
  }

  function onEdit(before: Workflow, doc: Workflow): void {
    if (store.getState().gallery === 'first-start') set({ gallery: 'closed' });
    if (!persistAsked && deps.requestPersist) {
      persistAsked = true;
      // Only a wish: a browser that says no (or throws) keeps the designs as best-effort storage, and
      // Settings › Storage tells the user whether they are kept under storage pressure.
      deps.requestPersist().catch(() => undefined);
    }
    const reason = riskyChange(before, doc);
    const s = session;
    // takeSnapshot never rejects; the edit does not wait for the version to be written.
    if (reason && s) void takeSnapshot(s.designId(), before, reason);
    if (s) s.edit(doc);
    else if (!creatingDraft) storeDraft();
    // While the draft is being created its later edits are picked up when the session starts.
  }

  /** Store a version; true when it was stored. Never rejects. */
  async function takeSnapshot(designId: string, doc: Workflow, reason: VersionReason, name?: string): Promise<boolean> {
    try {
      await p.versions.save(designId, doc, name === undefined ? { reason } : { reason, name });
      if (session?.designId() === designId) await refreshVersions();
      return true;
    } catch (error) {
      // A snapshot that cannot be stored must not stop the edit it precedes; the status line shows storage trouble.
      if (reason === 'manual') failed('Saving the version', error);
      return false;
    }
  }

  const unsubscribeEditor = editor.subscribe((s, prev) => {
    const gestureEnded = prev.history.gestureStart !== null && s.history.gestureStart === null;
    if (s.doc === prev.doc && !gestureEnded) return;
    // Mid-drag positions are not worth a write; the gesture's end is.
    if (s.history.gestureStart !== null) return;
    if (s.doc === loaded) return;
    loaded = null;
    const before = gestureEnded ? (prev.history.gestureStart ?? prev.doc) : prev.doc;
    onEdit(before, s.doc);
  });

  const unsubscribeLibrary = sync.subscribeLibrary(() => refreshLater(refreshList));

  async function designDocFor(id: string): Promise<Workflow | undefined> {
    if (id === session?.designId()) return editor.getState().doc;
    const opened = await p.designs.open(id);
    return opened.ok ? opened.doc : undefined;
  }

  async function exportStored(id: string): Promise<{ fileName: string; json: string } | undefined> {
    const doc = await designDocFor(id);
    if (doc) return { fileName: fileNameFor(doc.name), json: exportJson({ ...doc, id }) };
    // A design that no longer imports is exported exactly as stored, so it can be repaired by hand.
    const raw = await p.designs.readJson(id);
    const row = store.getState().designs.find((d) => d.id === id);
    return raw === undefined ? undefined : { fileName: fileNameFor(row?.name ?? id), json: raw };
  }

  async function compareVersions(a: string, b: string | undefined): Promise<void> {
    const left = await versionDoc(a);
    const right = b === undefined ? { doc: editor.getState().doc, name: 'current design' } : await versionDoc(b);
    if (!left || !right) {
      message('That version no longer opens, so it cannot be compared.', 'error');
      return;
    }
    const labels: Record<string, string> = {};
    for (const n of [...left.doc.nodes, ...right.doc.nodes]) labels[n.id] = n.label || n.id;
    set({ comparison: { title: `${left.name} → ${right.name}`, diff: diffWorkflows(left.doc, right.doc), labels } });
  }

  async function versionDoc(id: string): Promise<{ doc: Workflow; name: string } | undefined> {
    const opened = await p.versions.open(id);
    return opened.ok ? { doc: opened.doc, name: opened.version.name } : undefined;
  }

  const library: DesignLibraryController = {
    store,
    templates,

    async start() {
      // Only what the first screen needs is awaited (one read of the list, one document); purging the old trash
      // and listing it are housekeeping that follow, so 100 stored designs do not slow the start.
      const rows = await p.designs.list();
      set({ designs: rows.map(listItem) });
      const first = rows[0];
      if (!first || !(await openDesign(first.id, { refresh: false }))) {
        showDraft(editor.getState().doc, store.getState().designs.length === 0 ? 'first-start' : 'closed');
      }
      refreshLater(async () => {
        try {
          await p.designs.purgeTrash();
        } catch {
          // A failed purge only leaves old trash for the next start.
        }
        await refreshList();
      });
    },

    flush: async () => {
      if (creatingDraft) await creatingDraft;
      await session?.flush();
    },

    showReloadBanner(flushed) {
      set({ banner: { kind: 'reload', text: flushed ? RELOAD_BANNER : RELOAD_BANNER_UNSAVED } });
    },

    open: (id) =>
      action('Opening the design', async () => {
        if (id === session?.designId()) return;
        set({ gallery: 'closed' });
        await openDesign(id);
      }),

    createFromTemplate: (templateId) =>
      action('Creating the design', async () => {
        const template = deps.templates.find((t) => t.id === templateId);
        const doc = template ? template.doc : createWorkflow({ id: 'blank', name: BLANK_NAME, now: new Date(now()).toISOString() });
        set({ gallery: 'closed' });
        try {
          await createAndOpen(doc);
        } catch (error) {
          failed('Creating the design', error);
        }
      }),

    setGallery: (open) => set({ gallery: open ? 'new' : 'closed' }),

    rename: (id, name) =>
      action('Renaming', async () => {
        const next = name.trim();
        if (next === '') return;
        if (id === session?.designId()) {
          // The open design is renamed through the editor, so its session's revision stays its own (a rename
          // from the repository would make this tab's next save a conflict with itself). One undo entry.
          editor.getState().updateWorkflow((d) => (d.name === next ? d : { ...d, name: next }));
          await session.flush();
          await refreshList();
          return;
        }
        const result = await p.designs.rename(id, next);
        if (result.ok) sync.announce(id, result.revision);
        else message('That design could not be renamed.', 'error');
        await refreshList();
      }),

    duplicate: (id) =>
      action('Duplicating', async () => {
        if (id === session?.designId()) await session.flush();
        try {
          const row = await p.designs.duplicate(id);
          if (row) message(`Duplicated as “${row.name}”.`, 'success');
          sync.announceLibraryChange();
        } catch (error) {
          failed('Duplicating', error);
        }
        await refreshList();
      }),

    moveToTrash: (id) =>
      action('Moving to the trash', async () => {
        const wasOpen = id === session?.designId();
        if (wasOpen) await closeSession();
        const row = store.getState().designs.find((d) => d.id === id);
        const moved = await p.designs.moveToTrash(id);
        sync.announceLibraryChange();
        await refreshList();
        if (moved) set({ deleted: { id, name: row?.name ?? 'design' } });
        if (wasOpen) {
          const next = store.getState().designs[0];
          if (!next || !(await openDesign(next.id))) showDraft(createWorkflow({ id: 'blank', name: BLANK_NAME }), 'new');
        }
      }),

    restoreFromTrash: (id) =>
      action('Restoring from the trash', async () => {
        await p.designs.restoreFromTrash(id);
        sync.announceLibraryChange();
        if (store.getState().deleted?.id === id) set({ deleted: null });
        await refreshList();
        if (!session) await openDesign(id);
      }),

    dismissDeleted: () => set({ deleted: null }),

    importAsNew: async (text) => {
      const read = await readFile(text);
      if (!read.ok) return { ok: false, problems: read.problems };
      const conversion = read.conversion;
      const stored = await importDocumentAsNew(read.doc, conversion?.title);
      return stored.ok && conversion ? { ...stored, conversion } : stored;
    },

    importDocumentAsNew: (doc, source) => importDocumentAsNew(doc, source),

    exportJson: (id) => reporting('Exporting the design', () => exportStored(id), undefined),

    exportCurrent() {
      const doc = editor.getState().doc;
      return { fileName: fileNameFor(doc.name), json: exportJson(doc) };
    },

    async saveVersion(name) {
      const s = session;
      if (!s) {
        message('Edit the design first: a version is saved from a stored design.', 'info');
        return;
      }
      const label = name.trim() || `Version of ${new Date(now()).toLocaleString()}`;
      if (await takeSnapshot(s.designId(), editor.getState().doc, 'manual', label)) message(`Saved version “${label}”.`, 'success');
    },

    restoreVersion: (versionId) =>
      action('Restoring the version', async () => {
        const s = session;
        if (!s) return;
        restoring = true;
        let result;
        try {
          result = await s.restoreVersion(versionId);
        } finally {
          restoring = false;
        }
        if (!result.ok) {
          if (result.reason === 'invalid') message('That version no longer opens; nothing was changed.', 'error');
          else if (result.reason === 'not-found') message('That version no longer exists.', 'error');
          return;
        }
        // One undoable step in the editor; the stored design already holds it, so it is not saved again.
        loaded = result.doc;
        editor.getState().commit(result.doc);
        set({ comparison: null });
        await Promise.all([refreshVersions(), refreshList()]);
        message('Version restored. Undo, or the “Before restoring a version” entry, brings back what was there.', 'success');
      }),

    compare: (a, b) => reporting('Comparing versions', () => compareVersions(a, b), undefined),

    clearComparison: () => set({ comparison: null }),

    loadTheirs: () =>
      action('Loading the stored design', async () => {
        const s = session;
        if (!s) return;
        const opened = await s.loadTheirs();
        if (!opened.ok && opened.reason === 'not-found') message('The design was deleted for good in another tab.', 'error');
        set({ conflict: null });
        await refreshVersions();
      }),

    keepMineAsCopy: () =>
      action('Keeping your copy', async () => {
        await session?.keepMineAsCopy();
      }),

    async storageUse() {
      const estimate = await estimateStorage(deps.storage);
      if (!estimate) return undefined;
      let persisted: boolean;
      try {
        persisted = (await deps.storage?.persisted?.()) ?? false;
      } catch {
        persisted = false;
      }
      return { usageBytes: estimate.usageBytes, quotaBytes: estimate.quotaBytes, persisted };
    },

    currentDesignId: () => session?.designId() ?? null,
    runs: p.runs,

    async dispose() {
      unsubscribeEditor();
      unsubscribeLibrary();
      await closeSession();
    },
  };
  return library;
}
