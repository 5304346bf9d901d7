/**
 * The top toolbar: history, layout, file in and out, view settings, help. Its buttons are commands from the
 * registry (commands/commands.ts), so their labels, keys and enabled state are the ones the keyboard and the help
 * list use; menus (Import, Export image) are small components. Accessible names follow interfaces.md.
 *
 * It fits one row from 1280 px up (issue 11): history and help are icon buttons with names and tooltips, the
 * theme is one select. Other engineers mount their own self-contained components as children (one line each).
 */
import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { formatProblem, type Problem } from '../../domain/index.ts';
import type { Theme } from '../../store/ui-slice.ts';
import { selectUi } from '../../store/selectors.ts';
import { useCommand } from '../commands/command-context.tsx';
import { ariaKeys, keyText } from '../commands/keys.ts';
import { useDesignLibrary } from '../designs/designs-services.tsx';
import { downloadBlob, slugify } from '../download.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { ConversionReportDialog } from '../import/ConversionReportDialog.tsx';
import { useOpenWorkflowFile } from '../import/use-open-workflow-file.ts';
import { ProblemCounts } from '../problems/ProblemCounts.tsx';
import type { ConversionSummary } from '../services.tsx';
import { captureDesignImage, type ImageFormat } from './export-image.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { useDismissOnOutsidePointer } from './use-dismiss.ts';
import { onMenuKeyDown } from './menu-keys.ts';
import { ProblemListDialog } from './ProblemListDialog.tsx';

const asTheme = (v: string): Theme => (v === 'light' || v === 'dark' ? v : 'system');

const ICONS: Readonly<Record<string, string>> = {
  undo: 'M12.5 8c-2.65 0-5.05 1-6.9 2.6L2 7v9h9l-3.62-3.62A7.95 7.95 0 0 1 12.5 10.5c3.54 0 6.55 2.31 7.6 5.5l2.37-.78C21.08 11.03 17.15 8 12.5 8z',
  redo: 'M18.4 10.6C16.55 9 14.15 8 11.5 8c-4.65 0-8.58 3.03-9.96 7.22L3.9 16a8 8 0 0 1 7.6-5.5c1.95 0 3.73.72 5.12 1.88L13 16h9V7l-3.6 3.6z',
  help: 'M11 18h2v-2h-2v2zm1-16a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm0-14a4 4 0 0 0-4 4h2a2 2 0 1 1 4 0c0 2-3 1.75-3 5h2c0-2.25 3-2.5 3-5a4 4 0 0 0-4-4z',
};

function Icon({ name }: { name: string }) {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={ICONS[name] ?? ''} fill="currentColor" />
    </svg>
  );
}

/** A toolbar button for a registry command: label, keys in the tooltip and aria-keyshortcuts, enabled, pressed. */
export function CommandButton({ id, icon }: { id: string; icon?: string }) {
  const { command, enabled, pressed, available, run } = useCommand(id);
  if (!available) return null;
  const keys = command.keys ?? [];
  const title = `${command.title ?? command.label}${keys.length ? ` (${keys.map(keyText).join(', ')})` : ''}`;
  return (
    <button
      type="button"
      className={icon ? 'toolbar__icon' : undefined}
      onClick={run}
      disabled={!enabled}
      aria-pressed={pressed}
      aria-label={icon ? command.label : undefined}
      aria-keyshortcuts={keys.length ? keys.map(ariaKeys).join(' ') : undefined}
      title={title}
    >
      {icon ? <Icon name={icon} /> : command.label}
    </button>
  );
}

/** A button that opens a small menu; choosing an item, Escape or a click outside closes it. */
function MenuButton({ label, title, menuLabel, children }: { label: string; title: string; menuLabel: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useDismissOnOutsidePointer(open, root, useCallback(() => setOpen(false), []));
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <span className="toolbar__menu" ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} title={title}>
        {label}
      </button>
      {open && (
        <div
          className="toolbar__popup"
          role="menu"
          aria-label={menuLabel}
          onKeyDown={(e) => onMenuKeyDown(e, close)}
          onClick={(e) => {
            if (e.target instanceof Element && e.target.closest('[role="menuitem"]')) close();
          }}
        >
          {children}
        </div>
      )}
    </span>
  );
}

function ExportImageMenu() {
  const store = useEditorStoreApi();
  const { getNodes } = useReactFlow();
  const exportImage = async (format: ImageFormat): Promise<void> => {
    const doc = store.getState().doc;
    try {
      const blob = await captureDesignImage(store, getNodes(), format);
      downloadBlob(blob, `${slugify(doc.name)}.${format}`);
    } catch (err) {
      store.getState().showMessage(`Image export failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };
  return (
    <MenuButton label="Export image" title="Download a picture of the whole design" menuLabel="Image format">
      <button type="button" role="menuitem" autoFocus onClick={() => void exportImage('png')}>
        PNG image
      </button>
      <button type="button" role="menuitem" onClick={() => void exportImage('svg')}>
        SVG image
      </button>
    </MenuButton>
  );
}

/** Ask the browser for one JSON file; null when the person cancels. */
function pickJsonFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/**
 * Import, said plainly (issue 11): "Replace this design…" puts the file's design in the editor (one undo step
 * brings the old one back); "Open as a new design…" stores it beside the others. A bad file changes nothing.
 */
function ImportMenu() {
  const store = useEditorStoreApi();
  const library = useDesignLibrary();
  const openFile = useOpenWorkflowFile();
  const [problems, setProblems] = useState<{ file: string; problems: readonly Problem[]; title?: string } | null>(null);
  const [converted, setConverted] = useState<{ name: string; conversion: ConversionSummary } | null>(null);
  const replace = async (): Promise<void> => {
    const file = await pickJsonFile();
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      store.getState().showMessage(`“${file.name}” could not be read: ${err instanceof Error ? err.message : String(err)}`, 'error');
      return;
    }
    // The current design is untouched by a bad file; another tool's workflow opens as a new design.
    const result = await openFile(text, file.name);
    if (!result.ok) {
      if (result.problems.length > 0) setProblems({ file: file.name, problems: result.problems, ...(result.title ? { title: result.title } : {}) });
      return;
    }
    if (result.conversion) setConverted({ name: result.name, conversion: result.conversion });
  };
  const asNew = async (): Promise<void> => {
    const file = await pickJsonFile();
    if (!file || !library) return;
    const result = await library.importAsNew(await file.text());
    if (!result.ok) setProblems({ file: file.name, problems: result.problems });
    else if (result.conversion) setConverted({ name: result.name, conversion: result.conversion });
  };
  return (
    <>
      <MenuButton label="Import" title="Import a workflow file (Baton, or an n8n export): replace this design, or open it as a new one" menuLabel="Import">
        <button type="button" role="menuitem" autoFocus onClick={() => void replace()} title="Undo brings the current design back (an n8n workflow always opens as a new design)">
          Replace this design…
        </button>
        {library && (
          <button type="button" role="menuitem" onClick={() => void asNew()} title="Keeps this design; the file becomes a new one in the list">
            Open as a new design…
          </button>
        )}
      </MenuButton>
      {problems && (
        <ProblemListDialog
          title={`“${problems.file}” was not imported`}
          intro={`${problems.title ? `It is an ${problems.title}, but it cannot be used. ` : ''}Your current design is unchanged. Fix these problems in the file and import it again:`}
          lines={problems.problems.map(formatProblem)}
          onClose={() => setProblems(null)}
        />
      )}
      {converted && <ConversionReportDialog name={converted.name} conversion={converted.conversion} onClose={() => setConverted(null)} />}
    </>
  );
}

export function Toolbar({ children }: { children?: ReactNode }) {
  const store = useEditorStoreApi();
  const ui = useEditorStore(selectUi);
  return (
    <header className="toolbar" role="toolbar" aria-label="Editor toolbar">
      <span className="toolbar__brand">Baton</span>
      <CommandButton id="undo" icon="undo" />
      <CommandButton id="redo" icon="redo" />
      <span className="toolbar__sep" />
      <CommandButton id="auto-layout" />
      <CommandButton id="snap-to-grid" />
      <span className="toolbar__sep" />
      <CommandButton id="export-json" />
      <ImportMenu />
      <ExportImageMenu />
      <ExportMenu />
      <CommandButton id="simulate" />
      {children}
      <span className="toolbar__spacer" />
      <ProblemCounts />
      <select className="toolbar__theme" aria-label="Theme" title="Theme" value={ui.theme} onChange={(e) => store.getState().setTheme(asTheme(e.target.value))}>
        <option value="system">System theme</option>
        <option value="light">Light theme</option>
        <option value="dark">Dark theme</option>
      </select>
      <CommandButton id="help" icon="help" />
    </header>
  );
}
