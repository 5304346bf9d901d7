/**
 * Start-up of the designs library (docs/persistence.md, "Wiring"): open storage (or fall back to memory with a
 * banner), connect to the other tabs, hand a closing database's last edits to storage before it closes, flush on
 * hide and pagehide, and ask for persistent storage after the first real edit.
 */
import {
  CHANNEL_NAME,
  createIsolatedTabSync,
  createPersistRequester,
  createTabSync,
  openPersistence,
  randomId,
  watchVersionChange,
  type TabSync,
} from '../persistence/index.ts';
import type { Workflow } from '../domain/index.ts';
import type { EditorStore } from '../store/editor-store.ts';
import { createDesignLibrary, type DesignLibraryController } from './designs-library.ts';

function connectTabs(): TabSync {
  const tabId = randomId('tab');
  try {
    return createTabSync({ channel: new BroadcastChannel(CHANNEL_NAME), tabId });
  } catch {
    // No BroadcastChannel: saves stay safe through the revision check; conflicts are found on the next save.
    return createIsolatedTabSync(tabId);
  }
}

/** Open storage and the designs library; `draft` is what a first visit shows (stored on its first edit). */
export async function startDesignLibrary(editor: EditorStore, draft?: Workflow): Promise<DesignLibraryController> {
  const persistence = await openPersistence();
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const library = createDesignLibrary({
    persistence,
    sync: connectTabs(),
    editor,
    // The gallery's templates load when it first opens: the first page does not need them.
    templates: () => import('../templates/index.ts').then((m) => m.TEMPLATES),
    requestPersist: createPersistRequester(storage),
    storage,
  });
  if (persistence.db) {
    watchVersionChange(persistence.db, {
      flush: async () => {
        await library.flush();
        const { state } = library.store.getState().save;
        if (state !== 'saved' && state !== 'draft') throw new Error('unsaved edits remain');
      },
      onReloadNeeded: ({ flushed }) => library.showReloadBanner(flushed),
    });
  }
  // The page is being hidden or closed: nobody is left to wait, and a failed write shows in the save status
  // when the page comes back (autosave keeps the unsaved document and retries).
  const flush = (): void => void library.flush();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('pagehide', flush);
  await library.start(draft);
  return library;
}
