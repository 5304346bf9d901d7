import { describe, expect, it } from 'vitest';
import { histogramBin, HISTOGRAM_BINS, HISTOGRAM_EDGES } from '../../src/simulator/statistics.ts';
import { histogramOfSorted } from '../../src/simulator/summaries.ts';
import { seeded } from '../contract/generate.ts';

/** The histogram as the report defined it first: each case's bin computed on its own. */
function binOneByOne(values: readonly number[]): Int32Array {
  const h = new Int32Array(HISTOGRAM_BINS);
  for (const x of values) h[histogramBin(x)] = (h[histogramBin(x)] ?? 0) + 1;
  return h;
}

describe('histogramOfSorted', () => {
  it('gives the counts of binning case by case, on times spread over every decade', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = seeded(seed);
      const values = Array.from({ length: 2000 + seed * 97 }, () => 10 ** (-3 + next() * 13));
      const sorted = Float64Array.from(values).sort();
      expect(Array.from(histogramOfSorted(sorted))).toEqual(Array.from(binOneByOne(values)));
    }
  });

  it('puts times on and next to every bin edge where binning them one by one does', () => {
    const values: number[] = [0, 0.001, 1e12];
    for (const e of HISTOGRAM_EDGES) values.push(e, e * (1 - 2 ** -52), e * (1 + 2 ** -52), e * (1 - 1e-9), e * (1 + 1e-9));
    const sorted = Float64Array.from(values).sort();
    expect(Array.from(histogramOfSorted(sorted))).toEqual(Array.from(binOneByOne(values)));
  });

  it('counts every case once, and nothing for no cases', () => {
    const sorted = Float64Array.from([5, 5, 5, 60, 3600]);
    expect(histogramOfSorted(sorted).reduce((a, b) => a + b, 0)).toBe(5);
    expect(Array.from(histogramOfSorted(new Float64Array(0))).every((c) => c === 0)).toBe(true);
  });
});
