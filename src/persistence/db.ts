/**
 * The designs library database: the whole IndexedDB schema in one place (docs/persistence.md).
 *
 * Tables
 * - `designs`   one row per design: name, timestamps, revision, schemaVersion, a small summary for the list and
 *               `deletedAt` for the trash. No document here, so the list never reads a megabyte per design
 *               (IndexedDB returns whole values; it cannot project fields).
 * - `documents` the JSON text of each design (`design/<id>`) and each saved version (`version/<id>`): ONE string,
 *               one write per save, never one row per node.
 * - `versions`  named and automatic snapshots of a design (metadata; the JSON is in `documents`).
 * - `runs`      simulation results, for the simulator panel (result as JSON text, parsed by its reader).
 * - `settings`  key/value.
 *
 * Upgrades: append an entry to SCHEMA_HISTORY with a higher version, the full `stores` of that version and an
 * `upgrade` when existing rows must change. Never edit a published entry: browsers that already hold it would not
 * run it again. test/persistence/db-upgrade.test.ts freezes every published entry and opens fixtures of each older
 * version with the current class.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import * as z from 'zod';

export const DB_NAME = 'baton';

/** Why a version was taken. Automatic reasons are pruned to the latest few; manual ones are kept. */
const VERSION_REASONS = [
  'manual',
  'before-import',
  'before-paste',
  'before-layout',
  'before-restore',
  'before-conflict',
] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];

/** What the list shows without opening the document. `nodeCount` excludes notes: they are not steps. */
const designSummarySchema = z.strictObject({
  nodeCount: z.number().int().min(0),
  noteCount: z.number().int().min(0),
  edgeCount: z.number().int().min(0),
  scenarioCount: z.number().int().min(0),
});
export type DesignSummary = z.infer<typeof designSummarySchema>;

/** Times are epoch milliseconds: indexable, sortable and cheap to compare. */
export const designRowSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The document's schemaVersion as stored; open() migrates older ones through import. */
  schemaVersion: z.number().int(),
  /** Starts at 1 and grows by one per write; the optimistic-concurrency token between tabs. */
  revision: z.number().int().min(1),
  summary: designSummarySchema,
  /** Set when the design is in the trash. Absent (not null) so the index holds trashed rows only. */
  deletedAt: z.number().optional(),
});
export type DesignRow = z.infer<typeof designRowSchema>;

export const documentRowSchema = z.strictObject({
  /** `design/<designId>` or `version/<versionId>`. */
  key: z.string().min(1),
  json: z.string(),
});
export type DocumentRow = z.infer<typeof documentRowSchema>;

export const versionRowSchema = z.strictObject({
  id: z.string().min(1),
  designId: z.string().min(1),
  name: z.string(),
  createdAt: z.number(),
  reason: z.enum(VERSION_REASONS),
  /** The design's revision the snapshot was taken from (0 when it was the editor's unsaved state). */
  revision: z.number().int().min(0),
  summary: designSummarySchema,
});
export type VersionRow = z.infer<typeof versionRowSchema>;

export const runRowSchema = z.strictObject({
  id: z.string().min(1),
  designId: z.string().min(1),
  scenarioId: z.string(),
  createdAt: z.number(),
  /** The simulator's result as JSON text; persistence does not know its shape (the simulator layer does). */
  result: z.string(),
});
export type RunRow = z.infer<typeof runRowSchema>;

export const settingRowSchema = z.strictObject({ key: z.string().min(1), value: z.unknown() });
export type SettingRow = z.infer<typeof settingRowSchema>;

export const designDocumentKey = (designId: string): string => `design/${designId}`;
export const versionDocumentKey = (versionId: string): string => `version/${versionId}`;

export type StoresSpec = Readonly<Record<string, string | null>>;

export interface SchemaVersion {
  readonly version: number;
  /** The complete stores of this version (Dexie syntax). Dexie diffs consecutive entries. */
  readonly stores: StoresSpec;
  /** Rewrites rows from the previous version's shape. Must be tested with a fixture of that version. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every published schema, oldest first. Append only (see the file comment).
 * Indexes: `designs.updatedAt` sorts the list, `deletedAt` finds trash to purge, `[designId+createdAt]`
 * lists versions and runs of one design in time order.
 */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
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

export const CURRENT_DB_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]?.version ?? 0;

/** What the browser or a test provides: `indexedDB` and `IDBKeyRange` (fake-indexeddb in Node). */
export interface IndexedDbEnvironment {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

/**
 * Declare `history` on a Dexie instance. Exported so the upgrade tests can build a database exactly as an older
 * release left it (the first N entries) and then open it with the current class.
 */
export function declareSchema(db: Dexie, history: readonly SchemaVersion[]): void {
  for (const entry of history) {
    const v = db.version(entry.version).stores({ ...entry.stores });
    if (entry.upgrade) v.upgrade(entry.upgrade);
  }
}

/** Keys are always supplied by the repositories (no auto-increment), so tables are keyed by string. */
export class BatonDb extends Dexie {
  designs!: Table<DesignRow, string>;
  documents!: Table<DocumentRow, string>;
  versions!: Table<VersionRow, string>;
  runs!: Table<RunRow, string>;
  settings!: Table<SettingRow, string>;

  constructor(name: string = DB_NAME, env?: IndexedDbEnvironment) {
    // autoOpen off: storage-health opens explicitly so a failure becomes the in-memory fallback, not a
    // rejected promise in the middle of a save.
    super(name, env ? { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange, autoOpen: false } : { autoOpen: false });
    declareSchema(this, SCHEMA_HISTORY);
  }
}
