/**
 * The semantics analyzer and simulator share: plain functions on plain data (no zod, no I/O), so the analyzer's
 * estimates and the simulator's runs follow the same rules and cannot drift. The simulator compiles from these
 * functions; the analyzer reads the same ones for its closed forms. docs/simulator.md ("One semantics") lists
 * them.
 *
 *   attributes.ts case attributes: the share of cases a condition on one holds for
 *   branches.ts   branch weights and expected shares of routers
 *   checks.ts     when an item fails a check; sample audits
 *   retries.ts    which retrier handles an error, attempts, backoff and jitter, which errors a retry repeats
 *   visits.ts     the visit guard and re-ask limits
 *   joins.ts      join rules, join timeouts, merged items
 *   outcomes.ts   how a case ends, outcome severity
 *   calendar.ts   the business-hours calendar
 */
export * from './attributes.ts';
export * from './branches.ts';
export * from './checks.ts';
export * from './calendar.ts';
export * from './joins.ts';
export * from './outcomes.ts';
export * from './retries.ts';
export * from './visits.ts';
