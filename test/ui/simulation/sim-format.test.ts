import { describe, expect, it } from 'vitest';
import { logPosition } from '../../../src/ui/simulation/SimCharts.tsx';
import { deltaVerdict, formatKpiDelta } from '../../../src/ui/simulation/sim-format.ts';

describe('deltaVerdict', () => {
  it('judges only clear differences, by whether higher is better for the KPI', () => {
    expect(deltaVerdict('higher', { mean: 0.03, clear: true })).toEqual({ tone: 'better', text: 'better (higher)' });
    expect(deltaVerdict('higher', { mean: -0.03, clear: true })).toEqual({ tone: 'worse', text: 'worse (lower)' });
    expect(deltaVerdict('lower', { mean: -5, clear: true })).toEqual({ tone: 'better', text: 'better (lower)' });
    expect(deltaVerdict('lower', { mean: 5, clear: true })).toEqual({ tone: 'worse', text: 'worse (higher)' });
    expect(deltaVerdict('lower', { mean: 5, clear: false })).toEqual({ tone: 'neutral', text: 'no clear difference' });
    expect(deltaVerdict(null, { mean: 0.2, clear: true })).toEqual({ tone: 'neutral', text: 'higher, neither better nor worse' });
    expect(deltaVerdict('higher', { mean: null, clear: false })).toEqual({ tone: 'neutral', text: 'n/a' });
  });

  it('rates differ in percentage points, said in words', () => {
    expect(formatKpiDelta('successRate', -0.134)).toBe('−13.4 points');
    expect(formatKpiDelta('cycleSecondsP95', 90)).toBe('+1.5 min');
  });
});

describe('logPosition', () => {
  it('places a time along log-spaced bins, linear in a first bin that starts at 0', () => {
    expect(logPosition([1, 10, 100], 10)).toBeCloseTo(0.5);
    expect(logPosition([1, 10, 100], Math.sqrt(10))).toBeCloseTo(0.25);
    expect(logPosition([0, 1, 10], 0.5)).toBeCloseTo(0.25);
    expect(logPosition([1, 10, 100], 1000)).toBeNull();
    expect(logPosition([], 5)).toBeNull();
  });
});
