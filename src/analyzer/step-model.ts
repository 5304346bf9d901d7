/**
 * One visit of an ai or tool step, in closed form, with the simulator's rules (docs/simulator.md, "Calls" and
 * "Retries and catch"):
 * - each try draws its outcome from the stub's table, then its latency; a try longer than startToCloseSeconds
 *   ends at that limit as `timeout`; scheduleToCloseSeconds bounds all tries and waits (a try or a backoff that
 *   would pass it ends the step with a final `timeout`, caught but never retried);
 * - a non-transient error drawn by the first try repeats on every retry; retries after a transient error never
 *   draw one (it counts as ok);
 * - retriers are matched in order, first match wins, and `maximumAttempts` counts the tries under that retrier
 *   (each retrier allows maximumAttempts - 1 retries in the whole visit); the wait is
 *   min(initial x coefficient^(n-1), cap), jittered, raised to Retry-After on rate_limited when honoured;
 * - an error no retrier absorbs goes to the first matching catcher's port, else the case fails here;
 * - every try that reaches the service costs costPerCall + mean tokens x price.
 *
 * The visit is explored exactly as a small Markov chain over (tries used per retrier, the sticky error), each
 * state carrying the distribution of the time spent so far (time-dist.ts), so deadlines and quantiles are exact
 * up to the grid. Faults active during the visit (scenario faults) multiply latency and replace outcomes.
 */
import { distributionMean, ERROR_TYPES, isTransient, matchesError, type AiStub, type Distribution, type ErrorType, type StepPolicy, type ToolStub } from '../domain/index.ts';
import { distributionCdf, distributionQuantileExact } from './distribution-math.ts';
import { TimeBuilder, TimeDist } from './time-dist.ts';

/** A fault active during a visit: its latency multiplier, and the error it injects with a probability per try. */
export interface ActiveFault {
  readonly latencyMultiplier: number;
  readonly error?: ErrorType;
  readonly probability: number;
}

/** Where a visit ends, with the time it took (relative to the visit's start). */
export interface StepExit {
  /** Probability of this exit per visit. */
  readonly p: number;
  readonly time: TimeDist;
}

export interface StepVisit {
  /** Leaves by `out` with a correct result (last try drew ok). */
  readonly ok: StepExit;
  /** Leaves by `out` with a wrong result (last try drew wrong). */
  readonly wrong: StepExit;
  /** Errors caught, by the catcher's port. */
  readonly caught: ReadonlyMap<string, StepExit>;
  /** Errors nobody catches: the case fails at this step. */
  readonly failed: StepExit;
  readonly expectedTries: number;
  /** Expected cost of one visit (every try that reaches the service). */
  readonly cost: number;
  /** Expected seconds waited in backoff per visit. */
  readonly backoffSeconds: number;
  /** Probability a try ends in an error (what a circuit breaker's window records). */
  readonly tryErrorRate: number;
  /** When tries start, relative to the visit's start (total = expected tries): when their cost is spent. */
  readonly tryStarts: TimeDist;
}

const TIMEOUT = ERROR_TYPES.indexOf('timeout');
const RATE_LIMITED = ERROR_TYPES.indexOf('rate_limited');
/** Stop exploring tries once this little mass is left (a design with 1,000 attempts would otherwise walk them all). */
const NEGLIGIBLE = 1e-12;
const MAX_TRIES = 200;
/** Atoms for a uniform jitter. */
const JITTER_ATOMS = 8;

function callCost(stub: AiStub | ToolStub): number {
  let cost = stub.costPerCall ?? 0;
  if ('inputTokens' in stub || 'outputTokens' in stub) {
    const s = stub as AiStub;
    // The engine adds a token draw's price only when the draw is positive; every distribution is >= 0 here.
    if (s.inputTokens && s.pricePerInputToken) cost += Math.max(0, distributionMean(s.inputTokens)) * s.pricePerInputToken;
    if (s.outputTokens && s.pricePerOutputToken) cost += Math.max(0, distributionMean(s.outputTokens)) * s.pricePerOutputToken;
  }
  return cost;
}

/** Latency of one try as a time distribution, optionally cut at `limit` (the cut part is returned as a mass). */
function latencyDist(d: Distribution, multiplier: number, limit: number): { below: TimeDist; cut: number } {
  const cdf = (x: number): number => distributionCdf(d, x / multiplier);
  const from = multiplier * distributionQuantileExact(d, 1e-8);
  const to = multiplier * distributionQuantileExact(d, 1 - 1e-8);
  const full = d.type === 'fixed' ? TimeDist.point(d.value * multiplier) : TimeDist.fromCdf(cdf, from, to);
  if (!(limit > 0) || !Number.isFinite(limit)) return { below: full, cut: 0 };
  const cut = 1 - cdf(limit);
  if (cut <= 0) return { below: full, cut: 0 };
  if (cut >= 1) return { below: TimeDist.EMPTY, cut: 1 };
  const below = d.type === 'fixed' ? TimeDist.EMPTY : TimeDist.fromCdf((x) => Math.min(1, cdf(x) / (1 - cut)), from, limit, 1 - cut);
  return { below, cut };
}

interface Retry {
  readonly mask: readonly boolean[];
  readonly max: number;
  readonly init: number;
  readonly coef: number;
  readonly cap: number;
  readonly jitter: 'none' | 'full' | 'equal';
  readonly honor: boolean;
}

interface State {
  readonly counts: readonly number[];
  /** Sticky non-transient error drawn by the first try, -1 for none. */
  readonly det: number;
  time: TimeDist;
}

/** Backoff waits of a retrier's n-th retry (n from 0) as atoms. */
function backoffAtoms(r: Retry, used: number, rateLimited: boolean, retryAfter: number): { values: number[]; weights: number[] } {
  const wait = Math.min(r.init * Math.pow(r.coef, used), r.cap);
  let values: number[];
  if (r.jitter === 'none' || wait <= 0) values = [wait];
  else {
    values = [];
    for (let k = 0; k < JITTER_ATOMS; k++) {
      const u = (k + 0.5) / JITTER_ATOMS;
      values.push(r.jitter === 'full' ? wait * u : wait / 2 + (wait / 2) * u);
    }
  }
  if (rateLimited && r.honor && retryAfter >= 0) values = values.map((v) => (retryAfter > v ? retryAfter : v));
  return { values, weights: values.map(() => 1 / values.length) };
}

/**
 * The closed-form visit of an ai/tool step with this stub and policy, under the faults active during it.
 * @example stepVisit(stub({ ok: 0.9, timeout: 0.1 }), { retry: [{ errorEquals: ['timeout'], maximumAttempts: 3 }] }).ok.p // 0.999
 */
export function stepVisit(stub: AiStub | ToolStub, policy: StepPolicy | undefined, faults: readonly ActiveFault[] = []): StepVisit {
  const o = stub.outcomes;
  const raw = [o.ok ?? 0, o.wrong ?? 0, ...ERROR_TYPES.map((e) => o[e] ?? 0)];
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  const table = raw.map((p) => p / sum);
  const detMass = ERROR_TYPES.reduce((acc, e, i) => (isTransient(e) ? acc : acc + table[i + 2]!), 0);
  // Faults: latency multipliers multiply; each fault with an error fires in turn with its probability.
  let multiplier = 1;
  const injected: { e: number; p: number }[] = [];
  let keep = 1;
  for (const f of faults) {
    multiplier *= f.latencyMultiplier;
    if (f.error !== undefined && f.probability > 0) {
      injected.push({ e: ERROR_TYPES.indexOf(f.error), p: keep * f.probability });
      keep *= 1 - f.probability;
    }
  }
  const stc = policy?.timeouts?.startToCloseSeconds ?? 0;
  const deadline = policy?.timeouts?.scheduleToCloseSeconds ?? Infinity;
  const lat = latencyDist(stub.latency, multiplier, stc);
  const perTryCost = callCost(stub);
  const retryAfter = stub.retryAfterSeconds ?? -1;
  const retries: Retry[] = (policy?.retry ?? []).map((r) => {
    const init = r.initialIntervalSeconds ?? 1;
    return {
      mask: ERROR_TYPES.map((e) => matchesError(r.errorEquals, e)),
      max: r.maximumAttempts,
      init,
      coef: r.backoffCoefficient ?? 2,
      cap: r.maximumIntervalSeconds ?? 100 * init,
      jitter: r.jitter ?? 'none',
      honor: r.honorRetryAfter === true,
    };
  });
  const catchers = policy?.catch ?? [];
  const catchPort = ERROR_TYPES.map((e) => catchers.find((c) => matchesError(c.errorEquals, e))?.port);

  const startsB = new TimeBuilder();
  const okB = new TimeBuilder();
  const wrongB = new TimeBuilder();
  const failedB = new TimeBuilder();
  const caughtB = new Map<string, TimeBuilder>();
  let tries = 0;
  let backoff = 0;
  let tryErrors = 0;

  const exitError = (e: number, t: TimeDist, k: number): void => {
    const port = catchPort[e];
    if (port === undefined) {
      failedB.addDist(t, k);
      return;
    }
    let b = caughtB.get(port);
    if (!b) {
      b = new TimeBuilder();
      caughtB.set(port, b);
    }
    b.addDist(t, k);
  };

  let states = new Map<string, State>([['', { counts: retries.map(() => 0), det: -1, time: TimeDist.point(0) }]]);
  for (let attempt = 1; attempt <= MAX_TRIES && states.size > 0; attempt++) {
    const next = new Map<string, State>();
    for (const s of states.values()) {
      const mass = s.time.total;
      if (mass < NEGLIGIBLE) continue;
      tries += mass;
      startsB.addDist(s.time);
      // Drawn outcome of this try per code (0 ok, 1 wrong, 2+ error), after the sticky-error rule.
      const p = new Float64Array(table.length);
      if (attempt === 1) {
        for (let i = 0; i < table.length; i++) p[i] = table[i]!;
      } else if (s.det >= 0) p[s.det + 2] = 1;
      else {
        for (let i = 0; i < table.length; i++) p[i] = i >= 2 && !isTransient(ERROR_TYPES[i - 2]!) ? 0 : table[i]!;
        p[0] = p[0]! + detMass;
      }
      // Latency: the part past startToClose becomes a timeout at the limit.
      const afterLat = s.time.plus(lat.below); // mass x P(L <= stc)
      const afterCut = lat.cut > 0 ? s.time.plus(TimeDist.point(stc, lat.cut)) : TimeDist.EMPTY;
      const fail = (e: number, t: TimeDist, k: number, sticky: number): void => {
        const r = retries.findIndex((x) => x.mask[e] === true);
        const rr = r >= 0 ? retries[r]! : undefined;
        if (!rr || s.counts[r]! + 1 >= rr.max) {
          exitError(e, t, k);
          return;
        }
        const { values, weights } = backoffAtoms(rr, s.counts[r]!, e === RATE_LIMITED, retryAfter);
        for (let j = 0; j < values.length; j++) {
          const wait = values[j]!;
          const w = weights[j]! * k;
          let time = t;
          if (Number.isFinite(deadline)) {
            // The engine refuses a wait that would reach the deadline: a final timeout, caught at once.
            const cut = t.splitAt(deadline - wait - 1e-9);
            if (cut.above > 0) exitError(TIMEOUT, cut.aboveDist, w);
            time = cut.below;
          }
          if (time.isEmpty) continue;
          const counts = s.counts.slice();
          counts[r] = counts[r]! + 1;
          const key = `${counts.join(',')}|${sticky}`;
          const moved = time.plusAtoms({ values: Float64Array.of(wait), weights: Float64Array.of(w) });
          backoff += wait * moved.total;
          const prev = next.get(key);
          if (prev) {
            const b = new TimeBuilder();
            b.addDist(prev.time);
            b.addDist(moved);
            prev.time = b.build();
          } else next.set(key, { counts, det: sticky, time: moved });
        }
      };
      // The try's end: past the deadline it is a final timeout at the deadline (caught, never retried).
      const emit = (code: number, t: TimeDist, k: number, sticky: number): void => {
        if (k <= 0 || t.isEmpty) return;
        let time = t;
        if (Number.isFinite(deadline)) {
          const cut = t.splitAt(deadline);
          if (cut.above > 0) {
            exitError(TIMEOUT, TimeDist.point(deadline, cut.above), k);
            tryErrors += cut.above * k;
          }
          time = cut.below;
          if (time.isEmpty) return;
        }
        if (code === 0) okB.addDist(time, k);
        else if (code === 1) wrongB.addDist(time, k);
        else {
          tryErrors += time.total * k;
          fail(code - 2, time, k, sticky);
        }
      };
      for (let d = 0; d < table.length; d++) {
        const q = p[d]!;
        if (q <= 0) continue;
        // The sticky error comes from the first try's draw, whatever a fault or the latency cut then makes of it.
        const sticky = attempt === 1 ? (d >= 2 && !isTransient(ERROR_TYPES[d - 2]!) ? d - 2 : -1) : s.det;
        // Faults replace the drawn outcome with their error.
        emit(d, afterLat, q * keep, sticky);
        for (const f of injected) emit(f.e + 2, afterLat, q * f.p, sticky);
        // Tries cut by startToClose end as timeouts whatever they drew.
        emit(TIMEOUT + 2, afterCut, q, sticky);
      }
    }
    states = next;
  }
  const exit = (b: TimeBuilder): StepExit => {
    const time = b.build();
    return { p: time.total, time };
  };
  const caught = new Map<string, StepExit>();
  for (const [port, b] of caughtB) caught.set(port, exit(b));
  return {
    ok: exit(okB),
    wrong: exit(wrongB),
    caught,
    failed: exit(failedB),
    expectedTries: tries,
    cost: tries * perTryCost,
    backoffSeconds: backoff,
    tryErrorRate: tries > 0 ? tryErrors / tries : 0,
    tryStarts: startsB.build(),
  };
}
