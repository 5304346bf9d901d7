/**
 * Schema upgrades. A browser that ran an older release holds a database at an older version; the current class
 * must open it and keep every row. Three guards against a forgotten upgrade:
 * 1. FROZEN_SCHEMAS holds each published version's stores; editing a published entry of SCHEMA_HISTORY (instead
 *    of appending a new version) fails here, because browsers that already hold that version never run it again.
 * 2. A new SCHEMA_HISTORY entry fails here until it is frozen below and the previous version has a fixture.
 * 3. Every fixture (a database as an older release left it, built from the FROZEN stores) is opened with the
 *    current class, and every row must come out in the current shape, every document must open.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import * as z from 'zod';
import { createDexieBackend } from '../../src/persistence/backend.ts';
import {
  BatonDb,
  CURRENT_DB_VERSION,
  declareSchema,
  designRowSchema,
  documentRowSchema,
  runRowSchema,
  SCHEMA_HISTORY,
  settingRowSchema,
  versionRowSchema,
  type SchemaVersion,
} from '../../src/persistence/db.ts';
import { createRepositories } from '../../src/persistence/storage-health.ts';
import { freshIndexedDb } from './helpers.ts';

/** Append-only copy of every published schema. Never edit an entry; add one when SCHEMA_HISTORY grows. */
const FROZEN_SCHEMAS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      designs: 'id, updatedAt, name, deletedAt',
      documents: 'key',
      versions: 'id, [designId+createdAt]',
      runs: 'id, [designId+createdAt], scenarioId',
      settings: 'key',
    },
  },
];

const fixtureSchema = z.strictObject({
  description: z.string(),
  version: z.number().int().min(1),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
type Fixture = z.infer<typeof fixtureSchema>;

const FIXTURE_DIR = new URL('./fixtures/', import.meta.url);
const fixtures: [string, Fixture][] = readdirSync(FIXTURE_DIR)
  .filter((f) => /^db-v\d+\.json$/.test(f))
  .map((f) => [f, fixtureSchema.parse(JSON.parse(readFileSync(new URL(f, FIXTURE_DIR), 'utf8')))]);

/** Build the database exactly as the release with schema `fixture.version` would have, rows included. */
async function createDatabaseFromFixture(env: ReturnType<typeof freshIndexedDb>, fixture: Fixture): Promise<void> {
  const old = new Dexie('baton', { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
  declareSchema(
    old,
    FROZEN_SCHEMAS.filter((s) => s.version <= fixture.version).map(({ version, stores }) => ({ version, stores })),
  );
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkPut(rows);
  old.close();
}

describe('database schema history', () => {
  it('declares strictly increasing integer versions', () => {
    const versions = SCHEMA_HISTORY.map((s) => s.version);
    expect(versions.every((v) => Number.isInteger(v) && v >= 1)).toBe(true);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1] ?? Infinity);
    expect(CURRENT_DB_VERSION).toBe(versions.at(-1));
  });

  it('never edits a published version (compare with the frozen copies)', () => {
    expect(SCHEMA_HISTORY.length, 'A new schema version: freeze it in FROZEN_SCHEMAS and add a fixture of the previous version').toBe(FROZEN_SCHEMAS.length);
    SCHEMA_HISTORY.forEach((s, i) => {
      expect({ version: s.version, stores: s.stores }).toEqual(FROZEN_SCHEMAS[i]);
    });
  });

  it('has a fixture of every version an upgrade starts from, and of the oldest version', () => {
    const fixtureVersions = new Set(fixtures.map(([, f]) => f.version));
    expect(fixtureVersions.has(SCHEMA_HISTORY[0]?.version ?? 0)).toBe(true);
    SCHEMA_HISTORY.forEach((s, i) => {
      const previous = SCHEMA_HISTORY[i - 1];
      if (s.upgrade && previous) expect(fixtureVersions.has(previous.version), `fixture db-v${previous.version}.json for the upgrade to v${s.version}`).toBe(true);
    });
  });
});

describe.each(fixtures)('opening %s with the current class', (_file, fixture) => {
  it('keeps every row, in the current shape, and every document opens', async () => {
    const env = freshIndexedDb();
    await createDatabaseFromFixture(env, fixture);
    const db = new BatonDb('baton', env);
    await db.open();
    try {
      expect(db.verno).toBe(CURRENT_DB_VERSION);
      const schemas = { designs: designRowSchema, documents: documentRowSchema, versions: versionRowSchema, runs: runRowSchema, settings: settingRowSchema };
      for (const [table, schema] of Object.entries(schemas)) {
        const rows = await db.table(table).toArray();
        expect(rows.length, table).toBe(fixture.tables[table]?.length ?? 0);
        for (const row of rows) expect(schema.safeParse(row).success, `${table} row ${JSON.stringify(row).slice(0, 80)}`).toBe(true);
      }
      const repos = createRepositories(createDexieBackend(db));
      const all = [...(await repos.designs.list()), ...(await repos.designs.listTrash())];
      expect(all.length).toBe(fixture.tables.designs?.length);
      for (const design of all) {
        const opened = await repos.designs.open(design.id);
        expect(opened.ok, `design ${design.id} opens`).toBe(true);
        for (const v of await repos.versions.list(design.id)) expect((await repos.versions.open(v.id)).ok).toBe(true);
      }
      // The upgraded database is writable with the current code.
      const first = all[0];
      if (!first) throw new Error('fixture has no design');
      const opened = await repos.designs.open(first.id);
      if (!opened.ok) throw new Error('cannot open');
      expect((await repos.designs.save(first.id, opened.doc, first.revision)).ok).toBe(true);
    } finally {
      db.close();
    }
  });
});
