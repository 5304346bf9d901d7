/**
 * Closed-form reliability of single steps, for rules that judge one step at a time, and the textbook formulas of
 * analyzer-rules.md ("Reliability estimates") as named functions. The whole-graph estimates (flow.ts) use the
 * same step model (step-model.ts); a node without a stub behaves like a fresh node from createNode.
 */
import { distributionMean, type Distribution, type StepPolicy, type WorkflowNode } from '../domain/index.ts';
import { humanOf, loopPassesOf, stepOf, timeOf } from './node-models.ts';
import { stepVisit } from './step-model.ts';
import { valueFor } from './memo.ts';

/**
 * Variance of a distribution as the simulator draws it (a normal truncated at 0 included).
 * @example distributionVariance({ type: 'exponential', mean: 2 }) // 4
 */
export function distributionVariance(d: Distribution): number {
  if (d.type === 'fixed') return 0;
  if (d.type === 'beta') {
    const s = d.alpha + d.beta;
    return (d.alpha * d.beta) / (s * s * (s + 1));
  }
  return timeOf(d).variance();
}

export interface StepFailureModel {
  /** Probability one visit ends well (ok or wrong): the case moves on by `out`. */
  readonly pass: number;
  /** Of the passing mass, the share that is wrong (a silent error). */
  readonly wrongShare: number;
  /** Probability the visit ends with an error, after its retries. */
  readonly failed: number;
  /** Of `failed`, the share a catcher routes to a port (the rest fails the case). */
  readonly caught: number;
  /** Port the caught errors leave by, when any. */
  readonly catchPort: string | undefined;
  /** Expected tries per visit. */
  readonly expectedTries: number;
  /** Expected seconds spent in backoff per visit. */
  readonly backoffSeconds: number;
}

/**
 * Success of a step with retries, with the simulator's rules (step-model.ts): for a retrier with k attempts and
 * only transient errors (which never repeat) this is 1 - q^k; an error that belongs to the input (a refusal, bad
 * data) comes back on every retry, so retrying it only costs tries.
 * @example stepFailureModel({ ok: 0.9, timeout: 0.1 }, { retry: [{ errorEquals: ['timeout'], maximumAttempts: 3 }] }).pass // 0.999
 */
export function stepFailureModel(outcomes: Readonly<Partial<Record<string, number>>>, policy: StepPolicy | undefined, kind: 'ai' | 'tool' | 'data' = 'ai'): StepFailureModel {
  const v = stepVisit({ latency: { type: 'fixed', value: 1 }, outcomes }, policy, [], kind);
  const pass = v.ok.p + v.wrong.p;
  let caught = 0;
  let catchPort: string | undefined;
  for (const [port, exit] of v.caught) {
    caught += exit.p;
    catchPort ??= port;
  }
  const failed = caught + v.failed.p;
  return {
    pass,
    wrongShare: pass > 0 ? v.wrong.p / pass : 0,
    failed,
    caught: failed > 0 ? caught / failed : 0,
    catchPort,
    expectedTries: v.expectedTries,
    backoffSeconds: v.backoffSeconds,
  };
}

/** Per-visit behaviour of a node: how mass leaves by each port, and time and money per visit (no queueing). */
export interface NodeBehaviour {
  /** For each port: [correct -> correct, correct -> wrong, wrong -> wrong] shares of a visit's input. */
  readonly ports: ReadonlyMap<string, readonly [number, number, number]>;
  readonly meanSeconds: number;
  readonly cost: number;
  /** Mean seconds of a person's time per visit (human gates). */
  readonly humanSeconds: number;
}

const PASS_THROUGH: NodeBehaviour = { ports: new Map([['out', [1, 0, 1] as const]]), meanSeconds: 0, cost: 0, humanSeconds: 0 };

/**
 * The closed-form behaviour of one node per visit, for rules and the normal-path reach (the whole-graph flow
 * follows the same models, with queues, calendars and confidence).
 * @example nodeBehaviour(createNode('router', { id: 'r', position: { x: 0, y: 0 } })).ports.get('out') // [1, 0, 1]
 */
export function nodeBehaviour(node: WorkflowNode): NodeBehaviour {
  // A node object never changes (the store replaces what an edit touches), so its behaviour is kept with it:
  // rules and the normal-path reach ask for it on every analysis, most nodes untouched since the last one.
  return valueFor(behaviourCache, node, () => behaviourOf(node));
}

const behaviourCache = new WeakMap<WorkflowNode, NodeBehaviour>();

function behaviourOf(node: WorkflowNode): NodeBehaviour {
  switch (node.kind) {
    case 'ai':
    case 'tool':
    case 'data': {
      const v = stepOf(node);
      const ports = new Map<string, readonly [number, number, number]>([['out', [v.ok.p, v.wrong.p, v.ok.p + v.wrong.p]]]);
      for (const [port, exit] of v.caught) ports.set(port, [exit.p, 0, exit.p]);
      const out = [v.ok.time, v.wrong.time, v.failed.time, ...[...v.caught.values()].map((e) => e.time)];
      let mass = 0;
      let sum = 0;
      for (const t of out) {
        mass += t.total;
        sum += t.total * t.mean();
      }
      return { ports, meanSeconds: mass > 0 ? sum / mass : 0, cost: v.cost, humanSeconds: 0 };
    }
    case 'loop': {
      // A for-each of P passes as a geometric split: leaving by `each` with q = P / (P + 1) gives P expected
      // passes through the body before the case leaves by `done`.
      const passes = loopPassesOf(node);
      const q = passes / (passes + 1);
      return { ports: new Map([['each', [q, 0, q] as const], ['done', [1 - q, 0, 1 - q] as const]]), meanSeconds: 0, cost: 0, humanSeconds: 0 };
    }
    case 'human': {
      const h = humanOf(node, false);
      const [approve, reject, revise] = h.decide;
      const d = h.detection;
      const caughtTotal = reject + revise;
      const rejectShare = caughtTotal > 0 ? reject / caughtTotal : 1;
      const ports = new Map<string, readonly [number, number, number]>([
        ['approve', [approve, 0, 1 - d]],
        ['reject', [reject, 0, d * rejectShare]],
        ['revise', [revise, 0, d * (1 - rejectShare)]],
      ]);
      return { ports, meanSeconds: h.meanService, cost: h.meanService * h.costPerSecond, humanSeconds: h.meanService };
    }
    case 'check': {
      const stub = node.stub;
      const mean = stub ? distributionMean(stub.latency) : 0;
      // A sample audit sends its share out by `fail` whatever the item's correctness (domain/semantics/checks.ts).
      const audit = node.config.type === 'sample-audit' ? (node.config.sampleRate ?? 1) : undefined;
      const f = audit ?? stub?.falseRejectRate ?? 0;
      const d = audit ?? stub?.detectionRate ?? 0;
      const ports = new Map<string, readonly [number, number, number]>([
        ['pass', [1 - f, 0, 1 - d]],
        ['fail', [f, 0, d]],
      ]);
      return { ports, meanSeconds: mean, cost: stub?.costPerCall ?? 0, humanSeconds: 0 };
    }
    case 'trigger':
    case 'router':
    case 'join':
      return PASS_THROUGH;
    case 'output':
    case 'note':
      return { ports: new Map(), meanSeconds: 0, cost: 0, humanSeconds: 0 };
  }
}

/**
 * One number for "how often does this step let the case go on": the share of visits leaving by the success
 * port (out, pass, approve). Used by rules that judge single steps.
 * @example stepSuccess(createNode('tool', { id: 't', position: { x: 0, y: 0 } })) // ≈ 0.99999
 */
export function stepSuccess(node: WorkflowNode): number {
  // A loop never fails a case: every visit leaves by `each` or `done`.
  if (node.kind === 'loop') return 1;
  const b = nodeBehaviour(node);
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
