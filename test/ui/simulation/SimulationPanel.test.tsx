// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault, Workflow } from '../../../src/domain/index.ts';
import { createEditorStore } from '../../../src/store/editor-store.ts';
import { createSimulationStore, type BatchSettings, type SimReport, type SimulationStore, type SweepParam } from '../../../src/store/simulation-store.ts';
import { EditorStoreProvider } from '../../../src/ui/editor-context.tsx';
import { SimulationPanel } from '../../../src/ui/panels/SimulationPanel.tsx';
import { resultsCsv } from '../../../src/ui/simulation/export-results.ts';
import { SimulationServicesProvider, type SimulationServices } from '../../../src/ui/simulation/simulation-services.tsx';
import { nodeFixture, reportFixture, retryFallbackDoc } from './sim-fixtures.ts';

afterEach(cleanup);

type Call = [string, ...unknown[]];

/** Records every call; the test plays the controller's part by writing the store. */
function fakeServices(store: SimulationStore = createSimulationStore()): SimulationServices & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    store,
    calls,
    runBatch: (doc: Workflow, s: BatchSettings) => void calls.push(['runBatch', doc.id, s]),
    cancel: () => void calls.push(['cancel']),
    startDebug: (_doc, scenarioId, seed, cases) => {
      calls.push(['startDebug', scenarioId, seed, cases]);
      store.setState({ debug: { ...store.getState().debug, status: 'paused' } });
    },
    stopDebug: () => void calls.push(['stopDebug']),
    step: () => void calls.push(['step']),
    play: () => void calls.push(['play']),
    pause: () => void calls.push(['pause']),
    setSpeed: (v) => void calls.push(['setSpeed', v]),
    toggleNodeBreakpoint: (id) => void calls.push(['toggleNodeBreakpoint', id]),
    toggleCondition: (c) => void calls.push(['toggleCondition', c]),
    injectFault: (f: Fault) => (calls.push(['injectFault', f]), null),
    forceBranch: (n, e) => (calls.push(['forceBranch', n, e]), null),
    backToCheckpoint: () => (calls.push(['backToCheckpoint']), true),
    compare: (_d, a, b, s) => void calls.push(['compare', a, b, s]),
    sweep: (_d, p: SweepParam, values, s) => void calls.push(['sweep', p, values, s]),
  };
}

const kpi = (mean: number, half = 0.01) => ({ mean, ci95: [mean - half, mean + half] as const });

const REPORT: SimReport = reportFixture({
  scenario: 'base',
  seed: 7,
  cases: 200,
  replications: 4,
  events: 5000,
  kpis: {
    successRate: kpi(0.934),
    failedRate: kpi(0.02),
    cycleSecondsP95: kpi(95, 5),
    costPerCase: kpi(0.125, 0.01),
    humanHoursPerDay: kpi(3.5, 0.2),
    leverage: { mean: null, ci95: null },
  },
  outcomeMix: { success: 747, rejected: 0, escalated: 0, error: 0, failed: 16, stuck: 37 },
  histogram: { edges: [1, 1.58, 2.51, 3.98], counts: [100, 500, 200] },
  nodes: {
    fetch: nodeFixture({ kind: 'tool', visits: 800, reachedShare: 1, failures: { timeout: 1600 }, fallbacks: 800 }),
    review: nodeFixture({
      kind: 'human',
      visits: 240,
      reachedShare: 0.3,
      failures: {},
      caseFailures: 0,
      stuck: 0,
      costPerCase: 0.1,
      fallbacks: 0,
      gate: { arrivals: 240, meanQueueLength: 0.4, meanWaitSeconds: 120, utilisation: 0.42, slaBreaches: 3, timeouts: 0, reviewerHoursPerDay: 3.5 },
    }),
  },
  costByNode: [{ node: 'review', costPerCase: 0.1, share: 1 }],
  rarelyReached: [],
  hypothesis: [{ metric: 'successRate', op: '>=', value: 0.95, actual: 0.934, pass: false }],
});

function renderPanel(services = fakeServices(), doc = retryFallbackDoc()) {
  const editor = createEditorStore(doc);
  render(
    <EditorStoreProvider store={editor}>
      <SimulationServicesProvider services={services}>
        <SimulationPanel />
      </SimulationServicesProvider>
    </EditorStoreProvider>,
  );
  return { services, editor, region: screen.getByRole('region', { name: 'Simulation' }) };
}

describe('SimulationPanel', () => {
  it('runs the first scenario with its own numbers, and lets the person override them', async () => {
    const user = userEvent.setup();
    const { services, region } = renderPanel();
    await user.click(within(region).getByRole('button', { name: 'Run' }));
    expect(services.calls[0]).toEqual(['runBatch', 'wf_retry_fallback', { scenarioId: 'base', cases: 200, replications: 4, seed: 7 }]);
    const cases = within(region).getByLabelText('Cases');
    await user.clear(cases);
    await user.type(cases, '0');
    expect(within(region).getByRole('alert')).toHaveTextContent('Cases must be a whole number');
    expect(within(region).getByRole('button', { name: 'Run' })).toBeDisabled();
    await user.clear(cases);
    await user.type(cases, '5000');
    await user.selectOptions(within(region).getByLabelText('Scenario'), 'Busy');
    // A different scenario starts from its own numbers again.
    expect(within(region).getByLabelText('Cases')).toHaveValue('200');
    // The no-scenario option says what it runs, and no run numbers that the fields beside it may contradict.
    const none = within(within(region).getByLabelText('Scenario')).getByRole('option', { name: 'Default (profile arrivals, no faults)' });
    await user.selectOptions(within(region).getByLabelText('Scenario'), none);
    await user.clear(within(region).getByLabelText('Cases'));
    await user.type(within(region).getByLabelText('Cases'), '5000');
    expect(within(region).getByLabelText('Scenario')).not.toHaveTextContent(/1,000 cases/);
  });

  it('does not run a design holding a value out of range: it says which step and field, and runs once it is fixed', async () => {
    const user = userEvent.setup();
    const base = retryFallbackDoc();
    // What the inspector keeps when a person types -1 as a cost: shown as invalid there, stored as typed.
    const fallbackStub = (costPerCall: number) => ({ latency: { type: 'fixed' as const, value: 1 }, outcomes: { ok: 1 }, costPerCall });
    const doc: Workflow = { ...base, nodes: base.nodes.map((n) => (n.id === 'fallback' && n.kind === 'tool' ? { ...n, stub: fallbackStub(-1) } : n)) };
    const { services, editor, region } = renderPanel(fakeServices(), doc);
    expect(within(region).getByRole('alert')).toHaveTextContent("Cannot simulate until this is fixed: 'Fallback lookup' has cost per call below 0");
    for (const name of ['Run', 'Step', 'Play']) expect(within(region).getByRole('button', { name })).toBeDisabled();
    await user.click(within(region).getByRole('button', { name: 'Run' }));
    expect(services.calls).toEqual([]);
    act(() => editor.getState().updateNode('fallback', (n) => (n.kind === 'tool' ? { ...n, stub: fallbackStub(0.01) } : n)));
    expect(within(region).queryByRole('alert')).toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Run' }));
    expect(services.calls[0]?.[0]).toBe('runBatch');
  });

  it('the stopping rule is one checkbox: the run asks for it, and the result says how many replications it took', async () => {
    const user = userEvent.setup();
    const { services, region } = renderPanel();
    const until = within(region).getByRole('checkbox', { name: 'Until precise' });
    expect(until).toHaveAccessibleDescription(/within ±5% of its mean; at most 200/);
    await user.click(until);
    await user.click(within(region).getByRole('button', { name: 'Run' }));
    expect(services.calls[0]).toEqual(['runBatch', 'wf_retry_fallback', { scenarioId: 'base', cases: 200, replications: 4, seed: 7, stopping: {} }]);
    const stopped = { ...REPORT, replications: 37, stopping: { kpi: 'successRate' as const, relativeHalfWidth: 0.05, maxReplications: 200, halfWidth: 0.012, met: true } };
    act(() => services.store.setState({ batch: { status: 'done', progress: null, error: null, report: stopped, settings: null, designName: null, estimate: null } }));
    expect(within(region).getByTestId('stopping-outcome')).toHaveTextContent('Stopped after 37 replications: success 93.4% ±1.2 points, within 5% of its mean.');
    act(() => services.store.setState({ batch: { ...services.store.getState().batch, report: { ...stopped, replications: 200, stopping: { ...stopped.stopping, halfWidth: 0.08, met: false } } } }));
    expect(within(region).getByTestId('stopping-outcome')).toHaveTextContent('Stopped at the cap of 200 replications');
  });

  it('lists the saved runs of the design, opens and deletes them; a reopened run is not saved again', async () => {
    const user = userEvent.setup();
    const services = fakeServices();
    const opened: string[] = [];
    const removed: string[] = [];
    let refreshed = 0;
    const withRuns: typeof services = {
      ...services,
      saveLastRun: async () => undefined,
      savedRuns: { refresh: () => void refreshed++, open: (id) => void opened.push(id), remove: (id) => void removed.push(id) },
    };
    const { region, editor } = renderPanel(withRuns);
    expect(refreshed).toBe(1);
    act(() =>
      services.store.setState({
        savedRuns: { status: 'ready', error: null, items: [{ id: 'r1', scenarioId: 'base', createdAt: Date.UTC(2026, 11, 6, 14, 5), shape: { cases: 200, replications: 4, seed: 7, successRate: 0.934 } }] },
      }),
    );
    const list = within(region).getByRole('list', { name: 'Saved runs of this design' });
    expect(list).toHaveTextContent('Base · 200 cases × 4, seed 7 · success 93.4%');
    await user.click(within(list).getByRole('button', { name: /^Open the run saved/ }));
    await user.click(within(list).getByRole('button', { name: /^Delete the run saved/ }));
    expect(opened).toEqual(['r1']);
    expect(removed).toEqual(['r1']);
    act(() => services.store.setState({ batch: { status: 'done', progress: null, error: null, report: REPORT, settings: null, designName: null, estimate: null, savedAt: Date.UTC(2026, 11, 6, 14, 5) } }));
    expect(within(region).getByText(/^Saved run of /)).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Save run' })).toBeNull();
    // Opening another design reads its runs.
    act(() => editor.getState().loadDocument(retryFallbackDoc()));
    expect(refreshed).toBe(2);
  });

  it('shows progress with time left while running, and Cancel', async () => {
    const user = userEvent.setup();
    const { services, region } = renderPanel();
    act(() => services.store.setState({ batch: { ...services.store.getState().batch, status: 'running', progress: { fraction: 0.42, secondsLeft: 12 } } }));
    const bar = within(region).getByRole('progressbar', { name: 'Batch progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '42');
    expect(region).toHaveTextContent('About 12 s left');
    expect(within(region).getByRole('button', { name: 'Run' })).toBeDisabled();
    await user.click(within(region).getByRole('button', { name: 'Cancel' }));
    expect(services.calls).toContainEqual(['cancel']);
  });

  it('shows every KPI with data-kpi, the estimate beside it, gates, failures and the hypothesis', async () => {
    const services = fakeServices(
      createSimulationStore({
        batch: { status: 'done', progress: null, error: null, report: REPORT, settings: null, designName: 'Retry and fallback', estimate: { success: 0.8, silentError: 0, p50Seconds: 3, p95Seconds: 93, meanSeconds: 10, costPerCase: 0.125 } },
      }),
    );
    const { region } = renderPanel(services);
    // The results load with the first report.
    await waitFor(() => expect(region.querySelector('[data-kpi="successRate"]')).not.toBeNull());
    const success = region.querySelector('[data-kpi="successRate"]');
    expect(success).toHaveTextContent('93.4%');
    expect(success).toHaveTextContent('95% CI 92.4% – 94.4%');
    expect(region.querySelector('[data-kpi="cycleSecondsP95"]')).toHaveTextContent('1.58 min');
    expect(region.querySelector('[data-kpi="costPerCase"]')).toHaveTextContent('$0.13');
    expect(region.querySelector('[data-kpi="leverage"]')).toHaveTextContent('n/a');
    expect(region.querySelectorAll('[data-kpi]').length).toBeGreaterThanOrEqual(16);
    // The closed-form success (80%) is outside the simulated interval; p95 (93 s) is inside.
    expect(region.querySelector('[data-estimate="successRate"]')).toHaveTextContent('outside the interval');
    expect(region.querySelector('[data-estimate="cycleSecondsP95"]')).toHaveTextContent('within the interval');
    expect(within(region).getByRole('table', { name: 'Human gates' })).toHaveTextContent('42%');
    expect(within(region).getByRole('table', { name: 'Failures by node and error type' })).toHaveTextContent('Fetch recordtimeout1,600');
    expect(within(region).getByRole('list', { name: 'Hypothesis' })).toHaveTextContent('fail');
    expect(within(region).getByRole('img', { name: /Outcome mix: success 93.4%/ })).toBeInTheDocument();
    expect(within(region).getByRole('img', { name: /Cycle-time histogram/ })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Export results' })).toBeEnabled();
  });

  it('toggles the failure heat overlay', async () => {
    const user = userEvent.setup();
    const services = fakeServices(createSimulationStore({ batch: { status: 'done', progress: null, error: null, report: REPORT, settings: null, designName: 'x', estimate: null } }));
    const { region } = renderPanel(services);
    await user.click(within(region).getByLabelText('Failure heat on canvas'));
    expect(services.store.getState().heat).toBe(true);
  });

  it('starts a debug session on Step, and drives breakpoints, faults and branches', async () => {
    const user = userEvent.setup();
    const { services, region } = renderPanel();
    await user.click(within(region).getByRole('button', { name: 'Step' }));
    expect(services.calls.slice(0, 2)).toEqual([['startDebug', 'base', 7, 1], ['step']]);
    expect(within(region).getByRole('tab', { name: 'Debug' })).toHaveAttribute('aria-selected', 'true');
    act(() => services.store.setState({ debug: { ...services.store.getState().debug, nodes: { fetch: 'retrying' }, eventCount: 3, checkpoints: 1, log: [{ seq: 2, time: 3, caseId: 0, nodeId: 'fetch', type: 'retry', detail: { delaySeconds: 1 } }] } }));
    // The debug view loads when its tab is first shown.
    expect(await within(region).findByRole('table', { name: 'Node states' })).toHaveTextContent('Fetch recordretrying');
    expect(within(region).getByRole('list', { name: 'Event log' })).toHaveTextContent('retry Fetch record (delaySeconds=1)');
    await user.click(within(region).getByRole('button', { name: 'Breakpoint at Review' }));
    await user.click(within(region).getByLabelText('Case failed'));
    await user.selectOptions(within(region).getByLabelText('Fault at'), 'Fallback lookup');
    await user.selectOptions(within(region).getByLabelText('Error'), 'validation');
    await user.click(within(region).getByRole('button', { name: 'Inject fault now' }));
    await user.click(within(region).getByRole('button', { name: 'Force branch' }));
    await user.click(within(region).getByRole('button', { name: 'Back to checkpoint' }));
    expect(services.calls).toContainEqual(['toggleNodeBreakpoint', 'review']);
    expect(services.calls).toContainEqual(['toggleCondition', 'case-failed']);
    expect(services.calls).toContainEqual(['injectFault', { target: { node: 'fallback' }, error: 'validation' }]);
    expect(services.calls).toContainEqual(['forceBranch', 'route', 'e5']);
    expect(services.calls).toContainEqual(['backToCheckpoint']);
  });

  it('asks for a comparison and a sweep with the run settings', async () => {
    const user = userEvent.setup();
    const { services, region } = renderPanel();
    await user.click(within(region).getByRole('tab', { name: 'What-if' }));
    await user.selectOptions(await within(region).findByLabelText('B'), 'Busy');
    await user.click(within(region).getByRole('button', { name: 'Compare' }));
    expect(services.calls).toContainEqual(['compare', 'base', 'busy', { scenarioId: 'base', cases: 200, replications: 4, seed: 7 }]);
    await user.click(within(region).getByRole('button', { name: 'Run sweep' }));
    expect(services.calls.at(-1)).toEqual(['sweep', { kind: 'retry-max-attempts', nodeId: 'fetch' }, [1, 2, 3, 4, 5], { scenarioId: 'base', cases: 200, replications: 4, seed: 7 }]);
    act(() =>
      services.store.setState({
        compare: { status: 'done', progress: null, error: null, a: { scenarioId: 'base', name: 'Base', report: REPORT }, b: { scenarioId: 'busy', name: 'Busy', report: { ...REPORT, kpis: { ...REPORT.kpis, successRate: kpi(0.8) } } } },
        sweep: { status: 'done', progress: null, error: null, param: { kind: 'retry-max-attempts', nodeId: 'fetch' }, points: [1, 2].map((value) => ({ value, report: REPORT })) },
      }),
    );
    expect(region.querySelector('[data-diff-kpi="successRate"]')).toHaveTextContent('−13.4 points');
    expect(within(region).getByRole('img', { name: /Sweep of Fetch record/ })).toBeInTheDocument();
  });

  it('writes a CSV with one KPI per row', () => {
    const csv = resultsCsv(REPORT).split('\n');
    expect(csv[0]).toBe('kpi,mean,ci95_low,ci95_high');
    expect(csv[1]).toMatch(/^successRate,0.934,/);
  });
});
