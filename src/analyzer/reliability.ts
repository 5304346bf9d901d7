/**
 * Closed-form behaviour of one node per visit (analyzer-rules.md, "Reliability estimates"): where its cases go,
 * how long a visit takes, what it costs. A node without a stub behaves like a fresh node from createNode.
 * Pure functions of the node; the flow over the whole graph is in estimates.ts.
 */
import {
  createNode,
  distributionMean,
  ERROR_TYPES,
  isTransient,
  matchesError,
  type AiStub,
  type Distribution,
  type ErrorType,
  type Retrier,
  type StepPolicy,
  type ToolStub,
  type WorkflowNode,
} from '../domain/index.ts';

const ORIGIN = { x: 0, y: 0 };
function present<T>(value: T | undefined): T {
  // createNode always sets a stub for these kinds; a missing one would be a bug in defaults.ts.
  if (value === undefined) throw new Error('createNode returned a node without a stub');
  return value;
}
const DEFAULT_AI_STUB = present(createNode('ai', { id: 'default', position: ORIGIN }).stub);
const DEFAULT_TOOL_STUB = present(createNode('tool', { id: 'default', position: ORIGIN }).stub);
const DEFAULT_HUMAN_STUB = present(createNode('human', { id: 'default', position: ORIGIN }).stub);
const DEFAULT_CHECK_STUB = present(createNode('check', { id: 'default', position: ORIGIN }).stub);
const DEFAULT_DATA_STUB = present(createNode('data', { id: 'default', position: ORIGIN }).stub);
const DEFAULT_LOOP_STUB = present(createNode('loop', { id: 'default', position: ORIGIN }).stub);
/** A data step without outcomes runs locally and always succeeds. */
const ALWAYS_OK = { ok: 1 } as const;

/** Reasks a check makes when `maxReasks` is not set. */
export const DEFAULT_MAX_REASKS = 2;

/** Share of the backoff interval actually waited, on average, per jitter mode. */
const JITTER_MEAN: Record<string, number> = { none: 1, full: 0.5, equal: 0.75 };

/**
 * Variance of a distribution in closed form (truncation of the normal at 0 is ignored: a latency's sd is
 * small against its mean in every realistic stub).
 * @example distributionVariance({ type: 'exponential', mean: 2 }) // 4
 */
export function distributionVariance(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return 0;
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'normal':
      return d.sd ** 2;
    case 'lognormal': {
      const sigma = d.median > 0 && d.p95 > d.median ? Math.log(d.p95 / d.median) / 1.6448536269514722 : 0;
      const s2 = sigma * sigma;
      return (Math.exp(s2) - 1) * d.median * d.median * Math.exp(s2);
    }
    case 'exponential':
      return d.mean ** 2;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'beta': {
      const s = d.alpha + d.beta;
      return (d.alpha * d.beta) / (s * s * (s + 1));
    }
  }
}

export interface StepFailureModel {
  /** Probability one try ends well (ok or wrong): the case moves on by `out`. */
  readonly pass: number;
  /** Of the passing mass, the share that is wrong (a silent error). */
  readonly wrongShare: number;
  /** Probability the step finally fails with an error, after its retries. */
  readonly failed: number;
  /** Of `failed`, the share a catcher routes to a port (the rest fails the case). */
  readonly caught: number;
  /** Port the caught errors leave by, when any. */
  readonly catchPort: string | undefined;
  /** Expected tries per visit: (1 - q^k) / (1 - q) for one retrier. */
  readonly expectedTries: number;
  /** Expected seconds spent in backoff per visit. */
  readonly backoffSeconds: number;
}

function firstRetrier(policy: StepPolicy | undefined, error: ErrorType): Retrier | undefined {
  return policy?.retry?.find((r) => matchesError(r.errorEquals, error));
}

/**
 * Success of a step with retries. Per try the outcome table says ok / wrong / error e. A transient error
 * matched by a retrier with k attempts is tried again; a deterministic one is not helped by retrying (the
 * same input fails the same way). For one retrier this gives P(pass) = p_pass (1 - q_t^k) / (1 - q_t), which
 * is 1 - q_d - q_t^k to first order (analyzer-rules.md), exact when q_d = 0.
 * @example stepFailureModel({ ok: 0.9, timeout: 0.1 }, { retry: [{ errorEquals: ['timeout'], maximumAttempts: 3 }] }).pass // 0.999
 */
export function stepFailureModel(outcomes: Readonly<Partial<Record<string, number>>>, policy: StepPolicy | undefined): StepFailureModel {
  const ok = outcomes['ok'] ?? 0;
  const wrong = outcomes['wrong'] ?? 0;
  // Attempts allowed per error type (1 = never retried).
  const attempts = new Map<ErrorType, number>();
  let maxAttempts = 1;
  for (const e of ERROR_TYPES) {
    const q = outcomes[e] ?? 0;
    if (q <= 0) continue;
    const r = isTransient(e) ? firstRetrier(policy, e) : undefined;
    const k = r ? r.maximumAttempts : 1;
    attempts.set(e, k);
    if (k > maxAttempts) maxAttempts = k;
  }
  const mainRetrier = policy?.retry?.[0];
  let reach = 1; // P(try i happens)
  let tries = 0;
  let failed = 0;
  let backoff = 0;
  let interval = mainRetrier?.initialIntervalSeconds ?? 1;
  const coefficient = mainRetrier?.backoffCoefficient ?? 2;
  const cap = mainRetrier?.maximumIntervalSeconds ?? Infinity;
  const jitter = JITTER_MEAN[mainRetrier?.jitter ?? 'none'] ?? 1;
  for (let i = 1; i <= maxAttempts && reach > 1e-15; i++) {
    tries += reach;
    let again = 0;
    for (const [e, k] of attempts) {
      const q = outcomes[e] ?? 0;
      if (k > i) again += q;
      else failed += reach * q;
    }
    const next = reach * again;
    backoff += next * Math.min(interval, cap) * jitter;
    interval *= coefficient;
    reach = next;
  }
  const pass = (ok + wrong) * tries;
  const catchers = policy?.catch ?? [];
  let caught = 0;
  let catchPort: string | undefined;
  if (failed > 0) {
    // Share of the final failures a catcher routes: weight each error type by how often it is the final one.
    let finalTotal = 0;
    for (const [e] of attempts) {
      const q = outcomes[e] ?? 0;
      finalTotal += q;
      const c = catchers.find((x) => matchesError(x.errorEquals, e));
      if (c) {
        caught += q;
        catchPort ??= c.port;
      }
    }
    caught = finalTotal > 0 ? caught / finalTotal : 0;
  }
  return { pass, wrongShare: ok + wrong > 0 ? wrong / (ok + wrong) : 0, failed, caught, catchPort, expectedTries: tries, backoffSeconds: backoff };
}

/** Per-visit behaviour of a node: how mass leaves by each port, and time and money per visit. */
export interface NodeBehaviour {
  /**
   * For each port: [share of correct input leaving correct, share of correct input leaving wrong, share of wrong
   * input leaving (still wrong)]. What does not leave by a port fails the case at this node.
   */
  readonly ports: ReadonlyMap<string, readonly [number, number, number]>;
  readonly meanSeconds: number;
  readonly varSeconds: number;
  readonly cost: number;
  /** Mean seconds of a person's time per visit (human gates). */
  readonly humanSeconds: number;
}

const PASS_THROUGH: NodeBehaviour = { ports: new Map([['out', [1, 0, 1] as const]]), meanSeconds: 0, varSeconds: 0, cost: 0, humanSeconds: 0 };

function callCost(stub: AiStub | ToolStub): number {
  if (stub.costPerCall !== undefined) return stub.costPerCall;
  if ('inputTokens' in stub) {
    const inTok = stub.inputTokens ? distributionMean(stub.inputTokens) : 0;
    const outTok = stub.outputTokens ? distributionMean(stub.outputTokens) : 0;
    return inTok * (stub.pricePerInputToken ?? 0) + outTok * (stub.pricePerOutputToken ?? 0);
  }
  return 0;
}

/**
 * The closed-form behaviour of one node per visit.
 * @example nodeBehaviour(createNode('router', { id: 'r', position: { x: 0, y: 0 } })).ports.get('out') // [1, 0, 1]
 */
export function nodeBehaviour(node: WorkflowNode): NodeBehaviour {
  switch (node.kind) {
    case 'ai':
    case 'tool': {
      const stub: AiStub | ToolStub = node.kind === 'ai' ? (node.stub ?? DEFAULT_AI_STUB) : (node.stub ?? DEFAULT_TOOL_STUB);
      const m = stepFailureModel(stub.outcomes, node.policy);
      const ports = new Map<string, readonly [number, number, number]>();
      const okShare = m.pass * (1 - m.wrongShare);
      const wrongShare = m.pass * m.wrongShare;
      // A wrong input stays wrong whatever this step does with it.
      ports.set('out', [okShare, wrongShare, m.pass]);
      addCaught(ports, m);
      const mean = distributionMean(stub.latency);
      return {
        ports,
        meanSeconds: m.expectedTries * mean + m.backoffSeconds,
        varSeconds: m.expectedTries * distributionVariance(stub.latency),
        cost: m.expectedTries * callCost(stub),
        humanSeconds: 0,
      };
    }
    case 'data': {
      const stub = node.stub ?? DEFAULT_DATA_STUB;
      const m = stepFailureModel(stub.outcomes ?? ALWAYS_OK, node.policy);
      const ports = new Map<string, readonly [number, number, number]>([['out', [m.pass * (1 - m.wrongShare), m.pass * m.wrongShare, m.pass]]]);
      addCaught(ports, m);
      const mean = distributionMean(stub.latency) + (node.config.delaySeconds ?? 0);
      return { ports, meanSeconds: m.expectedTries * mean + m.backoffSeconds, varSeconds: m.expectedTries * distributionVariance(stub.latency), cost: 0, humanSeconds: 0 };
    }
    case 'loop': {
      // A for-each of P passes, as a geometric split: leaving by `each` with q = P / (P + 1) gives P expected
      // passes through the body before the case leaves by `done`.
      const passes = loopPasses(node.stub?.items ?? DEFAULT_LOOP_STUB.items, node.config.batchSize ?? 1);
      const q = passes / (passes + 1);
      return { ports: new Map([['each', [q, 0, q] as const], ['done', [1 - q, 0, 1 - q] as const]]), meanSeconds: 0, varSeconds: 0, cost: 0, humanSeconds: 0 };
    }
    case 'human': {
      const stub = node.stub ?? DEFAULT_HUMAN_STUB;
      const approve = stub.outcomes.approve ?? 0;
      const reject = stub.outcomes.reject ?? 0;
      const revise = stub.outcomes.revise ?? 0;
      const d = stub.detectionRate ?? 0;
      const caughtTotal = reject + revise;
      const rejectShare = caughtTotal > 0 ? reject / caughtTotal : 1;
      const ports = new Map<string, readonly [number, number, number]>([
        ['approve', [approve, 0, 1 - d]],
        ['reject', [reject, 0, d * rejectShare]],
        ['revise', [revise, 0, d * (1 - rejectShare)]],
      ]);
      const mean = distributionMean(stub.serviceTime);
      return { ports, meanSeconds: mean, varSeconds: distributionVariance(stub.serviceTime), cost: ((stub.costPerHour ?? 0) * mean) / 3600, humanSeconds: mean };
    }
    case 'check': {
      const stub = node.stub ?? DEFAULT_CHECK_STUB;
      const d = stub.detectionRate;
      const f = stub.falseRejectRate;
      const rounds = node.config.onFail === 'reask' ? (node.config.maxReasks ?? DEFAULT_MAX_REASKS) + 1 : 1;
      // A reask sends the item back to be produced again; each round is judged afresh, so a correct item
      // passes within `rounds` tries with 1 - f^rounds, and a wrong one slips through with (1-d)(1 + d + ... d^(r-1)).
      const correctPass = 1 - f ** rounds;
      const wrongPass = rounds === 1 ? 1 - d : (1 - d) * ((1 - d ** rounds) / (1 - d || 1));
      const ports = new Map<string, readonly [number, number, number]>([
        ['pass', [correctPass, 0, Math.min(1, wrongPass)]],
        ['fail', [f ** rounds, 0, d ** rounds]],
      ]);
      const expectedRounds = f >= 1 ? rounds : (1 - f ** rounds) / (1 - f);
      const mean = distributionMean(stub.latency);
      return { ports, meanSeconds: expectedRounds * mean, varSeconds: expectedRounds * distributionVariance(stub.latency), cost: expectedRounds * (stub.costPerCall ?? 0), humanSeconds: 0 };
    }
    case 'trigger':
    case 'router':
    case 'join':
      return PASS_THROUGH;
    case 'output':
    case 'note':
      return { ports: new Map(), meanSeconds: 0, varSeconds: 0, cost: 0, humanSeconds: 0 };
  }
}

/**
 * Mass caught by a catcher leaves by its port; when that is `out` itself (continue on error, as n8n's
 * "continue (regular output)" does), it adds to the passing mass rather than replacing it.
 */
function addCaught(ports: Map<string, readonly [number, number, number]>, m: StepFailureModel): void {
  if (m.catchPort === undefined || m.caught <= 0) return;
  const c = m.failed * m.caught;
  const had = ports.get(m.catchPort) ?? [0, 0, 0];
  ports.set(m.catchPort, [had[0] + c, had[1], had[2] + c]);
}

/**
 * Expected passes of a loop per entry: the mean item count over the batch size (a closed-form approximation
 * of E[ceil(n / batchSize)], exact for batches of one).
 * @example loopPasses({ type: 'fixed', value: 10 }, 1) // 10
 */
export function loopPasses(items: Distribution, batchSize: number): number {
  const mean = Math.max(0, distributionMean(items));
  return batchSize <= 1 ? mean : Math.ceil(mean / batchSize);
}

/**
 * One number for "how often does this step let the case go on": the share of visits leaving by the success
 * port (out, pass, approve). Used by rules that judge single steps.
 * @example stepSuccess(createNode('tool', { id: 't', position: { x: 0, y: 0 } })) // ≈ 0.99999
 */
export function stepSuccess(node: WorkflowNode): number {
  const b = nodeBehaviour(node);
  // A loop never fails a case: every visit leaves by `each` or `done`.
  if (node.kind === 'loop') return 1;
  const main = node.kind === 'check' ? 'pass' : node.kind === 'human' ? 'approve' : 'out';
  const p = b.ports.get(main);
  return p ? p[0] + p[1] : 0;
}

/**
 * Fallback A else B: the case succeeds unless both fail.
 * @example fallbackSuccess(0.9, 0.9) // 0.99
 */
export function fallbackSuccess(pA: number, pB: number): number {
  return 1 - (1 - pA) * (1 - pB);
}

/**
 * A check with detection d on a step that is wrong with probability w lets w(1 - d) through.
 * @example checkLeakage(0.1, 0.6) // 0.04
 */
export function checkLeakage(w: number, d: number): number {
  return w * (1 - d);
}

/**
 * Expected tries with k attempts against a per-try retryable failure rate q.
 * @example expectedTries(0.5, 3) // 1.75
 */
export function expectedTries(q: number, k: number): number {
  return q >= 1 ? k : (1 - q ** k) / (1 - q);
}
