/**
 * The save worker: runs a design save's check-and-write (save-transaction.ts) on its own connection to the
 * designs database, so IndexedDB's request setup for a large document (structured serialization, the clone a
 * key path needs, wrapping into a blob: about 4 ms for 1,000 nodes in Chromium) happens off the page's main
 * thread. The page posts the JSON text it already encoded; a string crosses to a worker as one copy.
 * The protocol is in save-worker-client.ts.
 */
// First, before any schema is built: the same no-eval zod as the page (docs/architecture.md, "Content Security Policy").
import '../domain/zod-jitless.ts';
import { createDexieBackend, type StorageBackend } from './backend.ts';
import { BatonDb } from './db.ts';
import { saveEncodedInTransaction } from './save-transaction.ts';
import type { SaveReply, SaveRequest } from './save-worker-client.ts';

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<SaveRequest>) => void) | null; postMessage(m: SaveReply): void };
let opened: { name: string; db: BatonDb; backend: Promise<StorageBackend> } | undefined;

function backendFor(name: string): Promise<StorageBackend> {
  if (opened?.name !== name) {
    const db = new BatonDb(name);
    // Dexie's default on versionchange closes this connection, so a newer release's upgrade is never blocked by
    // it; later saves fail here ('closed') and the page writes them itself.
    opened = { name, db, backend: db.open().then(() => createDexieBackend(db)) };
  }
  return opened.backend;
}

scope.onmessage = (e) => {
  const { seq, dbName, id, encoded, expectedRevision, now } = e.data;
  // Every outcome, failures included, is posted back to the page, which is waiting for this seq.
  void (async () => {
    let backend: StorageBackend;
    try {
      backend = await backendFor(dbName);
    } catch {
      opened = undefined;
      scope.postMessage({ seq, ok: false, closed: true });
      return;
    }
    try {
      const result = await backend.transaction(() => saveEncodedInTransaction(backend, now, id, encoded, expectedRevision));
      scope.postMessage({ seq, ok: true, result });
    } catch (error) {
      // Nothing was written (the transaction aborted): the page retries on its own connection, which reports
      // quota and other storage errors exactly as before.
      const closed = error instanceof Error && error.name === 'DatabaseClosedError';
      if (closed) opened = undefined;
      scope.postMessage({ seq, ok: false, closed });
    }
  })();
};
