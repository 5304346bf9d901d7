/**
 * A deterministic bound on the work of one estimate. The flow's cost grows with loops, gates and parallel
 * branches (each convolution of time distributions is cells x atoms); the live analysis runs on every edit, so
 * an estimate that would take seconds stops instead and says it was not estimated (never a half-computed
 * number). Work is counted in the inner loops' units (a cell moved by an atom, a phase bin shifted), not in
 * milliseconds, so the same design gives the same answer on every machine.
 */

/** Raised inside an estimate that used up its budget; `withBudget` turns it into its fallback. */
export class EstimateTooLarge extends Error {
  constructor(readonly used: number) {
    super(`estimate stopped after ${used} units of work`);
  }
}

/** Raised inside an estimate that meets a design the closed form cannot follow; `reason` is what the card says. */
export class EstimateDeclined extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

let used = 0;
let limit = Infinity;

/**
 * Count `units` of work against the running estimate's budget (none outside `withBudget`).
 * @example spend(100) // throws EstimateTooLarge past the budget
 */
export function spend(units: number): void {
  used += units;
  if (used > limit) throw new EstimateTooLarge(used);
}

/**
 * Run `fn` with at most `budget` units of work; past it (or when it declines the design), `onTooLarge()` instead. Budgets do not nest (the inner
 * one replaces the outer while it runs).
 * @example withBudget(1e8, () => propagate(core), () => fallback)
 */
export function withBudget<T>(budget: number, fn: () => T, onTooLarge: (used: number, reason?: string) => T): T {
  const [u0, l0] = [used, limit];
  used = 0;
  limit = budget;
  try {
    return fn();
  } catch (e) {
    if (e instanceof EstimateTooLarge) return onTooLarge(e.used);
    if (e instanceof EstimateDeclined) return onTooLarge(used, e.reason);
    throw e;
  } finally {
    used = u0;
    limit = l0;
  }
}

/** Work counted so far in the running budget (for measuring). */
export function workUsed(): number {
  return used;
}
