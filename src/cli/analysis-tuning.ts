/**
 * V8 tuning for the analysis in a one-shot `baton lint` process.
 *
 * V8 first interprets a function, and once the function has run through its "interrupt budget" of bytecode
 * (about 66 KB by default) it considers compiling it with its optimising compiler, TurboFan. A long-lived page
 * gains from that; a lint process that ends after one analysis mostly does not: on the 19-node template about
 * 60 functions of the analyzer (the closed-form estimate's above all) were compiled, each a few milliseconds of
 * CPU, to run a few more times before the process exits. With a budget of 800 KB about 14 are, the few that run
 * long enough to pay back. Measured (bench/cli and designs of 100 and 1,000 nodes from bench/analyzer, at load
 * 5-6): CPU of the whole process -15% on the template, -25% to -30% on the larger designs, wall clock alike.
 * `baton simulate` is left alone: the engine's loop wants TurboFan early (the same budget slowed a cold run of
 * bench/peers model A by 15%). It changes how fast the analyzer runs, never what it computes.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytes of bytecode a function runs before V8 considers optimising it, in a lint process. */
export const LINT_INTERRUPT_BUDGET = 800_000;

/**
 * Before a one-shot analysis, tell V8 to optimise only what runs long (see above).
 * @example tuneForAnalysis(); const analysis = analyze(doc);
 */
export function tuneForAnalysis(): void {
  setFlagsFromString(`--interrupt-budget=${LINT_INTERRUPT_BUDGET}`);
}
