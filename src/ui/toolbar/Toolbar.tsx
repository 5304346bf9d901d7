/** The top toolbar: history, file in and out. Buttons carry the accessible names in interfaces.md. */
import { useRef, useState, type ChangeEvent } from 'react';
import { formatProblem, type Problem } from '../../domain/index.ts';
import { selectCanRedo, selectCanUndo } from '../../store/selectors.ts';
import { downloadBlob, slugify } from '../download.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { useEditorServices } from '../services.tsx';
import { ProblemListDialog } from './ProblemListDialog.tsx';

export function Toolbar({ children }: { children?: React.ReactNode }) {
  const store = useEditorStoreApi();
  const services = useEditorServices();
  const canUndo = useEditorStore(selectCanUndo);
  const canRedo = useEditorStore(selectCanRedo);
  const fileInput = useRef<HTMLInputElement>(null);
  const [importProblems, setImportProblems] = useState<{ file: string; problems: readonly Problem[] } | null>(null);

  const exportJson = (): void => {
    const doc = store.getState().doc;
    downloadBlob(new Blob([services.exportJson(doc)], { type: 'application/json' }), `${slugify(doc.name)}.baton.json`);
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const result = services.parseJson(await file.text());
    if (!result.ok) {
      // The current design is untouched: a bad file never replaces good work.
      setImportProblems({ file: file.name, problems: result.problems });
      return;
    }
    store.getState().commit(result.doc);
    store.getState().showMessage(`Imported "${result.doc.name}" (${result.doc.nodes.length} nodes). Undo brings back the previous design.`, 'success');
  };

  return (
    <header className="toolbar" role="toolbar" aria-label="Editor toolbar">
      <span className="toolbar__brand">Baton</span>
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl/Cmd+Z)">
        Undo
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl/Cmd+Shift+Z, Ctrl+Y)">
        Redo
      </button>
      <span className="toolbar__sep" />
      <button type="button" onClick={exportJson} title="Download this design as workflow JSON">
        Export JSON
      </button>
      <button type="button" onClick={() => fileInput.current?.click()} title="Open a workflow JSON file">
        Import
      </button>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(e) => void onFile(e)} data-testid="import-file" />
      {children}
      {importProblems && (
        <ProblemListDialog
          title={`“${importProblems.file}” was not imported`}
          intro="Your current design is unchanged. Fix these problems in the file and import it again:"
          lines={importProblems.problems.map(formatProblem)}
          onClose={() => setImportProblems(null)}
        />
      )}
    </header>
  );
}
