/**
 * Case attributes: each case draws its values on arrival (a distribution or a table per attribute), router
 * conditions test them, and the share of cases taking each branch is conditionShare's (src/domain/semantics).
 */
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type CaseAttribute, type Condition, type Scenario } from '../../src/domain/index.ts';
import { conditionShare, distributionCdf } from '../../src/domain/semantics/index.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { binomialHalfWidth, edge, output, router, trigger, workflow } from './helpers.ts';

const CASES = 5000;
const REPS = 4;

function share(condition: Condition, attributes: Record<string, CaseAttribute>): number {
  const doc = workflow([trigger(), router('r'), output('yes'), output('no')], [edge('t', 'r'), edge('r', 'yes', { condition }), edge('r', 'no', { isDefault: true })]);
  const scenario: Scenario = { id: 's', name: 's', seed: 4, cases: CASES, attributes };
  const r = runBatch(doc, scenario, { cases: CASES, replications: REPS, seed: 4 });
  return r?.nodes['yes']?.reachedShare ?? NaN;
}

function expectShare(condition: Condition, attributes: Record<string, CaseAttribute>): void {
  const expected = conditionShare(condition, attributes) ?? NaN;
  const got = share(condition, attributes);
  expect({ got, expected, inside: Math.abs(got - expected) <= binomialHalfWidth(expected, CASES * REPS) + 1e-9 }).toMatchObject({ inside: true });
}

describe('case attributes in scenarios', () => {
  it('a table attribute: tier == "gold" for a fifth of the cases, != for the rest', () => {
    const tier: CaseAttribute = { type: 'table', values: [{ value: 'gold', probability: 0.2 }, { value: 'basic', probability: 0.8 }] };
    expect(conditionShare({ field: 'tier', op: '==', value: 'gold' }, { tier })).toBe(0.2);
    expectShare({ field: 'tier', op: '==', value: 'gold' }, { tier });
    expectShare({ field: 'tier', op: '!=', value: 'gold' }, { tier });
  });

  it('a boolean table and numeric distributions: the share is the distribution function', () => {
    expectShare({ field: 'vip', op: '==', value: true }, { vip: { type: 'table', values: [{ value: true, probability: 0.1 }, { value: false, probability: 0.9 }] } });
    expectShare({ field: 'amount', op: '>', value: 1000 }, { amount: { type: 'lognormal', median: 400, p95: 3000 } });
    expectShare({ field: 'amount', op: '<=', value: 50 }, { amount: { type: 'exponential', mean: 100 } });
    expectShare({ field: 'score', op: '<', value: 0.7 }, { score: { type: 'beta', alpha: 8, beta: 2 } });
    expectShare({ field: 'load', op: '>=', value: 3 }, { load: { type: 'triangular', min: 1, mode: 2, max: 6 } });
  });

  it('without the attribute a condition on it never holds (and conditionShare says it cannot tell)', () => {
    expect(share({ field: 'tier', op: '==', value: 'gold' }, {})).toBe(0);
    expect(conditionShare({ field: 'tier', op: '==', value: 'gold' }, {})).toBeUndefined();
  });

  it('distribution functions match their closed forms', () => {
    expect(distributionCdf({ type: 'uniform', min: 0, max: 10 }, 2.5)).toBe(0.25);
    expect(distributionCdf({ type: 'exponential', mean: 10 }, 10)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(distributionCdf({ type: 'lognormal', median: 5, p95: 20 }, 5)).toBeCloseTo(0.5, 6);
    expect(distributionCdf({ type: 'beta', alpha: 2, beta: 2 }, 0.5)).toBeCloseTo(0.5, 9);
    expect(distributionCdf({ type: 'beta', alpha: 1, beta: 3 }, 0.2)).toBeCloseTo(1 - 0.8 ** 3, 9);
    expect(distributionCdf({ type: 'triangular', min: 0, mode: 1, max: 2 }, 1)).toBeCloseTo(0.5, 12);
    expect(distributionCdf({ type: 'normal', mean: 0, sd: 1 }, 1)).toBeCloseTo(2 * (0.8413447 - 0.5), 5);
  });

  it('the schema refuses a table that does not sum to 1 and an attribute named like a built-in field, saying where', () => {
    const base = { id: 's', name: 's', seed: 1, cases: 10 };
    const bad = scenarioSchema.safeParse({ ...base, attributes: { tier: { type: 'table', values: [{ value: 'a', probability: 0.5 }] } } });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['attributes', 'tier', 'values'], message: expect.stringContaining('sum to 1, but they sum to 0.5') });
    const builtin = scenarioSchema.safeParse({ ...base, attributes: { confidence: { type: 'fixed', value: 1 } } });
    expect(builtin.error?.issues[0]?.message).toContain('built-in condition field');
  });
});
