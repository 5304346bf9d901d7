/**
 * Shared numeric building blocks for the workflow schema.
 *
 * Units (workflow-format.md): durations in seconds, money in USD, probabilities in [0, 1].
 * Every number is finite (zod 4's `z.number()` refuses Infinity and NaN) and bounded, so a
 * hostile or corrupted file cannot smuggle 1e308 into the simulator's arithmetic.
 */
import * as z from 'zod';

/** Longest duration a document may state: 10 years. Anything above is certainly a typo. */
export const MAX_SECONDS = 315_360_000;
/** Largest amount of money a single field may hold (USD). */
export const MAX_USD = 1_000_000;
/** Largest coordinate on the canvas. */
export const MAX_COORDINATE = 10_000_000;
/** Largest count of anything (tokens, runs per day, reviewers...). */
export const MAX_COUNT = 1_000_000_000;

export const probability = z.number().min(0).max(1);
export const seconds = z.number().min(0).max(MAX_SECONDS);
export const positiveSeconds = z.number().gt(0).max(MAX_SECONDS);
export const usd = z.number().min(0).max(MAX_USD);
export const count = z.number().int().min(0).max(MAX_COUNT);
export const positiveCount = z.number().int().min(1).max(MAX_COUNT);
export const coordinate = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);

/** Ids of nodes, edges and scenarios: 1-128 characters (the import limit). */
export const MAX_ID_LENGTH = 128;
export const id = z.string().min(1).max(MAX_ID_LENGTH);
/** Free text a person typed: labels, descriptions, purposes. Bounded so one field cannot eat the 10 MB budget. */
export const shortText = z.string().max(200);
export const longText = z.string().max(20_000);
