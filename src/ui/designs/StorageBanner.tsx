/**
 * The banners that must not be missed: storage unavailable (memory mode), reload needed (a newer Baton took the
 * database), a design that no longer opens, and another tab's save meeting this tab's unsaved work. Each offers
 * the way out: Export JSON, Reload, or the two conflict choices, neither of which loses either side's work.
 */
import { selectBanner, selectConflict } from '../../store/library-store.ts';
import { downloadBlob } from '../download.ts';
import { useDesignLibrary, useLibraryState, type DesignLibrary } from './designs-services.tsx';

function exportCurrentDesign(library: DesignLibrary): void {
  const { fileName, json } = library.exportCurrent();
  downloadBlob(new Blob([json], { type: 'application/json' }), fileName);
}

export function StorageBanner() {
  const library = useDesignLibrary();
  return library ? <Banners library={library} /> : null;
}

function Banners({ library }: { library: DesignLibrary }) {
  const banner = useLibraryState(library, selectBanner);
  const conflict = useLibraryState(library, selectConflict);
  return (
    <>
      {banner && (
        <div className={`designs-banner designs-banner--${banner.kind}`} role="alert">
          <span>{banner.kind === 'memory' ? `Not saving: ${banner.text.charAt(0).toLowerCase()}${banner.text.slice(1)}` : banner.text}</span>
          <button type="button" onClick={() => exportCurrentDesign(library)}>
            Export JSON
          </button>
          {banner.kind === 'reload' && (
            <button type="button" onClick={() => window.location.reload()}>
              Reload
            </button>
          )}
        </div>
      )}
      {conflict && (
        <div className="designs-banner designs-banner--conflict" role="alert">
          <span>
            {conflict.deleted
              ? 'This design was deleted in another tab. Your changes here are not saved yet.'
              : 'This design was changed in another tab while you were editing it here. Your changes are not saved yet.'}
          </span>
          {!conflict.deleted && (
            <button type="button" onClick={() => void library.loadTheirs()}>
              Load theirs
            </button>
          )}
          <button type="button" onClick={() => void library.keepMineAsCopy()}>
            Keep mine as a copy
          </button>
        </div>
      )}
    </>
  );
}
