/**
 * The designs catalog: the stored designs and the trash as the list shows them, storing a new design, rename,
 * duplicate, move to the trash and back, the trash's purge, export of a stored design, and the template
 * gallery's cards. It knows nothing of the open design; designs-library.ts decides what a change to the open one
 * means (open-design.ts).
 *
 * Writes the library store's `designs`, `trash`, `deleted` and `templates`.
 */
import { distinctName, type Workflow } from '../domain/index.ts';
import type { DesignRow, Persistence, TabSync } from '../persistence/index.ts';
import type { DesignListItem, LibraryStore, TemplateCard } from '../store/library-store.ts';
import type { Template } from '../templates/index.ts';

/** The templates, or a function that loads them (the page loads them when the gallery first opens). */
export type TemplateSource = readonly Template[] | (() => Promise<readonly Template[]>);

export interface DesignsCatalog {
  /** Read the list and the trash again. */
  refresh(): Promise<void>;
  /** refresh() in the background: a failed read leaves the lists as they were (the save status shows trouble). */
  refreshLater(): void;
  /** The designs, most recently changed first, without the trash: the first read at start-up. */
  listDesigns(): Promise<readonly DesignListItem[]>;
  /** Delete for good what has been in the trash longer than the retention time; failures wait for next time. */
  purgeOldTrash(): Promise<void>;
  /** Store a new design and tell the other tabs. */
  create(doc: Workflow, options?: { readonly name?: string }): Promise<DesignRow>;
  /** Rename a design that is not open (the open one is renamed through the editor). False when it could not be. */
  rename(id: string, name: string): Promise<boolean>;
  duplicate(id: string): Promise<DesignRow | undefined>;
  /** Soft delete; the list's toast offers Undo. */
  moveToTrash(id: string): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  /** The export of a stored design (`doc` given when the editor holds it), or its stored text when it no longer imports. */
  exportStored(id: string, doc: Workflow | undefined): Promise<{ fileName: string; json: string } | undefined>;
  /** Make sure the gallery's cards are loaded (or loading). */
  loadTemplates(): void;
  /** The document of a template; undefined for an unknown id. */
  templateDoc(id: string): Promise<Workflow | undefined>;
}

export interface CatalogDeps {
  readonly persistence: Persistence;
  readonly sync: TabSync;
  readonly store: LibraryStore;
  readonly templates: TemplateSource;
  readonly exportJson: (doc: Workflow) => string;
}

export function listItem(row: DesignRow): DesignListItem {
  return {
    id: row.id,
    name: row.name,
    updatedAt: row.updatedAt,
    ...(row.deletedAt !== undefined ? { deletedAt: row.deletedAt } : {}),
    summary: { nodeCount: row.summary.nodeCount, edgeCount: row.summary.edgeCount },
  };
}

export function fileNameFor(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'workflow';
  return `${slug}.baton.json`;
}

/** The gallery's cards for the templates (the UI puts "Blank design" first). */
export function templateCards(templates: readonly Template[]): TemplateCard[] {
  return templates.map((t) => ({
    id: t.id,
    name: t.name,
    summary: t.summary,
    situation: t.situation,
    tags: t.tags,
    nodeCount: t.doc.nodes.filter((n) => n.kind !== 'note').length,
    ...(t.overEngineered ? { overEngineered: true } : {}),
  }));
}

export function createDesignsCatalog(deps: CatalogDeps): DesignsCatalog {
  const { persistence: p, sync, store } = deps;
  let templates: Promise<readonly Template[]> | null = null;

  const loadTemplateData = (): Promise<readonly Template[]> => {
    const source = deps.templates;
    templates ??= (typeof source === 'function' ? source() : Promise.resolve(source)).then(
      (list) => {
        store.setState({ templates: { status: 'ready', cards: templateCards(list) } });
        return list;
      },
      (error: unknown) => {
        // Offline before the chunk was cached: the gallery says so, and opening it again retries.
        templates = null;
        store.setState({ templates: { status: 'failed' } });
        throw error;
      },
    );
    return templates;
  };

  async function refresh(): Promise<void> {
    const [rows, trash] = await Promise.all([p.designs.list(), p.designs.listTrash()]);
    store.setState({ designs: rows.map(listItem), trash: trash.map(listItem) });
  }

  return {
    refresh,
    refreshLater: () => {
      refresh().catch(() => undefined);
    },
    async listDesigns() {
      const designs = (await p.designs.list()).map(listItem);
      store.setState({ designs });
      return designs;
    },
    async purgeOldTrash() {
      try {
        await p.designs.purgeTrash();
      } catch {
        // A failed purge only leaves old trash for the next start.
      }
    },
    async create(doc, options) {
      const row = await p.designs.create(doc, options);
      sync.announceLibraryChange();
      return row;
    },
    async rename(id, name) {
      const result = await p.designs.rename(id, name);
      if (result.ok) sync.announce(id, result.revision);
      await refresh();
      return result.ok;
    },
    async duplicate(id) {
      // "X (copy)", then "X (copy 2)": two duplicates once both read "X (copy)" in the list.
      const designs = store.getState().designs;
      const source = designs.find((d) => d.id === id);
      const name = source && distinctName(source.name, designs.map((d) => d.name), 'copy');
      const row = await p.designs.duplicate(id, name !== undefined ? { name } : undefined);
      sync.announceLibraryChange();
      await refresh();
      return row;
    },
    async moveToTrash(id) {
      const row = store.getState().designs.find((d) => d.id === id);
      const moved = await p.designs.moveToTrash(id);
      sync.announceLibraryChange();
      await refresh();
      if (moved) store.setState({ deleted: { id, name: row?.name ?? 'design' } });
    },
    async restoreFromTrash(id) {
      await p.designs.restoreFromTrash(id);
      sync.announceLibraryChange();
      if (store.getState().deleted?.id === id) store.setState({ deleted: null });
      await refresh();
    },
    async exportStored(id, doc) {
      const current = doc ?? (await p.designs.open(id).then((o) => (o.ok ? o.doc : undefined)));
      if (current) return { fileName: fileNameFor(current.name), json: deps.exportJson({ ...current, id }) };
      // A design that no longer imports is exported exactly as stored, so it can be repaired by hand.
      const raw = await p.designs.readJson(id);
      const row = store.getState().designs.find((d) => d.id === id);
      return raw === undefined ? undefined : { fileName: fileNameFor(row?.name ?? id), json: raw };
    },
    loadTemplates() {
      loadTemplateData().catch(() => undefined);
    },
    async templateDoc(id) {
      return (await loadTemplateData()).find((t) => t.id === id)?.doc;
    },
  };
}
