/**
 * The migration runner, driven by synthetic migration lists (the production list has its own tests and the
 * meta-test).
 */
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { checkMigrationList, runMigrations, type Migration } from '../../src/interop/migrations/index.ts';
import { deepFreeze } from './migrations/deep-freeze.ts';
import { sampleWorkflow } from './sample.ts';

type Doc = Record<string, unknown>;
const asDoc = (v: unknown): Doc => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
  return v as Doc;
};

/** v1 -> v2 renames `title` to `name`; v2 -> v3 adds `tags`. Pure: both build new objects. */
const synthetic: Migration[] = [
  { from: 1, to: 2, description: 'rename title to name', migrate: (d) => { const { title, ...rest } = asDoc(d); return { ...rest, name: title, schemaVersion: 2 }; } },
  { from: 2, to: 3, description: 'add tags', migrate: (d) => ({ ...asDoc(d), tags: [], schemaVersion: 3 }) },
];

describe('runMigrations', () => {
  it('applies every step in order from the file version up to the target', () => {
    const input = deepFreeze({ schemaVersion: 1, title: 'Old' });
    const r = runMigrations(input, 1, synthetic, 3);
    expect(r).toMatchObject({ ok: true, value: { schemaVersion: 3, name: 'Old', tags: [] } });
    expect(r.ok && r.applied.map((m) => m.description)).toEqual(['rename title to name', 'add tags']);
    expect(input).toEqual({ schemaVersion: 1, title: 'Old' });
  });

  it('starts at the file version (skips steps already done)', () => {
    const r = runMigrations({ schemaVersion: 2, name: 'x' }, 2, synthetic, 3);
    expect(r.ok && r.applied.map((m) => m.from)).toEqual([2]);
  });

  it('does nothing for a current file', () => {
    const input = { schemaVersion: 3 };
    expect(runMigrations(input, 3, synthetic, 3)).toEqual({ ok: true, value: input, applied: [] });
  });

  it('refuses a newer version: made by a newer Baton', () => {
    const r = runMigrations({ schemaVersion: 4 }, 4, synthetic, 3);
    expect(r.ok === false && r.problem).toMatchObject({ code: 'version-too-new', path: ['schemaVersion'] });
    expect(r.ok === false && r.problem.message).toMatch(/made by a newer Baton; update/);
  });

  it('refuses when a step is missing', () => {
    const r = runMigrations({ schemaVersion: 0 }, 0, synthetic, 3);
    expect(r.ok === false && r.problem.code).toBe('migration-missing');
  });

  it('reports a migration that throws, with its reason', () => {
    const failing: Migration[] = [{ from: 1, to: 2, description: 'fails', migrate: () => { throw new Error('nodes must be a list'); } }];
    const r = runMigrations({ schemaVersion: 1 }, 1, failing, 2);
    expect(r.ok === false && r.problem.message).toBe('upgrading from schemaVersion 1 to 2 failed: nodes must be a list');
  });

  it('reports a migration that forgets to raise schemaVersion', () => {
    const forgetful: Migration[] = [{ from: 1, to: 2, description: 'forgets', migrate: (d) => ({ ...asDoc(d) }) }];
    expect(runMigrations({ schemaVersion: 1 }, 1, forgetful, 2)).toMatchObject({ ok: false, problem: { code: 'migration-failed' } });
  });
});

describe('checkMigrationList', () => {
  it('accepts a contiguous list ending at the target, and the empty list', () => {
    expect(checkMigrationList(synthetic, 3)).toEqual([]);
    expect(checkMigrationList([], CURRENT_SCHEMA_VERSION)).toEqual([]);
  });

  it('names gaps, jumps, disorder and a wrong end', () => {
    const [a, b] = synthetic;
    if (!a || !b) throw new Error('synthetic list');
    expect(checkMigrationList([b, a], 3)).toEqual([
      'migration 1 starts at 1, but the one before it ends at 3',
      'the last migration ends at version 2, not at the current version 3',
    ]);
    expect(checkMigrationList([{ ...a, to: 3 }], 3)).toEqual(['migration 0 goes from 1 to 3; each step must raise the version by exactly 1']);
    expect(checkMigrationList([a], 3)).toEqual(['the last migration ends at version 2, not at the current version 3']);
  });
});

describe('import with migrations', () => {
  it('upgrades an older file, validates the result and says where it came from', () => {
    const current = JSON.parse(exportWorkflow(sampleWorkflow())) as unknown;
    const { name, ...rest } = asDoc(current);
    const versionOne = { ...rest, schemaVersion: 1, title: name };
    const toTwo: Migration = { from: 1, to: 2, description: 'title -> name', migrate: (d) => { const { title, ...others } = asDoc(d); return { ...others, name: title, schemaVersion: 2 }; } };
    const r = importWorkflow(JSON.stringify(versionOne), { migrations: [toTwo] });
    expect(r).toMatchObject({ ok: true, migratedFrom: 1, doc: { name: 'Sample', schemaVersion: 2 } });
  });

  it('reports problems in what a migration produced, like any other file', () => {
    const broken: Migration = { from: 1, to: 2, description: 'drops nodes', migrate: (d) => ({ ...asDoc(d), schemaVersion: 2, nodes: 'none' }) };
    const text = exportWorkflow(sampleWorkflow()).replace('"schemaVersion": 2', '"schemaVersion": 1');
    const r = importWorkflow(text, { migrations: [broken] });
    expect(r).toMatchObject({ ok: false, unusable: false });
    expect(r.ok === false && r.problems[0]).toMatchObject({ path: ['nodes'], code: 'invalid_type' });
  });

  it('refuses version 0 with the production list (nothing older than 1 was ever written)', () => {
    const text = exportWorkflow(sampleWorkflow()).replace('"schemaVersion": 2', '"schemaVersion": 0');
    expect(importWorkflow(text)).toMatchObject({ ok: false, unusable: true, problems: [{ code: 'migration-missing' }] });
  });
});
