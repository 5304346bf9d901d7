import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { classifyStorageError, STORAGE_MESSAGES } from '../../src/persistence/storage-errors.ts';
import {
  BLOCKED_BANNER,
  createPersistRequester,
  createRepositories,
  estimateStorage,
  MEMORY_BANNER,
  openPersistence,
  watchVersionChange,
  type Persistence,
} from '../../src/persistence/storage-health.ts';
import { createAutosave } from '../../src/persistence/autosave.ts';
import { createDexieBackend } from '../../src/persistence/backend.ts';
import { BatonDb } from '../../src/persistence/db.ts';
import { chainWorkflow, freshIndexedDb } from './helpers.ts';

const open: Persistence[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

describe('classifyStorageError', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it.each([
    ['a bare QuotaExceededError', quota()],
    ["Dexie's wrapper (error.inner)", new Dexie.QuotaExceededError('write failed', quota())],
    ["Dexie's AbortError around it", new Dexie.AbortError('Transaction aborted', quota())],
    ['an AbortError event whose transaction failed for space', Object.assign(new Error('aborted'), { name: 'AbortError', target: { error: quota() } })],
    ['a BulkError listing failures', new Dexie.BulkError('bulkPut failed', { 0: new Dexie.AbortError('x', quota()) })],
    ['an Error with cause', new Error('save failed', { cause: quota() })],
    ["Firefox's legacy name", { name: 'NS_ERROR_DOM_QUOTA_REACHED' }],
    ["old Safari's code 22", { name: 'Error', code: 22 }],
  ])('finds a full disk in %s', (_what, error) => {
    expect(classifyStorageError(error)).toEqual({ kind: 'quota', message: STORAGE_MESSAGES.quota });
  });

  it('tells other failures apart and never throws on odd values', () => {
    expect(classifyStorageError(new Dexie.DatabaseClosedError()).kind).toBe('closed');
    expect(classifyStorageError(new Dexie.MissingAPIError()).kind).toBe('unavailable');
    expect(classifyStorageError(new Dexie.AbortError('Transaction aborted')).kind).toBe('unknown');
    for (const odd of [undefined, null, 'text', 42]) expect(classifyStorageError(odd).kind).toBe('unknown');
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(classifyStorageError(loop).kind).toBe('unknown');
  });
});

describe('openPersistence', () => {
  it('opens IndexedDB when it works', async () => {
    const p = await openPersistence({ env: { indexedDB: new IDBFactory(), IDBKeyRange } });
    open.push(p);
    expect(p.mode).toBe('indexeddb');
    expect(p.banner).toBeUndefined();
    const row = await p.designs.create(chainWorkflow(3));
    expect((await p.designs.list()).map((d) => d.id)).toEqual([row.id]);
  });

  it('falls back to memory with a banner when IndexedDB is missing', async () => {
    const p = await openPersistence({ env: { indexedDB: undefined, IDBKeyRange: undefined } });
    expect(p).toMatchObject({ mode: 'memory', banner: MEMORY_BANNER });
    // The same repositories work: the app runs, export still works.
    const row = await p.designs.create(chainWorkflow(3, 'In memory'));
    expect((await p.designs.save(row.id, chainWorkflow(4, 'In memory'), 1)).ok).toBe(true);
    expect((await p.designs.save(row.id, chainWorkflow(4, 'In memory'), 1)).ok).toBe(false);
  });

  it('falls back to memory when open fails (Firefox private mode throws InvalidStateError)', async () => {
    const broken = Object.assign(new IDBFactory(), {
      open: () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    });
    const p = await openPersistence({ env: { indexedDB: broken, IDBKeyRange } });
    expect(p).toMatchObject({ mode: 'memory', banner: MEMORY_BANNER });
  });

  it('falls back to memory with its own banner when an old tab blocks the upgrade', async () => {
    const factory = new IDBFactory();
    // An "old release" holds version 1 open and ignores versionchange.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('baton', 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const p = await openPersistence({ env: { indexedDB: factory, IDBKeyRange }, blockedTimeoutMs: 50 });
    expect(p).toMatchObject({ mode: 'memory', banner: BLOCKED_BANNER });
    old.close();
  });
});

describe('watchVersionChange', () => {
  it('flushes pending work before closing, then asks for a reload; the newer version sees the work', async () => {
    const factory = new IDBFactory();
    const p = await openPersistence({ env: { indexedDB: factory, IDBKeyRange } });
    if (!p.db) throw new Error('expected indexeddb mode');
    const events: string[] = [];
    watchVersionChange(p.db, {
      flush: async () => {
        await p.designs.create(chainWorkflow(3, 'Saved during versionchange'));
        events.push('flushed');
      },
      onReloadNeeded: ({ flushed }) => events.push(flushed ? 'reload' : 'reload, export first'),
    });
    // A newer release opens the database at a higher version in another tab.
    const names = await new Promise<string[]>((resolve, reject) => {
      const req = factory.open('baton', 1000);
      req.onsuccess = () => {
        const tx = req.result.transaction('designs', 'readonly');
        const all = tx.objectStore('designs').getAll();
        all.onsuccess = () => {
          const rows: unknown[] = all.result;
          resolve(rows.map((r) => (typeof r === 'object' && r !== null && 'name' in r ? String(r.name) : '?')));
          req.result.close();
        };
      };
      req.onerror = () => reject(req.error);
    });
    expect(events).toEqual(['flushed', 'reload']);
    expect(names).toEqual(['Saved during versionchange']);
    expect(p.db.isOpen()).toBe(false);
  });

  it('still closes and asks for a reload when the flush fails, saying the last edits were not stored', async () => {
    const factory = new IDBFactory();
    const p = await openPersistence({ env: { indexedDB: factory, IDBKeyRange } });
    const db = p.db;
    if (!db) throw new Error('expected indexeddb mode');
    const reload = new Promise<boolean>((resolve) =>
      watchVersionChange(db, { flush: () => Promise.reject(new Error('disk full')), onReloadNeeded: ({ flushed }) => resolve(flushed) }),
    );
    const req = factory.open('baton', 1000);
    req.onsuccess = () => req.result.close();
    expect(await reload).toBe(false);
    expect(db.isOpen()).toBe(false);
  });
});

describe('persistent storage and estimate', () => {
  it('asks for persistence once, and not when already persisted or unsupported', async () => {
    let asked = 0;
    const request = createPersistRequester({ persisted: async () => false, persist: async () => (asked++, true) });
    expect(await request()).toBe(true);
    expect(await request()).toBe(true);
    expect(asked).toBe(1);
    const already = createPersistRequester({ persisted: async () => true, persist: async () => (asked++, true) });
    expect(await already()).toBe(true);
    expect(asked).toBe(1);
    expect(await createPersistRequester(undefined)()).toBe(false);
    expect(await createPersistRequester({ persist: async () => Promise.reject(new Error('denied')) })()).toBe(false);
  });

  it('reports usage against quota, or nothing when the browser does not say', async () => {
    expect(await estimateStorage({ estimate: async () => ({ usage: 25, quota: 100 }) })).toEqual({ usageBytes: 25, quotaBytes: 100, usedFraction: 0.25 });
    expect(await estimateStorage({ estimate: async () => ({ usage: 1 }) })).toBeUndefined();
    expect(await estimateStorage({})).toBeUndefined();
    expect(await estimateStorage({ estimate: () => Promise.reject(new Error('no')) })).toBeUndefined();
  });
});

describe('a full disk during a save', () => {
  it('rolls the whole write back (nothing saved before is lost) and autosave keeps the document with a clear reason', async () => {
    const db = new BatonDb('quota', freshIndexedDb());
    await db.open();
    const backend = createDexieBackend(db);
    const { designs } = createRepositories(backend);
    const row = await designs.create(chainWorkflow(3, 'Saved before'));
    // The document lands first, then the row write fails for space: the transaction must undo the document too.
    const full = { ...backend, designs: { ...backend.designs, put: () => Promise.reject(new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError'))) } };
    const failing = createRepositories(full).designs;
    const statuses: string[] = [];
    const autosave = createAutosave({
      save: async (doc: ReturnType<typeof chainWorkflow>) => {
        const r = await failing.save(row.id, doc, 1);
        return r.ok ? { ok: true } : { ok: false, reason: 'conflict' };
      },
      onStatus: (st) => statuses.push(st.state === 'error' ? st.reason : st.state),
      retryMs: 60_000,
    });
    autosave.schedule(chainWorkflow(9, 'Unsaved edit'));
    await autosave.flush();
    expect(statuses.at(-1)).toBe(STORAGE_MESSAGES.quota);
    expect(autosave.pendingDocument()?.name).toBe('Unsaved edit');
    const stored = await designs.open(row.id);
    expect(stored.ok && [stored.doc.name, stored.doc.nodes.length, stored.design.revision]).toEqual(['Saved before', 3, 1]);
    autosave.dispose();
    db.close();
  });
});
