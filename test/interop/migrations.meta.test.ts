/**
 * The rules every production migration must follow (ARCHITECTURE.md, convention 7), checked on the REAL list:
 * it is ordered and gap-free up to the current version; each migration has its own test file and a sample
 * document of its source version; migrating the deep-frozen sample neither throws nor changes it; and the
 * upgraded sample imports cleanly. The list is empty today, so the per-migration part runs on nothing until
 * someone adds a migration; the audit itself is tested below on good and bad synthetic migrations.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../src/domain/index.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { checkMigrationList, MIGRATIONS, type Migration } from '../../src/interop/migrations/index.ts';
import { deepFreeze } from './migrations/deep-freeze.ts';

const root = new URL('../../', import.meta.url);
const testFile = (m: Migration) => `test/interop/migrations/v${m.from}-to-v${m.to}.test.ts`;
const sampleFile = (m: Migration) => `test/fixtures/migrations/v${m.from}.baton.json`;

/** Everything wrong with one migration, as sentences; `sample` is a document of version `from`. */
function audit(m: Migration, hasTest: boolean, sample: unknown): string[] {
  const findings: string[] = [];
  if (!hasTest) findings.push(`migration ${m.from} -> ${m.to} has no test file ${testFile(m)}`);
  if (sample === undefined) return [...findings, `migration ${m.from} -> ${m.to} has no sample document ${sampleFile(m)}`];
  const before = structuredClone(sample);
  try {
    m.migrate(deepFreeze(sample));
  } catch (e) {
    findings.push(`migration ${m.from} -> ${m.to} throws on its frozen sample (does it mutate its input?): ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isDeepStrictEqual(sample, before)) findings.push(`migration ${m.from} -> ${m.to} changed its input`);
  return findings;
}

describe('the production migration list', () => {
  it('is ordered, gap-free and ends at the current version', () => {
    expect(checkMigrationList(MIGRATIONS, CURRENT_SCHEMA_VERSION)).toEqual([]);
  });

  for (const m of MIGRATIONS) {
    it(`migration ${m.from} -> ${m.to} (${m.description}) has a test, a sample, stays pure, and its output imports`, () => {
      const samplePath = new URL(sampleFile(m), root);
      const sample: unknown = existsSync(samplePath) ? JSON.parse(readFileSync(samplePath, 'utf8')) : undefined;
      expect(audit(m, existsSync(new URL(testFile(m), root)), sample)).toEqual([]);
      const r = importWorkflow(readFileSync(samplePath));
      expect(r).toMatchObject({ ok: true, migratedFrom: m.from });
    });
  }
});

describe('the audit bites', () => {
  const sample = { schemaVersion: 1, nodes: [{ id: 'a' }] };
  const pure: Migration = { from: 1, to: 2, description: 'pure', migrate: (d) => ({ ...(d as object), schemaVersion: 2 }) };
  const mutating: Migration = {
    from: 1,
    to: 2,
    description: 'mutates',
    migrate: (d) => {
      (d as { schemaVersion: number }).schemaVersion = 2;
      return d;
    },
  };

  it('passes a pure migration with a test and a sample', () => {
    expect(audit(pure, true, structuredClone(sample))).toEqual([]);
  });

  it('catches a migration that mutates its input', () => {
    expect(audit(mutating, true, structuredClone(sample))).toEqual([expect.stringMatching(/throws on its frozen sample/)]);
  });

  it('catches a missing test file and a missing sample', () => {
    expect(audit(pure, false, undefined)).toEqual([
      'migration 1 -> 2 has no test file test/interop/migrations/v1-to-v2.test.ts',
      'migration 1 -> 2 has no sample document test/fixtures/migrations/v1.baton.json',
    ]);
  });
});
