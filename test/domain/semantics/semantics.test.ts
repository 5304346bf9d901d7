/**
 * The shared semantics, rule by rule (src/domain/semantics). test/simulator/semantics-contract.test.ts checks that
 * the simulator follows the same rules.
 */
import { describe, expect, it } from 'vitest';
import {
  backoffSeconds,
  CASE_OUTCOMES,
  DEFAULT_VISIT_LIMIT,
  expectedBranchShares,
  handlingRetrier,
  jitteredSeconds,
  JITTER_MEAN,
  joinReleases,
  maxTries,
  mayRetry,
  mergeBranches,
  repeatProbabilities,
  retryWaitSeconds,
  splitUnclaimed,
  visitGuardHit,
  worseOutcome,
} from '../../../src/domain/semantics/index.ts';

const cond = { field: 'confidence', op: '<' as const, value: 0.8 };

describe('branch weights', () => {
  it('weights under 1 leave the rest to the default edge', () => {
    expect(splitUnclaimed([{ probability: 0.3 }, { probability: 0.2 }, { isDefault: true }])).toEqual({ weights: [0.3, 0.2, 0], fallback: 2, fallbackShare: 0.5 });
  });

  it('without a default, or over 1, weights are renormalised and a plain edge takes nothing', () => {
    const [a = NaN, b = NaN, c = NaN] = splitUnclaimed([{ probability: 0.3 }, { probability: 0.1 }, {}]).weights;
    expect([a, b, c].map((x) => Number(x.toFixed(12)))).toEqual([0.75, 0.25, 0]);
    expect(splitUnclaimed([{ probability: 3 }, { probability: 1 }, { isDefault: true }])).toMatchObject({ weights: [0.75, 0.25, 0], fallback: 2, fallbackShare: 0 });
  });

  it('with no weight the default takes everything, else the first plain edge, else nothing (stuck)', () => {
    expect(splitUnclaimed([{}, { isDefault: true }])).toEqual({ weights: [0, 0], fallback: 1, fallbackShare: 1 });
    expect(splitUnclaimed([{}, {}])).toEqual({ weights: [0, 0], fallback: 0, fallbackShare: 1 });
    expect(splitUnclaimed([{ condition: cond }])).toEqual({ weights: [0], fallback: -1, fallbackShare: 0 });
  });

  it('a condition decides before a probability on the same edge; a probability decides before isDefault', () => {
    expect(splitUnclaimed([{ condition: cond, probability: 0.5 }, { probability: 0.5, isDefault: true }, { isDefault: true }])).toEqual({ weights: [0, 0.5, 0], fallback: 2, fallbackShare: 0.5 });
  });

  it('expected shares: conditional edges their probability, the rest split as the unclaimed cases are', () => {
    expect(expectedBranchShares('exclusive', [{ condition: cond, probability: 0.2 }, { probability: 0.5 }, { isDefault: true }])).toEqual([0.2, 0.4, 0.4]);
    // Two conditions without a figure and a default: three equal parts.
    const even = expectedBranchShares('exclusive', [{ condition: cond }, { condition: cond }, { isDefault: true }]);
    even.forEach((s) => expect(s).toBeCloseTo(1 / 3, 12));
    // Conditions only, figures over 1: scaled to 1.
    expect(expectedBranchShares('exclusive', [{ condition: cond, probability: 0.8 }, { condition: cond, probability: 0.8 }])).toEqual([0.5, 0.5]);
    // Nothing takes the cases no condition claims: their share is missing (stuck).
    expect(expectedBranchShares('exclusive', [{ condition: cond, probability: 0.6 }])).toEqual([0.6]);
  });

  it('parallel: every edge; inclusive: each its own chance, the default when no other fired', () => {
    expect(expectedBranchShares('parallel', [{}, { probability: 0.2 }])).toEqual([1, 1]);
    expect(expectedBranchShares('inclusive', [{ probability: 0.5 }, { probability: 0.4 }, { isDefault: true }])).toEqual([0.5, 0.4, 0.3]);
    expect(expectedBranchShares('inclusive', [{ condition: cond }, {}, { isDefault: true }])).toEqual([0.5, 1, 0]);
  });
});

describe('retries', () => {
  it('the first matching retrier handles an error, whatever the later ones say', () => {
    expect(handlingRetrier([{ errorEquals: ['timeout'] }, { errorEquals: ['ALL'] }], 'refusal')).toBe(1);
    expect(handlingRetrier([{ errorEquals: ['timeout'] }, { errorEquals: ['ALL'] }], 'timeout')).toBe(0);
    expect(handlingRetrier([{ errorEquals: ['timeout'] }], 'refusal')).toBe(-1);
  });

  it('each retrier counts its own tries: maximumAttempts k grants k - 1 retries', () => {
    expect([0, 1, 2].map((used) => mayRetry(3, used))).toEqual([true, true, false]);
    expect(mayRetry(1, 0)).toBe(false);
    expect(maxTries([{ maximumAttempts: 3 }, { maximumAttempts: 2 }])).toBe(4);
    expect(maxTries([])).toBe(1);
  });

  it('backoff grows by the coefficient up to the cap; jitter and Retry-After adjust it', () => {
    expect([0, 1, 2].map((n) => backoffSeconds(2, 3, 10, n))).toEqual([2, 6, 10]);
    expect(jitteredSeconds(10, 'none', 0.3)).toBe(10);
    expect(jitteredSeconds(10, 'full', 0.3)).toBe(3);
    expect(jitteredSeconds(10, 'equal', 0.5)).toBe(7.5);
    expect(JITTER_MEAN).toEqual({ none: 1, full: 0.5, equal: 0.75 });
    expect(retryWaitSeconds(2, 'rate_limited', 5, true)).toBe(5);
    expect(retryWaitSeconds(2, 'rate_limited', 5, false)).toBe(2);
    expect(retryWaitSeconds(2, 'timeout', 5, true)).toBe(2);
    expect(retryWaitSeconds(8, 'rate_limited', 5, true)).toBe(8);
  });

  it('by default a retry never repeats a transient error and always repeats any other; the stub can say otherwise', () => {
    const ai = repeatProbabilities('ai');
    expect([ai.timeout, ai.rate_limited, ai.communication]).toEqual([0, 0, 0]);
    expect(repeatProbabilities('tool').validation).toBe(1);
    expect(repeatProbabilities('ai', { malformed_output: 0.2 }).malformed_output).toBe(0.2);
  });
});

describe('visits, joins, outcomes', () => {
  it('the visit guard ends a case on its 26th entry into a node', () => {
    expect(DEFAULT_VISIT_LIMIT).toBe(25);
    expect(visitGuardHit(25)).toBe(false);
    expect(visitGuardHit(26)).toBe(true);
    expect(visitGuardHit(3, 2)).toBe(true);
  });

  it('all waits for every live branch; first and any go at once', () => {
    expect(joinReleases('all', 2, 3)).toBe(false);
    expect(joinReleases('all', 3, 3)).toBe(true);
    expect(joinReleases('first', 1, 3)).toBe(true);
    expect(joinReleases('any', 1, 3)).toBe(true);
    expect(joinReleases('all', 0, 0)).toBe(false);
  });

  it('a merged item is wrong if any branch was, with the lowest confidence reported', () => {
    expect(mergeBranches([{ wrong: false, confidence: 0.9 }, { wrong: true, confidence: 0.7 }, { wrong: false, confidence: -1 }])).toEqual({ wrong: true, confidence: 0.7 });
    expect(mergeBranches([{ wrong: false, confidence: -1 }])).toEqual({ wrong: false, confidence: -1 });
  });

  it('a case keeps the most severe output outcome: error > rejected > escalated > success', () => {
    expect(CASE_OUTCOMES).toEqual(['success', 'rejected', 'escalated', 'error', 'failed', 'stuck']);
    expect(worseOutcome(undefined, 'success')).toBe('success');
    expect(worseOutcome('escalated', 'rejected')).toBe('rejected');
    expect(worseOutcome('rejected', 'escalated')).toBe('rejected');
    expect(worseOutcome('error', 'success')).toBe('error');
  });
});
