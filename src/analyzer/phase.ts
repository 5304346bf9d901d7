/**
 * Time of the week, for business-hours calendars: a case's position in the week as a histogram of 1,008
 * ten-minute bins (simulated time 0 is Monday 00:00, as in the simulator). Cases arrive spread over the week;
 * before they meet a business-hours gate their phase is the arrival phase moved on by the time they took, after it
 * they leave in office hours, which the next gate must know.
 */
import type { TimeDist } from './time-dist.ts';
import { spend } from './work-budget.ts';

export const WEEK = 7 * 86_400;
export const PHASE_BIN = 600;
export const PHASE_BINS = WEEK / PHASE_BIN;

/** A histogram over the week's bins (mass, not necessarily normalised). */
export type Phase = Float64Array;

/**
 * Every bin equally likely: arrivals at a steady rate around the clock.
 * @example uniformPhase(1)[0] // 1 / 1008
 */
export function uniformPhase(mass = 1): Phase {
  return new Float64Array(PHASE_BINS).fill(mass / PHASE_BINS);
}

/** Add `mass` at time-of-week `t` (seconds, any real), split between the two bins whose middles surround it. */
export function addAt(ph: Phase, t: number, mass: number): void {
  const x = (((t / PHASE_BIN - 0.5) % PHASE_BINS) + PHASE_BINS) % PHASE_BINS;
  const i = Math.floor(x);
  const f = x - i;
  ph[i % PHASE_BINS] = ph[i % PHASE_BINS]! + mass * (1 - f);
  ph[(i + 1) % PHASE_BINS] = ph[(i + 1) % PHASE_BINS]! + mass * f;
}

/** Middle of bin b, in seconds from Monday 00:00. */
export function binMiddle(b: number): number {
  return (b + 0.5) * PHASE_BIN;
}

/**
 * The phase after an independent delay: circular convolution with the delay's distribution (its atoms), mass kept
 * in proportion (the result's total is ph's total x the delay's total).
 * @example shiftPhase(uniformPhase(), somePoint) // still uniform
 */
export function shiftPhase(ph: Phase, delay: TimeDist): Phase {
  const out = new Float64Array(PHASE_BINS);
  if (delay.total <= 0) return out;
  const atoms = delay.compress();
  spend(PHASE_BINS * atoms.values.length);
  const scale = delay.total;
  for (let j = 0; j < atoms.values.length; j++) {
    const w = atoms.weights[j]! * scale;
    if (!(w > 0)) continue;
    // Whole weeks do not move the phase; the rest moves every bin by the same fraction of bins.
    const d = atoms.values[j]! % WEEK;
    const shift = d / PHASE_BIN;
    const k = Math.floor(shift);
    const f = shift - k;
    for (let b = 0; b < PHASE_BINS; b++) {
      const m = ph[b]!;
      if (m === 0) continue;
      const t = (b + k) % PHASE_BINS;
      out[t] = out[t]! + m * w * (1 - f);
      const u = (t + 1) % PHASE_BINS;
      out[u] = out[u]! + m * w * f;
    }
  }
  return out;
}

/** Sum of a phase histogram. */
export function phaseTotal(ph: Phase): number {
  let s = 0;
  for (let b = 0; b < ph.length; b++) s += ph[b]!;
  return s;
}

/** ph times k, as a new histogram. */
export function scalePhase(ph: Phase, k: number): Phase {
  const out = new Float64Array(PHASE_BINS);
  for (let b = 0; b < PHASE_BINS; b++) out[b] = ph[b]! * k;
  return out;
}

/** Add b times k into a. */
export function addPhase(a: Phase, b: Phase, k = 1): void {
  for (let i = 0; i < PHASE_BINS; i++) a[i] = a[i]! + b[i]! * k;
}
