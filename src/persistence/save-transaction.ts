/**
 * The write of a design save, on a document already encoded: check the revision, write the document text and the
 * row, in the caller's transaction. It imports neither import nor the domain, so the save worker
 * (save-worker.ts) runs exactly this code on its own connection without bundling the validation stack.
 */
import type { StorageBackend } from './backend.ts';
import { designDocumentKey, type DesignRow, type DesignSummary } from './db.ts';

/** A document as one save writes it: its JSON text and the row fields taken from it. */
export interface EncodedDesign {
  readonly json: string;
  readonly name: string;
  readonly schemaVersion: number;
  readonly summary: DesignSummary;
}

export type Conflict = {
  readonly ok: false;
  readonly reason: 'conflict';
  /** The revision now stored, which the caller's `expectedRevision` did not match. */
  readonly currentRevision: number;
  /** The design was moved to the trash meanwhile. */
  readonly deleted: boolean;
};

export type SaveResult =
  | { readonly ok: true; readonly revision: number; readonly updatedAt: number }
  | Conflict
  | { readonly ok: false; readonly reason: 'not-found' };

/** Write a design's row and document text. Callers run it inside a backend transaction after their checks. */
export async function writeEncoded(backend: StorageBackend, row: DesignRow, json: string): Promise<void> {
  await backend.documents.put({ key: designDocumentKey(row.id), json });
  await backend.designs.put(row);
}

/** The check-and-write of save(): reads the row (the revision must still be `expectedRevision`), writes revision + 1. */
export async function saveEncodedInTransaction(
  backend: StorageBackend,
  now: number,
  id: string,
  encoded: EncodedDesign,
  expectedRevision: number,
): Promise<SaveResult> {
  const row = await backend.designs.get(id);
  if (!row) return { ok: false, reason: 'not-found' };
  if (row.revision !== expectedRevision || row.deletedAt !== undefined) {
    return { ok: false, reason: 'conflict', currentRevision: row.revision, deleted: row.deletedAt !== undefined };
  }
  const updatedAt = Math.max(now, row.updatedAt);
  const revision = row.revision + 1;
  const { json, ...fields } = encoded;
  await writeEncoded(backend, { ...row, ...fields, updatedAt, revision }, json);
  return { ok: true, revision, updatedAt };
}
