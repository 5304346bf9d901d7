/**
 * Samplers for every distribution of src/domain/distribution.schema.ts.
 *
 * Two forms: `sample(dist, u)` on the document's objects (tests, debug), and `sampleCoded(code, p0, p1, p2, s, base)`
 * on the compiled form (a type code and three precomputed parameters in typed arrays), which the engine uses on
 * the hot path. Both draw the same numbers for the same stream, because `sample` encodes and calls the coded form.
 */
import { lognormalSigma, type Distribution } from '../domain/index.ts';
import { nextFloat, type Uniform } from './rng.ts';

/** Type codes of the compiled form. */
export const DIST = { fixed: 0, uniform: 1, normal: 2, lognormal: 3, exponential: 4, triangular: 5, beta: 6 } as const;

/** A compiled distribution: a code and three parameters (meaning per code, see `encodeDistribution`). */
export interface CodedDistribution {
  readonly code: number;
  readonly p0: number;
  readonly p1: number;
  readonly p2: number;
}

/**
 * Precompute a distribution's sampling parameters once, at compile time.
 * lognormal becomes (mu, sigma) of the underlying normal; the rest keep their natural parameters.
 * @example encodeDistribution({ type: 'lognormal', median: 2, p95: 8 }) // { code: 3, p0: ln 2, p1: 0.843, p2: 0 }
 */
export function encodeDistribution(d: Distribution): CodedDistribution {
  switch (d.type) {
    case 'fixed':
      return { code: DIST.fixed, p0: d.value, p1: 0, p2: 0 };
    case 'uniform':
      return { code: DIST.uniform, p0: d.min, p1: d.max, p2: 0 };
    case 'normal':
      return { code: DIST.normal, p0: d.mean, p1: d.sd, p2: 0 };
    case 'lognormal':
      return { code: DIST.lognormal, p0: Math.log(d.median), p1: lognormalSigma(d.median, d.p95), p2: 0 };
    case 'exponential':
      return { code: DIST.exponential, p0: d.mean, p1: 0, p2: 0 };
    case 'triangular':
      return { code: DIST.triangular, p0: d.min, p1: d.mode, p2: d.max };
    case 'beta':
      return { code: DIST.beta, p0: d.alpha, p1: d.beta, p2: 0 };
  }
}

type Draw = () => number;

/**
 * Sample a document distribution with a uniform source.
 * @example sample({ type: 'exponential', mean: 10 }, streamUniform(createStreams(1, 0, 1), 0, 0)) // e.g. 4.2
 */
export function sample(d: Distribution, u: Uniform): number {
  const c = encodeDistribution(d);
  return sampleWith(c.code, c.p0, c.p1, c.p2, () => u.next());
}

/**
 * Sample a compiled distribution from the stream at `base` of `s`. The hot-path form.
 * @example sampleCoded(DIST.uniform, 0, 10, 0, streams.state, streamIndex(0, PURPOSE.latency)) // in [0, 10)
 */
export function sampleCoded(code: number, p0: number, p1: number, p2: number, s: Uint32Array, base: number): number {
  switch (code) {
    case DIST.fixed:
      return p0;
    case DIST.uniform:
      return p0 + (p1 - p0) * nextFloat(s, base);
    case DIST.exponential:
      return -p0 * Math.log(nextFloat(s, base));
    case DIST.lognormal:
      return p1 === 0 ? Math.exp(p0) : Math.exp(p0 + p1 * streamNormal(s, base));
    case DIST.normal: {
      // truncatedNormal without its closure, same draws in the same order.
      if (p1 <= 0) return Math.max(0, p0);
      for (let i = 0; i < 64; i++) {
        const x = p0 + p1 * streamNormal(s, base);
        if (x >= 0) return x;
      }
      return p0;
    }
    case DIST.triangular:
      return triangular(p0, p1, p2, nextFloat(s, base));
    default:
      return sampleWith(code, p0, p1, p2, () => nextFloat(s, base));
  }
}

/**
 * `standardNormal` reading the stream directly: the hot path (lognormal latencies) then allocates no closure per
 * sample. Same two draws in the same order (u1, then u2), so the same numbers.
 */
function streamNormal(s: Uint32Array, base: number): number {
  const u1 = nextFloat(s, base);
  const u2 = nextFloat(s, base);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function sampleWith(code: number, p0: number, p1: number, p2: number, draw: Draw): number {
  switch (code) {
    case DIST.fixed:
      return p0;
    case DIST.uniform:
      return p0 + (p1 - p0) * draw();
    case DIST.normal:
      return truncatedNormal(p0, p1, draw);
    case DIST.lognormal:
      return p1 === 0 ? Math.exp(p0) : Math.exp(p0 + p1 * standardNormal(draw));
    case DIST.exponential:
      return -p0 * Math.log(draw());
    case DIST.triangular:
      return triangular(p0, p1, p2, draw());
    case DIST.beta:
      return betaSample(p0, p1, draw);
    default:
      throw new Error(`unknown distribution code ${code}`);
  }
}

/** Box-Muller, one value per call (no cached second value: a sampler must have no hidden state to checkpoint). */
function standardNormal(draw: Draw): number {
  const u1 = draw();
  const u2 = draw();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Normal truncated at 0 (a duration is never negative), by rejection. The mean is >= 0 (schema), so at least
 * half of the draws are accepted; the cap only guards against a pathological stream.
 */
function truncatedNormal(mean: number, sd: number, draw: Draw): number {
  if (sd <= 0) return Math.max(0, mean);
  for (let i = 0; i < 64; i++) {
    const x = mean + sd * standardNormal(draw);
    if (x >= 0) return x;
  }
  return mean;
}

function triangular(min: number, mode: number, max: number, u: number): number {
  if (max <= min) return min;
  const fc = (mode - min) / (max - min);
  return u < fc ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/**
 * Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 uses the boost Gamma(a) = Gamma(a + 1) * U^(1/a).
 * @example gammaSample(2.5, Math.random) // mean 2.5
 */
export function gammaSample(shape: number, draw: Draw): number {
  if (shape < 1) return gammaSample(shape + 1, draw) * Math.pow(draw(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(draw);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = draw();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

function betaSample(alpha: number, beta: number, draw: Draw): number {
  const x = gammaSample(alpha, draw);
  const y = gammaSample(beta, draw);
  const s = x + y;
  return s > 0 ? x / s : alpha / (alpha + beta);
}
