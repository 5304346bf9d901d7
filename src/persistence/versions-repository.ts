/**
 * Versions of a design: named ones the user saves, and automatic snapshots taken before an operation that
 * replaces much of the document at once (import, paste, auto layout, restore, conflict resolution), so every such
 * step can be undone even after a reload. Automatic snapshots are pruned to the latest MAX_AUTOMATIC_VERSIONS
 * per design; manual ones stay until the design is purged.
 */
import type { Problem, Workflow } from '../domain/index.ts';
import type { StorageBackend } from './backend.ts';
import { designDocumentKey, versionDocumentKey, type VersionReason, type VersionRow } from './db.ts';
import { resolveDeps, saveInTransaction, type Conflict, type RepositoryDeps } from './designs-repository.ts';
import { encodeDocument, summarize } from './stored-document.ts';

export const MAX_AUTOMATIC_VERSIONS = 20;

export type VersionOpenResult =
  | { readonly ok: true; readonly doc: Workflow; readonly version: VersionRow }
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly Problem[]; readonly json: string };

export type RestoreResult =
  | {
      readonly ok: true;
      readonly doc: Workflow;
      readonly revision: number;
      /** The 'before-restore' snapshot of what the design held, so the restore itself can be undone. */
      readonly snapshot: VersionRow;
    }
  | Conflict
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly Problem[] };

export interface SnapshotOptions {
  readonly reason: VersionReason;
  /** Defaults to a name built from the reason and time, e.g. "Before import". */
  readonly name?: string;
  /** The design revision `doc` corresponds to; 0 (the default) when it is the editor's unsaved state. */
  readonly revision?: number;
}

export interface VersionsRepository {
  /** Save `doc` (usually the editor's current state) as a version of `designId`. */
  save(designId: string, doc: Workflow, options: SnapshotOptions): Promise<VersionRow>;
  /** Snapshot what is stored for the design now (undefined if there is no such design). */
  snapshotStored(designId: string, options: Omit<SnapshotOptions, 'revision'>): Promise<VersionRow | undefined>;
  /** Newest first, without documents. */
  list(designId: string): Promise<VersionRow[]>;
  open(versionId: string): Promise<VersionOpenResult>;
  /**
   * Make the version the design's current document, if the design is still at `expectedRevision`.
   * The current stored state is first saved as a 'before-restore' version, in the same transaction.
   */
  restore(versionId: string, expectedRevision: number): Promise<RestoreResult>;
  delete(versionId: string): Promise<void>;
}

const REASON_NAMES: Record<VersionReason, string> = {
  manual: 'Saved version',
  'before-import': 'Before import',
  'before-paste': 'Before paste',
  'before-layout': 'Before auto layout',
  'before-restore': 'Before restoring a version',
  'before-conflict': 'Before loading another tab’s changes',
};

export function createVersionsRepository(backend: StorageBackend, deps?: RepositoryDeps): VersionsRepository {
  const { now, newId, decode } = resolveDeps(deps);

  /** Inside a transaction: write the version and prune old automatic ones. */
  async function insert(designId: string, json: string, summary: VersionRow['summary'], options: SnapshotOptions): Promise<VersionRow> {
    const row: VersionRow = {
      id: newId('v'),
      designId,
      name: options.name ?? REASON_NAMES[options.reason],
      createdAt: now(),
      reason: options.reason,
      revision: options.revision ?? 0,
      summary,
    };
    await backend.documents.put({ key: versionDocumentKey(row.id), json });
    await backend.versions.put(row);
    const automatic = (await backend.versions.byDesign(designId)).filter((v) => v.reason !== 'manual');
    const excess = automatic.slice(0, Math.max(0, automatic.length - MAX_AUTOMATIC_VERSIONS));
    if (excess.length > 0) {
      await backend.documents.delete(excess.map((v) => versionDocumentKey(v.id)));
      await backend.versions.delete(excess.map((v) => v.id));
    }
    return row;
  }

  async function snapshotStoredInTx(designId: string, options: SnapshotOptions): Promise<VersionRow | undefined> {
    const design = await backend.designs.get(designId);
    const stored = await backend.documents.get(designDocumentKey(designId));
    if (!design || !stored) return undefined;
    return insert(designId, stored.json, design.summary, { ...options, revision: design.revision });
  }

  async function open(versionId: string): Promise<VersionOpenResult> {
    const version = await backend.versions.get(versionId);
    const stored = await backend.documents.get(versionDocumentKey(versionId));
    if (!version || !stored) return { ok: false, reason: 'not-found' };
    const decoded = decode(stored.json);
    return decoded.ok ? { ok: true, doc: decoded.doc, version } : { ok: false, reason: 'invalid', problems: decoded.problems, json: stored.json };
  }

  return {
    save: (designId, doc, options) => backend.transaction(() => insert(designId, encodeDocument(doc), summarize(doc), options)),
    snapshotStored: (designId, options) => backend.transaction(() => snapshotStoredInTx(designId, options)),
    list: async (designId) => (await backend.versions.byDesign(designId)).reverse(),
    open,
    restore: (versionId, expectedRevision) =>
      backend.transaction(async (): Promise<RestoreResult> => {
        const opened = await open(versionId);
        if (!opened.ok) return opened.reason === 'invalid' ? { ok: false, reason: 'invalid', problems: opened.problems } : opened;
        const designId = opened.version.designId;
        const design = await backend.designs.get(designId);
        if (!design) return { ok: false, reason: 'not-found' };
        if (design.revision !== expectedRevision || design.deletedAt !== undefined) {
          return { ok: false, reason: 'conflict', currentRevision: design.revision, deleted: design.deletedAt !== undefined };
        }
        const snapshot = await snapshotStoredInTx(designId, { reason: 'before-restore' });
        if (!snapshot) return { ok: false, reason: 'not-found' };
        const doc: Workflow = { ...opened.doc, id: designId };
        const saved = await saveInTransaction(backend, now(), designId, doc, expectedRevision);
        return saved.ok ? { ok: true, doc, revision: saved.revision, snapshot } : saved;
      }),
    delete: (versionId) =>
      backend.transaction(async () => {
        await backend.documents.delete([versionDocumentKey(versionId)]);
        await backend.versions.delete([versionId]);
      }),
  };
}
