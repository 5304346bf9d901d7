/**
 * Versions of the open design: save one with a name, see the automatic ones taken before risky operations,
 * restore one (one undo step; what was there is kept as "Before restoring a version"), and compare two versions
 * or a version with the current design.
 */
import { useState } from 'react';
import { selectCurrentId, selectVersions } from '../../store/library-store.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { useLibraryState, type DesignLibrary } from './designs-services.tsx';
import { relativeTime } from './relative-time.ts';
import { countOf } from '../plural.ts';

export function VersionsSection({ library, now }: { library: DesignLibrary; now: number }) {
  const versions = useLibraryState(library, selectVersions);
  const currentId = useLibraryState(library, selectCurrentId);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<readonly string[]>([]);
  const toggle = (id: string): void => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const save = (): void => {
    // The library reports a failed save itself (DesignLibrary's actions never reject).
    void library.saveVersion(name);
    setName('');
  };
  const [a, b] = picked;
  return (
    <section className="designs-versions" aria-label="Versions">
      <h3 className="panel-title">Versions</h3>
      <form
        className="designs-row"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <input aria-label="Version name" placeholder="Version name" value={name} onChange={(e) => setName(e.target.value)} disabled={!currentId} />
        <button type="submit" disabled={!currentId}>
          Save version
        </button>
      </form>
      {versions.length > 0 && (
        <>
          <ul className="designs-plain-list" aria-label="Saved versions">
            {versions.map((v) => (
              <li key={v.id} className={`designs-version${v.reason === 'manual' ? '' : ' is-automatic'}`}>
                <label className="designs-version__pick">
                  <input type="checkbox" checked={picked.includes(v.id)} onChange={() => toggle(v.id)} aria-label={`Select ${v.name} for comparison`} />
                  <span className="designs-item__name">{v.name}</span>
                </label>
                <span className="designs-item__meta">
                  <time dateTime={new Date(v.createdAt).toISOString()}>{relativeTime(v.createdAt, now)}</time> · {countOf(v.summary.nodeCount, 'step')}
                </span>
                <span className="designs-row">
                  <button type="button" onClick={() => void library.compare(v.id)} aria-label={`Compare ${v.name} with the current design`}>
                    Compare
                  </button>
                  <button type="button" onClick={() => void library.restoreVersion(v.id)} aria-label={`Restore ${v.name}`}>
                    Restore
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <button type="button" disabled={!a || !b} onClick={() => a && b && void library.compare(a, b)}>
            Compare selected
          </button>
        </>
      )}
      <ComparisonView library={library} />
    </section>
  );
}
