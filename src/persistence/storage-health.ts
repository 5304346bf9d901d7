/**
 * Opening storage and keeping it healthy. Everything the browser provides is injected, so each failure mode is
 * tested in Node: IndexedDB missing or refusing to open (private mode, blocked by an old tab) falls back to the
 * same repositories in memory with a banner; a newer release opening the database in another tab makes this tab
 * flush, close and ask for a reload; persistent storage is requested once, after the first real edit.
 */
import { createDexieBackend, createMemoryBackend, type StorageBackend } from './backend.ts';
import { BatonDb, DB_NAME, type IndexedDbEnvironment } from './db.ts';
import { createDesignsRepository, type DesignsRepository, type RepositoryDeps } from './designs-repository.ts';
import { createOffThreadSave } from './save-worker-client.ts';
import { createRunsRepository, type RunsRepository } from './runs-repository.ts';
import { createSettingsRepository, type SettingsRepository } from './settings-repository.ts';
import { createVersionsRepository, type VersionsRepository } from './versions-repository.ts';

export interface Repositories {
  readonly designs: DesignsRepository;
  readonly versions: VersionsRepository;
  readonly runs: RunsRepository;
  readonly settings: SettingsRepository;
}

export interface Persistence extends Repositories {
  readonly mode: 'indexeddb' | 'memory';
  /** Set in memory mode: the banner's text. Export still works; nothing survives a reload. */
  readonly banner?: string;
  /** The open database (indexeddb mode), for watchVersionChange. */
  readonly db?: BatonDb;
  close(): void;
}

export const MEMORY_BANNER =
  'Designs cannot be stored in this browser window (private mode or storage blocked), so they last only until you close it. Use Export JSON to keep your work.';
export const BLOCKED_BANNER =
  'Another Baton tab is holding an older version of the designs library open. Close other Baton tabs and reload; until then, designs last only until you close this tab.';

/** The repositories over any backend: the Dexie one and the in-memory fallback share every line of logic. */
export function createRepositories(backend: StorageBackend, deps?: RepositoryDeps): Repositories {
  return {
    designs: createDesignsRepository(backend, deps),
    versions: createVersionsRepository(backend, deps),
    runs: createRunsRepository(backend, deps),
    settings: createSettingsRepository(backend),
  };
}

function createMemoryPersistence(banner: string = MEMORY_BANNER, deps?: RepositoryDeps): Persistence {
  return { mode: 'memory', banner, ...createRepositories(createMemoryBackend(), deps), close: () => undefined };
}

export interface OpenPersistenceOptions extends RepositoryDeps {
  /** Defaults to the page's globals; undefined there means IndexedDB does not exist here. */
  readonly env?: Partial<IndexedDbEnvironment>;
  readonly dbName?: string;
  /** How long an open may stay blocked by another tab before falling back to memory. */
  readonly blockedTimeoutMs?: number;
  /**
   * Design saves write from a worker (save-worker.ts) where Web Workers exist, so a large document's IndexedDB
   * request setup does not block the page: main-thread CPU of a 1,000-node autosave 4.9 -> 2.0 ms p50 in
   * Chromium (docs/persistence.md). On by default; false keeps every write on the page.
   */
  readonly offThreadSaves?: boolean;
}

/**
 * Open the designs library, or explain why it runs in memory.
 * @example const p = await openPersistence(); if (p.banner) showBanner(p.banner);
 */
export async function openPersistence(options: OpenPersistenceOptions = {}): Promise<Persistence> {
  const indexedDB = options.env ? options.env.indexedDB : globalThis.indexedDB;
  const keyRange = options.env ? options.env.IDBKeyRange : globalThis.IDBKeyRange;
  if (!indexedDB || !keyRange) return createMemoryPersistence(MEMORY_BANNER, options);
  const db = new BatonDb(options.dbName ?? DB_NAME, { indexedDB, IDBKeyRange: keyRange });
  let blocked = false;
  const opened = await new Promise<'open' | 'failed' | 'blocked'>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    db.on('blocked', () => {
      blocked = true;
      timer ??= setTimeout(() => resolve('blocked'), options.blockedTimeoutMs ?? 3000);
    });
    db.open().then(
      () => {
        clearTimeout(timer);
        resolve('open');
      },
      () => {
        clearTimeout(timer);
        resolve(blocked ? 'blocked' : 'failed');
      },
    );
  });
  if (opened !== 'open') {
    db.close();
    return createMemoryPersistence(opened === 'blocked' ? BLOCKED_BANNER : MEMORY_BANNER, options);
  }
  // Only over the page's own IndexedDB: an injected environment (tests) is not one a worker could open.
  const saver = options.offThreadSaves !== false && !options.env && typeof Worker !== 'undefined' ? createOffThreadSave(db.name) : undefined;
  return {
    mode: 'indexeddb',
    db,
    ...createRepositories(createDexieBackend(db), saver ? { ...options, offThreadSave: saver.save } : options),
    close: () => {
      saver?.close();
      db.close();
    },
  };
}

/**
 * A newer release opened the database in another tab and needs this connection gone to upgrade it. Instead of
 * Dexie's default (close at once, losing the pending autosave), flush first, then close and tell the user to reload.
 * Returns an unsubscribe function.
 */
export function watchVersionChange(
  db: BatonDb,
  handlers: {
    readonly flush: () => Promise<void>;
    /** `flushed` false: the last edits could not be stored; the prompt must say "export before reloading". */
    readonly onReloadNeeded: (info: { readonly flushed: boolean }) => void;
  },
): () => void {
  const listener = (): false => {
    // Dexie's listener cannot wait for a promise; the flush's failure is caught below and reaches the user
    // through onReloadNeeded({ flushed: false }).
    void (async () => {
      let flushed = true;
      try {
        await handlers.flush();
      } catch {
        flushed = false;
      }
      db.close();
      handlers.onReloadNeeded({ flushed });
    })();
    // Stops Dexie's own handler, which would close before the flush could write.
    return false;
  };
  db.on('versionchange', listener);
  return () => db.on('versionchange').unsubscribe(listener);
}

/** The part of navigator.storage used here. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/**
 * Ask once for persistent storage (so the browser does not evict designs under pressure). Call the returned
 * function after the first real edit: browsers grant it more readily once the page has been used, and asking on
 * load would prompt (Firefox) before the user has anything worth keeping.
 * @example const requestPersist = createPersistRequester(navigator.storage); editor.onFirstEdit(requestPersist);
 */
export function createPersistRequester(storage: StorageManagerLike | undefined): () => Promise<boolean> {
  let asked: Promise<boolean> | undefined;
  return () =>
    (asked ??= (async () => {
      if (!storage?.persist) return false;
      try {
        if (await storage.persisted?.()) return true;
        return await storage.persist();
      } catch {
        return false;
      }
    })());
}

export interface StorageEstimate {
  readonly usageBytes: number;
  readonly quotaBytes: number;
  /** usage / quota in [0, 1]. */
  readonly usedFraction: number;
}

/**
 * How much of its quota the app uses, for the settings panel; undefined where the browser does not say.
 * @example await estimateStorage({ estimate: async () => ({ usage: 5, quota: 10 }) }) // { usageBytes: 5, quotaBytes: 10, usedFraction: 0.5 }
 */
export async function estimateStorage(storage: StorageManagerLike | undefined): Promise<StorageEstimate | undefined> {
  try {
    const e = await storage?.estimate?.();
    if (!e || e.usage === undefined || !e.quota) return undefined;
    return { usageBytes: e.usage, quotaBytes: e.quota, usedFraction: Math.min(1, e.usage / e.quota) };
  } catch {
    return undefined;
  }
}
