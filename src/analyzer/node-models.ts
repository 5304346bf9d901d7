/**
 * Per-node closed forms the flow needs, computed once per node object and cached (a document edit replaces only
 * the nodes it touches, so live analysis recomputes only those): an ai/tool step's visit (step-model.ts), a
 * check's and a person's time distributions, costs and decision rates. A node without a stub behaves like a
 * fresh node of its kind (createNode), as in the simulator.
 */
import { repeatProbabilities } from '../domain/semantics/index.ts';
import { createNode, distributionMean, type CheckStub, type Distribution, type HumanStub, type WorkflowNode } from '../domain/index.ts';
import { distributionCdf, distributionQuantile } from '../domain/index.ts';
import { stepVisit, type ActiveFault, type StepVisit } from './step-model.ts';
import { TimeDist } from './time-dist.ts';
import { valueFor } from './memo.ts';

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
  data: present(createNode('data', { id: 'default', position: ORIGIN }).stub),
  loop: present(createNode('loop', { id: 'default', position: ORIGIN }).stub),
};

/** Nodes that make tries (retries, catchers, outcomes per try): ai and tool calls and data steps. */
export type TryingNode = Extract<WorkflowNode, { kind: 'ai' | 'tool' | 'data' }>;

/** A data step without outcomes runs locally and always succeeds (as in the simulator). */
const ALWAYS_OK = { ok: 1 } as const;

/** A duration distribution as a TimeDist (scaled by a latency multiplier). */
export function timeOf(d: Distribution, multiplier = 1): TimeDist {
  if (d.type === 'fixed') return TimeDist.point(d.value * multiplier);
  return TimeDist.fromCdf((x) => distributionCdf(d, x / multiplier), multiplier * distributionQuantile(d, 1e-8), multiplier * distributionQuantile(d, 1 - 1e-8));
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
export function stepOf(node: TryingNode, faults: readonly ActiveFault[] = NO_FAULTS): StepVisit {
  // By the node object and the faults array first: a loop's sweeps ask for the same visit hundreds of times, and
  // the content key below (JSON of the stub and policy) costs more than many a visit's use.
  let byFaults = stepByNode.get(node);
  const known = byFaults?.get(faults);
  if (known) return known;
  const v = stepByContent(node, faults);
  if (!byFaults) {
    byFaults = new Map();
    stepByNode.set(node, byFaults);
  }
  // Each estimate under faults brings arrays of its own: keep the last few.
  if (byFaults.size >= 8) byFaults.clear();
  byFaults.set(faults, v);
  return v;
}

const NO_FAULTS: readonly ActiveFault[] = [];
/** Visits by node object and faults array (both immutable): the fast path of stepOf. */
const stepByNode = new WeakMap<TryingNode, Map<readonly ActiveFault[], StepVisit>>();

function stepByContent(node: TryingNode, faults: readonly ActiveFault[]): StepVisit {
  const stub = node.kind === 'data' ? { latency: (node.stub ?? DEFAULTS.data).latency, outcomes: node.stub?.outcomes ?? ALWAYS_OK } : (node.stub ?? (node.kind === 'ai' ? DEFAULTS.ai : DEFAULTS.tool));
  const delay = node.kind === 'data' ? (node.config.delaySeconds ?? 0) : 0;
  const key = JSON.stringify([node.kind, stub, node.policy ?? null, faults, delay]);
  let v = stepCache.get(key);
  if (v) {
    // Most recently used last.
    stepCache.delete(key);
    stepCache.set(key, v);
    return v;
  }
  // The stub's own repeat-on-retry table over the kind's defaults (domain/semantics), as the simulator reads it.
  const repeat = repeatProbabilities(node.kind, 'repeatOnRetry' in stub ? stub.repeatOnRetry : undefined);
  v = stepVisit(stub, node.policy, faults, node.kind, repeat, delay);
  stepCache.set(key, v);
  if (stepCache.size > STEP_CACHE_SIZE) stepCache.delete(stepCache.keys().next().value!);
  return v;
}

export interface CheckModel {
  readonly stub: CheckStub;
  readonly time: TimeDist;
  readonly cost: number;
  /** Minimum confidence that passes, for threshold checks; undefined otherwise. */
  readonly threshold: number | undefined;
}

const checkCache = new WeakMap<WorkflowNode, Map<number, CheckModel>>();

/** A check's closed form (latency multiplied by active latency faults). */
export function checkOf(node: Extract<WorkflowNode, { kind: 'check' }>, multiplier = 1): CheckModel {
  return valueFor(valueFor(checkCache, node, () => new Map<number, CheckModel>()), multiplier, () => {
    const stub = node.stub ?? DEFAULTS.check;
    return {
      stub,
      time: timeOf(stub.latency, multiplier),
      cost: stub.costPerCall ?? 0,
      threshold: node.config.type === 'threshold' ? node.config.threshold : undefined,
    };
  });
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
 * Expected passes of a for-each loop per entry: the mean item count over the batch size (E[ceil(n / batch)]
 * taken as ceil(E[n] / batch); exact for batches of one).
 * @example loopPasses({ type: 'fixed', value: 10 }, 1) // 10
 */
export function loopPasses(items: Distribution, batchSize: number): number {
  const mean = Math.max(0, distributionMean(items));
  return batchSize <= 1 ? mean : Math.ceil(mean / batchSize);
}

/** A loop node's expected passes (its stub, or a fresh loop's). */
export function loopPassesOf(node: Extract<WorkflowNode, { kind: 'loop' }>): number {
  return loopPasses((node.stub ?? DEFAULTS.loop).items, node.config.batchSize ?? 1);
}

/**
 * A human gate's closed form: service (cut at startToClose when there is a timeout edge to cut to), cost and
 * decisions. Queueing and calendars are in gate-model.ts.
 */
export function humanOf(node: Extract<WorkflowNode, { kind: 'human' }>, hasTimeoutEdge: boolean, multiplier = 1): HumanModel {
  // By the node object, as checkOf: every analysis asks for each gate's model several times (reliability, rules,
  // the flow), and its service time is a distribution built from the stub's CDF.
  const variant = `${hasTimeoutEdge ? 1 : 0}|${multiplier}`;
  return valueFor(valueFor(humanCache, node, () => new Map<string, HumanModel>()), variant, () => {
    // Then by content: a design just opened (or a copy of a gate) has new objects with the same stubs.
    const contentKey = JSON.stringify([node.stub ?? DEFAULTS.human, node.policy?.timeouts?.startToCloseSeconds ?? 0, variant]);
    if (humanByContent.size >= HUMAN_CACHE_SIZE && !humanByContent.has(contentKey)) humanByContent.delete(humanByContent.keys().next().value ?? '');
    return valueFor(humanByContent, contentKey, () => humanModel(node, hasTimeoutEdge, multiplier));
  });
}

const humanCache = new WeakMap<WorkflowNode, Map<string, HumanModel>>();
const humanByContent = new Map<string, HumanModel>();
const HUMAN_CACHE_SIZE = 1024;

function humanModel(node: Extract<WorkflowNode, { kind: 'human' }>, hasTimeoutEdge: boolean, multiplier: number): HumanModel {
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
