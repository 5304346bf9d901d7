/**
 * One design open in one tab: autosave to the repository with the revision this tab last saw, announcements to
 * other tabs, and the decisions when another tab saved the same design (docs/persistence.md, "Multi-tab").
 *
 * - Another tab saved and this one has nothing unsaved: reload their revision ('reloaded').
 * - This tab has unsaved work: its next write gets a Conflict from the repository (flushed at once, so the user
 *   hears about it now), autosave halts with the work still pending, and the user chooses:
 *   keepMineAsCopy() stores it as a new design; loadTheirs() snapshots it as a version, then loads theirs.
 *   Neither choice loses either side's work.
 */
import type { Problem, Workflow } from '../domain/index.ts';
import { createAutosave, type AutosaveStatus, type WriteOutcome } from './autosave.ts';
import type { DesignRow } from './db.ts';
import type { DesignsRepository, OpenResult } from './designs-repository.ts';
import type { TabSync } from './multi-tab.ts';
import type { RestoreResult, VersionsRepository } from './versions-repository.ts';

export type SessionEvent =
  /** The stored document replaced the editor's (another tab saved, or theirs was loaded after a conflict). */
  | { readonly type: 'reloaded'; readonly doc: Workflow; readonly revision: number }
  /** Another tab saved while this one had unsaved work (or the design was trashed): ask the user. */
  | { readonly type: 'conflict'; readonly theirRevision: number; readonly deleted: boolean }
  /** After keepMineAsCopy: the editor now edits this new design. */
  | { readonly type: 'switched'; readonly design: DesignRow }
  /** Another tab stored a document this build cannot read (a newer release); this tab keeps its own. */
  | { readonly type: 'unreadable'; readonly problems: readonly Problem[] };

export interface DesignSessionOptions {
  readonly designs: DesignsRepository;
  readonly versions: VersionsRepository;
  readonly sync: TabSync;
  readonly designId: string;
  /** The revision the editor's document was opened at. */
  readonly revision: number;
  readonly onEvent: (event: SessionEvent) => void;
  readonly onStatus?: (status: AutosaveStatus) => void;
  readonly debounceMs?: number;
  readonly retryMs?: number;
}

export interface DesignSession {
  designId(): string;
  revision(): number;
  /** The editor's document changed (call after every recorded change). */
  edit(doc: Workflow): void;
  flush(): Promise<void>;
  status(): AutosaveStatus;
  hasUnsavedChanges(): boolean;
  keepMineAsCopy(): Promise<DesignRow | undefined>;
  loadTheirs(): Promise<OpenResult>;
  /**
   * Restore a version of this design after saving pending edits; the edits stay reachable as 'before-restore'.
   * The restored document comes back to the caller (no 'reloaded' event: the caller asked for it).
   */
  restoreVersion(versionId: string): Promise<RestoreResult>;
  /** Flush, then stop listening. */
  close(): Promise<void>;
}

export function createDesignSession(options: DesignSessionOptions): DesignSession {
  const { designs, versions, sync, onEvent } = options;
  let designId = options.designId;
  let revision = options.revision;
  let conflict: { theirRevision: number; deleted: boolean } | undefined;

  const autosave = createAutosave<Workflow>({
    debounceMs: options.debounceMs,
    retryMs: options.retryMs,
    onStatus: options.onStatus,
    async save(doc): Promise<WriteOutcome> {
      const result = await designs.save(designId, doc, revision);
      if (result.ok) {
        revision = result.revision;
        sync.announce(designId, revision);
        return { ok: true };
      }
      conflict =
        result.reason === 'conflict'
          ? { theirRevision: result.currentRevision, deleted: result.deleted }
          : { theirRevision: revision, deleted: true };
      onEvent({ type: 'conflict', ...conflict });
      return { ok: false, reason: 'conflict' };
    },
  });

  function apply(opened: OpenResult): OpenResult {
    if (opened.ok) {
      revision = opened.design.revision;
      conflict = undefined;
      onEvent({ type: 'reloaded', doc: opened.doc, revision });
    } else if (opened.reason === 'invalid') {
      onEvent({ type: 'unreadable', problems: opened.problems });
    }
    return opened;
  }

  const unsubscribe = sync.subscribe((message) => {
    if (message.designId !== designId || message.revision <= revision) return;
    if (autosave.hasUnsavedChanges()) {
      // The write will meet the moved revision and report the conflict now rather than after the debounce.
      // flush never rejects: its outcome is the autosave status the user sees.
      void autosave.flush();
      return;
    }
    void (async () => {
      let opened: Awaited<ReturnType<typeof designs.open>>;
      try {
        opened = await designs.open(designId);
      } catch {
        // The other tab's copy could not be read: this tab keeps its own, and its next save meets the moved
        // revision and reports the conflict.
        return;
      }
      // The user may have typed while we were reading: then theirs must not replace it silently.
      if (autosave.hasUnsavedChanges()) {
        void autosave.flush();
        return;
      }
      if (!opened.ok || opened.design.revision > revision) apply(opened);
    })();
  });

  return {
    designId: () => designId,
    revision: () => revision,
    edit: (doc) => autosave.schedule(doc),
    flush: () => autosave.flush(),
    status: () => autosave.status(),
    hasUnsavedChanges: () => autosave.hasUnsavedChanges(),
    async keepMineAsCopy() {
      const mine = autosave.pendingDocument();
      if (!mine) return undefined;
      const design = await designs.create(mine, { name: `${mine.name} (my copy)` });
      designId = design.id;
      revision = design.revision;
      conflict = undefined;
      autosave.discardPending();
      onEvent({ type: 'switched', design });
      return design;
    },
    async loadTheirs() {
      const mine = autosave.pendingDocument();
      if (mine) await versions.save(designId, mine, { reason: 'before-conflict' });
      autosave.discardPending();
      return apply(await designs.open(designId));
    },
    async restoreVersion(versionId) {
      await autosave.flush();
      if (conflict) return { ok: false, reason: 'conflict', currentRevision: conflict.theirRevision, deleted: conflict.deleted };
      const result = await versions.restore(versionId, revision);
      if (result.ok) {
        revision = result.revision;
        sync.announce(designId, revision);
      }
      return result;
    },
    async close() {
      await autosave.flush();
      unsubscribe();
      autosave.dispose();
    },
  };
}
