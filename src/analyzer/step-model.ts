/**
 * One visit of an ai or tool step, in closed form, with the simulator's rules (docs/simulator.md, "Calls" and
 * "Retries and catch"):
 * - each try draws its outcome from the stub's table, then its latency; a try longer than startToCloseSeconds
 *   ends at that limit as `timeout`; scheduleToCloseSeconds bounds all tries and waits (a try or a backoff that
 *   would pass it ends the step with a final `timeout`, caught but never retried);
 * - which errors a retry repeats (src/domain/semantics/retries.ts, repeatProbabilities): an error that always
 *   repeats belongs to the input, drawn on the first try it comes back on every retry and a later try never draws
 *   it afresh; any other error that failed the previous try comes back with its repeat probability, else the try
 *   is a fresh draw;
 * - the first matching retrier decides (handlingRetrier), and counts its own retries (mayRetry); the wait is
 *   backoffSeconds, jittered (jitteredSeconds), raised to Retry-After on rate_limited when honoured
 *   (retryWaitSeconds);
 * - an error no retrier absorbs goes to the first matching catcher's port, else the case fails here;
 * - every try that reaches the service costs costPerCall + mean tokens x price.
 *
 * The visit is explored exactly as a small Markov chain over (retries each retrier granted, the error that
 * belongs to the input, the error the last try failed with), each state carrying the distribution of the time
 * spent so far (time-dist.ts), so deadlines and quantiles are exact up to the grid. Faults active during the visit
 * (scenario faults) multiply latency and replace outcomes.
 */
import { distributionMean, ERROR_TYPES, matchesError, type AiStub, type Distribution, type ErrorType, type StepPolicy, type ToolStub } from '../domain/index.ts';
import { backoffSeconds, handlingRetrier, jitteredSeconds, mayRetry, repeatProbabilities, RETRY_DEFAULTS, retryWaitSeconds, type JitterMode, type RepeatProbabilities, type TryingKind } from '../domain/semantics/index.ts';
import { distributionCdf, distributionQuantile } from '../domain/index.ts';
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
function latencyDist(d: Distribution, multiplier: number, limit: number, delay = 0): { below: TimeDist; cut: number } {
  // A data step's fixed wait comes on top of its (fault-slowed) latency, as in the simulator's calls.ts.
  const cdf = (x: number): number => (x < delay ? 0 : distributionCdf(d, (x - delay) / multiplier));
  const from = delay + multiplier * distributionQuantile(d, 1e-8);
  const to = delay + multiplier * distributionQuantile(d, 1 - 1e-8);
  const full = d.type === 'fixed' ? TimeDist.point(d.value * multiplier + delay) : TimeDist.fromCdf(cdf, from, to);
  if (!(limit > 0) || !Number.isFinite(limit)) return { below: full, cut: 0 };
  const cut = 1 - cdf(limit);
  if (cut <= 0) return { below: full, cut: 0 };
  if (cut >= 1) return { below: TimeDist.EMPTY, cut: 1 };
  const below = d.type === 'fixed' ? TimeDist.EMPTY : TimeDist.fromCdf((x) => Math.min(1, cdf(x) / (1 - cut)), from, limit, 1 - cut);
  return { below, cut };
}

interface Retry {
  readonly max: number;
  readonly init: number;
  readonly coef: number;
  readonly cap: number;
  readonly jitter: JitterMode;
  readonly honor: boolean;
}

interface State {
  readonly counts: readonly number[];
  /** The error that belongs to the input, drawn by the first try (repeat probability 1), -1 for none. */
  readonly sticky: number;
  /** The error the last try failed with when a retry may repeat it (0 < repeat < 1), -1 for none. */
  readonly last: number;
  /** Probability of being in this state. */
  mass: number;
  /** Time spent so far, normalised. */
  time: TimeDist;
}

/** Waits before a retrier's retry (after `used` retries) as atoms: jitter spread, Retry-After honoured. */
function backoffAtoms(r: Retry, used: number, error: ErrorType, retryAfter: number | undefined): { values: number[]; weights: number[] } {
  const wait = backoffSeconds(r.init, r.coef, r.cap, used);
  const values: number[] = [];
  if (r.jitter === 'none' || wait <= 0) values.push(wait);
  else for (let k = 0; k < JITTER_ATOMS; k++) values.push(jitteredSeconds(wait, r.jitter, (k + 0.5) / JITTER_ATOMS));
  const out = values.map((v) => retryWaitSeconds(v, error, retryAfter, r.honor));
  return { values: out, weights: out.map(() => 1 / out.length) };
}

/**
 * The closed-form visit of an ai/tool step with this stub and policy, under the faults active during it.
 * @example stepVisit(stub({ ok: 0.9, timeout: 0.1 }), { retry: [{ errorEquals: ['timeout'], maximumAttempts: 3 }] }).ok.p // 0.999
 */
export function stepVisit(
  stub: AiStub | ToolStub,
  policy: StepPolicy | undefined,
  faults: readonly ActiveFault[] = [],
  kind: TryingKind = 'ai',
  repeat: RepeatProbabilities = repeatProbabilities(kind),
  delay = 0,
): StepVisit {
  const o = stub.outcomes;
  const raw = [o.ok ?? 0, o.wrong ?? 0, ...ERROR_TYPES.map((e) => o[e] ?? 0)];
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  const table = raw.map((p) => p / sum);
  // Repeat probability by outcome code (ok and wrong never repeat).
  const rep = [0, 0, ...ERROR_TYPES.map((e) => repeat[e])];
  const inputMass = table.reduce((acc, p, i) => (i >= 2 && rep[i]! >= 1 ? acc + p : acc), 0);
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
  const lat = latencyDist(stub.latency, multiplier, stc, delay);
  const perTryCost = callCost(stub);
  const retryAfter = stub.retryAfterSeconds;
  const retriers = policy?.retry ?? [];
  const retries: Retry[] = retriers.map((r) => {
    const init = r.initialIntervalSeconds ?? RETRY_DEFAULTS.initialIntervalSeconds;
    return {
      max: r.maximumAttempts,
      init,
      coef: r.backoffCoefficient ?? RETRY_DEFAULTS.backoffCoefficient,
      cap: r.maximumIntervalSeconds ?? RETRY_DEFAULTS.maximumIntervalFactor * init,
      jitter: r.jitter ?? RETRY_DEFAULTS.jitter,
      honor: r.honorRetryAfter === true,
    };
  });
  const catchers = policy?.catch ?? [];
  const catchPort = ERROR_TYPES.map((e) => catchers.find((c) => matchesError(c.errorEquals, e))?.port);

  // Exits: probability (summed exactly, as plain numbers) and time (the shapes, weighted by those numbers).
  interface Acc {
    p: number;
    readonly b: TimeBuilder;
  }
  const acc = (): Acc => ({ p: 0, b: new TimeBuilder() });
  const starts = acc();
  const okA = acc();
  const wrongA = acc();
  const failedA = acc();
  const caughtA = new Map<string, Acc>();
  let tries = 0;
  let backoff = 0;
  let tryErrors = 0;
  const put = (a: Acc, shape: TimeDist, m: number): void => {
    if (!(m > 0)) return;
    a.p += m;
    a.b.addDist(shape, m);
  };
  const exitError = (e: number, shape: TimeDist, m: number): void => {
    const port = catchPort[e];
    if (port === undefined) {
      put(failedA, shape, m);
      return;
    }
    let a = caughtA.get(port);
    if (!a) {
      a = acc();
      caughtA.set(port, a);
    }
    put(a, shape, m);
  };
  const latBelow = lat.below.normalised();
  const cutShape = TimeDist.point(stc);

  // A state: its probability (exact) and the shape of the time spent so far (normalised).
  let states = new Map<string, State>([['', { counts: retries.map(() => 0), sticky: -1, last: -1, mass: 1, time: TimeDist.point(0) }]]);
  for (let attempt = 1; attempt <= MAX_TRIES && states.size > 0; attempt++) {
    const next = new Map<string, State>();
    for (const s of states.values()) {
      if (s.mass < NEGLIGIBLE) continue;
      tries += s.mass;
      put(starts, s.time, s.mass);
      // Drawn outcome of this try per code (0 ok, 1 wrong, 2+ error), after the repeat rules: the input's error
      // comes back on every retry; a later try never draws one afresh (it counts as ok); the last try's error
      // comes back with its repeat probability.
      const p = new Float64Array(table.length);
      if (attempt === 1) {
        for (let i = 0; i < table.length; i++) p[i] = table[i]!;
      } else if (s.sticky >= 0) p[s.sticky + 2] = 1;
      else {
        for (let i = 0; i < table.length; i++) p[i] = i >= 2 && rep[i]! >= 1 ? 0 : table[i]!;
        p[0] = p[0]! + inputMass;
        if (s.last >= 0) {
          const r = rep[s.last + 2]!;
          for (let i = 0; i < table.length; i++) p[i] = p[i]! * (1 - r);
          p[s.last + 2] = p[s.last + 2]! + r;
        }
      }
      // Latency: the part past startToClose becomes a timeout at the limit.
      const afterLat = lat.cut < 1 ? s.time.plus(latBelow) : TimeDist.EMPTY;
      const afterCut = lat.cut > 0 ? s.time.plus(cutShape) : TimeDist.EMPTY;
      const fail = (e: number, shape: TimeDist, m: number, sticky: number, last: number): void => {
        const r = handlingRetrier(retriers, ERROR_TYPES[e]!);
        const rr = r >= 0 ? retries[r]! : undefined;
        if (!rr || !mayRetry(rr.max, s.counts[r]!)) {
          exitError(e, shape, m);
          return;
        }
        const { values, weights } = backoffAtoms(rr, s.counts[r]!, ERROR_TYPES[e]!, retryAfter);
        for (let j = 0; j < values.length; j++) {
          const wait = values[j]!;
          let w = weights[j]! * m;
          let time = shape;
          if (Number.isFinite(deadline)) {
            // The engine refuses a wait that would reach the deadline: a final timeout, caught at once.
            const cut = shape.splitAt(deadline - wait - 1e-9);
            if (cut.above > 0) exitError(TIMEOUT, cut.aboveDist.normalised(), w * cut.above);
            w *= 1 - cut.above;
            time = cut.below.normalised();
          }
          if (!(w > 0) || time.isEmpty) continue;
          const counts = s.counts.slice();
          counts[r] = counts[r]! + 1;
          const key = `${counts.join(',')}|${sticky}|${last}`;
          const moved = time.plusAtoms({ values: Float64Array.of(wait), weights: Float64Array.of(1) });
          backoff += wait * w;
          const prev = next.get(key);
          if (prev) {
            prev.time = TimeDist.weightedMix([prev.time, moved], [prev.mass, w]).normalised();
            prev.mass += w;
          } else next.set(key, { counts, sticky, last, mass: w, time: moved });
        }
      };
      // The try's end: past the deadline it is a final timeout at the deadline (caught, never retried).
      const emit = (code: number, shape: TimeDist, m: number, sticky: number, last: number): void => {
        if (!(m > 0) || shape.isEmpty) return;
        let time = shape;
        let k = m;
        if (Number.isFinite(deadline)) {
          const cut = shape.splitAt(deadline);
          if (cut.above > 0) {
            exitError(TIMEOUT, TimeDist.point(deadline), m * cut.above);
            tryErrors += m * cut.above;
          }
          k = m * (1 - cut.above);
          time = cut.below.normalised();
          if (!(k > 0) || time.isEmpty) return;
        }
        if (code === 0) put(okA, time, k);
        else if (code === 1) put(wrongA, time, k);
        else {
          tryErrors += k;
          fail(code - 2, time, k, sticky, last);
        }
      };
      for (let d = 0; d < table.length; d++) {
        const q = p[d]! * s.mass;
        if (q <= 0) continue;
        // The input's error comes from the first try's draw, whatever a fault or the latency cut then makes of it.
        const sticky = attempt === 1 ? (d >= 2 && rep[d]! >= 1 ? d - 2 : -1) : s.sticky;
        // A retry may repeat this try's error only when the draw failed it (not a fault, not a cut).
        const last = d >= 2 && rep[d]! > 0 && rep[d]! < 1 ? d - 2 : -1;
        const below = q * (1 - lat.cut);
        emit(d, afterLat, below * keep, sticky, last);
        // Faults replace the drawn outcome with their error.
        for (const f of injected) emit(f.e + 2, afterLat, below * f.p, sticky, -1);
        // Tries cut by startToClose end as timeouts whatever they drew.
        emit(TIMEOUT + 2, afterCut, q * lat.cut, sticky, -1);
      }
    }
    states = next;
  }
  const exit = (a: Acc): StepExit => ({ p: a.p, time: a.b.build() });
  const caught = new Map<string, StepExit>();
  for (const [port, a] of caughtA) caught.set(port, exit(a));
  return {
    ok: exit(okA),
    wrong: exit(wrongA),
    caught,
    failed: exit(failedA),
    expectedTries: tries,
    cost: tries * perTryCost,
    backoffSeconds: backoff,
    tryErrorRate: tries > 0 ? tryErrors / tries : 0,
    tryStarts: starts.b.build(),
  };
}
