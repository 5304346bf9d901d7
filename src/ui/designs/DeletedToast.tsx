/** "Deleted X. Undo": a deletion is one click away from being taken back, for a few seconds in the toast, then in Trash. */
import { useEffect } from 'react';
import { selectDeleted } from '../../store/library-store.ts';
import { useLibraryState, type DesignLibrary } from './designs-services.tsx';

const TOAST_MS = 10_000;

export function DeletedToast({ library }: { library: DesignLibrary }) {
  const deleted = useLibraryState(library, selectDeleted);
  useEffect(() => {
    if (!deleted) return;
    const t = setTimeout(() => library.dismissDeleted(), TOAST_MS);
    return () => clearTimeout(t);
  }, [deleted, library]);
  if (!deleted) return null;
  return (
    <div className="designs-toast" role="status">
      <span>Deleted {deleted.name}.</span>
      <button type="button" onClick={() => void library.restoreFromTrash(deleted.id)}>
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={() => library.dismissDeleted()}>
        ×
      </button>
    </div>
  );
}
