/**
 * Versions of the open design: the list, a version the user saves by name, the automatic one kept before a change
 * that replaces much of the design (designs-risky-change.ts), and a comparison of two versions or of a version
 * with the design as it is now. Restoring needs the open design's session and lives in designs-library.ts.
 *
 * Writes the library store's `versions` and `comparison`.
 */
import { diffWorkflows, type Workflow } from '../domain/index.ts';
import type { Persistence, VersionReason } from '../persistence/index.ts';
import type { EditorStore } from '../store/editor-store.ts';
import type { LibraryStore } from '../store/library-store.ts';

export interface DesignVersions {
  /** Read the open design's versions again (none for a draft). */
  refresh(): Promise<void>;
  /** refresh() in the background: a failed read leaves the list as it was. */
  refreshLater(): void;
  /** Keep `doc` (the design before a risky change) as an automatic version. Never rejects, never blocks the edit. */
  keepBefore(designId: string, doc: Workflow, reason: VersionReason): void;
  /** Save the design as it is now under `name` (a default name when blank). */
  save(name: string): Promise<void>;
  /** Compare version `a` with version `b`, or with the current design. */
  compare(a: string, b: string | undefined): Promise<void>;
  clearComparison(): void;
}

export interface VersionsDeps {
  readonly persistence: Persistence;
  readonly editor: EditorStore;
  readonly store: LibraryStore;
  /** The stored design being edited, or null. */
  readonly designId: () => string | null;
  readonly message: (text: string, tone: 'info' | 'error' | 'success') => void;
  readonly failed: (what: string, error: unknown) => void;
  readonly now: () => number;
}

export function createDesignVersions(deps: VersionsDeps): DesignVersions {
  const { persistence: p, editor, store } = deps;

  async function refresh(): Promise<void> {
    const id = deps.designId();
    if (!id) {
      store.setState({ versions: [] });
      return;
    }
    const rows = await p.versions.list(id);
    // The open design may have changed while the list was read.
    if (deps.designId() !== id) return;
    store.setState({
      versions: rows.map((v) => ({ id: v.id, name: v.name, createdAt: v.createdAt, reason: v.reason, summary: { nodeCount: v.summary.nodeCount, edgeCount: v.summary.edgeCount } })),
    });
  }

  /** Store a version; true when it was stored. Never rejects. */
  async function keep(designId: string, doc: Workflow, reason: VersionReason, name?: string): Promise<boolean> {
    try {
      await p.versions.save(designId, doc, name === undefined ? { reason } : { reason, name });
      if (deps.designId() === designId) await refresh();
      return true;
    } catch (error) {
      // An automatic version that cannot be stored must not stop the edit it precedes; the save status shows
      // storage trouble. A version the user asked for says why it is missing.
      if (reason === 'manual') deps.failed('Saving the version', error);
      return false;
    }
  }

  async function versionDoc(id: string): Promise<{ doc: Workflow; name: string } | undefined> {
    const opened = await p.versions.open(id);
    return opened.ok ? { doc: opened.doc, name: opened.version.name } : undefined;
  }

  return {
    refresh,
    refreshLater: () => {
      refresh().catch(() => undefined);
    },
    keepBefore(designId, doc, reason) {
      // keep never rejects; the edit does not wait for the version to be written.
      void keep(designId, doc, reason);
    },
    async save(name) {
      const id = deps.designId();
      if (!id) {
        deps.message('Edit the design first: a version is saved from a stored design.', 'info');
        return;
      }
      const label = name.trim() || `Version of ${new Date(deps.now()).toLocaleString()}`;
      if (await keep(id, editor.getState().doc, 'manual', label)) deps.message(`Saved version “${label}”.`, 'success');
    },
    async compare(a, b) {
      const left = await versionDoc(a);
      const right = b === undefined ? { doc: editor.getState().doc, name: 'current design' } : await versionDoc(b);
      if (!left || !right) {
        deps.message('That version no longer opens, so it cannot be compared.', 'error');
        return;
      }
      const labels: Record<string, string> = {};
      for (const n of [...left.doc.nodes, ...right.doc.nodes]) labels[n.id] = n.label || n.id;
      store.setState({ comparison: { title: `${left.name} → ${right.name}`, diff: diffWorkflows(left.doc, right.doc), labels } });
    },
    clearComparison: () => store.setState({ comparison: null }),
  };
}
