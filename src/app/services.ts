/** The composition root's implementation of the UI's services, over src/interop and the layout worker. */
import { exportWorkflow } from '../interop/export.ts';
import { EXPORT_FORMATS, exportFormat } from '../interop/export-format.ts';
import type { ImportResult } from '../interop/import.ts';
import type { EditorServices } from '../ui/services.tsx';

const NOT_A_FRAGMENT = 'The clipboard does not hold Baton nodes';

const unavailable = (what: string, error: unknown): string =>
  `The ${what} could not be loaded (${error instanceof Error ? error.message : String(error)}); check the connection and try again.`;

/**
 * The importer (limits, migrations, validation) loads on the first import or paste, not with the first page
 * (docs/architecture.md, "First load"). Either the result, or why the importer is not there.
 */
async function importText(text: string): Promise<ImportResult | { readonly unavailable: string }> {
  try {
    const { importWorkflow } = await import('../interop/import.ts');
    return importWorkflow(text);
  } catch (error) {
    return { unavailable: unavailable('importer', error) };
  }
}

export const editorServices: EditorServices = {
  exportJson: (doc) => exportWorkflow(doc),
  readWorkflowFile: async (text) => {
    let read: typeof import('./read-workflow-file.ts').readWorkflowFile;
    try {
      ({ readWorkflowFile: read } = await import('./read-workflow-file.ts'));
    } catch (error) {
      return { ok: false, problems: [{ path: [], code: 'importer-unavailable', message: unavailable('importer', error) }] };
    }
    return read(text);
  },
  parseFragment: async (text) => {
    // Cheap pre-check: most foreign clipboard text (a sentence, a URL) is not even JSON-shaped.
    if (!text.trimStart().startsWith('{')) return { ok: false, message: NOT_A_FRAGMENT };
    const r = await importText(text);
    if ('unavailable' in r) return { ok: false, message: r.unavailable };
    if (r.ok) return { ok: true, fragment: { nodes: r.doc.nodes, edges: r.doc.edges } };
    if (r.unusable) return { ok: false, message: NOT_A_FRAGMENT };
    const first = r.problems[0];
    const where = first && first.path.length ? ` (at ${first.path.join('.')})` : '';
    return { ok: false, message: `The copied Baton nodes are not valid, so nothing was pasted: ${first?.message ?? 'unknown problem'}${where}` };
  },
  autoLayout: async (doc) => {
    // The worker client (and through it elkjs) loads on the first use, not at start-up.
    const { layoutInWorker } = await import('./layout/layout-client.ts');
    return layoutInWorker(doc);
  },
  exportFormats: EXPORT_FORMATS.map(({ id, label, hint, extension, mimeType }) => ({ id, label, hint, extension, mimeType })),
  exportAs: async (doc, formatId) => {
    const format = exportFormat(formatId);
    if (!format) return { ok: false, reason: `There is no export format "${formatId}".` };
    // Each exporter is its own chunk, loaded on first use: none of them weighs on the first page.
    const exporter = await format.load();
    const r = exporter(doc);
    return r.ok ? { ok: true, text: r.text, notes: r.notes.map((n) => n.message) } : { ok: false, reason: r.reason };
  },
};
