import { describe, expect, it } from 'vitest';
import { distributionMean, type Distribution } from '../../src/domain/index.ts';
import { addWorkingSeconds, isOpen, nextOpen, workingSecondsUntil } from '../../src/domain/semantics/index.ts';
import { gammaSample, sample } from '../../src/simulator/distributions.ts';
import { createStreams, nextFloat, nextUint32, PURPOSE, PURPOSE_COUNT, seedStream, streamIndex, streamUniform } from '../../src/simulator/rng.ts';

describe('rng', () => {
  it('the same key gives the same numbers; another key other numbers', () => {
    const a = createStreams(42, 3, 5);
    const b = createStreams(42, 3, 5);
    const c = createStreams(42, 4, 5);
    const draw = (s: ReturnType<typeof createStreams>) => Array.from({ length: 5 }, () => nextFloat(s.state, streamIndex(2, PURPOSE.latency)));
    const da = draw(a);
    expect(da).toEqual(draw(b));
    expect(da).not.toEqual(draw(c));
  });

  it('a stream seeded on its own (as the engine does at its first draw) is the one createStreams makes', () => {
    const all = createStreams(42, 3, 5).state;
    const lazy = new Uint32Array(all.length);
    for (const [node, purpose] of [[4, PURPOSE.latency], [0, PURPOSE.outcome], [2, PURPOSE.repeat]] as const) {
      seedStream(lazy, 42, 3, node, purpose);
      const base = streamIndex(node, purpose);
      expect(Array.from(lazy.subarray(base, base + 4))).toEqual(Array.from(all.subarray(base, base + 4)));
    }
    expect(lazy.filter((w) => w !== 0).length).toBe(3 * 4);
    expect(all.length).toBe(5 * PURPOSE_COUNT * 4);
  });

  it('nextUint32 is sfc32 and nextFloat scales the same integer into (0, 1)', () => {
    // sfc32 as its author writes it (32-bit words a, b, c and counter d), on a copy of the same state.
    const sfc32 = (w: Uint32Array, i: number): number => {
      const [a = 0, b = 0, c = 0, d = 0] = w.subarray(i, i + 4);
      const t = (((a + b) | 0) + d) | 0;
      w.set([b ^ (b >>> 9), c + (c << 3), ((c << 21) | (c >>> 11)) + t, d + 1], i);
      return t >>> 0;
    };
    const a = createStreams(7, 1, 2).state;
    const b = Uint32Array.from(a);
    const c = Uint32Array.from(a);
    const base = streamIndex(1, PURPOSE.decision);
    for (let i = 0; i < 10_000; i++) {
      const expected = sfc32(b, base);
      expect(nextUint32(a, base)).toBe(expected);
      expect(nextFloat(c, base)).toBe((expected + 0.5) / 4294967296);
    }
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(c)).toEqual(Array.from(b));
  });

  it('streams of different nodes and purposes are uncorrelated and uniform', () => {
    const s = createStreams(1, 0, 4);
    const n = 50_000;
    let sx = 0;
    let sy = 0;
    let sxy = 0;
    let sxx = 0;
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const x = nextFloat(s.state, streamIndex(0, PURPOSE.outcome));
      const y = nextFloat(s.state, streamIndex(1, PURPOSE.outcome));
      sx += x;
      sy += y;
      sxy += x * y;
      sxx += x * x;
      const k = Math.floor(x * 10);
      bins[k] = (bins[k] ?? 0) + 1;
    }
    const cov = sxy / n - (sx / n) * (sy / n);
    const varx = sxx / n - (sx / n) ** 2;
    expect(Math.abs(cov / varx)).toBeLessThan(0.02);
    expect(Math.abs(sx / n - 0.5)).toBeLessThan(0.01);
    // chi-square with 9 df: 99.9% point is 27.9
    const chi = bins.reduce((a, b) => a + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });
});

describe('distributions', () => {
  const cases: Distribution[] = [
    { type: 'fixed', value: 3 },
    { type: 'uniform', min: 2, max: 6 },
    { type: 'normal', mean: 1, sd: 2 },
    { type: 'lognormal', median: 2, p95: 8 },
    { type: 'exponential', mean: 5 },
    { type: 'triangular', min: 1, mode: 2, max: 6 },
    { type: 'beta', alpha: 9, beta: 1 },
    { type: 'beta', alpha: 0.5, beta: 0.7 },
  ];
  for (const d of cases) {
    it(`${JSON.stringify(d)}: sample mean matches the closed-form mean; never negative`, () => {
      const u = streamUniform(createStreams(9, 0, 1), 0, PURPOSE.latency);
      const n = 100_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = sample(d, u);
        expect(x).toBeGreaterThanOrEqual(0);
        s += x;
        s2 += x * x;
      }
      const mean = s / n;
      const se = Math.sqrt(Math.max(s2 / n - mean * mean, 0) / n);
      expect(Math.abs(mean - distributionMean(d))).toBeLessThanOrEqual(4 * se + 1e-12);
    });
  }

  it('gamma has mean and variance equal to its shape', () => {
    const u = streamUniform(createStreams(3, 0, 1), 0, 0);
    for (const shape of [0.3, 1, 2.5, 10]) {
      const n = 100_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = gammaSample(shape, () => u.next());
        s += x;
        s2 += x * x;
      }
      const mean = s / n;
      const variance = s2 / n - mean * mean;
      expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.05);
    }
  });
});

describe('business-hours calendar (time 0 = Monday 00:00)', () => {
  const h = 3600;
  const day = 24 * h;
  it('is open Monday to Friday 09-17 only', () => {
    expect(isOpen(9 * h)).toBe(true);
    expect(isOpen(17 * h)).toBe(false);
    expect(isOpen(4 * day + 16 * h)).toBe(true);
    expect(isOpen(5 * day + 10 * h)).toBe(false);
  });
  it('finds the next opening, over the weekend too', () => {
    expect(nextOpen(0)).toBe(9 * h);
    expect(nextOpen(17 * h)).toBe(day + 9 * h);
    expect(nextOpen(4 * day + 18 * h)).toBe(7 * day + 9 * h);
  });
  it('counts and adds working seconds', () => {
    expect(workingSecondsUntil(7 * day)).toBe(40 * h);
    expect(workingSecondsUntil(day + 10 * h)).toBe(9 * h);
    expect(addWorkingSeconds(16 * h, 2 * h)).toBe(day + 10 * h);
    expect(addWorkingSeconds(4 * day + 16 * h, 2 * h)).toBe(7 * day + 10 * h);
    expect(addWorkingSeconds(9 * h, 41 * h)).toBe(7 * day + 10 * h);
    for (const start of [0, 5 * h, 13 * h, 3 * day + 20 * h, 6 * day]) {
      for (const work of [1, 3 * h, 8 * h, 50 * h, 100 * h]) {
        const end = addWorkingSeconds(start, work);
        expect(workingSecondsUntil(end) - workingSecondsUntil(start)).toBeCloseTo(work, 6);
      }
    }
  });
});
