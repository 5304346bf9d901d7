/** Designs in the trash, latest deleted first, each with Restore. They are purged 30 days after deletion. */
import { selectTrash } from '../../store/library-store.ts';
import { useLibraryState, type DesignLibrary } from './designs-services.tsx';
import { relativeTime } from './relative-time.ts';

export function TrashList({ library, now }: { library: DesignLibrary; now: number }) {
  const trash = useLibraryState(library, selectTrash);
  return (
    <div className="designs-trash">
      <p className="muted">Deleted designs are kept here for 30 days.</p>
      {trash.length === 0 ? (
        <p className="muted">The trash is empty.</p>
      ) : (
        <ul aria-label="Trash" className="designs-plain-list">
          {trash.map((d) => (
            <li key={d.id} className="designs-item">
              <span className="designs-item__name">{d.name}</span>
              <span className="designs-item__meta">deleted {relativeTime(d.deletedAt ?? d.updatedAt, now)}</span>
              <button type="button" onClick={() => void library.restoreFromTrash(d.id)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
