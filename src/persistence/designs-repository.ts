/**
 * The designs library: list, search, create, open, save with optimistic concurrency, rename, duplicate, trash.
 *
 * Revisions: every write to a design's document increments `revision`. `save(id, doc, expectedRevision)` writes
 * only if the stored revision is still `expectedRevision`; otherwise another tab (or a restore, or a rename from
 * the list) wrote in between and the caller gets a Conflict, never a silent overwrite (docs/persistence.md).
 */
import type { Problem, Workflow } from '../domain/index.ts';
import type { StorageBackend } from './backend.ts';
import { designDocumentKey, versionDocumentKey, type DesignRow } from './db.ts';
import { saveEncodedInTransaction, writeEncoded, type EncodedDesign, type SaveResult } from './save-transaction.ts';
import { decodeStoredDocument, encodeDocument, randomId, summarize, type DecodeDocument } from './stored-document.ts';

export type { Conflict, EncodedDesign, SaveResult } from './save-transaction.ts';

export const TRASH_RETENTION_MS = 30 * 24 * 3600 * 1000;

export type OpenResult =
  | { readonly ok: true; readonly doc: Workflow; readonly design: DesignRow }
  | { readonly ok: false; readonly reason: 'not-found' }
  /** The stored text no longer imports (corrupted, or written by a newer release). `json` lets the user export it. */
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly Problem[]; readonly json: string };

export type RenameResult = SaveResult | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly Problem[] };

export interface DesignsRepository {
  /** Designs not in the trash, most recently changed first. Reads no document. */
  list(): Promise<DesignRow[]>;
  /** Case-insensitive substring match on the name, same order as list(). */
  search(query: string): Promise<DesignRow[]>;
  /** Trashed designs, most recently deleted first. */
  listTrash(): Promise<DesignRow[]>;
  get(id: string): Promise<DesignRow | undefined>;
  /** Store a copy of `doc` (e.g. a template's) under a fresh id; the stored document's `id` is the design's. */
  create(doc: Workflow, options?: { readonly name?: string }): Promise<DesignRow>;
  open(id: string): Promise<OpenResult>;
  /** The stored JSON as is, for "export what is stored" when open() reports it invalid. */
  readJson(id: string): Promise<string | undefined>;
  save(id: string, doc: Workflow, expectedRevision: number): Promise<SaveResult>;
  /** Renames the design and its document's `name`; a write like save (revision + 1) without a revision check. */
  rename(id: string, name: string): Promise<RenameResult>;
  duplicate(id: string, options?: { readonly name?: string }): Promise<DesignRow | undefined>;
  /** Soft delete: the design leaves the list and waits in the trash for TRASH_RETENTION_MS. */
  moveToTrash(id: string): Promise<boolean>;
  restoreFromTrash(id: string): Promise<boolean>;
  /** Delete for good the designs trashed before `now - olderThanMs`, with their versions and runs. */
  purgeTrash(olderThanMs?: number): Promise<number>;
}

export interface RepositoryDeps {
  /** Where save() writes when set (the save worker); it falls back to this thread when that fails. */
  readonly offThreadSave?: OffThreadSave;
  /** Epoch milliseconds; injectable so tests control ordering and the trash's age. */
  readonly now?: () => number;
  readonly newId?: (prefix: string) => string;
  readonly decode?: DecodeDocument;
}

export interface ResolvedDeps {
  readonly now: () => number;
  readonly newId: (prefix: string) => string;
  readonly decode: DecodeDocument;
}

export function resolveDeps(deps: RepositoryDeps = {}): ResolvedDeps {
  return { now: deps.now ?? Date.now, newId: deps.newId ?? randomId, decode: deps.decode ?? decodeStoredDocument };
}

const byUpdatedDesc = (a: DesignRow, b: DesignRow): number => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name);

/**
 * Write a design's row and document. Callers run it inside a backend transaction after their checks.
 * Exported for the versions repository's restore, which must check and write in the same transaction.
 */
async function writeDesign(backend: StorageBackend, row: DesignRow, doc: Workflow): Promise<void> {
  await writeEncoded(backend, row, encodeDocument(doc));
}

/**
 * Everything a save writes, computed once from the document: the JSON text (the stored document's id is always
 * the design's, whatever the editor holds, so exports stay distinct) and the row's name, schemaVersion, summary.
 */
function encodeDesign(id: string, doc: Workflow): EncodedDesign {
  const stored = doc.id === id ? doc : { ...doc, id };
  return { json: encodeDocument(stored), name: doc.name, schemaVersion: doc.schemaVersion, summary: summarize(doc) };
}

/** The write part of save(), shared with restore: checks the revision, then writes revision + 1. */
export async function saveInTransaction(
  backend: StorageBackend,
  now: number,
  id: string,
  doc: Workflow,
  expectedRevision: number,
): Promise<SaveResult> {
  return saveEncodedInTransaction(backend, now, id, encodeDesign(id, doc), expectedRevision);
}

/**
 * Runs a save's check-and-write somewhere other than the page's main thread (save-worker.ts). Resolves
 * `undefined` when it could not, having written nothing: the save then runs here as usual.
 */
export type OffThreadSave = (id: string, encoded: EncodedDesign, expectedRevision: number, now: number) => Promise<SaveResult | undefined>;

export function createDesignsRepository(backend: StorageBackend, deps?: RepositoryDeps): DesignsRepository {
  const { now, newId, decode } = resolveDeps(deps);
  const offThreadSave = deps?.offThreadSave;

  async function save(id: string, doc: Workflow, expectedRevision: number): Promise<SaveResult> {
    // Encoded before the transaction: it is the same work either way, and the transaction stays short.
    const encoded = encodeDesign(id, doc);
    const t = now();
    const written = offThreadSave && (await offThreadSave(id, encoded, expectedRevision, t));
    return written ?? backend.transaction(() => saveEncodedInTransaction(backend, t, id, encoded, expectedRevision));
  }

  async function readJson(id: string): Promise<string | undefined> {
    return (await backend.documents.get(designDocumentKey(id)))?.json;
  }

  async function open(id: string): Promise<OpenResult> {
    const design = await backend.designs.get(id);
    const json = design && (await readJson(id));
    if (!design || json === undefined) return { ok: false, reason: 'not-found' };
    const decoded = decode(json);
    return decoded.ok ? { ok: true, doc: decoded.doc, design } : { ok: false, reason: 'invalid', problems: decoded.problems, json };
  }

  async function create(doc: Workflow, options?: { readonly name?: string }): Promise<DesignRow> {
    const id = newId('d');
    const t = now();
    const name = options?.name ?? doc.name;
    const stored: Workflow = { ...doc, id, name };
    const row: DesignRow = { id, name, createdAt: t, updatedAt: t, schemaVersion: doc.schemaVersion, revision: 1, summary: summarize(stored) };
    await backend.transaction(() => writeDesign(backend, row, stored));
    return row;
  }

  async function active(): Promise<DesignRow[]> {
    return (await backend.designs.all()).filter((r) => r.deletedAt === undefined).sort(byUpdatedDesc);
  }

  async function setDeleted(id: string, deletedAt: number | undefined): Promise<boolean> {
    return backend.transaction(async () => {
      const row = await backend.designs.get(id);
      if (!row || (row.deletedAt === undefined) === (deletedAt === undefined)) return false;
      const { deletedAt: _old, ...rest } = row;
      await backend.designs.put(deletedAt === undefined ? rest : { ...rest, deletedAt });
      return true;
    });
  }

  return {
    list: active,
    async search(query) {
      const q = query.trim().toLocaleLowerCase();
      const rows = await active();
      return q === '' ? rows : rows.filter((r) => r.name.toLocaleLowerCase().includes(q));
    },
    async listTrash() {
      return (await backend.designs.all())
        .filter((r) => r.deletedAt !== undefined)
        .sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
    },
    get: (id) => backend.designs.get(id),
    create,
    open,
    readJson,
    save,
    rename: (id, name) =>
      backend.transaction(async (): Promise<RenameResult> => {
        const row = await backend.designs.get(id);
        const json = row && (await readJson(id));
        if (!row || json === undefined) return { ok: false, reason: 'not-found' };
        const decoded = decode(json);
        if (!decoded.ok) return { ok: false, reason: 'invalid', problems: decoded.problems };
        return saveInTransaction(backend, now(), id, { ...decoded.doc, name }, row.revision);
      }),
    async duplicate(id, options) {
      const opened = await open(id);
      if (!opened.ok) return undefined;
      return create(opened.doc, { name: options?.name ?? `${opened.doc.name} (copy)` });
    },
    moveToTrash: (id) => setDeleted(id, now()),
    restoreFromTrash: (id) => setDeleted(id, undefined),
    purgeTrash: (olderThanMs = TRASH_RETENTION_MS) =>
      backend.transaction(async () => {
        const cutoff = now() - olderThanMs;
        const doomed = (await backend.designs.all()).filter((r) => r.deletedAt !== undefined && r.deletedAt < cutoff);
        for (const row of doomed) {
          const versions = await backend.versions.byDesign(row.id);
          const runs = await backend.runs.byDesign(row.id);
          await backend.documents.delete([designDocumentKey(row.id), ...versions.map((v) => versionDocumentKey(v.id))]);
          await backend.versions.delete(versions.map((v) => v.id));
          await backend.runs.delete(runs.map((r) => r.id));
        }
        await backend.designs.delete(doomed.map((r) => r.id));
        return doomed.length;
      }),
  };
}
