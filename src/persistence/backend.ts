/**
 * The few table operations the repositories need, with two implementations: Dexie (IndexedDB) and plain Maps
 * (the fallback when IndexedDB cannot be opened: private mode, blocked, broken). The repositories are written
 * once against this interface, so the fallback behaves exactly like the real thing, revisions and all.
 */
import { Dexie, type Table } from 'dexie';
import type { BatonDb, DesignRow, DocumentRow, RunRow, SettingRow, VersionRow } from './db.ts';

export interface TableAccess<T> {
  get(key: string): Promise<T | undefined>;
  put(row: T): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  all(): Promise<T[]>;
}

/** Versions and runs are always read per design. */
export interface PerDesignTable<T> extends TableAccess<T> {
  /** Rows of one design, oldest first. */
  byDesign(designId: string): Promise<T[]>;
}

export interface StorageBackend {
  readonly kind: 'indexeddb' | 'memory';
  readonly designs: TableAccess<DesignRow>;
  readonly documents: TableAccess<DocumentRow>;
  readonly versions: PerDesignTable<VersionRow>;
  readonly runs: PerDesignTable<RunRow>;
  readonly settings: TableAccess<SettingRow>;
  /**
   * Run `fn` atomically over all tables: either every write lands or none does. Do not nest, and await only
   * backend operations inside (IndexedDB commits a transaction as soon as it has nothing to wait for).
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

function dexieTable<T>(table: Table<T, string>): TableAccess<T> {
  return {
    get: (k) => table.get(k),
    put: async (row) => {
      await table.put(row);
    },
    delete: (keys) => table.bulkDelete([...keys]),
    all: () => table.toArray(),
  };
}

function dexiePerDesign<T extends { designId: string }>(table: Table<T, string>): PerDesignTable<T> {
  return {
    ...dexieTable(table),
    byDesign: (designId) =>
      table.where('[designId+createdAt]').between([designId, Dexie.minKey], [designId, Dexie.maxKey]).toArray(),
  };
}

/** The repositories' view of an open BatonDb. */
export function createDexieBackend(db: BatonDb): StorageBackend {
  return {
    kind: 'indexeddb',
    designs: dexieTable(db.designs),
    documents: dexieTable(db.documents),
    versions: dexiePerDesign(db.versions),
    runs: dexiePerDesign(db.runs),
    settings: dexieTable(db.settings),
    transaction: (fn) => db.transaction('rw', [db.designs, db.documents, db.versions, db.runs, db.settings], fn),
  };
}

function memoryTable<T>(keyOf: (row: T) => string): TableAccess<T> & { rows: Map<string, T> } {
  const rows = new Map<string, T>();
  // structuredClone: callers must not be able to change stored rows by mutating what they read or wrote,
  // exactly as with IndexedDB.
  return {
    rows,
    get: async (k) => {
      const row = rows.get(k);
      return row === undefined ? undefined : structuredClone(row);
    },
    put: async (row) => {
      rows.set(keyOf(row), structuredClone(row));
    },
    delete: async (keys) => {
      for (const k of keys) rows.delete(k);
    },
    all: async () => [...rows.values()].map((r) => structuredClone(r)),
  };
}

function memoryPerDesign<T extends { id: string; designId: string; createdAt: number }>(): PerDesignTable<T> {
  const table = memoryTable<T>((r) => r.id);
  return {
    ...table,
    byDesign: async (designId) =>
      [...table.rows.values()]
        .filter((r) => r.designId === designId)
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((r) => structuredClone(r)),
  };
}

/** Tables in memory, gone on reload. Transactions are serialized, so a save's read-check-write stays atomic. */
export function createMemoryBackend(): StorageBackend {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'memory',
    designs: memoryTable<DesignRow>((r) => r.id),
    documents: memoryTable<DocumentRow>((r) => r.key),
    versions: memoryPerDesign<VersionRow>(),
    runs: memoryPerDesign<RunRow>(),
    settings: memoryTable<SettingRow>((r) => r.key),
    transaction: (fn) => {
      // Without rollback a failed transaction could leave half its writes; the repositories only write after
      // every check has passed, and Map writes cannot fail, so ordering is the property that matters here.
      const run = queue.then(fn, fn);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
