/**
 * The rounds of a loop not yet swept (flow-region.ts, RegionBase.extrapolate): once each sweep of a loop adds a
 * steady share `ratio` of what the sweep before added, the rest of the geometric series is added in one step
 * instead of sweeping on to 1e-7 (a for-each of 7 passes took ~125 sweeps, each convolving every member's whole
 * accumulated time distribution). Masses gain (x - x_prev) x ratio / (1 - ratio), exactly; a time distribution
 * gains the same mass spread over the later rounds, each a round later than the last one swept.
 */
import { MAX_ATOMS } from './time-grid.ts';
import { TimeBuilder, TimeDist } from './time-dist.ts';

/** Mass, and mass x value and mass x value^2 summed over the cells (moments that add and subtract exactly). */
function moments(d: TimeDist): [number, number, number] {
  let s = 0;
  let q = 0;
  for (let k = 0; k < d.sum.length; k++) {
    s += d.sum[k]!;
    q += d.sq[k]!;
  }
  return [d.total, s, q];
}

/**
 * The sum over j >= 1 of ratio^j x (a mass `mass` of mean `mean` and variance `variance`, moved on by j rounds,
 * each of mean `round` and variance `roundVariance`). Its total is mass x ratio / (1 - ratio); the rounds are
 * grouped into at most MAX_ATOMS atoms, each keeping its variance.
 * @example geometricTail(0.1, 1, 0, 0.5, 2, 0).total // 0.1
 */
export function geometricTail(mass: number, mean: number, variance: number, ratio: number, round: number, roundVariance: number): TimeDist {
  if (!(mass > 0) || !(ratio > 0 && ratio < 1)) return TimeDist.EMPTY;
  // Rounds up to where what is left is a millionth.
  const rounds = Math.min(2000, Math.ceil(Math.log(1e-6) / Math.log(ratio)));
  const group = Math.ceil(rounds / MAX_ATOMS);
  const values: number[] = [];
  const weights: number[] = [];
  const spreads: number[] = [];
  let w = 1;
  for (let j = 1; j <= rounds; j += group) {
    let gw = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = j; i < j + group && i <= rounds; i++) {
      w *= ratio;
      gw += w;
      g1 += w * i;
      g2 += w * i * i;
    }
    const meanRound = g1 / gw;
    values.push(mean + meanRound * round);
    weights.push(gw);
    spreads.push(variance + meanRound * roundVariance + Math.max(0, g2 / gw - meanRound * meanRound) * round * round);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const b = new TimeBuilder();
  b.addConvolved(TimeDist.point(0), Float64Array.from(values), Float64Array.from(weights, (x) => x / sum), (mass * ratio) / (1 - ratio), Float64Array.from(spreads));
  return b.build();
}

/**
 * An accumulating distribution after the last sweep (`now`), with the rounds not swept added. Its increment over
 * the sweep (`now` less `before`) is known by its moments, not cell by cell (cells may lose mass as well as gain
 * it from sweep to sweep, as the classes' shared shapes move), and the round by how far the increment moved on
 * since the sweep before (`before2`).
 * @example withTail(after3, after2, after1, 0.5) // after3 plus the rest of the series
 */
export function withTail(now: TimeDist, before: TimeDist, before2: TimeDist | undefined, ratio: number): TimeDist {
  const [m0, s0, q0] = moments(now);
  const [m1, s1, q1] = moments(before);
  const dm = m0 - m1;
  if (!(dm > 1e-12 * m0)) return now;
  const mean = (s0 - s1) / dm;
  const variance = Math.max(0, (q0 - q1) / dm - mean * mean);
  let round = 0;
  let roundVariance = 0;
  if (before2) {
    const [m2, s2, q2] = moments(before2);
    const dm2 = m1 - m2;
    if (dm2 > 1e-12 * m1) {
      const mean2 = (s1 - s2) / dm2;
      round = Math.max(0, mean - mean2);
      roundVariance = Math.max(0, variance - Math.max(0, (q1 - q2) / dm2 - mean2 * mean2));
    }
  }
  return TimeDist.mix([now, geometricTail(dm, Math.max(0, mean), variance, ratio, round, roundVariance)]);
}
