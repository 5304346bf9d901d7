import { describe, expect, it } from 'vitest';
import { ANY_VALUE, complement, conditionSet, describeSet, intersect, isEmpty, union } from '../../src/analyzer/condition-sets.ts';
import { evaluateCondition, type Condition } from '../../src/domain/index.ts';

const c = (op: Condition['op'], value: Condition['value']): Condition => ({ field: 'x', op, value });
const CONDITIONS: Condition[] = [c('<', 100), c('<=', 100), c('>', 100), c('>=', 100), c('==', 100), c('!=', 100), c('<', 500), c('>=', 500), c('==', 'gold'), c('!=', 'gold'), c('==', true), c('<', 'gold')];
/** Values that sit on, between and beside every constant above, and a missing value. */
const PROBES: (number | string | boolean | undefined)[] = [-1e9, 0, 99.5, 100, 100.5, 300, 500, 500.5, 1e9, 'gold', 'basic', true, false, undefined];

/** Membership of a probe in a set, read the way evaluateCondition reads a case. */
function holds(set: ReturnType<typeof conditionSet>, v: number | string | boolean | undefined): boolean {
  if (v === undefined) return set.missing;
  if (typeof v === 'number') return set.nums.some((i) => (i.loOpen ? v > i.lo : v >= i.lo) && (i.hiOpen ? v < i.hi : v <= i.hi));
  return set.only === set.values.includes(JSON.stringify(v));
}

describe('condition sets', () => {
  it('hold exactly the values evaluateCondition accepts', () => {
    for (const cond of CONDITIONS) for (const v of PROBES) expect(holds(conditionSet(cond), v), `${cond.op} ${String(cond.value)} on ${String(v)}`).toBe(evaluateCondition(cond, { x: v }));
  });

  it('and, or and not agree with the conditions value by value', () => {
    for (const a of CONDITIONS) {
      for (const b of CONDITIONS) {
        const A = conditionSet(a);
        const B = conditionSet(b);
        for (const v of PROBES) {
          const ea = evaluateCondition(a, { x: v });
          const eb = evaluateCondition(b, { x: v });
          expect(holds(intersect(A, B), v)).toBe(ea && eb);
          expect(holds(union(A, B), v)).toBe(ea || eb);
          expect(holds(complement(A), v)).toBe(!ea);
        }
      }
    }
  });

  it('knows when nothing is left, and says a set in words', () => {
    expect(isEmpty(intersect(conditionSet(c('>=', 500)), conditionSet(c('<', 100))))).toBe(true);
    expect(isEmpty(intersect(conditionSet(c('>=', 100)), complement(conditionSet(c('>', 50)))))).toBe(true);
    expect(isEmpty(intersect(conditionSet(c('<=', 100)), conditionSet(c('>=', 100))))).toBe(false);
    expect(isEmpty(ANY_VALUE)).toBe(false);
    expect(describeSet('amount', conditionSet(c('>=', 500)))).toBe('amount ≥ 500');
    expect(describeSet('amount', intersect(conditionSet(c('>=', 100)), conditionSet(c('<', 500))))).toBe('amount ≥ 100 and < 500');
    expect(describeSet('tier', conditionSet(c('==', 'gold')))).toBe('tier is "gold"');
    expect(describeSet('tier', intersect(complement(conditionSet(c('==', 'gold'))), conditionSet(c('!=', 'gold'))))).toBe('tier is not "gold"');
  });
});
