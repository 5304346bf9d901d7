/**
 * Case attributes (a scenario's `attributes`): each case draws one value per attribute when it arrives, from a
 * distribution (a number, never negative, like every sampled quantity) or a table of values; router conditions
 * test them with `evaluateCondition`. `conditionShare` is the share of cases for which a condition on one
 * attribute holds: what the analyzer reads as the branch's expected share, and what the simulator converges to.
 */
import { distributionCdf } from '../distribution-math.ts';
import { evaluateCondition, type Condition } from '../edge.schema.ts';
import type { CaseAttribute } from '../scenario.schema.ts';

/**
 * The share of cases whose attribute `condition.field` makes the condition hold; undefined when the field is not
 * one of `attributes` (a built-in field such as confidence, or an attribute the scenario does not draw: then the
 * condition never holds in simulation).
 * @example conditionShare({ field: 'tier', op: '==', value: 'gold' }, { tier: { type: 'table', values: [{ value: 'gold', probability: 0.2 }, { value: 'basic', probability: 0.8 }] } }) // 0.2
 * @example conditionShare({ field: 'amount', op: '>', value: 100 }, { amount: { type: 'exponential', mean: 100 } }) // e^-1 = 0.368
 */
export function conditionShare(condition: Condition, attributes: Readonly<Record<string, CaseAttribute>>): number | undefined {
  const a = attributes[condition.field];
  if (a === undefined) return undefined;
  if (a.type === 'table') {
    const total = a.values.reduce((s, v) => s + v.probability, 0) || 1;
    return a.values.reduce((s, v) => s + (evaluateCondition(condition, { [condition.field]: v.value }) ? v.probability : 0), 0) / total;
  }
  if (a.type === 'fixed') return evaluateCondition(condition, { [condition.field]: a.value }) ? 1 : 0;
  // A continuous number: equal to a given value with probability 0; compared with anything but a number, never.
  const v = condition.value;
  if (condition.op === '==') return 0;
  if (condition.op === '!=') return 1;
  if (typeof v !== 'number') return 0;
  const below = distributionCdf(a, v);
  return condition.op === '<' || condition.op === '<=' ? below : 1 - below;
}

export { distributionCdf };
