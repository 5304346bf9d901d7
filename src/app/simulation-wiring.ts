/**
 * The page's one simulation controller. The worker pool inside it starts on the first run, not at start-up, so
 * opening Baton costs nothing until someone simulates. Given the designs library, "Save run" keeps a run with
 * the open design (src/persistence/runs-repository.ts).
 */
import type { RunsRepository } from '../persistence/index.ts';
import { createSimulationController, type SimulationController, type SimulationControllerDeps } from './simulation-controller.ts';

let controller: SimulationController | null = null;

export function pageSimulation(deps: SimulationControllerDeps = {}): SimulationController {
  controller ??= createSimulationController(deps);
  return controller;
}

/**
 * Saved runs for a designs library that opens after the first render: until it is there, there is no stored
 * design (so nothing to list) and nothing can be saved.
 */
export function lateRuns(library: () => { readonly runs: RunsRepository; currentDesignId(): string | null } | null): Pick<SimulationControllerDeps, 'runs' | 'currentDesignId'> {
  const runs = (): RunsRepository => {
    const l = library();
    if (!l) throw new Error('storage is still opening');
    return l.runs;
  };
  return {
    runs: {
      add: async (run) => runs().add(run),
      list: async (designId) => runs().list(designId),
      read: async (id, schema) => runs().read(id, schema),
      delete: async (id) => runs().delete(id),
    },
    currentDesignId: () => library()?.currentDesignId() ?? null,
  };
}
