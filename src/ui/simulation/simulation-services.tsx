/**
 * What the simulation UI needs from the simulator, which it may not import (ARCHITECTURE.md layers: the worker pool
 * and debug runs are created in src/app). src/app implements SimulationServices and provides it; the UI sees these
 * signatures and the simulation store's plain state. Without a provider the panel says so and the canvas overlay
 * draws nothing, so editor tests need no simulator.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Fault, Workflow } from '../../domain/index.ts';
import type { BatchSettings, SimBreakCondition, SimulationState, SimulationStore, SweepParam } from '../../store/simulation-store.ts';

export interface SimulationServices {
  readonly store: SimulationStore;
  /** N cases x R replications in the worker pool; progress and the report land in the store. */
  runBatch(doc: Workflow, settings: BatchSettings): void;
  /** Cancel whatever occupies the pool (a batch, a comparison or a sweep). */
  cancel(): void;
  /** Store the last batch with the open design (runs repository); undefined when storage is not wired. */
  readonly saveLastRun?: () => Promise<void>;
  /** The open design's saved runs (undefined when storage is not wired); the list lands in `savedRuns`. */
  readonly savedRuns?: SavedRunsService;

  /** Start a debug session of `cases` cases (replaces any running one). */
  startDebug(doc: Workflow, scenarioId: string | null, seed: number, cases: number): void;
  stopDebug(): void;
  /** One trace event. */
  step(): void;
  play(): void;
  pause(): void;
  /** Events per second while playing. */
  setSpeed(eventsPerSecond: number): void;
  toggleNodeBreakpoint(nodeId: string): void;
  toggleCondition(condition: SimBreakCondition): void;
  /** A fault active from the current simulated time. Returns an error message, or null when injected. */
  injectFault(fault: Fault): string | null;
  /** The router's next decision takes this edge. Returns an error message, or null. */
  forceBranch(nodeId: string, edgeId: string): string | null;
  /** Restore the latest checkpoint before now (taken every CHECKPOINT_EVERY events); false when there is none. */
  backToCheckpoint(): boolean;

  /** Scenarios A and B with the same seed, cases and replications (common random numbers). */
  compare(doc: Workflow, a: string | null, b: string | null, settings: Omit<BatchSettings, 'scenarioId'>): void;
  /** One batch per value of the parameter, on copies of `doc`. */
  sweep(doc: Workflow, param: SweepParam, values: readonly number[], settings: BatchSettings): void;
}

export interface SavedRunsService {
  /** Read the open design's saved runs into the store. */
  refresh(): void;
  /** Show a saved run as the batch's report (Batch view, heat, export); a run that cannot be read says why. */
  open(id: string): void;
  remove(id: string): void;
}

const SimulationContext = createContext<SimulationServices | null>(null);

export function SimulationServicesProvider({ services, children }: { services: SimulationServices; children: ReactNode }) {
  return <SimulationContext.Provider value={services}>{children}</SimulationContext.Provider>;
}

/** The services, or null when the app runs without a simulator (component tests of other parts). */
export function useSimulationServices(): SimulationServices | null {
  return useContext(SimulationContext);
}

/** Read simulation state with a module-level selector (re-renders only when it changes). */
export function useSimulationState<T>(services: SimulationServices, selector: (s: SimulationState) => T): T {
  return useStore(services.store, selector);
}
