/**
 * The composition root's side of simulation: implements the UI's SimulationServices over the worker pool
 * (src/simulator/client.ts) and debug runs (src/simulator/debug.ts), and is the only writer of the simulation
 * store's run state. The pool serves one job at a time (each job takes over the workers' message handlers), so a
 * batch, a comparison and a sweep never overlap: starting one cancels the one before.
 */
import { MAX_SECONDS, type Fault, type Scenario, type Workflow } from '../domain/index.ts';
import type { SimulationClient, SimulationJob } from '../simulator/client.ts';
import type { DebugCheckpoint, DebugRun } from '../simulator/debug.ts';
import type { SimulationReport } from '../simulator/report.ts';
import {
  createSimulationStore,
  DEBUG_OFF,
  LOG_CAP,
  type BatchSettings,
  type ClosedFormEstimate,
  type DebugView,
  type RunProgress,
  type SimReport,
  type SimulationState,
  type SimulationStore,
} from '../store/simulation-store.ts';
import type { RunsRepository } from '../persistence/index.ts';
import type { SimulationServices } from '../ui/simulation/simulation-services.tsx';
import { createSavedRuns } from './saved-runs.ts';

/** A checkpoint every this many debug events: "Back to checkpoint" never replays more than this. */
export const CHECKPOINT_EVERY = 10;
/** Progress reaches the store at most this often: a render per replication would be wasted work. */
const PROGRESS_EVERY_MS = 100;
const PLAY_TICK_MS = 50;

/** src/simulator as the controller uses it: loaded on first use, so none of it is in the first page. */
export type SimulationRuntime = typeof import('./simulation-runtime.ts');

export interface SimulationControllerDeps {
  readonly store?: SimulationStore;
  /** The runtime, already loaded (tests, Node). Default: loaded by the first run or debug step. */
  readonly runtime?: SimulationRuntime;
  /** Default: the module Web Worker pool, created on the first run. */
  readonly createClient?: () => SimulationClient;
  /** The runs repository (src/persistence) and the open design's id; "Save run" and the saved runs need both. */
  readonly runs?: Pick<RunsRepository, 'add' | 'list' | 'read' | 'delete'>;
  readonly currentDesignId?: () => string | null;
  readonly now?: () => number;
}

export interface SimulationController extends SimulationServices {
  dispose(): void;
}

/**
 * The analyzer's estimate for the run that was made: the scenario's arrivals and faults and the run's number of
 * cases, so a fault scenario is compared with the estimate under the same faults, never with the fault-free
 * baseline. Null when the design is beyond what the closed form handles. The estimate comes with the runtime
 * (simulation-runtime.ts), which a finished run has loaded: the comparison is never pending.
 */
function closedForm(rt: SimulationRuntime, doc: Workflow, settings: BatchSettings): ClosedFormEstimate | null {
  const s = settings.scenarioId !== null ? doc.scenarios?.find((x) => x.id === settings.scenarioId) : undefined;
  try {
    const e = rt.estimate(doc, { cases: settings.cases, ...(s?.arrival ? { arrival: s.arrival } : {}), ...(s?.faults ? { faults: s.faults } : {}) });
    return {
      success: e.success,
      silentError: e.silentError,
      p50Seconds: e.p50Seconds,
      p95Seconds: e.p95Seconds,
      meanSeconds: e.meanSeconds,
      costPerCase: e.costPerCase,
      notEstimated: e.notEstimated,
      scenario: { name: s?.name ?? 'Default (profile arrivals, no faults)', faults: s?.faults?.length ?? 0 },
    };
  } catch {
    return null;
  }
}

/** The simulator's report is already plain data in the store's terms: this only states that it fits. */
const toSimReport = (r: SimulationReport): SimReport => r;

interface Series {
  cancelled: boolean;
  job: SimulationJob | null;
}

export function createSimulationController(deps: SimulationControllerDeps = {}): SimulationController {
  const store = deps.store ?? createSimulationStore();
  const now = deps.now ?? (() => Date.now());
  let client: SimulationClient | null = null;
  let runtime: SimulationRuntime | null = deps.runtime ?? null;
  let loading: Promise<SimulationRuntime> | null = null;
  const loadRuntime = (): Promise<SimulationRuntime> => {
    if (runtime) return Promise.resolve(runtime);
    loading ??= import('./simulation-runtime.ts').then(
      (m) => (runtime = m),
      (error: unknown) => {
        // Offline before the chunk was cached: the next run tries again.
        loading = null;
        throw new Error(`the simulator could not be loaded (${message(error)}); check the connection and try again`);
      },
    );
    return loading;
  };
  const pool = (rt: SimulationRuntime): SimulationClient => (client ??= (deps.createClient ?? rt.createSimulationClient)());
  let active: Series | null = null;

  const set = (patch: Partial<SimulationState>): void => store.setState(patch);

  /**
   * Run batches one after another in the pool; `onProgress` gets the fraction of the whole series. Resolves with
   * the reports, or null when cancelled (by `cancel()` or by a newer run).
   */
  const runSeries = async (
    plan: (rt: SimulationRuntime) => readonly { doc: Workflow; scenario: Scenario }[],
    settings: Omit<BatchSettings, 'scenarioId'>,
    onProgress: (p: RunProgress) => void,
    onEach?: (report: SimReport, index: number) => void,
  ): Promise<SimReport[] | null> => {
    if (active) cancelActive();
    const series: Series = { cancelled: false, job: null };
    active = series;
    const started = now();
    let lastSent = 0;
    const reports: SimReport[] = [];
    try {
      const rt = await loadRuntime();
      const runs = plan(rt);
      const stopping = settings.stopping ? { stopping: rt.stoppingRule(settings.stopping) } : {};
      for (const [i, run] of runs.entries()) {
        if (series.cancelled) return null;
        const job = pool(rt).run(run.doc, run.scenario, {
          cases: settings.cases,
          replications: settings.replications,
          seed: settings.seed,
          ...stopping,
          onProgress: (p) => {
            const t = now();
            if (t - lastSent < PROGRESS_EVERY_MS && p.fraction < 1) return;
            lastSent = t;
            const fraction = (i + p.fraction) / runs.length;
            const elapsed = (t - started) / 1000;
            onProgress({ fraction, secondsLeft: fraction > 0 ? (elapsed / fraction) * (1 - fraction) : null });
          },
        });
        series.job = job;
        const report = await job.result;
        if (!report || series.cancelled) return null;
        reports.push(toSimReport(report));
        onEach?.(toSimReport(report), i);
      }
      return reports;
    } finally {
      if (active === series) active = null;
    }
  };

  const cancelActive = (): void => {
    const s = active;
    if (!s) return;
    s.cancelled = true;
    s.job?.cancel();
    active = null;
  };

  /** Runs of each kind so far: a cancelled run marks its state cancelled only if no newer run of its kind began. */
  const seq = { batch: 0, compare: 0, sweep: 0 };
  const markCancelled = (kind: 'batch' | 'compare' | 'sweep', mine: number): void => {
    const s = store.getState()[kind];
    if (mine === seq[kind] && s.status === 'running') set({ [kind]: { ...s, status: 'cancelled', progress: null } });
  };

  const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

  // ------------------------------------------------------------------------------------------------ debug
  let run: DebugRun | null = null;
  let checkpoints: { seq: number; cp: DebugCheckpoint; injected: number }[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;
  let budget = 0;
  let lastTick = 0;

  const stopTimer = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const patchDebug = (p: Partial<DebugView>): void => set({ debug: { ...store.getState().debug, ...p } });

  /** Copy the run's state into the store (once per step or per play tick, not per event). */
  const publish = (p: Partial<DebugView> = {}): void => {
    if (!run) return;
    const st = run.state();
    const prev = store.getState().debug;
    let forced = prev.forced;
    if (forced) {
      const f = forced;
      // The forced decision happened once the router routed after it was forced.
      if (st.log.some((e) => e.seq >= forcedAt && e.nodeId === f.nodeId && e.type === 'route')) forced = null;
    }
    const status = st.done ? 'done' : (p.status ?? (prev.status === 'off' ? 'paused' : prev.status));
    if (status !== 'playing') stopTimer();
    set({
      debug: {
        ...prev,
        ...p,
        status,
        time: st.time,
        nodes: st.nodes,
        activeEdges: st.activeEdges,
        log: st.log.length > LOG_CAP ? st.log.slice(-LOG_CAP) : st.log,
        eventCount: st.log.length,
        casesEnded: st.casesEnded,
        cases: st.cases,
        checkpoints: checkpoints.length,
        forced,
      },
    });
  };
  let forcedAt = 0;
  /** A debug run whose engine is still loading. */
  let starting: Promise<void> | null = null;
  /** Run `fn` once the debug run being started exists (nothing when none is being started). */
  const afterStart = (fn: () => void): void => {
    const pending = starting;
    // The load's failure is reported by startDebug; then there is no run and fn does nothing.
    if (pending) void pending.then(() => run && fn());
  };

  const eventCount = (): number => store.getState().debug.eventCount;
  /** Take a checkpoint when the log length reaches a multiple of CHECKPOINT_EVERY. */
  const maybeCheckpoint = (count: number): void => {
    if (!run || count % CHECKPOINT_EVERY !== 0) return;
    const last = checkpoints[checkpoints.length - 1];
    if (last && last.seq >= count) return;
    checkpoints.push({ seq: count, cp: run.checkpoint(), injected: store.getState().debug.injected });
  };

  const tick = (): void => {
    if (!run) return stopTimer();
    const t = now();
    budget += (store.getState().debug.speed * (t - lastTick)) / 1000;
    lastTick = t;
    let count = eventCount();
    let stop: string | null = null;
    let ended = false;
    while (budget >= 1) {
      budget -= 1;
      const hit = run.runUntilBreak(1);
      if (hit.reason === 'end') {
        ended = true;
        break;
      }
      count += 1;
      maybeCheckpoint(count);
      if (hit.reason === 'node') stop = `Breakpoint: ${hit.event?.nodeId ?? 'node'} reached`;
      if (hit.reason === 'condition') stop = `Breakpoint: ${hit.condition ?? 'condition'}`;
      if (stop) break;
    }
    if (ended) publish({ status: 'done', lastBreak: 'Every case ended' });
    else if (stop) publish({ status: 'paused', lastBreak: stop });
    else publish();
  };

  /** "Save run" and the list of saved runs, when storage is wired. */
  const savedRunServices = (runs: NonNullable<SimulationControllerDeps['runs']>, currentDesignId: () => string | null): Pick<SimulationServices, 'saveLastRun' | 'savedRuns'> => {
    const savedRuns = createSavedRuns({ store, runs, currentDesignId });
    return {
      savedRuns,
      saveLastRun: async () => {
        const { report, savedAt } = store.getState().batch;
        const designId = currentDesignId();
        if (!report || designId === null) throw new Error(designId === null ? 'the design is not stored yet' : 'no run to save');
        if (savedAt !== undefined) throw new Error('this run is already saved');
        await runs.add({ designId, scenarioId: report.scenario, result: report });
        savedRuns.refresh();
      },
    };
  };

  const services: SimulationController = {
    store,
    runBatch(doc, settings) {
      const mine = ++seq.batch;
      set({ batch: { ...store.getState().batch, status: 'running', progress: { fraction: 0, secondsLeft: null }, error: null } });
      runSeries((rt) => [{ doc, scenario: rt.scenarioFor(doc, settings.scenarioId) }], settings, (progress) => set({ batch: { ...store.getState().batch, progress } })).then(
        (reports) => {
          const report = reports?.[0];
          if (!report) return markCancelled('batch', mine);
          // A report means the runtime has loaded (runSeries loads it before it runs anything).
          set({ batch: { status: 'done', progress: null, error: null, report, settings, designName: doc.name, estimate: runtime ? closedForm(runtime, doc, settings) : null } });
        },
        (e: unknown) => set({ batch: { ...store.getState().batch, status: 'error', progress: null, error: message(e) } }),
      );
    },
    cancel() {
      cancelActive();
      const s = store.getState();
      if (s.batch.status === 'running') set({ batch: { ...s.batch, status: 'cancelled', progress: null } });
      if (s.compare.status === 'running') set({ compare: { ...s.compare, status: 'cancelled', progress: null } });
      if (s.sweep.status === 'running') set({ sweep: { ...s.sweep, status: 'cancelled', progress: null } });
    },
    ...(deps.runs && deps.currentDesignId ? savedRunServices(deps.runs, deps.currentDesignId) : {}),

    startDebug(doc, scenarioId, seed, cases) {
      stopTimer();
      const begin = (rt: SimulationRuntime): void => {
        const breakpoints = store.getState().debug.breakpoints;
        const speed = store.getState().debug.speed;
        run = rt.createDebugRun(doc, rt.scenarioFor(doc, scenarioId), seed, { cases });
        run.setBreakpoints(breakpoints);
        checkpoints = [{ seq: 0, cp: run.checkpoint(), injected: 0 }];
        set({ debug: { ...DEBUG_OFF, breakpoints, speed, status: 'paused' } });
        publish({ status: 'paused' });
      };
      if (runtime) {
        starting = null;
        begin(runtime);
        return;
      }
      // The debug engine loads on the first step; the steps asked for meanwhile run once it is there.
      run = null;
      const mine: Promise<void> = loadRuntime().then(
        (rt) => {
          if (starting !== mine) return;
          starting = null;
          begin(rt);
        },
        (error: unknown) => {
          if (starting !== mine) return;
          starting = null;
          patchDebug({ lastBreak: message(error) });
        },
      );
      starting = mine;
    },
    stopDebug() {
      stopTimer();
      starting = null;
      run = null;
      checkpoints = [];
      const { breakpoints, speed } = store.getState().debug;
      set({ debug: { ...DEBUG_OFF, breakpoints, speed } });
    },
    step() {
      if (!run) return afterStart(() => services.step());
      stopTimer();
      const ev = run.step();
      if (ev) maybeCheckpoint(ev.seq + 1);
      publish({ status: 'paused', lastBreak: null });
    },
    play() {
      if (!run) return afterStart(() => services.play());
      if (store.getState().debug.status === 'done') return;
      stopTimer();
      budget = 1; // the first event shows at once, the rest at the chosen speed
      lastTick = now();
      patchDebug({ status: 'playing', lastBreak: null });
      tick();
      if (store.getState().debug.status === 'playing') timer = setInterval(tick, PLAY_TICK_MS);
    },
    pause() {
      stopTimer();
      if (run && store.getState().debug.status === 'playing') patchDebug({ status: 'paused' });
    },
    setSpeed(eventsPerSecond) {
      patchDebug({ speed: Math.max(0.5, Math.min(1000, eventsPerSecond)) });
    },
    toggleNodeBreakpoint(nodeId) {
      const bp = store.getState().debug.breakpoints;
      const nodes = bp.nodes.includes(nodeId) ? bp.nodes.filter((n) => n !== nodeId) : [...bp.nodes, nodeId];
      const next = { ...bp, nodes };
      run?.setBreakpoints(next);
      patchDebug({ breakpoints: next });
    },
    toggleCondition(condition) {
      const bp = store.getState().debug.breakpoints;
      const conditions = bp.conditions.includes(condition) ? bp.conditions.filter((c) => c !== condition) : [...bp.conditions, condition];
      const next = { ...bp, conditions };
      run?.setBreakpoints(next);
      patchDebug({ breakpoints: next });
    },
    injectFault(fault: Fault) {
      if (!run) return 'Start a debug run first';
      try {
        // Active from now for the rest of the run, unless the fault says otherwise.
        run.injectFault({ ...fault, window: fault.window ?? { startSeconds: 0, durationSeconds: MAX_SECONDS } });
      } catch (e) {
        return message(e);
      }
      patchDebug({ injected: store.getState().debug.injected + 1 });
      return null;
    },
    forceBranch(nodeId, edgeId) {
      if (!run) return 'Start a debug run first';
      try {
        run.forceBranch(nodeId, edgeId);
      } catch (e) {
        return message(e);
      }
      forcedAt = eventCount();
      patchDebug({ forced: { nodeId, edgeId } });
      return null;
    },
    backToCheckpoint() {
      if (!run) return false;
      stopTimer();
      const count = eventCount();
      let target = checkpoints.length - 1;
      while (target > 0 && (checkpoints[target]?.seq ?? 0) >= count) target--;
      const entry = checkpoints[target];
      if (!entry) return false;
      run.restore(entry.cp);
      checkpoints = checkpoints.slice(0, target + 1);
      publish({ status: 'paused', lastBreak: `Back to event ${entry.seq}`, injected: entry.injected, forced: null });
      return true;
    },

    compare(doc, a, b, settings) {
      const names = { a: '', b: '' };
      const mine = ++seq.compare;
      set({ compare: { status: 'running', progress: { fraction: 0, secondsLeft: null }, error: null, a: null, b: null } });
      runSeries(
        (rt) => {
          const sa = rt.scenarioFor(doc, a);
          const sb = rt.scenarioFor(doc, b);
          names.a = sa.name;
          names.b = sb.name;
          return [
            { doc, scenario: sa },
            { doc, scenario: sb },
          ];
        },
        settings,
        (progress) => set({ compare: { ...store.getState().compare, progress } }),
      ).then(
        (reports) => {
          const [ra, rb] = reports ?? [];
          if (!ra || !rb) return markCancelled('compare', mine);
          set({ compare: { status: 'done', progress: null, error: null, a: { scenarioId: a, name: names.a, report: ra }, b: { scenarioId: b, name: names.b, report: rb } } });
        },
        (e: unknown) => set({ compare: { ...store.getState().compare, status: 'error', progress: null, error: message(e) } }),
      );
    },
    sweep(doc, param, values, settings) {
      const mine = ++seq.sweep;
      set({ sweep: { status: 'running', progress: { fraction: 0, secondsLeft: null }, error: null, param, points: [] } });
      runSeries(
        (rt) => {
          const scenario = rt.scenarioFor(doc, settings.scenarioId);
          // Copies of the document: the open design is never changed by a sweep.
          return values.map((v) => ({ doc: rt.applySweepParam(doc, param, v), scenario }));
        },
        settings,
        (progress) => set({ sweep: { ...store.getState().sweep, progress } }),
        (report, i) => {
          const s = store.getState().sweep;
          set({ sweep: { ...s, points: [...s.points, { value: values[i] ?? 0, report }] } });
        },
      ).then(
        (reports) => {
          if (!reports) return markCancelled('sweep', mine);
          set({ sweep: { ...store.getState().sweep, status: 'done', progress: null } });
        },
        (e: unknown) => set({ sweep: { ...store.getState().sweep, status: 'error', progress: null, error: message(e) } }),
      );
    },
    dispose() {
      cancelActive();
      stopTimer();
      client?.dispose();
      client = null;
    },
  };
  return services;
}
