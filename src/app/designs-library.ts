/**
 * The designs library's controller: implements the UI's DesignLibrary over src/persistence by composing three
 * parts, each with its own keys in the library store:
 *
 * - the catalog (designs-catalog.ts): the list, the trash, new designs, rename, duplicate, export, templates;
 * - the open design (open-design.ts): a state machine for the design the editor shows and its autosave session;
 * - versions (design-versions.ts): the open design's versions and comparisons.
 *
 * Invariants:
 * - The editor shows exactly one design (or a draft, stored on its first edit).
 * - Every change the user makes reaches the open design's session (autosave, 300 ms debounce): this controller
 *   listens to the editor's change feed and stores changes of origin 'user' only; documents it loads itself
 *   ('load', 'remote') and restored versions ('restore') are already stored.
 * - Switching designs flushes the open one first: nothing typed is lost by opening another design.
 * - Operations that switch the open design run one at a time (`exclusive`), so two quick clicks cannot leave the
 *   editor showing one design while autosave writes to another.
 * - The port's actions never reject: a failure becomes an error message.
 */
import { createWorkflow, distinctName, type Workflow } from '../domain/index.ts';
import { estimateStorage, type Persistence, type StorageManagerLike, type TabSync } from '../persistence/index.ts';
import { exportWorkflow } from '../interop/export.ts';
import type { FileReadResult } from '../ui/services.tsx';
import { readWorkflowFile } from './read-workflow-file.ts';
import type { DocumentChange } from '../store/document-slice.ts';
import type { EditorStore } from '../store/editor-store.ts';
import { createLibraryStore, type LibraryState, type LibraryStore } from '../store/library-store.ts';
import { BLANK_TEMPLATE_ID, type DesignLibrary, type ImportOutcome } from '../ui/designs/designs-services.tsx';
import { warnIfImportRefuses } from '../ui/export-json.ts';
import { createDesignsCatalog, fileNameFor, type TemplateSource } from './designs-catalog.ts';
import { riskyChange } from './designs-risky-change.ts';
import { createDesignVersions } from './design-versions.ts';
import { createOpenDesign } from './open-design.ts';

export interface DesignLibraryDeps {
  readonly persistence: Persistence;
  readonly sync: TabSync;
  readonly editor: EditorStore;
  /** The gallery's templates, or a loader the gallery calls when it first opens. */
  readonly templates: TemplateSource;
  /** Export format text; defaults to src/interop's export. */
  readonly exportJson?: (doc: Workflow) => string;
  /** Reads an imported file of any known format (a Baton document, an n8n export); defaults to read-workflow-file.ts. */
  readonly readWorkflowFile?: (text: string) => Promise<FileReadResult>;
  /** Asked once after the first real edit (navigator.storage.persist). */
  readonly requestPersist?: () => Promise<boolean>;
  readonly storage?: StorageManagerLike;
  readonly debounceMs?: number;
  readonly retryMs?: number;
  readonly now?: () => number;
}

export interface DesignLibraryController extends DesignLibrary {
  /**
   * Open the most recent design, or on a first visit show `draft` (default: the editor's document) with the
   * gallery; the old trash is purged afterwards.
   */
  start(draft?: Workflow): Promise<void>;
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

export function createDesignLibrary(deps: DesignLibraryDeps): DesignLibraryController {
  const { persistence: p, sync, editor } = deps;
  const now = deps.now ?? Date.now;
  const store: LibraryStore = createLibraryStore({
    mode: p.mode,
    save: p.mode === 'memory' ? { state: 'memory' } : { state: 'draft' },
    banner: p.banner ? { kind: 'memory', text: p.banner } : null,
  });
  const set = (patch: Partial<LibraryState>): void => store.setState(patch);
  const exportJson = deps.exportJson ?? exportWorkflow;
  const readFile = deps.readWorkflowFile ?? readWorkflowFile;

  const message = (text: string, tone: 'info' | 'error' | 'success' = 'info'): void => editor.getState().showMessage(text, tone);
  const failed = (what: string, error: unknown): void => message(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');

  let chain: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  }

  /** Store a read (or converted) document as a new design and open it; `source` names another tool's format. */
  function importDocumentAsNew(doc: Workflow, source?: string): Promise<ImportOutcome> {
    return exclusive(async (): Promise<ImportOutcome> => {
      try {
        // A copy of a design already in the list gets a name of its own (issue 11).
        const name = distinctName(doc.name, store.getState().designs.map((d) => d.name));
        const row = await catalog.create(name === doc.name ? doc : { ...doc, name });
        await open.open(row.id);
        await catalog.refresh();
        message(`Imported ${source ? `${source} ` : ''}“${row.name}” as a new design.`, 'success');
        return { ok: true, name: row.name };
      } catch (error) {
        failed('Importing the design', error);
        return { ok: false, problems: [] };
      }
    });
  }
  /** The port's actions never reject (the UI calls them from click handlers without awaiting). */
  async function reporting<T>(what: string, fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      failed(what, error);
      return fallback;
    }
  }
  const action = (what: string, fn: () => Promise<void>): Promise<void> => reporting(what, () => exclusive(fn), undefined);

  const catalog = createDesignsCatalog({ persistence: p, sync, store, templates: deps.templates, exportJson });
  const open = createOpenDesign({
    persistence: p,
    sync,
    editor,
    store,
    message,
    listChanged: () => catalog.refreshLater(),
    designChanged: () => {
      set({ comparison: null });
      versions.refreshLater();
    },
    debounceMs: deps.debounceMs,
    retryMs: deps.retryMs,
  });
  const versions = createDesignVersions({ persistence: p, editor, store, designId: () => open.designId(), message, failed, now });

  /** Open a stored design, or (none left, or it does not open) a blank draft with the gallery. */
  async function openOrDraft(id: string | undefined, gallery: LibraryState['gallery']): Promise<void> {
    if (id !== undefined && (await open.open(id))) return;
    await open.showDraft(createWorkflow({ id: 'blank', name: BLANK_NAME }));
    setGallery(gallery);
  }

  function setGallery(gallery: LibraryState['gallery']): void {
    set({ gallery });
    if (gallery !== 'closed') catalog.loadTemplates();
  }

  let persistAsked = false;
  function onUserChange({ before, after }: DocumentChange): void {
    if (store.getState().gallery === 'first-start') set({ gallery: 'closed' });
    if (!persistAsked && deps.requestPersist) {
      persistAsked = true;
      // Only a wish: a browser that says no (or throws) keeps the designs as best-effort storage, and
      // Settings › Storage tells the user whether they are kept under storage pressure.
      deps.requestPersist().catch(() => undefined);
    }
    const reason = riskyChange(before, after);
    const id = open.designId();
    if (reason && id) versions.keepBefore(id, before, reason);
    open.edit(after);
  }
  const stopListening = editor.getState().listenToChanges((change) => {
    if (change.origin === 'user') onUserChange(change);
  });
  const unsubscribeLibrary = sync.subscribeLibrary(() => catalog.refreshLater());

  const library: DesignLibraryController = {
    store,

    async start(draft) {
      // Only what the first screen needs is awaited (one read of the list, one document); purging the old trash
      // and listing it are housekeeping that follow, so 100 stored designs do not slow the start.
      const designs = await catalog.listDesigns();
      const first = designs[0];
      if (!first || !(await open.open(first.id))) {
        // The sample on a first visit (or the editor's document) is the draft, stored on its first edit.
        await open.showDraft(draft ?? editor.getState().doc);
        setGallery(store.getState().designs.length === 0 ? 'first-start' : 'closed');
      }
      void (async () => {
        // Housekeeping in the background: neither step rejects (a failed purge waits for the next start).
        await catalog.purgeOldTrash();
        catalog.refreshLater();
      })();
    },

    flush: () => open.flush(),

    showReloadBanner(flushed) {
      set({ banner: { kind: 'reload', text: flushed ? RELOAD_BANNER : RELOAD_BANNER_UNSAVED } });
    },

    open: (id) =>
      action('Opening the design', async () => {
        if (id === open.designId()) return;
        set({ gallery: 'closed' });
        if (!(await open.open(id))) await catalog.refresh();
      }),

    createFromTemplate: (templateId) =>
      action('Creating the design', async () => {
        set({ gallery: 'closed' });
        const doc = templateId === BLANK_TEMPLATE_ID ? undefined : await catalog.templateDoc(templateId);
        const row = await catalog.create(doc ?? createWorkflow({ id: 'blank', name: BLANK_NAME, now: new Date(now()).toISOString() }));
        await open.open(row.id);
        await catalog.refresh();
      }),

    setGallery: (show) => setGallery(show ? 'new' : 'closed'),

    rename: (id, name) =>
      action('Renaming', async () => {
        const next = name.trim();
        if (next === '') return;
        if (id === open.designId()) {
          // The open design is renamed through the editor, so its session's revision stays its own (a rename
          // from the repository would make this tab's next save a conflict with itself). One undo entry.
          editor.getState().updateWorkflow((d) => (d.name === next ? d : { ...d, name: next }));
          await open.flush();
          await catalog.refresh();
          return;
        }
        if (!(await catalog.rename(id, next))) message('That design could not be renamed.', 'error');
      }),

    duplicate: (id) =>
      action('Duplicating', async () => {
        if (id === open.designId()) await open.flush();
        const row = await catalog.duplicate(id);
        if (row) message(`Duplicated as “${row.name}”.`, 'success');
      }),

    moveToTrash: (id) =>
      action('Moving to the trash', async () => {
        const wasOpen = id === open.designId();
        if (wasOpen) await open.flush();
        await catalog.moveToTrash(id);
        if (wasOpen) await openOrDraft(store.getState().designs[0]?.id, 'new');
      }),

    restoreFromTrash: (id) =>
      action('Restoring from the trash', async () => {
        await catalog.restoreFromTrash(id);
        if (open.designId() === null) await open.open(id);
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

    exportJson: (id) =>
      reporting(
        'Exporting the design',
        async () => {
          const out = await catalog.exportStored(id, id === open.designId() ? editor.getState().doc : undefined);
          // As the toolbar's Export JSON does: a file Import would refuse is still given, with word of why.
          if (out) void warnIfImportRefuses(readFile, out.fileName, out.json, message);
          return out;
        },
        undefined,
      ),

    exportCurrent() {
      const doc = editor.getState().doc;
      return { fileName: fileNameFor(doc.name), json: exportJson(doc) };
    },

    saveVersion: (name) => reporting('Saving the version', () => versions.save(name), undefined),

    restoreVersion: (versionId) =>
      action('Restoring the version', async () => {
        const result = await open.restoreVersion(versionId);
        if (!result) return;
        if (!result.ok) {
          if (result.reason === 'invalid') message('That version no longer opens; nothing was changed.', 'error');
          else if (result.reason === 'not-found') message('That version no longer exists.', 'error');
          return;
        }
        // One undoable step in the editor; the stored design already holds it ('restore' is not saved again).
        editor.getState().commit(result.doc, { origin: 'restore' });
        versions.clearComparison();
        await Promise.all([versions.refresh(), catalog.refresh()]);
        message('Version restored. Undo, or the “Before restoring a version” entry, brings back what was there.', 'success');
      }),

    compare: (a, b) => reporting('Comparing versions', () => versions.compare(a, b), undefined),

    clearComparison: () => versions.clearComparison(),

    loadTheirs: () =>
      action('Loading the stored design', async () => {
        const opened = await open.loadTheirs();
        if (opened && !opened.ok && opened.reason === 'not-found') message('The design was deleted for good in another tab.', 'error');
        await versions.refresh();
      }),

    keepMineAsCopy: () => action('Keeping your copy', () => open.keepMineAsCopy()),

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

    currentDesignId: () => open.designId(),
    runs: p.runs,

    async dispose() {
      stopListening();
      unsubscribeLibrary();
      await open.close();
    },
  };
  return library;
}
