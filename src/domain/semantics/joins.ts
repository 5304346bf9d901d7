/**
 * Join rules. Branches of one split form a group; a join acts on the branches of the group that arrive at it.
 *
 * - `all` waits for every live branch of the group (a branch that ended elsewhere, at an output or stuck, is not
 *   waited for) and then lets one merged item through;
 * - `first` lets the first branch through and cancels the others;
 * - `any` lets each branch through on its own (no merge);
 * - a token that was never split passes any join at once.
 *
 * A join's `timeoutSeconds` starts when the first branch of the group arrives at it; when it fires, the branches
 * that have arrived go through as one merged item and the rest of the group is cancelled. A merged item is wrong
 * if any merged branch was, and carries the lowest confidence among them.
 */
import type { JOIN_MODES } from '../node.schema.ts';

export type JoinMode = (typeof JOIN_MODES)[number];

/**
 * Does a join let the group's branches through now? `arrived` of the group's `live` branches are waiting at it.
 * @example joinReleases('all', 2, 3) // false
 * @example joinReleases('first', 1, 3) // true
 */
export function joinReleases(mode: JoinMode, arrived: number, live: number): boolean {
  if (mode === 'all') return arrived > 0 && arrived >= live;
  return arrived > 0;
}

/** When a join's timeoutSeconds starts counting. */
export const JOIN_TIMEOUT_STARTS = 'first-arrival' as const;

/**
 * The merged item's state: wrong if any branch was wrong; the lowest confidence any branch reported (-1: none did).
 * @example mergeBranches([{ wrong: false, confidence: 0.9 }, { wrong: true, confidence: 0.7 }]) // { wrong: true, confidence: 0.7 }
 */
export function mergeBranches(branches: readonly { readonly wrong: boolean; readonly confidence: number }[]): { wrong: boolean; confidence: number } {
  let wrong = false;
  let confidence = -1;
  // Indexed: the simulator merges at every join firing, and for-of runs the iterator protocol when interpreted.
  for (let i = 0; i < branches.length; i++) {
    const b = branches[i];
    if (!b) continue;
    wrong ||= b.wrong;
    if (b.confidence >= 0 && (confidence < 0 || b.confidence < confidence)) confidence = b.confidence;
  }
  return { wrong, confidence };
}
