/**
 * The Simulation region (interfaces.md): run settings and the buttons "Run", "Cancel", "Step", "Play", "Pause"
 * always in view, then three views: Batch (the last report), Debug (one case on the canvas) and What-if
 * (A/B comparison and a parameter sweep). Runs go through SimulationServices (src/app); results come back
 * through the simulation store, never through the document.
 */
import { useEffect, useRef, useState } from 'react';
import { outOfRange } from '../../domain/out-of-range.ts';
import type { Workflow } from '../../domain/index.ts';
import { selectDocIgnoringMoves } from '../../store/selectors.ts';
import { selectDebug, selectExpanded, selectFocusRequest, selectPoolBusy, selectTab, type SimulationTab } from '../../store/simulation-store.ts';
import { useEditorStore } from '../editor-context.tsx';
import { lazyView } from '../lazy-view.tsx';
import { BatchView } from '../simulation/BatchView.tsx';
import { EdgeSimStyles } from '../simulation/EdgeSimStyles.tsx';
import { draftOf, firstScenarioId, NumberFields, ScenarioSelect, settingsFor, settingsFromDraft, type SettingsDraft } from '../simulation/RunSettingsFields.tsx';
import { useSimulationServices, useSimulationState, type SimulationServices } from '../simulation/simulation-services.tsx';
import '../simulation/simulation.css';

// Loaded when their tab is first shown: the first page does not need them (docs/architecture.md, "First load").
const DebugView = lazyView(() => import('../simulation/DebugView.tsx').then((m) => m.DebugView));
const WhatIfView = lazyView(() => import('../simulation/WhatIfView.tsx').then((m) => m.WhatIfView));

const TABS: readonly { id: SimulationTab; label: string }[] = [
  { id: 'batch', label: 'Batch' },
  { id: 'debug', label: 'Debug' },
  { id: 'what-if', label: 'What-if' },
];

export function SimulationPanel() {
  const services = useSimulationServices();
  if (!services) {
    return (
      <section className="panel" aria-label="Simulation">
        <h2 className="panel-title">Simulation</h2>
        <p className="muted">The simulator is not available in this window.</p>
      </section>
    );
  }
  return <SimulationPanelBody services={services} />;
}

/** Keep the chosen scenario valid as the document's scenarios change; reset the numbers when it changes. */
function useRunSettings(doc: Workflow) {
  // The choice belongs to one design: opening another starts from its first scenario (what the CLI runs).
  const [choice, setChoice] = useState<{ doc: string; scenarioId: string | null }>(() => ({ doc: doc.id, scenarioId: firstScenarioId(doc) }));
  const scenarioId = choice.doc === doc.id ? choice.scenarioId : firstScenarioId(doc);
  const valid = scenarioId === null || doc.scenarios?.some((s) => s.id === scenarioId) === true ? scenarioId : firstScenarioId(doc);
  const [draft, setDraft] = useState<{ for: string | null; doc: string; values: SettingsDraft } | null>(null);
  const values = draft && draft.for === valid && draft.doc === doc.id ? draft.values : draftOf(settingsFor(doc, valid));
  const parsed = settingsFromDraft(valid, values);
  const blocked = cannotRun(doc, valid);
  return {
    scenarioId: valid,
    setScenarioId: (id: string | null) => {
      setChoice({ doc: doc.id, scenarioId: id });
      setDraft(null);
    },
    draft: values,
    setDraft: (v: SettingsDraft) => setDraft({ for: valid, doc: doc.id, values: v }),
    settings: 'invalid' in parsed || blocked ? null : parsed,
    invalid: blocked ?? ('invalid' in parsed ? parsed.invalid : null),
    blocked: blocked !== null,
  };
}

/**
 * Why the simulator must not run the design as it stands, or null. The inspector keeps a value out of range in
 * the document (shown as invalid where it was typed), and the engine would compute with it: a reviewer hour at
 * -28 gave a cost per case of "$-2.96", beside the score card's "not estimated". `baton simulate` refuses such a
 * file; the panel says why instead of running, with the sentence the estimate gives (domain/out-of-range.ts).
 */
function cannotRun(doc: Workflow, scenarioId: string | null): string | null {
  const scenario = scenarioId === null ? undefined : doc.scenarios?.find((s) => s.id === scenarioId);
  const bad = outOfRange(doc, scenario ?? {});
  const why = bad.all ?? bad.cost;
  return why === undefined ? null : `Cannot simulate until this is fixed: ${why}.`;
}

function SimulationPanelBody({ services }: { services: SimulationServices }) {
  // The simulator ignores positions: a drag must not re-render the panel and its views every frame.
  const doc = useEditorStore(selectDocIgnoringMoves);
  const tab = useSimulationState(services, selectTab);
  const expanded = useSimulationState(services, selectExpanded);
  const focusRequest = useSimulationState(services, selectFocusRequest);
  const busy = useSimulationState(services, selectPoolBusy);
  const debug = useSimulationState(services, selectDebug);
  const run = useRunSettings(doc);
  const heading = useRef<HTMLHeadingElement>(null);
  const sim = services.store.getState();

  useEffect(() => {
    if (focusRequest === 0) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [focusRequest]);

  const hasTrigger = doc.nodes.some((n) => n.kind === 'trigger');
  const ensureDebug = (): boolean => {
    if (!run.settings || !hasTrigger) return false;
    if (services.store.getState().debug.status === 'off') services.startDebug(doc, run.scenarioId, run.settings.seed, 1);
    sim.setTab('debug');
    return true;
  };

  return (
    <section className={`panel sim-panel${expanded ? ' is-expanded' : ''}`} aria-label="Simulation">
      <EdgeSimStyles services={services} />
      <div className="sim-head">
        <h2 className="panel-title" ref={heading} tabIndex={-1}>
          Simulation
        </h2>
        <div className="sim-controls" role="group" aria-label="Run settings">
          <ScenarioSelect doc={doc} value={run.scenarioId} onChange={run.setScenarioId} />
          <NumberFields draft={run.draft} onChange={run.setDraft} />
          <button
            type="button"
            className="sim-primary"
            disabled={!run.settings || busy || !hasTrigger}
            onClick={() => {
              if (!run.settings) return;
              services.runBatch(doc, run.settings);
              sim.setTab('batch');
            }}
          >
            Run
          </button>
          <button type="button" disabled={!busy} onClick={() => services.cancel()}>
            Cancel
          </button>
          <span className="sim-sep" />
          <button type="button" disabled={run.blocked || debug.status === 'done' || debug.status === 'playing'} onClick={() => ensureDebug() && services.step()} title="Next simulated event of one case">
            Step
          </button>
          <button type="button" disabled={run.blocked || debug.status === 'done' || debug.status === 'playing'} onClick={() => ensureDebug() && services.play()}>
            Play
          </button>
          <button type="button" disabled={debug.status !== 'playing'} onClick={() => services.pause()}>
            Pause
          </button>
          <button type="button" aria-pressed={expanded} onClick={() => sim.setExpanded(!expanded)} title="Give the panel more room">
            {expanded ? 'Shrink panel' : 'Expand panel'}
          </button>
        </div>
        {run.invalid && (
          <p className="sim-error" role="alert">
            {run.invalid}
          </p>
        )}
        {!hasTrigger && <p className="muted">Add a Trigger: cases start there.</p>}
      </div>
      <div role="tablist" aria-label="Simulation views" className="sim-tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`sim-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`sim-tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => sim.setTab(t.id)}
            onKeyDown={(e) => {
              const i = TABS.findIndex((x) => x.id === tab);
              const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
              if (next) sim.setTab(next.id);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`sim-tabpanel-${tab}`} aria-labelledby={`sim-tab-${tab}`} className="sim-tabpanel">
        {tab === 'batch' && <BatchView services={services} doc={doc} />}
        {tab === 'debug' && <DebugView services={services} doc={doc} />}
        {tab === 'what-if' && <WhatIfView services={services} doc={doc} settings={run.settings} />}
      </div>
    </section>
  );
}
