/**
 * How a case ends. A case that reaches outputs ends, when its last branch ends, with the most severe outcome it
 * reached: error > rejected > escalated > success. It ends at once as `failed` when an error is not handled
 * (no retrier absorbs it, no catcher routes it), and as `stuck` when it cannot go on (visit guard, a port with no
 * edge, branches waiting at joins that can never fire).
 */
import { OUTPUT_OUTCOMES } from '../node.schema.ts';

export type OutputOutcome = (typeof OUTPUT_OUTCOMES)[number];

/** Every way a case can end, in the simulator's order (outcome codes are positions in this list). */
export const CASE_OUTCOMES = [...OUTPUT_OUTCOMES, 'failed', 'stuck'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Severity of the output outcomes: a case keeps the highest it reached. */
export const OUTCOME_SEVERITY: Readonly<Record<OutputOutcome, number>> = { success: 0, escalated: 1, rejected: 2, error: 3 };

/**
 * The outcome a case keeps when it reaches `next` after `current` (undefined: none reached yet).
 * @example worseOutcome('escalated', 'rejected') // 'rejected'
 * @example worseOutcome('error', 'success') // 'error'
 */
export function worseOutcome(current: OutputOutcome | undefined, next: OutputOutcome): OutputOutcome {
  return current === undefined || OUTCOME_SEVERITY[next] > OUTCOME_SEVERITY[current] ? next : current;
}
