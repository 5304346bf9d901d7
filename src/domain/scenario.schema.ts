/**
 * Scenarios: what a simulation run is asked (workflow-format.md, "Scenarios"): how many cases arrive and how,
 * which faults are injected, and the hypothesis the run must confirm.
 */
import * as z from 'zod';
import { distributionSchema } from './distribution.schema.ts';
import { errorTypeSchema } from './errors.ts';
import { KPI_NAMES } from './kpi.ts';
import { AI_CAPABILITIES, nodeKindSchema } from './node.schema.ts';
import { BUILTIN_CONDITION_FIELDS, CONDITION_OPS } from './edge.schema.ts';
import { PROBABILITY_SUM_TOLERANCE } from './stub.schema.ts';
import { id, positiveSeconds, probability, seconds, shortText } from './units.ts';

/** Most cases one run may ask for; the batch runner splits them over workers. */
export const MAX_CASES = 1_000_000;
export const MAX_REPLICATIONS = 1_000;

export const arrivalSchema = z.discriminatedUnion('type', [
  /** Random arrivals at a mean rate (exponential gaps). */
  z.strictObject({ type: z.literal('poisson'), perHour: z.number().gt(0).max(1_000_000) }),
  /** One case every `everySeconds`. */
  z.strictObject({ type: z.literal('fixed'), everySeconds: positiveSeconds }),
]);

export const faultTargetSchema = z.union([
  z.strictObject({ node: id }),
  z.strictObject({ kind: nodeKindSchema }),
  z.strictObject({ capability: z.enum(AI_CAPABILITIES) }),
]);

export const faultSchema = z
  .strictObject({
    target: faultTargetSchema,
    /** The error the targeted calls fail with, with `probability` (default 1). */
    error: errorTypeSchema.optional(),
    probability: probability.optional(),
    /** Multiplies the targeted calls' latency while active. */
    latencyMultiplier: z.number().gt(0).max(1000).optional(),
    /** Active only in this window of simulated time. */
    window: z.strictObject({ startSeconds: seconds, durationSeconds: positiveSeconds }).optional(),
    /** Active only after the target has been called this many times. */
    afterCalls: z.number().int().min(0).max(1_000_000_000).optional(),
  })
  .refine((f) => f.error !== undefined || f.latencyMultiplier !== undefined, {
    message: 'a fault needs an error, a latencyMultiplier, or both',
  });

/** A value a case attribute can take (what a condition compares with). */
export const attributeValueSchema = z.union([z.number(), z.string().max(200), z.boolean()]);

/** A case attribute given as a table of values with their probabilities (summing to 1). */
export const attributeTableSchema = z
  .strictObject({
    type: z.literal('table'),
    values: z.array(z.strictObject({ value: attributeValueSchema, probability })).min(1).max(100),
  })
  .superRefine((t, ctx) => {
    const sum = t.values.reduce((a, v) => a + v.probability, 0);
    if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `the probabilities of the values must sum to 1, but they sum to ${Math.round(sum * 1e6) / 1e6}` });
    }
  });

/** How one attribute of a case is drawn: a distribution (a number) or a table of values. */
export const caseAttributeSchema = z.discriminatedUnion('type', [...distributionSchema.options, attributeTableSchema]);

export const MAX_CASE_ATTRIBUTES = 50;

/** Case attributes by name: each case draws its own values when it arrives; router conditions test them. */
export const caseAttributesSchema = z
  .record(z.string().min(1).max(64), caseAttributeSchema)
  .superRefine((attrs, ctx) => {
    const names = Object.keys(attrs);
    if (names.length > MAX_CASE_ATTRIBUTES) ctx.addIssue({ code: 'custom', message: `at most ${MAX_CASE_ATTRIBUTES} case attributes, not ${names.length}` });
    for (const name of names) {
      if ((BUILTIN_CONDITION_FIELDS as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is a built-in condition field (${BUILTIN_CONDITION_FIELDS.join(', ')}); give the attribute another name` });
      }
    }
  });

export const hypothesisSchema = z.strictObject({
  // The default enum message says "invalid option"; naming the KPIs tells the person what to write instead.
  metric: z.enum(KPI_NAMES, { error: (iss) => `unknown metric ${JSON.stringify(iss.input)}; use one of: ${KPI_NAMES.join(', ')}` }),
  op: z.enum(CONDITION_OPS),
  value: z.number(),
});

export const scenarioSchema = z.strictObject({
  id,
  name: shortText,
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  cases: z.number().int().min(1).max(MAX_CASES),
  replications: z.number().int().min(1).max(MAX_REPLICATIONS).optional(),
  arrival: arrivalSchema.optional(),
  faults: z.array(faultSchema).max(200).optional(),
  hypothesis: z.array(hypothesisSchema).max(50).optional(),
  /** Case attributes router conditions can test (`amount`, `country`...). */
  attributes: caseAttributesSchema.optional(),
});

export type Arrival = z.infer<typeof arrivalSchema>;
export type FaultTarget = z.infer<typeof faultTargetSchema>;
export type Fault = z.infer<typeof faultSchema>;
export type Hypothesis = z.infer<typeof hypothesisSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type AttributeValue = z.infer<typeof attributeValueSchema>;
export type CaseAttribute = z.infer<typeof caseAttributeSchema>;
