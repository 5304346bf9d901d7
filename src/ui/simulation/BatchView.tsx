/** Batch mode: progress of the running batch, the last report, export, heat overlay and saving the run. */
import { useDeferredValue, useState } from 'react';
import type { Workflow } from '../../domain/index.ts';
import { selectBatch, selectHeat, type RunProgress, type RunStatus } from '../../store/simulation-store.ts';
import { downloadBlob, slugify } from '../download.ts';
import { lazyView } from '../lazy-view.tsx';
import { resultsCsv, resultsJson } from './export-results.ts';
import { SavedRuns, savedAtText } from './SavedRuns.tsx';
import { formatTimeLeft } from './sim-format.ts';
import { useSimulationState, type SimulationServices } from './simulation-services.tsx';
import { StoppingOutcome } from './StoppingOutcome.tsx';

// The results (tables, charts) load with the first report: the first page has none to show.
const BatchResults = lazyView(() => import('./BatchResults.tsx').then((m) => m.BatchResults));

/** Progress of a run in the pool, with time left (the panel's one Cancel button stops it). */
export function RunProgressBar({ label, progress }: { label: string; progress: RunProgress }) {
  const pct = Math.round(progress.fraction * 100);
  return (
    <div className="sim-progress">
      <div className="sim-progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}%`}>
        <div className="sim-progress__fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="sim-progress__text" aria-live="polite">
        {pct}% · {formatTimeLeft(progress.secondsLeft)}
      </span>
    </div>
  );
}

export function statusLine(status: RunStatus, error: string | null, what: string): string | null {
  if (status === 'cancelled') return `${what} cancelled.`;
  if (status === 'error') return `${what} failed: ${error ?? 'unknown error'}`;
  return null;
}

export function BatchView({ services, doc }: { services: SimulationServices; doc: Workflow }) {
  const batch = useSimulationState(services, selectBatch);
  const heat = useSimulationState(services, selectHeat);
  const deferredBatch = useDeferredValue(batch);
  const [saved, setSaved] = useState<string | null>(null);
  const r = batch.report;
  const base = `${slugify(batch.designName ?? doc.name)}-${r?.scenario ?? 'run'}-seed${r?.seed ?? 0}`;
  // A reopened saved run is already stored.
  const save = batch.savedAt === undefined ? services.saveLastRun : undefined;
  const line = statusLine(batch.status, batch.error, 'Batch');
  return (
    <div className="sim-view">
      {batch.status === 'running' && batch.progress && <RunProgressBar label="Batch progress" progress={batch.progress} />}
      {line && (
        <p role="status" className={batch.status === 'error' ? 'sim-error' : 'muted'}>
          {line}
        </p>
      )}
      {!r && batch.status !== 'running' && <p className="muted">Run the scenario to see success, cycle time, cost and where cases fail, with 95% intervals.</p>}
      {r && batch.savedAt !== undefined && batch.status === 'done' && <p role="status">Saved run of {savedAtText(batch.savedAt)}.</p>}
      <StoppingOutcome report={r} />
      {r && (
        <div className="sim-actions">
          <button type="button" onClick={() => downloadBlob(new Blob([resultsJson(batch)], { type: 'application/json' }), `${base}.json`)}>
            Export results
          </button>
          <button type="button" onClick={() => downloadBlob(new Blob([resultsCsv(r)], { type: 'text/csv' }), `${base}.csv`)}>
            Export CSV
          </button>
          <label className="sim-check">
            <input type="checkbox" checked={heat} onChange={(e) => services.store.getState().setHeat(e.target.checked)} />
            Failure heat on canvas
          </label>
          {save && (
            <button
              type="button"
              onClick={() => {
                setSaved('Saving…');
                save().then(
                  () => setSaved('Run saved with the design'),
                  (e: unknown) => setSaved(`Not saved: ${e instanceof Error ? e.message : String(e)}`),
                );
              }}
            >
              Save run
            </button>
          )}
          {saved && <span role="status">{saved}</span>}
        </div>
      )}
      {/* A deferred render is time-sliced by React: a big report never blocks the page in one long task. */}
      <BatchResults batch={deferredBatch} doc={doc} />
      <SavedRuns services={services} doc={doc} />
    </div>
  );
}
