/** The composition root's implementation of the UI's services, over src/interop and the layout worker. */
import { exportWorkflow } from '../interop/export.ts';
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
};
