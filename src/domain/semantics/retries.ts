/**
 * Retries: which retrier handles an error, how many tries it allows, how long it waits, and which errors a retry
 * repeats.
 */
import { ERROR_TYPES, isTransient, matchesError, type ErrorMatcher, type ErrorType } from '../errors.ts';
import type { JITTER_MODES } from '../policy.schema.ts';

export type JitterMode = (typeof JITTER_MODES)[number];

/** Defaults of a retrier's optional fields (Temporal's). */
export const RETRY_DEFAULTS = {
  initialIntervalSeconds: 1,
  backoffCoefficient: 2,
  /** maximumIntervalSeconds defaults to this many times the initial interval. */
  maximumIntervalFactor: 100,
  jitter: 'none',
} as const satisfies { readonly jitter: JitterMode; readonly [k: string]: number | string };

/**
 * The retrier that handles `error`: the first (in document order) whose `errorEquals` matches it, -1 for none.
 * Only that one decides: when its attempts are used up, no later retrier is tried.
 * @example handlingRetrier([{ errorEquals: ['timeout'] }, { errorEquals: ['ALL'] }], 'refusal') // 1
 */
export function handlingRetrier(retriers: readonly { readonly errorEquals: readonly ErrorMatcher[] }[], error: ErrorType): number {
  return retriers.findIndex((r) => matchesError(r.errorEquals, error));
}

/**
 * May a retrier grant one more retry? Each retrier counts the tries it grants on its own, as a Step Functions
 * Retrier does: `maximumAttempts` k lets the errors it handles be tried k times in all (k - 1 retries), and
 * retries granted by another retrier of the same step do not use up its count.
 * @example mayRetry(3, 0) // true (second try)
 * @example mayRetry(3, 2) // false (three tries made)
 */
export function mayRetry(maximumAttempts: number, retriesGranted: number): boolean {
  return retriesGranted + 1 < maximumAttempts;
}

/**
 * The most tries one visit of a step can make: the first, plus each retrier's maximumAttempts - 1.
 * @example maxTries([{ maximumAttempts: 3 }, { maximumAttempts: 2 }]) // 4
 */
export function maxTries(retriers: readonly { readonly maximumAttempts: number }[]): number {
  return 1 + retriers.reduce((n, r) => n + Math.max(0, r.maximumAttempts - 1), 0);
}

/**
 * The wait before a retry, before jitter: initial x coefficient^(retries granted so far), capped.
 * @example backoffSeconds(2, 3, 10, 0) // 2
 * @example backoffSeconds(2, 3, 10, 2) // 10 (18 capped)
 */
export function backoffSeconds(initialSeconds: number, coefficient: number, maximumIntervalSeconds: number, retriesGranted: number): number {
  return Math.min(initialSeconds * Math.pow(coefficient, retriesGranted), maximumIntervalSeconds);
}

/**
 * The jittered wait for a uniform draw u in [0, 1): `full` is uniform in [0, wait], `equal` is half the wait plus
 * a uniform half, `none` is the wait itself (and draws nothing).
 * @example jitteredSeconds(10, 'equal', 0.5) // 7.5
 */
export function jitteredSeconds(waitSeconds: number, jitter: JitterMode, u: number): number {
  if (jitter === 'full') return waitSeconds * u;
  if (jitter === 'equal') return waitSeconds / 2 + (waitSeconds / 2) * u;
  return waitSeconds;
}

/** Mean of `jitteredSeconds` over u, as a share of the wait. */
export const JITTER_MEAN: Readonly<Record<JitterMode, number>> = { none: 1, full: 0.5, equal: 0.75 };

/**
 * The wait after a rate-limited answer that carries Retry-After, for a retrier with `honorRetryAfter`: the
 * longer of the backoff and what the service asked for. Other errors, or a retrier that does not honour it, keep
 * the backoff.
 * @example retryWaitSeconds(2, 'rate_limited', 5, true) // 5
 */
export function retryWaitSeconds(backoff: number, error: ErrorType, retryAfterSeconds: number | undefined, honorRetryAfter: boolean): number {
  return honorRetryAfter && error === 'rate_limited' && retryAfterSeconds !== undefined && retryAfterSeconds > backoff ? retryAfterSeconds : backoff;
}

/** The kinds of step that make tries (a data step's tries are local, but can fail and be retried the same way). */
export type TryingKind = 'ai' | 'tool' | 'data';

/**
 * How likely a retry is to fail with the same error as the try before it (the rest of the time it is a fresh
 * try, whose outcome is drawn from the stub's table like the first one's). 0: every try is independent (a
 * timeout, a rate limit, a dropped connection). 1: the error belongs to the input, not to the try: it can only
 * appear on a step's first try, and every retry then repeats it (a refusal of this request, bad input data).
 */
export type RepeatProbabilities = Readonly<Record<ErrorType, number>>;

/**
 * The repeat probability of each error type for a kind of step: `overrides` (the stub's `repeatOnRetry`) where
 * given, else `DEFAULT_REPEAT`.
 * @example repeatProbabilities('tool').validation // 1
 * @example repeatProbabilities('ai').malformed_output // 0.2
 * @example repeatProbabilities('ai', { malformed_output: 0.5 }).malformed_output // 0.5
 */
export function repeatProbabilities(kind: TryingKind, overrides?: Readonly<Partial<Record<ErrorType, number>>>): RepeatProbabilities {
  return fromEntries((e) => overrides?.[e] ?? DEFAULT_REPEAT[kind][e]);
}

/** Transient errors: a retry is a new try (0). Anything else belongs to the input unless said otherwise (1). */
const byTransience = (e: ErrorType): number => (isTransient(e) ? 0 : 1);

/**
 * Default repeat probabilities. Transient errors (timeout, rate_limited, communication) never repeat. An AI step
 * samples its answer afresh on every try, so the failures of one sample mostly do not come back: malformed
 * output, a schema mismatch and an empty answer come back on 1 retry in 5 (the inputs that make a model fail
 * this way at all), a refusal on 1 in 3 (a prompt near a policy line stays near it). Its other errors (bad
 * request, authentication, content filter, runtime) and every non-transient error of a tool belong to the input
 * or the set-up: they come back every time.
 */
export const DEFAULT_REPEAT: Readonly<Record<TryingKind, RepeatProbabilities>> = {
  ai: { ...fromEntries(byTransience), malformed_output: 0.2, schema_mismatch: 0.2, empty_output: 0.2, refusal: 0.3 },
  tool: fromEntries(byTransience),
  // A data step runs locally: its non-transient errors (a script's bug, a bad file) come back every time.
  data: fromEntries(byTransience),
};

function fromEntries(f: (e: ErrorType) => number): Record<ErrorType, number> {
  const out = {} as Record<ErrorType, number>;
  for (const e of ERROR_TYPES) out[e] = f(e);
  return out;
}
