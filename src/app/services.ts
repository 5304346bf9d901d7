/** The composition root's implementation of the UI's services, over src/interop. */
import { exportWorkflow } from '../interop/export.ts';
import { importWorkflow } from '../interop/import.ts';
import type { EditorServices } from '../ui/services.tsx';

export const editorServices: EditorServices = {
  exportJson: (doc) => exportWorkflow(doc),
  parseJson: (text) => {
    const r = importWorkflow(text);
    return r.ok ? { ok: true, doc: r.doc } : { ok: false, problems: r.problems };
  },
};
