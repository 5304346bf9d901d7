/**
 * V8 tuning for a short simulation in a one-shot `baton simulate` process.
 *
 * In a fresh process the engine runs cold: V8 interprets it, then its optimising compiler (TurboFan) compiles
 * the hot methods, each with the methods it calls inlined into it. For a run of a few hundred thousand events
 * that compiling is a large share of the process's CPU time (bench/peers, model A: ~80 ms of CPU for a
 * simulation that takes ~10 ms once compiled). Inlining less makes each compile cheaper, and the code it gives
 * is a little slower: measured on the bench/peers models (docs/simulator.md), a cap of 300 bytecode bytes of
 * inlining per function cut the cold run's CPU by 12-20% and slowed the steady state by ~10%, which a run
 * makes up only past about a million events. So the cap is set only when the planned work is below
 * `SHORT_RUN_ACTIVITIES` (cases x replications x timed nodes), before the engine's first event. It changes how
 * fast the engine runs, never what it computes: the same seed gives the same report either way.
 */
import { setFlagsFromString } from 'node:v8';
import type { Workflow } from '../domain/index.ts';

/** Planned timed activities (cases x replications x timed nodes) up to which the cold-start tuning pays. */
export const SHORT_RUN_ACTIVITIES = 1_000_000;
const TIMED_KINDS: ReadonlySet<string> = new Set(['ai', 'tool', 'data', 'check', 'human']);

/**
 * Cases x replications x nodes that take simulated time (ai, tool, data, check, human): an estimate of the
 * events a run will process.
 * @example plannedActivities(doc, 1000, 10) // 60000 for a design with six timed steps
 */
export function plannedActivities(doc: Pick<Workflow, 'nodes'>, cases: number, replications: number): number {
  const timed = doc.nodes.filter((n) => TIMED_KINDS.has(n.kind)).length;
  return cases * replications * Math.max(1, timed);
}

/**
 * Before a short run, tell V8 to inline less (see above). Returns whether it did.
 * @example tuneForShortRun(plannedActivities(doc, cases, replications))
 */
export function tuneForShortRun(activities: number): boolean {
  if (activities > SHORT_RUN_ACTIVITIES) return false;
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
  return true;
}
