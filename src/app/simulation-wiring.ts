/**
 * The page's one simulation controller. The worker pool inside it starts on the first run, not at start-up, so
 * opening Baton costs nothing until someone simulates. Given the designs library, "Save run" keeps a run with
 * the open design (src/persistence/runs-repository.ts).
 */
import { createSimulationController, type SimulationController, type SimulationControllerDeps } from './simulation-controller.ts';

let controller: SimulationController | null = null;

export function pageSimulation(deps: SimulationControllerDeps = {}): SimulationController {
  controller ??= createSimulationController(deps);
  return controller;
}
