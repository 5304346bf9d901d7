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

/** Each error type as a person says it ("rate limited", not `rate_limited`): messages, tables and checkboxes. */
export const ERROR_TYPE_WORDS: Readonly<Record<ErrorType, string>> = {
  timeout: 'timed out',
  rate_limited: 'rate limited',
  communication: 'connection failed',
  runtime: 'crashed (runtime error)',
  authentication: 'not authorised',
  validation: 'invalid input',
  malformed_output: 'malformed output',
  schema_mismatch: 'output does not match its schema',
  refusal: 'refused',
  content_filter: 'blocked by a content filter',
  empty_output: 'empty output',
};

/**
 * An error name as words; a name that is not an error type (an older report, a typo) is shown as it is.
 * @example errorInWords('rate_limited') // "rate limited"
 */
export function errorInWords(error: string): string {
  return isErrorType(error) ? ERROR_TYPE_WORDS[error] : error;
}

export function isErrorType(s: string): s is ErrorType {
  return (ERROR_TYPES as readonly string[]).includes(s);
}

/**
 * What a retrier's or catcher's `errorEquals` matches, in words: "any error", or the types joined with "or".
 * @example errorsInWords(['ALL']) // "any error"
 * @example errorsInWords(['timeout', 'rate_limited']) // "timed out or rate limited"
 */
export function errorsInWords(matchers: readonly ErrorMatcher[]): string {
  if (matchers.includes('ALL')) return 'any error';
  const words = matchers.map((m) => errorInWords(m));
  return words.length <= 1 ? (words[0] ?? 'no error') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}
