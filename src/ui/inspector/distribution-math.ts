/**
 * What the distribution editor shows and does beyond plain fields: convert between types keeping the mean
 * (and roughly the spread), a one-line summary, and a density curve estimated from quantiles (so it works for
 * every type with no density formula per type and no chart library).
 */
import { distributionMean, distributionQuantile, lognormalSigma, normalQuantile, type Distribution, type DistributionType } from '../../domain/index.ts';
import { formatSeconds } from '../../domain/index.ts';

/** What the numbers of a distribution measure: latency in seconds, a token count, a confidence in [0, 1]. */
export type DistributionUnit = 'seconds' | 'count' | 'probability';

/** Four significant digits: enough for a form, and "2.1972" reads better than "2.197224577336219". */
function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : 0;
}

/** The standard deviation, in closed form (normal: of the untruncated normal, which is what `sd` states). */
export function distributionSd(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return 0;
    case 'uniform':
      return (d.max - d.min) / Math.sqrt(12);
    case 'normal':
      return d.sd;
    case 'lognormal': {
      const s = lognormalSigma(d.median, d.p95);
      return distributionMean(d) * Math.sqrt(Math.exp(s * s) - 1);
    }
    case 'exponential':
      return d.mean;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    }
    case 'beta': {
      const n = d.alpha + d.beta;
      return Math.sqrt((d.alpha * d.beta) / (n * n * (n + 1)));
    }
  }
}

/**
 * The same quantity described by another type: the mean is kept wherever the target type can have it, the
 * spread where it can too (a uniform or triangular is kept symmetric and non-negative).
 * @example convertDistribution({ type: 'fixed', value: 3 }, 'exponential') // { type: 'exponential', mean: 3 }
 */
export function convertDistribution(d: Distribution, to: DistributionType): Distribution {
  if (d.type === to) return d;
  const mean = Math.max(0, distributionMean(d));
  const sd = Math.max(0, distributionSd(d));
  // A fixed value has no spread to carry over; a quarter of the mean gives the new type a visible shape.
  const spread = sd > 0 ? sd : mean / 4;
  switch (to) {
    case 'fixed':
      return { type: 'fixed', value: round(mean) };
    case 'uniform': {
      const half = Math.min(mean, spread * Math.sqrt(3));
      return { type: 'uniform', min: round(mean - half), max: round(mean + half) };
    }
    case 'normal':
      return normalWithMean(mean, spread);
    case 'lognormal': {
      if (mean <= 0) return { type: 'lognormal', median: 1, p95: 4 };
      const sigma2 = Math.log(1 + (spread * spread) / (mean * mean));
      const median = mean / Math.exp(sigma2 / 2);
      return { type: 'lognormal', median: round(median), p95: round(median * Math.exp(Math.sqrt(sigma2) * normalQuantile(0.95))) };
    }
    case 'exponential':
      return { type: 'exponential', mean: mean > 0 ? round(mean) : 1 };
    case 'triangular': {
      const half = Math.min(mean, spread * Math.sqrt(6));
      return { type: 'triangular', min: round(mean - half), mode: round(mean), max: round(mean + half) };
    }
    case 'beta': {
      // Beta lives on [0, 1]: only a mean inside it can be kept; anything else starts from a neutral shape.
      if (!(mean > 0 && mean < 1)) return { type: 'beta', alpha: 2, beta: 2 };
      const variance = spread * spread;
      const k = variance > 0 && variance < mean * (1 - mean) ? (mean * (1 - mean)) / variance - 1 : 10;
      return { type: 'beta', alpha: round(mean * k), beta: round((1 - mean) * k) };
    }
  }
}

/**
 * A normal (truncated at 0 when sampled) whose truncated mean is `mean`. The sd is capped at the mean, where
 * the untruncated mean can still stay >= 0, and the untruncated mean is found by fixed-point steps (the
 * truncated mean grows with it at a slope close to 1, so a few steps converge).
 */
function normalWithMean(mean: number, spread: number): Distribution {
  const sd = Math.min(spread, mean);
  let mu = mean;
  for (let i = 0; i < 30; i++) mu = Math.max(0, mu + mean - distributionMean({ type: 'normal', mean: mu, sd }));
  return { type: 'normal', mean: round(mu), sd: round(sd) };
}

export function formatAmount(x: number, unit: DistributionUnit): string {
  if (!Number.isFinite(x)) return '—';
  if (unit === 'seconds') return formatSeconds(x);
  if (unit === 'probability') return x.toFixed(2);
  return Math.round(x).toLocaleString('en-US');
}

/**
 * "median 2 s · p95 8 s · mean 3.1 s"
 * @example distributionSummary({ type: 'lognormal', median: 2, p95: 8 }, 'seconds') // "median 2 s · p95 8 s · mean 3.1 s"
 */
export function distributionSummary(d: Distribution, unit: DistributionUnit): string {
  const parts = [`median ${formatAmount(distributionQuantile(d, 0.5), unit)}`, `p95 ${formatAmount(distributionQuantile(d, 0.95), unit)}`, `mean ${formatAmount(distributionMean(d), unit)}`];
  return d.type === 'fixed' ? `always ${formatAmount(d.value, unit)}` : parts.join(' · ');
}

const PREVIEW_STEPS = 40;

/**
 * An SVG path of the density over [p1, p99], `width` × `height`, estimated from quantiles: between two
 * neighbouring quantiles the density is Δq / Δx. Returns null when there is no spread to draw (fixed value,
 * or parameters too broken to compute).
 */
export function densityPath(d: Distribution, width: number, height: number): string | null {
  const qs = Array.from({ length: PREVIEW_STEPS + 1 }, (_, i) => 0.01 + (0.98 * i) / PREVIEW_STEPS);
  const xs = qs.map((q) => distributionQuantile(d, q));
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi) || hi - lo <= 1e-12) return null;
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < PREVIEW_STEPS; i++) {
    const a = xs[i] ?? lo;
    const b = xs[i + 1] ?? hi;
    // Equal quantiles (a spike, e.g. a normal truncated at 0) would divide by zero; cap at a tall bar instead.
    const density = (0.98 / PREVIEW_STEPS) / Math.max(b - a, (hi - lo) / 1000);
    points.push({ x: (a + b) / 2, y: density });
  }
  const top = Math.max(...points.map((p) => p.y));
  const sx = (x: number): number => ((x - lo) / (hi - lo)) * width;
  const sy = (y: number): number => height - (y / top) * (height - 2);
  const line = points.map((p) => `L${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  return `M0,${height} ${line} L${width},${height} Z`;
}
