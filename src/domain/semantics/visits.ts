/**
 * Visit limits: how far a loop can go around before the case is declared stuck.
 */

/** Default visit guard: a case entering one node more often than this ends stuck there. */
export const DEFAULT_VISIT_LIMIT = 25;

/** Re-asks a check makes per case when its `maxReasks` is not set. */
export const DEFAULT_MAX_REASKS = 2;

/**
 * Does this entry hit the visit guard? `entries` counts this one (the first entry is 1).
 * @example visitGuardHit(26, DEFAULT_VISIT_LIMIT) // true
 * @example visitGuardHit(25, DEFAULT_VISIT_LIMIT) // false
 */
export function visitGuardHit(entries: number, limit: number = DEFAULT_VISIT_LIMIT): boolean {
  return entries > limit;
}
