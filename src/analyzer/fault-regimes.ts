/**
 * A scenario's faults as the flow reads them (FlowOptions.faults): for each step, a mixture of regimes (which of
 * its faults are active, and for what share of its visits), so the estimate beside a fault run is made under the
 * same faults, never compared with the fault-free baseline (issue 9). The simulator's rule (calls.ts): faults hit
 * ai, tool and data steps per try; latency multipliers multiply; the first fault with an error that fires replaces
 * the try's outcome. A fault with a window is active for the share of the run's span the window covers; one with
 * `afterCalls` for the share of the run's calls past that count (one call per case taken as the count: an
 * approximation, said in the estimate's approximations).
 */
import type { Fault, WorkflowNode } from '../domain/index.ts';
import type { ActiveFault } from './step-model.ts';

export interface FaultRegime {
  readonly share: number;
  readonly faults: readonly ActiveFault[];
}

/** Faults per step above this are mixed as if always active together past it (2^k regimes otherwise). */
const MAX_MIXED = 6;

/** Does the fault's target name this node (by id, kind or an ai step's capability)? */
export function faultHits(f: Fault, node: WorkflowNode): boolean {
  const t = f.target;
  return ('node' in t && t.node === node.id) || ('kind' in t && t.kind === node.kind) || ('capability' in t && node.kind === 'ai' && node.config.capability === t.capability);
}

/**
 * Share of a run's calls during which the fault is active. `horizon`: seconds from the first arrival to the last
 * (Infinity: the steady state, where a window is a vanishing share and a call count is soon passed); `cases`: the
 * run's cases.
 * @example activeShare({ target: { kind: 'ai' }, error: 'timeout', window: { startSeconds: 0, durationSeconds: 50 } }, 100, 10) // 0.5
 */
export function activeShare(f: Fault, horizon: number, cases: number | undefined): number {
  let share = 1;
  if (f.window) {
    if (!Number.isFinite(horizon)) return 0;
    const span = Math.max(horizon, 1e-9);
    const from = Math.min(span, Math.max(0, f.window.startSeconds));
    const to = Math.min(span, Math.max(0, f.window.startSeconds + f.window.durationSeconds));
    share *= Math.max(0, to - from) / span;
  }
  if (f.afterCalls !== undefined && f.afterCalls > 0 && cases !== undefined) share *= Math.max(0, 1 - f.afterCalls / cases);
  return share;
}

/** Is any fault's share an approximation (a window or a call count), so the estimate should say so? */
export function approximateFaults(faults: readonly Fault[]): boolean {
  return faults.some((f) => f.window !== undefined || (f.afterCalls ?? 0) > 0);
}

function active(f: Fault): ActiveFault {
  return f.error !== undefined ? { latencyMultiplier: f.latencyMultiplier ?? 1, error: f.error, probability: f.probability ?? 1 } : { latencyMultiplier: f.latencyMultiplier ?? 1, probability: f.probability ?? 1 };
}

/**
 * The regimes of each step under these faults (none for other kinds: the simulator faults only tries).
 * @example faultRegimes([{ target: { node: 'a' }, error: 'timeout', probability: 0.3 }], Infinity, undefined)(aiNodeA) // [{ share: 1, faults: [timeout 0.3] }]
 */
export function faultRegimes(faults: readonly Fault[], horizon: number, cases: number | undefined): (node: WorkflowNode) => readonly FaultRegime[] {
  const cache = new Map<string, readonly FaultRegime[]>();
  return (node) => {
    if (node.kind !== 'ai' && node.kind !== 'tool' && node.kind !== 'data') return [{ share: 1, faults: [] }];
    const mine = faults.filter((f) => faultHits(f, node)).map((f) => ({ f, a: activeShare(f, horizon, cases) })).filter((x) => x.a > 0);
    const key = mine.map((x) => faults.indexOf(x.f)).join(',');
    const hit = cache.get(key);
    if (hit) return hit;
    // Always-active faults (and those past MAX_MIXED) are in every regime; the others on or off independently.
    const some = mine.filter((x, i) => x.a < 1 && i < MAX_MIXED);
    const regimes: FaultRegime[] = [];
    for (let mask = 0; mask < 1 << some.length; mask++) {
      let share = 1;
      const on: ActiveFault[] = [];
      // Document order, as the simulator tries them (the first error that fires wins).
      for (const x of mine) {
        const j = some.indexOf(x);
        if (j < 0) on.push(active(x.f));
        else if (mask & (1 << j)) {
          share *= x.a;
          on.push(active(x.f));
        } else share *= 1 - x.a;
      }
      if (share > 0) regimes.push({ share, faults: on });
    }
    cache.set(key, regimes);
    return regimes;
  };
}
