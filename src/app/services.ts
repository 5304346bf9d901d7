/** The composition root's implementation of the UI's services, over src/interop and the layout worker. */
import { exportWorkflow } from '../interop/export.ts';
import { EXPORT_FORMATS, exportFormat } from '../interop/export-format.ts';
import { importWorkflow } from '../interop/import.ts';
import type { EditorServices } from '../ui/services.tsx';
import { readWorkflowFile } from './read-workflow-file.ts';

const NOT_A_FRAGMENT = 'The clipboard does not hold Baton nodes';

export const editorServices: EditorServices = {
  exportJson: (doc) => exportWorkflow(doc),
  parseJson: (text) => {
    const r = importWorkflow(text);
    return r.ok ? { ok: true, doc: r.doc } : { ok: false, problems: r.problems };
  },
  readWorkflowFile,
  parseFragment: (text) => {
    // Cheap pre-check: most foreign clipboard text (a sentence, a URL) is not even JSON-shaped.
    if (!text.trimStart().startsWith('{')) return { ok: false, message: NOT_A_FRAGMENT };
    const r = importWorkflow(text);
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
