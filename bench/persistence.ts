/**
 * Saving and opening designs through the persistence layer, next to JSON.stringify / JSON.parse alone on the same
 * document, measured in the same run. Storage here is fake-indexeddb in Node: the figures show the layer's own
 * overhead (encoding, revision check, import on open), NOT the browser's IndexedDB cost; the Chromium figure is
 * measured separately.
 *
 *   npx tsx bench/persistence.ts
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDexieBackend } from '../src/persistence/backend.ts';
import { BatonDb } from '../src/persistence/db.ts';
import { createRepositories } from '../src/persistence/storage-health.ts';
import { chainWorkflow } from '../test/persistence/helpers.ts';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function time(fn: () => unknown, runs: number): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: the first calls include JIT compilation of import
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const fmt = (ms: number): string => `${ms.toFixed(2).padStart(8)} ms`;

async function main(): Promise<void> {
  const db = new BatonDb('bench', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  const { designs } = createRepositories(createDexieBackend(db));
  console.log('Persistence on fake-indexeddb (Node), median of runs; baseline = JSON.stringify + JSON.parse of the same document');
  console.log('nodes   bytes      baseline     save         open (import)  save/base  open/base');
  for (const n of [200, 1000, 5000]) {
    const doc = chainWorkflow(n);
    const runs = n >= 5000 ? 9 : 25;
    const bytes = JSON.stringify(doc).length;
    const baseline = await time(() => JSON.parse(JSON.stringify(doc)), runs);
    const row = await designs.create(doc);
    let revision = row.revision;
    const save = await time(async () => {
      const r = await designs.save(row.id, doc, revision);
      if (!r.ok) throw new Error(r.reason);
      revision = r.revision;
    }, runs);
    const open = await time(async () => {
      const r = await designs.open(row.id);
      if (!r.ok) throw new Error(r.reason);
    }, runs);
    console.log(
      `${String(n).padEnd(7)} ${String(bytes).padEnd(10)} ${fmt(baseline)}  ${fmt(save)}  ${fmt(open)}    ${(save / baseline).toFixed(1).padStart(6)}x  ${(open / baseline).toFixed(1).padStart(7)}x`,
    );
  }

  // Listing: 100 stored designs of 200 nodes each. The list reads metadata rows only; the baseline reads every
  // stored document, which is what a single-table layout would have to do.
  for (let i = 0; i < 100; i++) await designs.create(chainWorkflow(200, `Design ${i}`));
  const list = await time(() => designs.list(), 25);
  const readAllDocuments = await time(() => db.documents.toArray(), 25);
  const count = (await designs.list()).length;
  console.log(`\nlist ${count} designs (metadata only): ${fmt(list)}`);
  console.log(`read all ${await db.documents.count()} stored documents (baseline): ${fmt(readAllDocuments)}  ratio list/baseline ${(list / readAllDocuments).toFixed(2)}x`);
  db.close();
}

await main();
