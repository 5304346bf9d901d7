/**
 * Export JSON, checked: the file is read back the way Import reads it, and when Import would refuse it (a value
 * still out of range, shown as invalid in the Inspector) the person is told before relying on it. The file is
 * downloaded either way: it is the design as it stands, to repair or to keep. Every way out as Baton JSON says
 * so: the toolbar's and the command's export here, the Designs panel's through the library (app/designs-library).
 */
import { formatProblem, type Workflow } from '../domain/index.ts';
import { downloadBlob, slugify } from './download.ts';
import type { EditorServices } from './services.tsx';

type Notify = (text: string, kind: 'error') => void;

export async function exportDesignJson(services: Pick<EditorServices, 'exportJson' | 'readWorkflowFile'>, doc: Workflow, notify: Notify): Promise<void> {
  const text = services.exportJson(doc);
  const fileName = `${slugify(doc.name)}.baton.json`;
  downloadBlob(new Blob([text], { type: 'application/json' }), fileName);
  await warnIfImportRefuses(services.readWorkflowFile, fileName, text, notify);
}

/**
 * Read an exported file back as Import does; when Import would refuse it, say so, naming the first problem.
 * @example await warnIfImportRefuses(readWorkflowFile, 'orders.baton.json', json, notify)
 */
export async function warnIfImportRefuses(read: EditorServices['readWorkflowFile'], fileName: string, text: string, notify: Notify): Promise<void> {
  const back = await read(text);
  if (back.ok) return;
  const n = back.problems.length;
  const first = back.problems[0];
  notify(
    `${fileName} was downloaded, but Import will refuse it until ${n === 1 ? 'one problem is' : `${n} problems are`} fixed${first ? ` (${formatProblem(first)})` : ''}. Fix it in the Inspector and export again.`,
    'error',
  );
}
