/**
 * The Designs region (interfaces.md): the designs stored in this browser, one option per design, and the
 * buttons "New design", "Rename", "Duplicate", "Delete", which act on the highlighted design; import a file as a
 * new design, export one, the trash, versions, and the save status. Without a library (tests of other panels)
 * it is a placeholder.
 */
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { formatProblem, type Problem } from '../../domain/index.ts';
import { selectCurrentId, selectDesigns, selectTrash } from '../../store/library-store.ts';
import { CompareHighlights } from '../designs/CompareHighlights.tsx';
import { DeletedToast } from '../designs/DeletedToast.tsx';
import { DesignList } from '../designs/DesignList.tsx';
import { useDesignLibrary, useLibraryState, type DesignLibrary } from '../designs/designs-services.tsx';
import { SaveStatus } from '../designs/SaveStatus.tsx';
import { StorageDialog } from '../designs/StorageDialog.tsx';
import { TemplateGallery } from '../designs/TemplateGallery.tsx';
import { TrashList } from '../designs/TrashList.tsx';
import { VersionsSection } from '../designs/VersionsSection.tsx';
import { downloadBlob } from '../download.ts';
import { ConversionReportDialog } from '../import/ConversionReportDialog.tsx';
import type { ConversionSummary } from '../services.tsx';
import '../designs/designs.css';

export function DesignsPanel() {
  const library = useDesignLibrary();
  if (!library) {
    return (
      <section className="panel designs" aria-label="Designs">
        <h2 className="panel-title">Designs</h2>
        <p className="muted">Designs saved in this browser appear here.</p>
      </section>
    );
  }
  return <LibraryPanel library={library} />;
}

/** FileReader rather than Blob.text(): the same code runs in every browser we support and under jsdom. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}

/** Relative times ("5 min ago") refresh once a minute without a store change. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

function LibraryPanel({ library }: { library: DesignLibrary }) {
  const designs = useLibraryState(library, selectDesigns);
  const trash = useLibraryState(library, selectTrash);
  const currentId = useLibraryState(library, selectCurrentId);
  // A design saved after the last tick reads "just now" (relativeTime clamps), so the clock need not follow saves.
  const now = useMinuteClock();
  const [query, setQuery] = useState('');
  // Opening a design (from anywhere) highlights it, so the buttons act on what the editor shows; a pick made
  // in the list holds until the open design changes.
  const [pick, setPick] = useState<{ id: string | null; whileOpen: string | null }>({ id: currentId, whileOpen: currentId });
  const highlighted = pick.whileOpen === currentId ? pick.id : currentId;
  const setHighlighted = (id: string): void => setPick({ id, whileOpen: currentId });
  const [renaming, setRenaming] = useState<string | null>(null);
  const [view, setView] = useState<'designs' | 'trash'>('designs');
  const [settings, setSettings] = useState(false);
  const [importProblems, setImportProblems] = useState<{ file: string; problems: readonly Problem[] } | null>(null);
  const [converted, setConverted] = useState<{ name: string; conversion: ConversionSummary } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return q === '' ? designs : designs.filter((d) => d.name.toLocaleLowerCase().includes(q));
  }, [designs, query]);
  const target = visible.find((d) => d.id === highlighted) ?? visible.find((d) => d.id === currentId);

  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await readText(file);
    } catch (error) {
      setImportProblems({ file: file.name, problems: [{ path: [], code: 'unreadable-file', message: `The file could not be read (${error instanceof Error ? error.message : String(error)}).` }] });
      return;
    }
    const result = await library.importAsNew(text);
    // A storage failure comes back with no problems: the library has already said so in the message bar.
    setImportProblems(result.ok || result.problems.length === 0 ? null : { file: file.name, problems: result.problems });
    if (result.ok && result.conversion) setConverted({ name: result.name, conversion: result.conversion });
  };
  const exportDesign = async (id: string): Promise<void> => {
    const out = await library.exportJson(id);
    if (out) downloadBlob(new Blob([out.json], { type: 'application/json' }), out.fileName);
  };

  return (
    <section className="panel designs" aria-label="Designs">
      <div className="designs-head">
        <h2 className="panel-title">Designs</h2>
        <SaveStatus library={library} />
      </div>
      <div className="designs-row designs-actions">
        <button type="button" onClick={() => library.setGallery(true)}>
          New design
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} title="Import a workflow file (Baton, or an n8n workflow export) as a new design; the open design stays as it is">
          Import as new
        </button>
        {/* onFile and exportDesign never reject: problems show in the alert below, library failures in the message bar. */}
        <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(e) => void onFile(e)} data-testid="import-design-file" />
        <button type="button" aria-pressed={view === 'trash'} onClick={() => setView(view === 'trash' ? 'designs' : 'trash')}>
          Trash{trash.length > 0 ? ` (${trash.length})` : ''}
        </button>
        <button type="button" onClick={() => setSettings(true)} title="Storage used by Baton in this browser">
          Settings
        </button>
      </div>
      {converted && <ConversionReportDialog name={converted.name} conversion={converted.conversion} onClose={() => setConverted(null)} />}
      {importProblems && (
        <div className="designs-problems" role="alert">
          <p>
            “{importProblems.file}” was not imported; nothing was changed. Fix these and import again:
          </p>
          <ul>
            {importProblems.problems.slice(0, 50).map((p, i) => (
              <li key={i}>{formatProblem(p)}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setImportProblems(null)}>
            Dismiss
          </button>
        </div>
      )}
      {view === 'trash' ? (
        <TrashList library={library} now={now} />
      ) : (
        <>
          <input type="search" className="designs-search" aria-label="Search designs" placeholder="Search designs" value={query} onChange={(e) => setQuery(e.target.value)} />
          <div className="designs-row designs-actions">
            <button type="button" disabled={!target} onClick={() => target && setRenaming(target.id)}>
              Rename
            </button>
            <button type="button" disabled={!target} onClick={() => target && void library.duplicate(target.id)}>
              Duplicate
            </button>
            <button type="button" disabled={!target} onClick={() => target && void library.moveToTrash(target.id)}>
              Delete
            </button>
            <button type="button" disabled={!target} onClick={() => target && void exportDesign(target.id)} aria-label="Export design">
              Export
            </button>
          </div>
          {visible.length === 0 ? (
            <p className="muted">{designs.length === 0 ? 'No stored designs yet: your first edit stores this one.' : 'No design matches.'}</p>
          ) : (
            <DesignList
              designs={visible}
              currentId={currentId}
              highlighted={target?.id ?? null}
              renaming={renaming}
              now={now}
              onHighlight={setHighlighted}
              onOpen={(id) => void library.open(id)}
              onRename={(id, name) => {
                setRenaming(null);
                if (name !== null) void library.rename(id, name);
              }}
            />
          )}
          <VersionsSection library={library} now={now} />
        </>
      )}
      <TemplateGallery library={library} />
      <DeletedToast library={library} />
      <CompareHighlights library={library} />
      {settings && <StorageDialog library={library} onClose={() => setSettings(false)} />}
    </section>
  );
}
