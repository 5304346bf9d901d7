/**
 * Schema migrations (ARCHITECTURE.md, convention 7): an ordered list of pure steps, each taking a document of
 * version `from` to version `to`. A migration never mutates its input (it returns new objects), never fails
 * silently, and has its own test; test/interop/migrations.meta.test.ts enforces all three on the real list.
 */
import type { Problem } from '../../domain/problem.ts';
import { isPlainObject } from '../../domain/schema-walk.ts';

export interface Migration {
  readonly from: number;
  readonly to: number;
  /** What changed, for people reading the list (and the changelog). */
  readonly description: string;
  /** Pure: returns a new document of version `to`; throws with a sentence if the input cannot be upgraded. */
  migrate(input: unknown): unknown;
}

export type MigrationOutcome =
  | { readonly ok: true; readonly value: unknown; readonly applied: readonly Migration[] }
  | { readonly ok: false; readonly problem: Problem };

/**
 * Apply migrations in order from `fromVersion` up to `target`. The list is a parameter so tests can run
 * synthetic lists; import passes the real one.
 * @example runMigrations({ schemaVersion: 1 }, 1, [], 1) // { ok: true, value: { schemaVersion: 1 }, applied: [] }
 */
export function runMigrations(input: unknown, fromVersion: number, migrations: readonly Migration[], target: number): MigrationOutcome {
  if (fromVersion > target) {
    return { ok: false, problem: { path: ['schemaVersion'], code: 'version-too-new', message: newerVersionMessage(fromVersion, target) } };
  }
  let value = input;
  let version = fromVersion;
  const applied: Migration[] = [];
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) {
      return {
        ok: false,
        problem: { path: ['schemaVersion'], code: 'migration-missing', message: `schemaVersion ${version} cannot be upgraded: this build has no migration from version ${version} (it reads version ${target})` },
      };
    }
    try {
      value = step.migrate(value);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { ok: false, problem: { path: [], code: 'migration-failed', message: `upgrading from schemaVersion ${step.from} to ${step.to} failed: ${reason}` } };
    }
    if (!isPlainObject(value) || value.schemaVersion !== step.to) {
      return { ok: false, problem: { path: ['schemaVersion'], code: 'migration-failed', message: `the migration from schemaVersion ${step.from} did not produce a version ${step.to} document` } };
    }
    applied.push(step);
    version = step.to;
  }
  return { ok: true, value, applied };
}

/** The sentence import shows for a file from the future. */
export function newerVersionMessage(version: number, current: number): string {
  return `schemaVersion ${version} is newer than this build reads (${current}): the file was made by a newer Baton; update Baton to open it`;
}

/**
 * Structural mistakes in a migration list: out of order, gaps, steps that go backwards, or a chain that does
 * not end at the current version. Returns one sentence per mistake (empty when the list is sound).
 * @example checkMigrationList([{ from: 1, to: 2, description: '', migrate: (d) => d }], 2) // []
 */
export function checkMigrationList(migrations: readonly Migration[], target: number): string[] {
  const mistakes: string[] = [];
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.from) || !Number.isInteger(m.to) || m.to !== m.from + 1) mistakes.push(`migration ${i} goes from ${m.from} to ${m.to}; each step must raise the version by exactly 1`);
    const next = migrations[i + 1];
    if (next && next.from !== m.to) mistakes.push(`migration ${i + 1} starts at ${next.from}, but the one before it ends at ${m.to}`);
  });
  const last = migrations[migrations.length - 1];
  if (last && last.to !== target) mistakes.push(`the last migration ends at version ${last.to}, not at the current version ${target}`);
  return mistakes;
}
