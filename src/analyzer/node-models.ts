/**
 * Per-node closed forms the flow needs, computed once per node object and cached (a document edit replaces only
 * the nodes it touches, so live analysis recomputes only those): an ai/tool step's visit (step-model.ts), a
 * check's and a person's time distributions, costs and decision rates. A node without a stub behaves like a
 * fresh node of its kind (createNode), as in the simulator.
 */
import { createNode, type CheckStub, type Distribution, type HumanStub, type WorkflowNode } from '../domain/index.ts';
import { distributionCdf, distributionQuantileExact } from './distribution-math.ts';
import { stepVisit, type ActiveFault, type StepVisit } from './step-model.ts';
import { TimeDist } from './time-dist.ts';

const ORIGIN = { x: 0, y: 0 };
function present<T>(value: T | undefined): T {
  // createNode always sets a stub for these kinds; a missing one would be a bug in defaults.ts.
  if (value === undefined) throw new Error('createNode returned a node without a stub');
  return value;
}
const DEFAULTS = {
  ai: present(createNode('ai', { id: 'default', position: ORIGIN }).stub),
  tool: present(createNode('tool', { id: 'default', position: ORIGIN }).stub),
  human: present(createNode('human', { id: 'default', position: ORIGIN }).stub),
  check: present(createNode('check', { id: 'default', position: ORIGIN }).stub),
};

/** A duration distribution as a TimeDist (scaled by a latency multiplier). */
export function timeOf(d: Distribution, multiplier = 1): TimeDist {
  if (d.type === 'fixed') return TimeDist.point(d.value * multiplier);
  return TimeDist.fromCdf((x) => distributionCdf(d, x / multiplier), multiplier * distributionQuantileExact(d, 1e-8), multiplier * distributionQuantileExact(d, 1 - 1e-8));
}

/**
 * Step visits by content (stub, policy and faults as JSON): an edit elsewhere, a renamed step or a copy of a step
 * finds its visit here instead of computing it again. Bounded: the oldest entries go first.
 */
const stepCache = new Map<string, StepVisit>();
const STEP_CACHE_SIZE = 4096;

/**
 * The closed-form visit of an ai/tool node under the faults active during it (cached by content).
 * @example stepOf(aiNode).ok.p
 */
export function stepOf(node: Extract<WorkflowNode, { kind: 'ai' | 'tool' }>, faults: readonly ActiveFault[] = []): StepVisit {
  const stub = node.stub ?? (node.kind === 'ai' ? DEFAULTS.ai : DEFAULTS.tool);
  const key = JSON.stringify([node.kind, stub, node.policy ?? null, faults]);
  let v = stepCache.get(key);
  if (v) {
    // Most recently used last.
    stepCache.delete(key);
    stepCache.set(key, v);
    return v;
  }
  v = stepVisit(stub, node.policy, faults, node.kind);
  stepCache.set(key, v);
  if (stepCache.size > STEP_CACHE_SIZE) stepCache.delete(stepCache.keys().next().value!);
  return v;
}

export interface CheckModel {
  readonly stub: CheckStub;
  readonly time: TimeDist;
  readonly cost: number;
  /** Share of items audited (1 unless a sample audit). */
  readonly audited: number;
  /** Minimum confidence that passes, for threshold checks; undefined otherwise. */
  readonly threshold: number | undefined;
}

const checkCache = new WeakMap<WorkflowNode, Map<number, CheckModel>>();

/** A check's closed form (latency multiplied by active latency faults). */
export function checkOf(node: Extract<WorkflowNode, { kind: 'check' }>, multiplier = 1): CheckModel {
  let m = checkCache.get(node);
  if (!m) {
    m = new Map();
    checkCache.set(node, m);
  }
  let c = m.get(multiplier);
  if (!c) {
    const stub = node.stub ?? DEFAULTS.check;
    c = {
      stub,
      time: timeOf(stub.latency, multiplier),
      cost: stub.costPerCall ?? 0,
      audited: node.config.type === 'sample-audit' ? (node.config.sampleRate ?? 1) : 1,
      threshold: node.config.type === 'threshold' ? node.config.threshold : undefined,
    };
    m.set(multiplier, c);
  }
  return c;
}

export interface HumanModel {
  readonly stub: HumanStub;
  /** Service time as people spend it (before any calendar pause), with the start-to-close cut applied. */
  readonly service: TimeDist;
  /** Service times cut at startToClose (leave by timeout), when the gate has a timeout edge. */
  readonly cutShare: number;
  readonly cutAt: number;
  /** Mean working seconds of service (cut ones at the limit). */
  readonly meanService: number;
  /** Squared coefficient of variation of service (for the M/G/c correction). */
  readonly scv: number;
  readonly costPerSecond: number;
  /** Decisions on a correct item: approve, reject, revise (normalised). */
  readonly decide: readonly [number, number, number];
  readonly detection: number;
}

/**
 * A human gate's closed form: service (cut at startToClose when there is a timeout edge to cut to), cost and
 * decisions. Queueing and calendars are in gate-model.ts.
 */
export function humanOf(node: Extract<WorkflowNode, { kind: 'human' }>, hasTimeoutEdge: boolean, multiplier = 1): HumanModel {
  const stub = node.stub ?? DEFAULTS.human;
  const stc = node.policy?.timeouts?.startToCloseSeconds ?? 0;
  const d = stub.serviceTime;
  const full = timeOf(d, multiplier);
  let service = full;
  let cutShare = 0;
  const cutAt = stc;
  if (hasTimeoutEdge && stc > 0) {
    const split = full.splitAt(stc);
    cutShare = split.above / (full.total || 1);
    // The cut services last exactly the limit.
    if (cutShare > 0) service = TimeDist.mix([split.below, TimeDist.point(stc, split.above)]);
  }
  const mean = service.mean();
  const variance = service.variance();
  const o = stub.outcomes;
  const a = o.approve ?? 0;
  const r = o.reject ?? 0;
  const v = o.revise ?? 0;
  const s = a + r + v || 1;
  return {
    stub,
    service,
    cutShare,
    cutAt,
    meanService: mean,
    scv: mean > 0 ? variance / (mean * mean) : 0,
    costPerSecond: (stub.costPerHour ?? 0) / 3600,
    decide: [a / s, r / s, v / s],
    detection: stub.detectionRate ?? 0,
  };
}

/** Mean cost of a person per visit. */
export function humanCost(h: HumanModel): number {
  return h.meanService * h.costPerSecond;
}
