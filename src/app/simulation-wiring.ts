/**
 * The page's one simulation controller. The worker pool inside it starts on the first run, not at start-up, so
 * opening Baton costs nothing until someone simulates.
 */
import { createSimulationController, type SimulationController } from './simulation-controller.ts';

let controller: SimulationController | null = null;

export function pageSimulation(): SimulationController {
  controller ??= createSimulationController();
  return controller;
}
