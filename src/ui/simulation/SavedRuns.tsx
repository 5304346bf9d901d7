/**
 * The runs kept with the open design ("Save run"), newest first: open one to see its report in the Batch view
 * again (KPIs, heat, export), or delete it. Read when the view shows and whenever another design is opened.
 */
import { useEffect } from 'react';
import type { Workflow } from '../../domain/index.ts';
import { selectSavedRuns, type SavedRunItem } from '../../store/simulation-store.ts';
import { useEditorStore } from '../editor-context.tsx';
import { formatCount, formatPercent } from './sim-format.ts';
import { useSimulationState, type SavedRunsService, type SimulationServices } from './simulation-services.tsx';

/** "6 Dec, 14:05": saved runs are often minutes apart, so the time of day matters more than "5 min ago". */
export function savedAtText(at: number): string {
  return new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function scenarioName(doc: Workflow, id: string): string {
  return doc.scenarios?.find((s) => s.id === id)?.name ?? (id === 'default' ? 'Default scenario' : id);
}

function describe(run: SavedRunItem, doc: Workflow): string {
  const parts = [scenarioName(doc, run.scenarioId)];
  if (run.shape) {
    parts.push(`${formatCount(run.shape.cases)} cases × ${run.shape.replications}, seed ${run.shape.seed}`);
    if (run.shape.successRate !== null) parts.push(`success ${formatPercent(run.shape.successRate)}`);
  }
  return parts.join(' · ');
}

export function SavedRuns({ services, doc }: { services: SimulationServices; doc: Workflow }) {
  const saved = services.savedRuns;
  return saved ? <SavedRunsList services={services} saved={saved} doc={doc} /> : null;
}

function SavedRunsList({ services, saved, doc }: { services: SimulationServices; saved: SavedRunsService; doc: Workflow }) {
  const state = useSimulationState(services, selectSavedRuns);
  // Counts the designs the editor opened: each has its own runs.
  const opened = useEditorStore((s) => s.loadCount);
  useEffect(() => saved.refresh(), [saved, opened]);
  return (
    <section className="sim-section" aria-label="Saved runs">
      <h3>Saved runs</h3>
      {state.error && (
        <p role="alert" className="sim-error">
          {state.error}
        </p>
      )}
      {state.status === 'ready' && state.items.length === 0 && <p className="muted">None yet: “Save run” keeps a batch with this design.</p>}
      {state.items.length > 0 && (
        <ul className="sim-saved-runs" aria-label="Saved runs of this design">
          {state.items.map((run) => {
            const when = savedAtText(run.createdAt);
            return (
              <li key={run.id}>
                <span>
                  <time dateTime={new Date(run.createdAt).toISOString()}>{when}</time> · {describe(run, doc)}
                </span>{' '}
                <button type="button" onClick={() => saved.open(run.id)} aria-label={`Open the run saved ${when}`}>
                  Open
                </button>{' '}
                <button type="button" onClick={() => saved.remove(run.id)} aria-label={`Delete the run saved ${when}`}>
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
