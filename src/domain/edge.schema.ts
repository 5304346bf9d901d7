/**
 * Edges connect a node's output port to another node. Conditions are structured data, never code, so a
 * document can be simulated and linted without evaluating anything a stranger wrote.
 */
import * as z from 'zod';
import { id, probability, shortText } from './units.ts';

export const CONDITION_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
/** Built-in fields a condition can test; any other name is a case attribute. */
export const BUILTIN_CONDITION_FIELDS = ['confidence', 'attempt', 'visits'] as const;

export const conditionSchema = z.strictObject({
  field: z.string().min(1).max(64),
  op: z.enum(CONDITION_OPS),
  value: z.union([z.number(), z.string().max(200), z.boolean()]),
});

export const edgeSchema = z.strictObject({
  id,
  source: id,
  sourcePort: z.string().min(1).max(32),
  target: id,
  label: shortText.optional(),
  condition: conditionSchema.optional(),
  /** Weight of this branch out of an exclusive router (branches with only a probability split by weight). */
  probability: probability.optional(),
  /** Takes every case no other branch of the router took. */
  isDefault: z.boolean().optional(),
});

export type Condition = z.infer<typeof conditionSchema>;
export type ConditionOp = Condition['op'];
export type WorkflowEdge = z.infer<typeof edgeSchema>;

/**
 * Evaluate a condition against a case's values. A missing field or a type mismatch is false, not an error:
 * a branch whose attribute the case lacks simply does not fire.
 * @example evaluateCondition({ field: 'confidence', op: '>=', value: 0.8 }, { confidence: 0.9 }) // true
 */
export function evaluateCondition(c: Condition, values: Readonly<Record<string, number | string | boolean | undefined>>): boolean {
  const actual = values[c.field];
  if (actual === undefined) return false;
  if (c.op === '==') return actual === c.value;
  if (c.op === '!=') return actual !== c.value;
  if (typeof actual !== 'number' || typeof c.value !== 'number') return false;
  switch (c.op) {
    case '<':
      return actual < c.value;
    case '<=':
      return actual <= c.value;
    case '>':
      return actual > c.value;
    case '>=':
      return actual >= c.value;
  }
}

/** "confidence >= 0.8": how a condition reads on the canvas. */
export function formatCondition(c: Condition): string {
  return `${c.field} ${c.op} ${typeof c.value === 'string' ? JSON.stringify(c.value) : String(c.value)}`;
}
