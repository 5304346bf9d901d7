/** "Saved", "Saving…" or "Not saved: why", announced politely as it changes. */
import { saveStatusText, selectSave } from '../../store/library-store.ts';
import { useLibraryState, type DesignLibrary } from './designs-services.tsx';

export function SaveStatus({ library }: { library: DesignLibrary }) {
  const save = useLibraryState(library, selectSave);
  const bad = save.state === 'error' || save.state === 'conflict' || save.state === 'memory';
  return (
    <span role="status" aria-label="Save status" className={`designs-status designs-status--${bad ? 'bad' : save.state}`}>
      {saveStatusText(save)}
    </span>
  );
}
