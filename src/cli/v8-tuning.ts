/**
 * V8 tuning for a one-shot `baton` process: one command, then exit. Applied only when bin/baton.mjs runs the
 * command (`CliIo.oneShot`): V8's flags are the whole process's, so a host that calls `main` for several
 * commands (the tests, scripts/cli-code-cache.mjs) keeps V8 as it is. Either tuning changes how fast the code
 * runs, never what it computes.
 *
 * `baton simulate`, a short run. In a fresh process the engine runs cold: V8 interprets it, then its optimising
 * compiler (TurboFan) compiles the hot methods, each with the methods it calls inlined into it. For a run of a
 * few hundred thousand events that compiling is a large share of the process's CPU time (bench/peers, model A:
 * ~80 ms of CPU for a simulation that takes ~10 ms once compiled). Inlining less makes each compile cheaper, and
 * the code it gives is a little slower: measured on the bench/peers models (docs/simulator.md), a cap of 300
 * bytecode bytes of inlining per function cut the cold run's CPU by 12-20% and slowed the steady state by ~10%,
 * which a run makes up only past about a million events. So the cap is set only when the planned work is below
 * `SHORT_RUN_ACTIVITIES` (cases x replications x timed nodes), before the engine's first event.
 *
 * `baton lint`, one analysis. V8 first interprets a function, and once the function has run through its
 * "interrupt budget" of bytecode (about 66 KB by default) it considers compiling it with TurboFan. A long-lived
 * page gains from that; a lint process that ends after one analysis mostly does not: on the 19-node template
 * about 60 functions of the analyzer (the closed-form estimate's above all) were compiled, each a few
 * milliseconds of CPU, to run a few more times before the process exits. With a budget of 800 KB about 14 are,
 * the few that run long enough to pay back. Measured (bench/cli and designs of 100 and 1,000 nodes from
 * bench/analyzer, at load 5-6): CPU of the whole process -15% on the template, -25% to -30% on the larger
 * designs, wall clock alike. Simulate keeps the default budget: the engine's loop wants TurboFan early (the same
 * budget slowed a cold run of bench/peers model A by 15%).
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

/** Bytes of bytecode a function runs before V8 considers optimising it, in a lint process. */
export const LINT_INTERRUPT_BUDGET = 800_000;

/**
 * Before a one-shot analysis, tell V8 to optimise only what runs long (see above).
 * @example tuneForAnalysis(); const analysis = analyze(doc);
 */
export function tuneForAnalysis(): void {
  setFlagsFromString(`--interrupt-budget=${LINT_INTERRUPT_BUDGET}`);
}
