/**
 * schemaVersion 1 -> 2 adds kinds and optional fields only, so the upgrade restamps the version and keeps every
 * other byte of meaning: a version-1 file opens unchanged, and saving writes version 2.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportWorkflow } from '../../../src/interop/export.ts';
import { importWorkflow } from '../../../src/interop/import.ts';
import { v1ToV2 } from '../../../src/interop/migrations/v1-to-v2.ts';
import { deepFreeze } from './deep-freeze.ts';

const sampleText = readFileSync(new URL('../../fixtures/migrations/v1.baton.json', import.meta.url), 'utf8');

describe('migration v1 -> v2', () => {
  it('changes only schemaVersion and leaves its (frozen) input alone', () => {
    const v1 = deepFreeze(JSON.parse(sampleText) as Record<string, unknown>);
    const v2 = v1ToV2.migrate(v1);
    expect(v2).toEqual({ ...v1, schemaVersion: 2 });
    expect(v1.schemaVersion).toBe(1);
    expect(v2).not.toBe(v1);
  });

  it('a version-1 file imports as version 2 and says where it came from', () => {
    const r = importWorkflow(sampleText);
    expect(r).toMatchObject({ ok: true, migratedFrom: 1, doc: { schemaVersion: 2 } });
    if (!r.ok) return;
    // Nothing but the version differs once written back out.
    const rewritten = JSON.parse(exportWorkflow(r.doc)) as Record<string, unknown>;
    expect({ ...rewritten, schemaVersion: 1 }).toEqual(JSON.parse(sampleText));
  });

  it('refuses what is not a document, with a sentence', () => {
    expect(() => v1ToV2.migrate([])).toThrow(/JSON object/);
  });
});
