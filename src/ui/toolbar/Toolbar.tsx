/**
 * The top toolbar: history, layout, file in and out, view settings, help. Buttons carry the accessible names
 * in interfaces.md.
 */
import { useReactFlow } from '@xyflow/react';
import { useRef, useState, type ChangeEvent } from 'react';
import { formatProblem, type Problem } from '../../domain/index.ts';
import type { Theme } from '../../store/ui-slice.ts';
import { selectCanRedo, selectCanUndo, selectUi } from '../../store/selectors.ts';
import { animatePositions } from '../canvas/animate-layout.ts';
import { downloadBlob, slugify } from '../download.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { ConversionReportDialog } from '../import/ConversionReportDialog.tsx';
import { useOpenWorkflowFile } from '../import/use-open-workflow-file.ts';
import { useEditorServices, type ConversionSummary } from '../services.tsx';
import { useSimulationServices } from '../simulation/simulation-services.tsx';
import { captureDesignImage, type ImageFormat } from './export-image.ts';
import { ProblemListDialog } from './ProblemListDialog.tsx';
import { ProblemCounts } from '../problems/ProblemCounts.tsx';

const asTheme = (v: string): Theme => (v === 'light' || v === 'dark' ? v : 'system');

export function Toolbar({ children }: { children?: React.ReactNode }) {
  const store = useEditorStoreApi();
  const services = useEditorServices();
  const canUndo = useEditorStore(selectCanUndo);
  const canRedo = useEditorStore(selectCanRedo);
  const fileInput = useRef<HTMLInputElement>(null);
  const [importProblems, setImportProblems] = useState<{ file: string; problems: readonly Problem[]; title?: string } | null>(null);
  const [converted, setConverted] = useState<{ name: string; conversion: ConversionSummary } | null>(null);
  const openFile = useOpenWorkflowFile();
  const ui = useEditorStore(selectUi);
  const { getNodes } = useReactFlow();
  const [laying, setLaying] = useState(false);
  const [imageMenu, setImageMenu] = useState(false);
  const simulation = useSimulationServices();

  const autoLayout = async (): Promise<void> => {
    const s = store.getState();
    if (s.doc.nodes.length === 0) return;
    setLaying(true);
    try {
      const positions = await services.autoLayout(s.doc);
      await animatePositions(store, positions);
    } catch (err) {
      store.getState().showMessage(`Auto layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      setLaying(false);
    }
  };
  const exportImage = async (format: ImageFormat): Promise<void> => {
    setImageMenu(false);
    const doc = store.getState().doc;
    try {
      const blob = await captureDesignImage(store, getNodes(), format);
      downloadBlob(blob, `${slugify(doc.name)}.${format}`);
    } catch (err) {
      store.getState().showMessage(`Image export failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };

  const exportJson = (): void => {
    const doc = store.getState().doc;
    downloadBlob(new Blob([services.exportJson(doc)], { type: 'application/json' }), `${slugify(doc.name)}.baton.json`);
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      store.getState().showMessage(`“${file.name}” could not be read: ${err instanceof Error ? err.message : String(err)}`, 'error');
      return;
    }
    const result = await openFile(text);
    // The current design is untouched: a bad file never replaces good work.
    if (!result.ok) {
      if (result.problems.length > 0) setImportProblems({ file: file.name, problems: result.problems, ...(result.title ? { title: result.title } : {}) });
      return;
    }
    if (result.conversion) setConverted({ name: result.name, conversion: result.conversion });
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
      <button type="button" onClick={() => void autoLayout()} disabled={laying} title="Arrange the nodes left to right (one undo step)">
        Auto layout
      </button>
      <button type="button" aria-pressed={ui.snapToGrid} onClick={() => store.getState().toggleSnapToGrid()} title="Snap moved nodes to the 20 px grid">
        Snap to grid
      </button>
      <span className="toolbar__sep" />
      <button type="button" onClick={exportJson} title="Download this design as workflow JSON">
        Export JSON
      </button>
      <button type="button" onClick={() => fileInput.current?.click()} title="Open a workflow JSON file (Baton, or an n8n workflow export)">
        Import
      </button>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(e) => void onFile(e)} data-testid="import-file" />
      <span className="toolbar__menu">
        <button type="button" aria-haspopup="menu" aria-expanded={imageMenu} onClick={() => setImageMenu((o) => !o)} title="Download a picture of the whole design">
          Export image
        </button>
        {imageMenu && (
          <div
            className="toolbar__popup"
            role="menu"
            aria-label="Image format"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setImageMenu(false);
              }
            }}
          >
            <button type="button" role="menuitem" autoFocus onClick={() => void exportImage('png')}>
              PNG image
            </button>
            <button type="button" role="menuitem" onClick={() => void exportImage('svg')}>
              SVG image
            </button>
          </div>
        )}
      </span>
      {simulation && (
        <button type="button" onClick={() => simulation.store.getState().requestFocus()} title="Open the Simulation panel: dry-run this design">
          Simulate
        </button>
      )}
      {children}
      <span className="toolbar__spacer" />
      <ProblemCounts />
      <label className="toolbar__theme">
        <span>Theme</span>
        <select value={ui.theme} onChange={(e) => store.getState().setTheme(asTheme(e.target.value))}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <button type="button" onClick={() => store.getState().setHelpOpen(true)} aria-keyshortcuts="Shift+?" title="Keyboard shortcuts (?)">
        Keyboard shortcuts
      </button>
      {importProblems && (
        <ProblemListDialog
          title={`“${importProblems.file}” was not imported`}
          intro={`${importProblems.title ? `It is an ${importProblems.title}, but it cannot be used. ` : ''}Your current design is unchanged. Fix these problems in the file and import it again:`}
          lines={importProblems.problems.map(formatProblem)}
          onClose={() => setImportProblems(null)}
        />
      )}
      {converted && <ConversionReportDialog name={converted.name} conversion={converted.conversion} onClose={() => setConverted(null)} />}
    </header>
  );
}
