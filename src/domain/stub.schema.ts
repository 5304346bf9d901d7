/**
 * Stubs: how each kind of node behaves in simulation (workflow-format.md, "Stubs").
 * Outcome tables are probabilities that must sum to 1; the check reports the actual sum so the person
 * can see how far off it is, and never rescales it silently.
 */
import * as z from 'zod';
import { distributionSchema } from './distribution.schema.ts';
import { ERROR_TYPES, type ErrorType } from './errors.ts';
import { MAX_COUNT, probability, usd } from './units.ts';

/** Tolerance on "sums to 1": what rounding in a hand-edited file can produce, and no more. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

const errorProbabilities = Object.fromEntries(ERROR_TYPES.map((e) => [e, probability.optional()])) as Record<ErrorType, z.ZodOptional<typeof probability>>;

function sumsToOne<T extends Record<string, number | undefined>>(table: T, ctx: z.core.$RefinementCtx<T>): void {
  let sum = 0;
  for (const v of Object.values(table)) sum += v ?? 0;
  if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
    ctx.addIssue({ code: 'custom', message: `outcome probabilities must sum to 1, but they sum to ${roundForMessage(sum)}` });
  }
}

function roundForMessage(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** ai outcomes: ok, wrong (a plausible but incorrect result, the silent error) and error types. */
export const aiOutcomesSchema = z
  .strictObject({ ok: probability.optional(), wrong: probability.optional(), ...errorProbabilities })
  .superRefine(sumsToOne);

/** tool outcomes: ok and error types; `wrong` is allowed too (a tool can return stale or wrong data). */
export const toolOutcomesSchema = aiOutcomesSchema;

const tokenCount = distributionSchema;

/**
 * Per error type, how likely a retry fails with the same error as the try before it (0-1). Types left out keep
 * their defaults (repeatProbabilities in src/domain/semantics/retries.ts): transient errors never repeat; on ai
 * steps malformed output, schema mismatches, empty output and refusals mostly do not; every other error does.
 */
export const repeatOnRetrySchema = z.strictObject(errorProbabilities);

export const confidenceSchema = z.strictObject({
  /** Confidence the step reports when its result is correct (usually beta, high). */
  correct: distributionSchema,
  /** Confidence it reports when its result is wrong (usually beta, lower but overlapping). */
  wrong: distributionSchema,
});

export const aiStubSchema = z.strictObject({
  latency: distributionSchema,
  costPerCall: usd.optional(),
  inputTokens: tokenCount.optional(),
  outputTokens: tokenCount.optional(),
  pricePerInputToken: usd.optional(),
  pricePerOutputToken: usd.optional(),
  outcomes: aiOutcomesSchema,
  confidence: confidenceSchema.optional(),
  /** Seconds a rate-limited answer asks the caller to wait (Retry-After), when the service sends one. */
  retryAfterSeconds: z.number().min(0).max(MAX_COUNT).optional(),
  repeatOnRetry: repeatOnRetrySchema.optional(),
});

export const toolStubSchema = z.strictObject({
  latency: distributionSchema,
  costPerCall: usd.optional(),
  outcomes: toolOutcomesSchema,
  retryAfterSeconds: z.number().min(0).max(MAX_COUNT).optional(),
  repeatOnRetry: repeatOnRetrySchema.optional(),
});

/**
 * A data step runs locally: without `outcomes` it always succeeds. Give outcomes when it can fail (a script
 * that throws on bad input: `runtime`; a parse of malformed data: `validation`).
 */
export const dataStubSchema = z.strictObject({
  latency: distributionSchema,
  outcomes: toolOutcomesSchema.optional(),
});

/** A loop's stub: how many items one case brings to the loop (sampled per entry, rounded to a whole number). */
export const loopStubSchema = z.strictObject({
  items: distributionSchema,
});

export const humanOutcomesSchema = z
  .strictObject({ approve: probability.optional(), reject: probability.optional(), revise: probability.optional() })
  .superRefine(sumsToOne);

export const humanStubSchema = z.strictObject({
  serviceTime: distributionSchema,
  costPerHour: usd.optional(),
  /** What reviewers decide on a correct item. */
  outcomes: humanOutcomesSchema,
  /** Probability a wrong item is caught (rejected or sent to revise). */
  detectionRate: probability.optional(),
});

export const checkStubSchema = z.strictObject({
  latency: distributionSchema,
  costPerCall: usd.optional(),
  /** Probability a wrong item fails the check. */
  detectionRate: probability,
  /** Probability a correct item fails the check anyway. */
  falseRejectRate: probability,
});

export type AiOutcomes = z.infer<typeof aiOutcomesSchema>;
export type AiStub = z.infer<typeof aiStubSchema>;
export type ToolStub = z.infer<typeof toolStubSchema>;
export type HumanStub = z.infer<typeof humanStubSchema>;
export type DataStub = z.infer<typeof dataStubSchema>;
export type LoopStub = z.infer<typeof loopStubSchema>;
export type CheckStub = z.infer<typeof checkStubSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
