/**
 * The repositories' behaviour, run against BOTH backends: Dexie on fake-indexeddb and the in-memory fallback.
 * Running the same cases on both is what makes the fallback trustworthy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createNode } from '../../src/domain/index.ts';
import { createDexieBackend, createMemoryBackend, type StorageBackend } from '../../src/persistence/backend.ts';
import { BatonDb } from '../../src/persistence/db.ts';
import { TRASH_RETENTION_MS } from '../../src/persistence/designs-repository.ts';
import { MAX_RUNS_PER_SCENARIO } from '../../src/persistence/runs-repository.ts';
import { createRepositories, type Repositories } from '../../src/persistence/storage-health.ts';
import { MAX_AUTOMATIC_VERSIONS } from '../../src/persistence/versions-repository.ts';
import { TEMPLATES } from '../../src/templates/index.ts';
import { chainWorkflow, freshIndexedDb, manualClock, sequentialIds } from './helpers.ts';

const opened: BatonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function dexieBackend(): Promise<StorageBackend> {
  const db = new BatonDb('test', freshIndexedDb());
  await db.open();
  opened.push(db);
  return createDexieBackend(db);
}

const backends: [string, () => Promise<StorageBackend>][] = [
  ['indexeddb', dexieBackend],
  ['memory', async () => createMemoryBackend()],
];

describe.each(backends)('repositories on %s', (_name, makeBackend) => {
  async function setup(): Promise<Repositories & { clock: ReturnType<typeof manualClock>; backend: StorageBackend }> {
    const clock = manualClock();
    const backend = await makeBackend();
    return { clock, backend, ...createRepositories(backend, { now: clock.now, newId: sequentialIds() }) };
  }

  it('creates a design from a workflow under a fresh id, with a summary, at revision 1', async () => {
    const { designs } = await setup();
    const doc = chainWorkflow(6, 'Intake');
    doc.nodes.push(createNode('note', { id: 'note1', position: { x: 0, y: 0 } }));
    const row = await designs.create(doc);
    expect(row).toMatchObject({ id: 'd_1', name: 'Intake', revision: 1, summary: { nodeCount: 6, noteCount: 1, edgeCount: 5, scenarioCount: 0 } });
    const open = await designs.open(row.id);
    if (!open.ok) throw new Error(open.reason);
    // The stored document carries the design's id, so two designs made from one template export distinct ids.
    expect(open.doc).toEqual({ ...doc, id: 'd_1' });
  });

  it('creates a design from every template, and each opens back equal to the template under its new id', async () => {
    const { designs } = await setup();
    expect(TEMPLATES.length).toBeGreaterThan(0);
    for (const t of TEMPLATES) {
      const row = await designs.create(t.doc);
      const open = await designs.open(row.id);
      if (!open.ok) throw new Error(`${t.id}: ${open.reason}`);
      expect(open.doc).toEqual({ ...t.doc, id: row.id });
      expect(row.summary.nodeCount).toBe(t.doc.nodes.filter((n) => n.kind !== 'note').length);
    }
  });

  it('lists active designs by last change, newest first, and searches by name case-insensitively', async () => {
    const { designs, clock } = await setup();
    const a = await designs.create(chainWorkflow(3, 'Invoice triage'));
    clock.advance(1000);
    const b = await designs.create(chainWorkflow(3, 'Patient scheduling'));
    clock.advance(1000);
    await designs.create(chainWorkflow(3, 'Claims INVOICE check'));
    clock.advance(1000);
    // Saving `a` moves it to the top.
    expect((await designs.save(a.id, chainWorkflow(4, 'Invoice triage'), 1)).ok).toBe(true);
    expect((await designs.list()).map((d) => d.name)).toEqual(['Invoice triage', 'Claims INVOICE check', 'Patient scheduling']);
    expect((await designs.search('  invoice ')).map((d) => d.name)).toEqual(['Invoice triage', 'Claims INVOICE check']);
    expect((await designs.search('')).length).toBe(3);
    await designs.moveToTrash(b.id);
    expect((await designs.search('patient')).length).toBe(0);
  });

  it('saves with optimistic concurrency: revision increments, a stale revision is a Conflict and writes nothing', async () => {
    const { designs } = await setup();
    const row = await designs.create(chainWorkflow(3, 'A'));
    const first = await designs.save(row.id, chainWorkflow(4, 'A'), 1);
    expect(first).toMatchObject({ ok: true, revision: 2 });
    // Another tab still at revision 1 tries to save: refused, with the revision it must reckon with.
    const stale = await designs.save(row.id, chainWorkflow(9, 'A from the other tab'), 1);
    expect(stale).toEqual({ ok: false, reason: 'conflict', currentRevision: 2, deleted: false });
    const open = await designs.open(row.id);
    expect(open.ok && open.doc.nodes.length).toBe(4);
    expect((await designs.get(row.id))?.revision).toBe(2);
    expect(await designs.save('missing', chainWorkflow(3), 1)).toEqual({ ok: false, reason: 'not-found' });
  });

  it('lets exactly one of two simultaneous saves from the same revision win', async () => {
    const { designs } = await setup();
    const row = await designs.create(chainWorkflow(3, 'Race'));
    const results = await Promise.all([designs.save(row.id, chainWorkflow(4, 'Tab 1'), 1), designs.save(row.id, chainWorkflow(5, 'Tab 2'), 1)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'conflict', currentRevision: 2, deleted: false }]);
    const winner = results[0]?.ok ? 'Tab 1' : 'Tab 2';
    const open = await designs.open(row.id);
    expect(open.ok && open.doc.name).toBe(winner);
  });

  it('refuses to save into a trashed design (another tab deleted it) and reports it as deleted', async () => {
    const { designs } = await setup();
    const row = await designs.create(chainWorkflow(3));
    await designs.moveToTrash(row.id);
    expect(await designs.save(row.id, chainWorkflow(3), 1)).toMatchObject({ ok: false, reason: 'conflict', deleted: true });
  });

  it('renames the design and its document, as a write that moves the revision', async () => {
    const { designs } = await setup();
    const row = await designs.create(chainWorkflow(3, 'Old'));
    expect(await designs.rename(row.id, 'New name')).toMatchObject({ ok: true, revision: 2 });
    const open = await designs.open(row.id);
    expect(open.ok && open.doc.name).toBe('New name');
    expect((await designs.get(row.id))?.name).toBe('New name');
    expect(await designs.rename('nope', 'x')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('duplicates into an independent design', async () => {
    const { designs } = await setup();
    const row = await designs.create(chainWorkflow(3, 'Original'));
    const copy = await designs.duplicate(row.id);
    expect(copy).toMatchObject({ name: 'Original (copy)', revision: 1 });
    if (!copy) throw new Error('no copy');
    expect(copy.id).not.toBe(row.id);
    await designs.save(copy.id, chainWorkflow(5, 'Original (copy)'), 1);
    const original = await designs.open(row.id);
    expect(original.ok && original.doc.nodes.length).toBe(3);
    expect(await designs.duplicate('nope')).toBeUndefined();
  });

  it('soft-deletes to the trash, restores, and purges only what is older than 30 days with its versions and runs', async () => {
    const { designs, versions, runs, clock, backend } = await setup();
    const old = await designs.create(chainWorkflow(3, 'Old'));
    const recent = await designs.create(chainWorkflow(3, 'Recent'));
    const kept = await designs.create(chainWorkflow(3, 'Kept'));
    await versions.save(old.id, chainWorkflow(3), { reason: 'manual', name: 'v1' });
    await runs.add({ designId: old.id, scenarioId: 's1', result: { successRate: 1 } });
    expect(await designs.moveToTrash(old.id)).toBe(true);
    expect(await designs.moveToTrash(old.id)).toBe(false);
    clock.advance(TRASH_RETENTION_MS - 1000);
    await designs.moveToTrash(recent.id);
    expect((await designs.list()).map((d) => d.id)).toEqual([kept.id]);
    expect((await designs.listTrash()).map((d) => d.id)).toEqual([recent.id, old.id]);
    // A trashed design still opens (to look before restoring).
    expect((await designs.open(old.id)).ok).toBe(true);

    clock.advance(2000);
    expect(await designs.purgeTrash()).toBe(1);
    expect(await designs.get(old.id)).toBeUndefined();
    expect(await designs.readJson(old.id)).toBeUndefined();
    expect(await versions.list(old.id)).toEqual([]);
    expect(await runs.list(old.id)).toEqual([]);
    expect(await backend.documents.all()).toHaveLength(2);

    expect(await designs.restoreFromTrash(recent.id)).toBe(true);
    expect(await designs.restoreFromTrash(recent.id)).toBe(false);
    expect((await designs.list()).map((d) => d.name).sort()).toEqual(['Kept', 'Recent']);
    expect((await designs.get(recent.id))?.deletedAt).toBeUndefined();
  });

  it('reports a stored document that no longer imports as invalid, with its JSON so it can be exported', async () => {
    const { designs, backend } = await setup();
    const row = await designs.create(chainWorkflow(3));
    const broken = JSON.stringify({ ...chainWorkflow(3), schemaVersion: 99 });
    await backend.documents.put({ key: `design/${row.id}`, json: broken });
    const open = await designs.open(row.id);
    expect(open.ok).toBe(false);
    if (open.ok || open.reason !== 'invalid') throw new Error('expected invalid');
    expect(open.json).toBe(broken);
    expect(open.problems.length).toBeGreaterThan(0);
    expect(await designs.open('missing')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('saves named versions and automatic snapshots, lists them newest first, and restores', async () => {
    const { designs, versions, clock } = await setup();
    const row = await designs.create(chainWorkflow(3, 'D'));
    const named = await versions.save(row.id, chainWorkflow(3, 'D'), { reason: 'manual', name: 'First draft', revision: 1 });
    clock.advance(10);
    await designs.save(row.id, chainWorkflow(5, 'D'), 1);
    const auto = await versions.snapshotStored(row.id, { reason: 'before-layout' });
    expect(auto).toMatchObject({ reason: 'before-layout', name: 'Before auto layout', revision: 2, summary: { nodeCount: 5 } });
    expect((await versions.list(row.id)).map((v) => v.name)).toEqual(['Before auto layout', 'First draft']);

    clock.advance(10);
    const restored = await versions.restore(named.id, 2);
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.revision).toBe(3);
    expect(restored.doc.nodes).toHaveLength(3);
    // What the design held before the restore is itself a version: the restore can be undone.
    expect(restored.snapshot).toMatchObject({ reason: 'before-restore', revision: 2, summary: { nodeCount: 5 } });
    const before = await versions.open(restored.snapshot.id);
    expect(before.ok && before.doc.nodes.length).toBe(5);
    const now = await designs.open(row.id);
    expect(now.ok && now.doc.nodes.length).toBe(3);
    expect(now.ok && now.doc.id).toBe(row.id);

    // Restoring against a stale revision is a Conflict, and nothing is snapshotted or written.
    const count = (await versions.list(row.id)).length;
    expect(await versions.restore(named.id, 2)).toMatchObject({ ok: false, reason: 'conflict', currentRevision: 3 });
    expect((await versions.list(row.id)).length).toBe(count);
    expect(await versions.restore('missing', 3)).toEqual({ ok: false, reason: 'not-found' });

    await versions.delete(named.id);
    expect(await versions.open(named.id)).toEqual({ ok: false, reason: 'not-found' });
  });

  it('keeps only the latest automatic snapshots but every manual version', async () => {
    const { designs, versions, clock } = await setup();
    const row = await designs.create(chainWorkflow(3));
    await versions.save(row.id, chainWorkflow(3), { reason: 'manual', name: 'keep me' });
    for (let i = 0; i < MAX_AUTOMATIC_VERSIONS + 5; i++) {
      clock.advance(1);
      await versions.save(row.id, chainWorkflow(3, `paste ${i}`), { reason: 'before-paste', name: `paste ${i}` });
    }
    const list = await versions.list(row.id);
    expect(list.filter((v) => v.reason === 'manual').map((v) => v.name)).toEqual(['keep me']);
    const auto = list.filter((v) => v.reason !== 'manual');
    expect(auto).toHaveLength(MAX_AUTOMATIC_VERSIONS);
    expect(auto[0]?.name).toBe(`paste ${MAX_AUTOMATIC_VERSIONS + 4}`);
    expect(auto.at(-1)?.name).toBe('paste 5');
  });

  it('stores runs, lists them newest first per scenario, parses results with the reader schema, and caps them', async () => {
    const { runs, clock } = await setup();
    const schema = z.strictObject({ successRate: z.number() });
    const first = await runs.add({ designId: 'd', scenarioId: 's1', result: { successRate: 0.9 } });
    clock.advance(1);
    await runs.add({ designId: 'd', scenarioId: 's2', result: { successRate: 0.5 } });
    clock.advance(1);
    await runs.add({ designId: 'd', scenarioId: 's1', result: { wrong: true } });
    expect((await runs.list('d')).map((r) => r.scenarioId)).toEqual(['s1', 's2', 's1']);
    expect((await runs.list('d', 's1')).length).toBe(2);
    expect(await runs.read(first.id, schema)).toMatchObject({ ok: true, result: { successRate: 0.9 }, run: { scenarioId: 's1' } });
    const bad = (await runs.list('d', 's1'))[0];
    expect(bad && (await runs.read(bad.id, schema))).toEqual({ ok: false, reason: 'invalid' });
    expect(await runs.read('nope', schema)).toEqual({ ok: false, reason: 'not-found' });
    for (let i = 0; i < MAX_RUNS_PER_SCENARIO + 3; i++) {
      clock.advance(1);
      await runs.add({ designId: 'd', scenarioId: 's1', result: { successRate: i } });
    }
    expect((await runs.list('d', 's1')).length).toBe(MAX_RUNS_PER_SCENARIO);
    expect((await runs.list('d', 's2')).length).toBe(1);
    await runs.delete(first.id);
    expect(await runs.read(first.id, schema)).toEqual({ ok: false, reason: 'not-found' });
  });

  it('reads settings through the caller schema and treats a value of another shape as absent', async () => {
    const { settings } = await setup();
    const size = z.strictObject({ width: z.number() });
    expect(await settings.get('panel', size)).toBeUndefined();
    await settings.set('panel', { width: 320 });
    expect(await settings.get('panel', size)).toEqual({ width: 320 });
    await settings.set('panel', 'wide');
    expect(await settings.get('panel', size)).toBeUndefined();
    await settings.delete('panel');
    expect(await settings.get('panel', z.string())).toBeUndefined();
  });

  it('does not let callers change stored data by mutating what they passed or read', async () => {
    const { designs } = await setup();
    const doc = chainWorkflow(3, 'Immutable');
    const row = await designs.create(doc);
    doc.nodes.length = 0;
    const read = await designs.get(row.id);
    if (!read) throw new Error('missing');
    read.summary.nodeCount = 99;
    expect((await designs.get(row.id))?.summary.nodeCount).toBe(3);
    const open = await designs.open(row.id);
    expect(open.ok && open.doc.nodes.length).toBe(3);
  });
});
