/**
 * The error types a step can fail with (workflow-format.md, "Stubs"). Retriers and catchers match them by
 * name; `ALL` matches any of them. `wrong` is deliberately NOT an error: a wrong result is a silent failure
 * that flows on as if it were fine, which is exactly what the simulator must expose.
 */
import * as z from 'zod';

export const ERROR_TYPES = [
  'timeout',
  'rate_limited',
  'communication',
  'runtime',
  'authentication',
  'validation',
  'malformed_output',
  'schema_mismatch',
  'refusal',
  'content_filter',
  'empty_output',
] as const;

export const errorTypeSchema = z.enum(ERROR_TYPES);
export type ErrorType = z.infer<typeof errorTypeSchema>;

/** An error matcher in a retrier or catcher: a concrete type or `ALL`. */
export const errorMatcherSchema = z.enum([...ERROR_TYPES, 'ALL']);
export type ErrorMatcher = z.infer<typeof errorMatcherSchema>;

/**
 * Transient errors are worth retrying: the same call may succeed a moment later. The others are
 * deterministic for a given input (a refusal stays a refusal), which the analyzer's retry formula
 * 1 - q_d - q_t^k relies on.
 */
export const TRANSIENT_ERRORS: readonly ErrorType[] = ['timeout', 'rate_limited', 'communication'];

export function isTransient(error: ErrorType): boolean {
  return TRANSIENT_ERRORS.includes(error);
}

/** Does `matchers` (from a retrier or catcher) match `error`? */
export function matchesError(matchers: readonly ErrorMatcher[], error: ErrorType): boolean {
  return matchers.includes('ALL') || matchers.includes(error);
}
