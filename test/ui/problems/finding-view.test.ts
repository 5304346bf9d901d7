import { describe, expect, it } from 'vitest';
import { evidenceText } from '../../../src/ui/problems/finding-view.ts';

describe('evidenceText', () => {
  it('writes durations in human units, shares as percents, money in dollars and keys in words', () => {
    expect(evidenceText({ slaSeconds: 14_400, estimatedSuccess: 0.832 })).toBe('SLA 4 h · estimated success 83.2%');
    expect(evidenceText({ p95Seconds: 158_400, humanShare: 0.25 })).toBe('p95 cycle time 44 h · human share 25%');
    expect(evidenceText({ costPerCase: 0.012345, budgetPerRun: 0.01 })).toBe('cost per case $0.0123 · budget per run $0.01');
    expect(evidenceText({ cfc: 14, max: 10, in: 3, out: 4 })).toBe('control-flow complexity 14 · limit 10 · paths in 3 · paths out 4');
  });

  it('shows text as it is and rounds other numbers to four significant digits', () => {
    expect(evidenceText({ judgement: 'high', ratio: 4.56789 })).toBe('judgement high · ratio 4.568');
  });
});
