/**
 * Exact CDFs and quantiles of every stub distribution as the simulator samples them: a normal truncated at 0 by
 * rejection, a lognormal from median and p95, a beta for confidence. One place for the inspector's summaries, the
 * case-attribute shares (semantics/attributes.ts) and the analyzer's time distributions, so they cannot differ.
 */
import { lognormalSigma, normalCdf, normalQuantile, type Distribution } from './distribution.schema.ts';

/**
 * P(X <= x) for the distribution as the simulator draws it.
 * @example distributionCdf({ type: 'exponential', mean: 10 }, 10) // 1 - e^-1 ≈ 0.632
 */
export function distributionCdf(d: Distribution, x: number): number {
  switch (d.type) {
    case 'fixed':
      return x >= d.value ? 1 : 0;
    case 'uniform':
      if (d.max <= d.min) return x >= d.min ? 1 : 0;
      return clamp01((x - d.min) / (d.max - d.min));
    case 'normal': {
      if (x < 0) return 0;
      if (d.sd <= 0) return x >= Math.max(0, d.mean) ? 1 : 0;
      // Rejection below 0 leaves the normal conditioned on X >= 0.
      const z0 = normalCdf(-d.mean / d.sd);
      const tail = 1 - z0;
      return tail > 1e-15 ? clamp01((normalCdf((x - d.mean) / d.sd) - z0) / tail) : x >= d.mean ? 1 : 0;
    }
    case 'lognormal': {
      if (x <= 0) return 0;
      const s = lognormalSigma(d.median, d.p95);
      if (s === 0) return x >= d.median ? 1 : 0;
      return normalCdf(Math.log(x / d.median) / s);
    }
    case 'exponential':
      return x <= 0 ? 0 : 1 - Math.exp(-x / d.mean);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (x <= a) return 0;
      if (x >= b) return 1;
      if (x <= c) return ((x - a) * (x - a)) / ((b - a) * (c - a) || 1);
      return 1 - ((b - x) * (b - x)) / ((b - a) * (b - c) || 1);
    }
    case 'beta':
      if (x <= 0) return 0;
      if (x >= 1) return 1;
      return regularizedBeta(x, d.alpha, d.beta);
  }
}

/**
 * The p-quantile (0 < p < 1) of the distribution as the simulator draws it (inverse of distributionCdf).
 * @example distributionQuantile({ type: 'normal', mean: 0, sd: 1 }, 0.5) // 0.674 (half-normal median)
 */
export function distributionQuantile(d: Distribution, p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * q;
    case 'normal': {
      if (d.sd <= 0) return Math.max(0, d.mean);
      const z0 = normalCdf(-d.mean / d.sd);
      return Math.max(0, d.mean + d.sd * normalQuantile(z0 + q * (1 - z0)));
    }
    case 'lognormal':
      return d.median * Math.exp(lognormalSigma(d.median, d.p95) * normalQuantile(q));
    case 'exponential':
      return -d.mean * Math.log(1 - q);
    case 'triangular': {
      const { min, mode, max } = d;
      if (max <= min) return min;
      const fc = (mode - min) / (max - min);
      return q < fc ? min + Math.sqrt(q * (max - min) * (mode - min)) : max - Math.sqrt((1 - q) * (max - min) * (max - mode));
    }
    case 'beta': {
      // Bisection on the exact CDF: 60 halvings reach double precision on [0, 1].
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (regularizedBeta(mid, d.alpha, d.beta) < q) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    }
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** ln Gamma by Lanczos (g = 7, 9 terms): ~15 significant digits for x > 0. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xx = x - 1;
  let a = c[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta (modified Lentz), as in Numerical Recipes' betacf. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return h;
}

/**
 * The regularized incomplete beta I_x(a, b): the CDF of Beta(a, b) at x.
 * @example regularizedBeta(0.5, 2, 2) // 0.5
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) return clamp01((front * betaContinuedFraction(x, a, b)) / a);
  return clamp01(1 - (front * betaContinuedFraction(1 - x, b, a)) / b);
}
