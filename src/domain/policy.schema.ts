/**
 * Failure handling of a step (workflow-format.md, "Policy"). Names follow Temporal; `maximumAttempts`
 * counts ALL tries (1 = no retry). The schema accepts risky-but-legal values (maximumAttempts 50, a
 * backoff coefficient below 1): judging them is the analyzer's job (rule unbounded-retry), refusing them
 * on import would stop people from opening the very files that need fixing.
 */
import * as z from 'zod';
import { errorMatcherSchema } from './errors.ts';
import { positiveSeconds, probability, seconds } from './units.ts';

export const timeoutsSchema = z.strictObject({
  /** Limit for one try. */
  startToCloseSeconds: positiveSeconds.optional(),
  /** Limit for the whole step, all tries and backoff included. */
  scheduleToCloseSeconds: positiveSeconds.optional(),
});

/** Jitter on the backoff interval: none, full (uniform in [0, interval]) or equal (interval/2 + uniform half). */
export const JITTER_MODES = ['none', 'full', 'equal'] as const;

export const retrierSchema = z.strictObject({
  errorEquals: z.array(errorMatcherSchema).min(1).max(20),
  maximumAttempts: z.number().int().min(1).max(1000),
  initialIntervalSeconds: seconds.optional(),
  backoffCoefficient: z.number().gt(0).max(100).optional(),
  maximumIntervalSeconds: seconds.optional(),
  jitter: z.enum(JITTER_MODES).optional(),
  /** Wait as long as a rate-limited service's Retry-After says, when it says more than the backoff. */
  honorRetryAfter: z.boolean().optional(),
});

export const catcherSchema = z.strictObject({
  errorEquals: z.array(errorMatcherSchema).min(1).max(20),
  /** The node's own output port the case leaves by (for ai and tool steps: `error`). */
  port: z.string().min(1).max(32),
});

export const circuitBreakerSchema = z.strictObject({
  failureRateThreshold: probability,
  windowSize: z.number().int().min(1).max(10_000),
  minimumCalls: z.number().int().min(1).max(10_000),
  openSeconds: positiveSeconds,
});

export const stepPolicySchema = z.strictObject({
  timeouts: timeoutsSchema.optional(),
  retry: z.array(retrierSchema).max(20).optional(),
  catch: z.array(catcherSchema).max(20).optional(),
  circuitBreaker: circuitBreakerSchema.optional(),
});

/** A human gate's policy carries timeouts only: people are not retried. */
export const humanPolicySchema = z.strictObject({ timeouts: timeoutsSchema.optional() });

export type Timeouts = z.infer<typeof timeoutsSchema>;
export type Retrier = z.infer<typeof retrierSchema>;
export type Catcher = z.infer<typeof catcherSchema>;
export type CircuitBreaker = z.infer<typeof circuitBreakerSchema>;
export type StepPolicy = z.infer<typeof stepPolicySchema>;
export type HumanPolicy = z.infer<typeof humanPolicySchema>;
