/**
 * Simulation run state as the UI sees it: batch progress and the last report, the debug session's node states and
 * log, a scenario comparison and a parameter sweep. A separate vanilla store from the editor's (like the designs
 * library's): live results are not document edits, so none of this can ever reach undo history.
 *
 * The report is the simulator's own type, defined by its zod schema in src/domain (simulation-report.schema.ts),
 * so src/app hands a report over without a copy and src/ui never imports the simulator.
 * src/app's simulation controller is the only writer of run state; the UI writes only view choices (tab, heat,
 * expanded) through the actions below.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { NodeReport, SimulationReport } from '../domain/index.ts';

/** One batch's report: the simulator's `SimulationReport` (src/domain/simulation-report.schema.ts). */
export type SimReport = SimulationReport;

export interface BatchSettings {
  /** A scenario of the document; null runs the default scenario. */
  readonly scenarioId: string | null;
  readonly cases: number;
  readonly replications: number;
  readonly seed: number;
  /**
   * Keep adding replications (after `replications`) until the KPI's 95% half-width is under `relativeHalfWidth`
   * x |mean| (default 5%) or `maxReplications` (default 200). KPI default: the scenario's first hypothesis metric.
   */
  readonly stopping?: BatchStopping;
}

export interface BatchStopping {
  readonly kpi?: string;
  readonly relativeHalfWidth?: number;
  readonly maxReplications?: number;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunProgress {
  readonly fraction: number;
  /** Estimated seconds left; null before the first replication ends. */
  readonly secondsLeft: number | null;
}

export interface BatchState {
  readonly status: RunStatus;
  readonly progress: RunProgress | null;
  readonly error: string | null;
  readonly report: SimReport | null;
  /** What produced `report` (kept so an export says how to reproduce it). */
  readonly settings: BatchSettings | null;
  /** Name of the design the report belongs to. */
  readonly designName: string | null;
  /** The analyzer's closed-form figures for the design that was run (shown beside the simulated ones). */
  readonly estimate: ClosedFormEstimate | null;
  /** Epoch ms when the report was saved, for a saved run reopened from the list; absent for a run made here. */
  readonly savedAt?: number;
}

/** A run kept with the open design ("Save run"), as the list shows it; the report itself is read on open. */
export interface SavedRunItem {
  readonly id: string;
  readonly scenarioId: string;
  /** Epoch ms. */
  readonly createdAt: number;
  /** What the run was, when its stored report says (absent for a report this version cannot read). */
  readonly shape?: { readonly cases: number; readonly replications: number; readonly seed: number; readonly successRate: number | null };
}

export interface SavedRunsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /** Newest first. */
  readonly items: readonly SavedRunItem[];
  /** Why the list could not be read, or a run could not be opened. */
  readonly error: string | null;
}

/**
 * The analyzer's estimate() of the design for the run it stands beside (the same scenario's arrivals, faults and
 * number of cases: like for like), in the figures the panel and the score card compare.
 */
export interface ClosedFormEstimate {
  readonly success: number;
  readonly silentError: number;
  readonly p50Seconds: number;
  readonly p95Seconds: number;
  readonly meanSeconds: number;
  readonly costPerCase: number;
  /** Figures the analyzer cannot estimate in closed form, with why (their numbers are not to be shown). */
  readonly notEstimated?: Readonly<Partial<Record<'success' | 'costPerCase' | 'p50Seconds' | 'p95Seconds', string>>>;
  /** The run's scenario name, and whether it injects faults (the estimate is then made under them). */
  readonly scenario?: { readonly name: string; readonly faults: number };
}

export type SimNodeStatus = 'idle' | 'running' | 'retrying' | 'queued' | 'failed' | 'passed';
export const BREAK_CONDITIONS = ['first-rate-limited', 'breaker-opens', 'case-failed'] as const;
export type SimBreakCondition = (typeof BREAK_CONDITIONS)[number];

export interface SimLogEntry {
  readonly seq: number;
  /** Simulated seconds since the start (0 = Monday 00:00). */
  readonly time: number;
  readonly caseId: number;
  readonly nodeId: string | null;
  readonly edgeId?: string;
  readonly type: string;
  readonly detail: Readonly<Record<string, string | number | boolean>>;
}

export interface DebugView {
  /** off: no session; paused: waiting for Step/Play; playing: stepping on a timer; done: every case ended. */
  readonly status: 'off' | 'paused' | 'playing' | 'done';
  readonly time: number;
  readonly nodes: Readonly<Record<string, SimNodeStatus>>;
  readonly activeEdges: readonly string[];
  /** The newest events only (LOG_CAP), oldest first. */
  readonly log: readonly SimLogEntry[];
  /** Events handed out so far (the log's full length). */
  readonly eventCount: number;
  readonly casesEnded: number;
  readonly cases: number;
  readonly breakpoints: { readonly nodes: readonly string[]; readonly conditions: readonly SimBreakCondition[] };
  /** Events per second while playing. */
  readonly speed: number;
  /** Why the last Play stopped (a breakpoint, the end), in words; null while nothing stopped it. */
  readonly lastBreak: string | null;
  readonly checkpoints: number;
  /** A forced router branch waiting for that router's next decision. */
  readonly forced: { readonly nodeId: string; readonly edgeId: string } | null;
  readonly injected: number;
}

/** The debug log keeps this many newest events: the panel renders them all, so the cap keeps it light. */
export const LOG_CAP = 300;

export interface CompareState {
  readonly status: RunStatus;
  readonly progress: RunProgress | null;
  readonly error: string | null;
  readonly a: { readonly scenarioId: string | null; readonly name: string; readonly report: SimReport } | null;
  readonly b: { readonly scenarioId: string | null; readonly name: string; readonly report: SimReport } | null;
}

export type SweepParamKind = 'check-threshold' | 'human-reviewers' | 'retry-max-attempts' | 'ai-ok-rate';

export interface SweepParam {
  readonly kind: SweepParamKind;
  readonly nodeId: string;
}

export interface SweepRange {
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

export interface SweepPoint {
  readonly value: number;
  readonly report: SimReport;
}

export interface SweepState {
  readonly status: RunStatus;
  readonly progress: RunProgress | null;
  readonly error: string | null;
  readonly param: SweepParam | null;
  readonly points: readonly SweepPoint[];
}

export type SimulationTab = 'batch' | 'debug' | 'what-if';

export interface SimulationState {
  readonly batch: BatchState;
  readonly debug: DebugView;
  readonly compare: CompareState;
  readonly sweep: SweepState;
  /** The open design's saved runs. */
  readonly savedRuns: SavedRunsState;
  /** Failure heat on the canvas from the last batch. */
  readonly heat: boolean;
  readonly tab: SimulationTab;
  /** The panel takes more of the dock (the toolbar's Simulate button sets it). */
  readonly expanded: boolean;
  /** Bumped to ask the panel to take focus. */
  readonly focusRequest: number;
  setTab(tab: SimulationTab): void;
  setHeat(on: boolean): void;
  setExpanded(on: boolean): void;
  /** Open the panel and move focus to it (toolbar "Simulate"). */
  requestFocus(): void;
}

export type SimulationStore = StoreApi<SimulationState>;

export const IDLE_BATCH: BatchState = { status: 'idle', progress: null, error: null, report: null, settings: null, designName: null, estimate: null };
export const DEBUG_OFF: DebugView = {
  status: 'off',
  time: 0,
  nodes: {},
  activeEdges: [],
  log: [],
  eventCount: 0,
  casesEnded: 0,
  cases: 0,
  breakpoints: { nodes: [], conditions: [] },
  speed: 4,
  lastBreak: null,
  checkpoints: 0,
  forced: null,
  injected: 0,
};
export const IDLE_COMPARE: CompareState = { status: 'idle', progress: null, error: null, a: null, b: null };
export const IDLE_SWEEP: SweepState = { status: 'idle', progress: null, error: null, param: null, points: [] };
export const NO_SAVED_RUNS: SavedRunsState = { status: 'idle', items: [], error: null };

export function createSimulationStore(initial: Partial<Pick<SimulationState, 'batch' | 'debug' | 'compare' | 'sweep' | 'savedRuns' | 'heat' | 'tab' | 'expanded'>> = {}): SimulationStore {
  return createStore<SimulationState>()((set, get) => ({
    batch: IDLE_BATCH,
    debug: DEBUG_OFF,
    compare: IDLE_COMPARE,
    sweep: IDLE_SWEEP,
    savedRuns: NO_SAVED_RUNS,
    heat: false,
    tab: 'batch',
    expanded: false,
    focusRequest: 0,
    ...initial,
    setTab: (tab) => set({ tab }),
    setHeat: (heat) => set({ heat }),
    setExpanded: (expanded) => set({ expanded }),
    requestFocus: () => set({ expanded: true, focusRequest: get().focusRequest + 1 }),
  }));
}

export const selectBatch = (s: SimulationState) => s.batch;
export const selectDebug = (s: SimulationState) => s.debug;
export const selectCompare = (s: SimulationState) => s.compare;
export const selectSweep = (s: SimulationState) => s.sweep;
export const selectSavedRuns = (s: SimulationState) => s.savedRuns;
export const selectHeat = (s: SimulationState) => s.heat;
export const selectTab = (s: SimulationState) => s.tab;
export const selectExpanded = (s: SimulationState) => s.expanded;
export const selectFocusRequest = (s: SimulationState) => s.focusRequest;

/** Any run that occupies the worker pool (one at a time: the pool serves one job). */
export const selectPoolBusy = (s: SimulationState): boolean => s.batch.status === 'running' || s.compare.status === 'running' || s.sweep.status === 'running';

/** A node's debug status while a session is on; null otherwise (the canvas draws nothing). */
export function selectNodeDebugStatus(s: SimulationState, nodeId: string): SimNodeStatus | null {
  if (s.debug.status === 'off') return null;
  return s.debug.nodes[nodeId] ?? 'idle';
}

/**
 * The node's failure heat from the last batch, 0..1: cases that failed or got stuck there plus failed tries,
 * as a share of the cases that reached it. Null when heat is off or there is no report.
 */
export function selectNodeHeat(s: SimulationState, nodeId: string): number | null {
  const report = s.batch.report;
  if (!s.heat || !report) return null;
  const n = report.nodes[nodeId];
  if (!n) return null;
  return nodeHeat(n, report.cases * report.replications);
}

export function nodeHeat(n: NodeReport, totalCases: number): number {
  const reached = n.reachedShare * totalCases;
  if (reached <= 0) return 0;
  let tries = 0;
  for (const v of Object.values(n.failures)) tries += v ?? 0;
  const failedCases = n.caseFailures + n.stuck;
  // Failed cases weigh fully; failed tries that retries absorbed weigh less (they cost time, not the case).
  return Math.min(1, (failedCases + 0.25 * tries) / reached);
}

export function isBreakpointOn(s: SimulationState, nodeId: string): boolean {
  return s.debug.breakpoints.nodes.includes(nodeId);
}
