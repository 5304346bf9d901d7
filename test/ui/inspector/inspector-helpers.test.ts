import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_TYPES, distributionMean, distributionSchema, edgeSchema, type Distribution } from '../../../src/domain/index.ts';
import { convertDistribution, densityPath, distributionSummary } from '../../../src/ui/inspector/distribution-math.ts';
import { parseNumberText } from '../../../src/ui/inspector/number-text.ts';
import { moveItem, setIn } from '../../../src/ui/inspector/path-data.ts';
import { issuesByPath, structuralGuard } from '../../../src/ui/inspector/schema-issues.ts';

describe('number text', () => {
  it.each(['', '-', '1e', '.', 'abc', '0x10', 'Infinity', '1,5'])('refuses %j as a required number', (t) => {
    expect(parseNumberText(t, false).ok).toBe(false);
  });
  it.each([['1.', 1], ['.5', 0.5], ['-2', -2], ['1e3', 1000], [' 7 ', 7]] as const)('reads %j as %d', (t, n) => {
    expect(parseNumberText(t, false)).toEqual({ ok: true, value: n });
  });
  it('reads an empty optional field as absent', () => expect(parseNumberText('', true)).toEqual({ ok: true, value: undefined }));
});

describe('path data', () => {
  it('creates missing objects and removes keys set to undefined', () => {
    expect(setIn({ a: 1 }, ['p', 't', 's'], 5)).toEqual({ a: 1, p: { t: { s: 5 } } });
    expect(setIn({ a: 1, b: 2 }, ['b'], undefined)).toEqual({ a: 1 });
    expect(setIn({ l: [{ x: 1 }, { x: 2 }] }, ['l', 1, 'x'], 3)).toEqual({ l: [{ x: 1 }, { x: 3 }] });
  });
  it('moves list items within bounds only', () => {
    expect(moveItem([1, 2, 3], 2, 0)).toEqual([3, 1, 2]);
    expect(moveItem([1, 2], 0, -1)).toEqual([1, 2]);
  });
});

describe('schema issues', () => {
  const edge = { id: 'e', source: 'a', sourcePort: 'out', target: 'b' };
  it('accepts out-of-range values as structural but refuses NaN and unknown keys', () => {
    const isEdge = structuralGuard(edgeSchema);
    expect(isEdge({ ...edge, probability: 1.3 })).toBe(true);
    expect(isEdge({ ...edge, probability: Number.NaN })).toBe(false);
    expect(isEdge({ ...edge, extra: 1 })).toBe(false);
  });
  it('files readable messages by path', () => {
    expect(issuesByPath(edgeSchema, { ...edge, probability: 1.3 }).get('probability')).toEqual(['Must be at most 1']);
  });
});

describe('distribution conversion', () => {
  const lognormal: Distribution = { type: 'lognormal', median: 2, p95: 8 };
  it.each(DISTRIBUTION_TYPES.filter((t) => t !== 'beta'))('keeps the mean converting to %s, and stays valid', (type) => {
    const d = convertDistribution(lognormal, type);
    expect(d.type).toBe(type);
    expect(distributionSchema.safeParse(d).success).toBe(true);
    expect(distributionMean(d)).toBeCloseTo(distributionMean(lognormal), 2);
  });
  it('keeps a confidence mean converting to beta', () => {
    const d = convertDistribution({ type: 'uniform', min: 0.6, max: 1 }, 'beta');
    expect(distributionMean(d)).toBeCloseTo(0.8, 3);
    expect(distributionSchema.safeParse(d).success).toBe(true);
  });
  it('summarises and draws a preview', () => {
    expect(distributionSummary({ type: 'fixed', value: 0.05 }, 'seconds')).toBe('always 50 ms');
    expect(densityPath({ type: 'fixed', value: 1 }, 100, 20)).toBeNull();
    expect(densityPath(lognormal, 100, 20)).toMatch(/^M0,20 L[\d.]+,[\d.]+/);
  });
});
