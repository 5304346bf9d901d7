/**
 * Saves written off the main thread (save-worker-client.ts): same revisions and conflicts as a save on the page,
 * and every failure of the worker path leaves the save to the page's own connection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDexieBackend } from '../../src/persistence/backend.ts';
import { BatonDb } from '../../src/persistence/db.ts';
import { createDesignsRepository, type OffThreadSave } from '../../src/persistence/designs-repository.ts';
import { saveEncodedInTransaction } from '../../src/persistence/save-transaction.ts';
import {
  createOffThreadSave,
  type PageLifecycle,
  type SaveReply,
  type SaveRequest,
  type SaveWorkerLike,
} from '../../src/persistence/save-worker-client.ts';
import { chainWorkflow, freshIndexedDb } from './helpers.ts';

const opened: BatonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function connect(env: ReturnType<typeof freshIndexedDb>): Promise<BatonDb> {
  const db = new BatonDb('test', env);
  await db.open();
  opened.push(db);
  return db;
}

/** A worker double that does what save-worker.ts does, on its own connection to the same database. */
function fakeWorker(db: BatonDb, log: SaveRequest[], behave: (req: SaveRequest) => SaveReply | undefined = () => undefined): SaveWorkerLike {
  const backend = createDexieBackend(db);
  const w: SaveWorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(req) {
      log.push(req);
      void (async () => {
        const forced = behave(req);
        const reply: SaveReply =
          forced ??
          { seq: req.seq, ok: true, result: await backend.transaction(() => saveEncodedInTransaction(backend, req.now, req.id, req.encoded, req.expectedRevision)) };
        w.onmessage?.({ data: reply } as MessageEvent<SaveReply>);
      })();
    },
  };
  return w;
}

const visible = (): PageLifecycle & { leave(): void } => {
  let left = false;
  return { leaving: () => left, dispose: () => undefined, leave: () => (left = true) };
};

describe('saves through the save worker', () => {
  it('writes with the same revisions and conflicts as the page, one document row per save', async () => {
    const env = freshIndexedDb();
    const page = await connect(env);
    const log: SaveRequest[] = [];
    const worker = fakeWorker(await connect(env), log);
    const saver = createOffThreadSave('test', () => worker, visible());
    const designs = createDesignsRepository(createDexieBackend(page), { offThreadSave: saver.save });
    const row = await designs.create(chainWorkflow(20));
    const edited = { ...chainWorkflow(20), name: 'Edited' };
    expect(await designs.save(row.id, edited, 1)).toMatchObject({ ok: true, revision: 2 });
    expect(log).toHaveLength(1);
    expect(await designs.save(row.id, edited, 1)).toEqual({ ok: false, reason: 'conflict', currentRevision: 2, deleted: false });
    const reopened = await designs.open(row.id);
    expect(reopened.ok && reopened.doc).toEqual({ ...edited, id: row.id });
    expect(reopened.ok && reopened.design).toMatchObject({ name: 'Edited', revision: 2, summary: { nodeCount: 20, edgeCount: 19 } });
    expect(await page.documents.count()).toBe(1);
    saver.close();
  });

  it('falls back to the page when the worker fails, and stays there once its connection closed', async () => {
    const env = freshIndexedDb();
    const page = await connect(env);
    const log: SaveRequest[] = [];
    let closed = false;
    const worker = fakeWorker(await connect(env), log, (req) => ({ seq: req.seq, ok: false, closed }));
    const designs = createDesignsRepository(createDexieBackend(page), { offThreadSave: createOffThreadSave('test', () => worker, visible()).save });
    const row = await designs.create(chainWorkflow(3));
    expect(await designs.save(row.id, chainWorkflow(4), 1)).toMatchObject({ ok: true, revision: 2 });
    closed = true;
    expect(await designs.save(row.id, chainWorkflow(5), 2)).toMatchObject({ ok: true, revision: 3 });
    expect(await designs.save(row.id, chainWorkflow(6), 3)).toMatchObject({ ok: true, revision: 4 });
    expect(log).toHaveLength(2); // the third save never asked the closed worker
    const reopened = await designs.open(row.id);
    expect(reopened.ok && reopened.doc.nodes).toHaveLength(6);
  });

  it('leaves saves to the page while it is hidden or being left, and when the worker errors', async () => {
    const log: SaveRequest[] = [];
    const page = visible();
    const never: SaveWorkerLike = { onmessage: null, onerror: null, terminate: () => undefined, postMessage: (r) => void log.push(r) };
    const saver = createOffThreadSave('test', () => never, page);
    const encoded = { json: '{}', name: 'x', schemaVersion: 1, summary: { nodeCount: 0, noteCount: 0, edgeCount: 0, scenarioCount: 0 } };
    const pending = saver.save('d', encoded, 1, 0);
    never.onerror?.(new Error('worker crashed'));
    expect(await pending).toBeUndefined();
    expect(await saver.save('d', encoded, 1, 0)).toBeUndefined();
    expect(log).toHaveLength(1);

    const log2: SaveRequest[] = [];
    const page2 = visible();
    const saver2: { save: OffThreadSave } = createOffThreadSave('test', () => ({ ...never, postMessage: (r) => void log2.push(r) }), page2);
    page2.leave();
    expect(await saver2.save('d', encoded, 1, 0)).toBeUndefined();
    expect(log2).toHaveLength(0);
  });
});
