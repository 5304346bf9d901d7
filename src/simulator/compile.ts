/**
 * Document -> compiled graph: flat typed arrays the engine walks without touching the document's objects.
 * The result is plain data (typed arrays, numbers, strings, the few edge conditions as plain objects), so it can
 * be posted to every worker once (structured clone) and reused for every replication.
 *
 * Node indices follow document order with notes left out; edges are grouped by source (CSR: the edges of node i
 * are outStart[i] .. outStart[i+1]-1), keeping document order inside a node, which exclusive routers rely on.
 * Nodes without a stub simulate with the stub of `createNode` (src/domain/defaults.ts); a missing policy means
 * what the document says: no timeouts, no retries, no catchers, no breaker.
 */
import {
  createNode,
  ERROR_TYPES,
  OUTPUT_PORTS,
  type Condition,
  type Distribution,
  type ErrorMatcher,
  type NodeKind,
  type Workflow,
  type WorkflowNode,
  AI_CAPABILITIES,
} from '../domain/index.ts';
import { CASE_OUTCOMES, DEFAULT_MAX_REASKS, reasksOnFail, OUTCOME_SEVERITY, repeatProbabilities, RETRY_DEFAULTS, splitUnclaimed, type CaseOutcome } from '../domain/semantics/index.ts';
import { encodeDistribution } from './distributions.ts';
import { fixedShape } from './fixed-shape.ts';

/** Kind codes; notes are not compiled. */
export const KIND = { trigger: 0, ai: 1, tool: 2, human: 3, check: 4, router: 5, join: 6, output: 7, data: 8, loop: 9 } as const;
export const KIND_NAMES: readonly Exclude<NodeKind, 'note'>[] = ['trigger', 'ai', 'tool', 'human', 'check', 'router', 'join', 'output', 'data', 'loop'];

/**
 * Most passes one loop makes for one entry. A sampled item count asking for more ends the case as stuck at the
 * loop (counted as a guard hit), as the visit guard does for unbounded cycles: a tail that long is a stub
 * mistake, and following it would stall the run.
 */
export const LOOP_PASS_LIMIT = 10_000;

/** Outcome codes of an ai/tool call: ok, wrong, then ERROR_TYPES in order (error e has code e + 2). */
export const OUTCOME_OK = 0;
export const OUTCOME_WRONG = 1;
export const OUTCOME_COUNT = 2 + ERROR_TYPES.length;
export const ERROR_COUNT = ERROR_TYPES.length;
export const ERR_TIMEOUT = ERROR_TYPES.indexOf('timeout');
export const ERR_RATE_LIMITED = ERROR_TYPES.indexOf('rate_limited');
export const ERR_COMMUNICATION = ERROR_TYPES.indexOf('communication');

/**
 * Distribution slots per node: latency (service time for human gates; a loop's item count), confidence when
 * correct / wrong, tokens.
 */
export const SLOT = { latency: 0, items: 0, confCorrect: 1, confWrong: 2, inTokens: 3, outTokens: 4 } as const;
const SLOTS = 5;

/** Case outcome codes are positions in CASE_OUTCOMES (success, rejected, escalated, error, failed, stuck). */
export { CASE_OUTCOMES, type CaseOutcome };
export const OUT_SUCCESS = 0;
export const OUT_FAILED = 4;
export const OUT_STUCK = 5;
/** OUTCOME_SEVERITY by output outcome code: a case keeps the most severe outcome it reached. */
export const SEVERITY_BY_CODE: readonly number[] = CASE_OUTCOMES.map((o) => (o === 'failed' || o === 'stuck' ? 0 : OUTCOME_SEVERITY[o]));

/** A document the engine cannot run (no trigger, no nodes): the CLI's exit 2. */
export class SimulationInputError extends Error {
  override name = 'SimulationInputError';
}

export interface CompiledGraph {
  readonly nodeCount: number;
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
  readonly kind: Uint8Array;
  /** Index of the trigger cases start at (the first one in document order). */
  readonly trigger: number;
  // Edges (CSR by source)
  readonly outStart: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Index of the edge's port in OUTPUT_PORTS[kind of source]. */
  readonly edgePort: Uint8Array;
  /** The edge's `probability`, or -1 when it has none (what an inclusive router draws against). */
  readonly edgeProb: Float64Array;
  /** Out of an exclusive router: the edge's share of the cases no condition claims (splitUnclaimed), else 0. */
  readonly edgeWeight: Float64Array;
  readonly edgeDefault: Uint8Array;
  /** Index into `conditions`, or -1. Conditions are rare, so they stay objects. */
  readonly edgeCond: Int32Array;
  readonly conditions: readonly Condition[];
  /** Document index of each compiled edge (to report by id). */
  readonly edgeDocIndex: Int32Array;
  // Distributions: code (-1 = none) and three parameters per slot
  readonly distCode: Int8Array;
  readonly distParam: Float64Array;
  // ai / tool stubs
  readonly outcomeCdf: Float64Array;
  readonly costPerCall: Float64Array;
  readonly priceIn: Float64Array;
  readonly priceOut: Float64Array;
  /** Retry-After seconds sent with rate_limited, or -1. */
  readonly retryAfter: Float64Array;
  /** How likely a retry repeats the error of the try before it, per node and error type (node * ERROR_COUNT + e). */
  readonly repeatProbability: Float64Array;
  /** AI capability index (AI_CAPABILITIES), -1 for other kinds. */
  readonly capability: Int8Array;
  // policy (0 = no limit)
  readonly startToClose: Float64Array;
  readonly scheduleToClose: Float64Array;
  /** Retriers (CSR by node, document order): the retriers of node i are retryStart[i] .. retryStart[i+1]-1. */
  readonly retryStart: Int32Array;
  /** Error types the retrier matches, as a bit mask over ERROR_TYPES (see `errorMask`). */
  readonly retryErrors: Int32Array;
  readonly retryMaxAttempts: Int32Array;
  readonly retryInitialSeconds: Float64Array;
  readonly retryCoefficient: Float64Array;
  readonly retryMaxIntervalSeconds: Float64Array;
  /** A JITTER code. */
  readonly retryJitter: Uint8Array;
  readonly retryHonorsRetryAfter: Uint8Array;
  /** Catchers (CSR by node like the retriers): error mask and the port index they route to. */
  readonly catchStart: Int32Array;
  readonly catchErrors: Int32Array;
  readonly catchPort: Int32Array;
  /** windowSize, or 0 when the node has no breaker. */
  readonly breakerWindow: Int32Array;
  readonly breakerMinimumCalls: Int32Array;
  readonly breakerFailureRate: Float64Array;
  /** openSeconds: how long the breaker stays open once it trips. */
  readonly breakerOpenPeriod: Float64Array;
  // human gates
  readonly reviewers: Int32Array;
  /** A CALENDAR code. */
  readonly calendar: Uint8Array;
  /** SLA seconds (config.slaSeconds, else policy scheduleToClose), 0 = none. */
  readonly sla: Float64Array;
  readonly costPerHour: Float64Array;
  /** approve, reject, revise probabilities for correct items (3 per node). */
  readonly humanOutcome: Float64Array;
  readonly detection: Float64Array;
  // checks
  readonly falseReject: Float64Array;
  /** A threshold check's threshold on the case's confidence, -1 for other checks. */
  readonly checkThreshold: Float64Array;
  /** A sample audit's share of items sent out by `fail` (failProbability), -1 when the check is not one. */
  readonly sampleRate: Float64Array;
  /** An ON_FAIL code. */
  readonly onFail: Uint8Array;
  readonly maxReasks: Int32Array;
  // routers, joins, outputs
  /** Router: a ROUTER_MODE; join: a JOIN_MODE; output: its outcome's index in CASE_OUTCOMES. */
  readonly mode: Uint8Array;
  /** Exclusive router: the edge taking the cases no condition or weight took (splitUnclaimed), -1 for none. */
  readonly routerFallback: Int32Array;
  /** Exclusive router: 1 when some weight is positive, so a case no condition claims draws a number. */
  readonly routerDraws: Uint8Array;
  readonly joinTimeout: Float64Array;
  // data steps and loops
  /** A data step's fixed delay in seconds (config.delaySeconds, for waits), added to its latency. */
  readonly delay: Float64Array;
  /** A loop's items per pass (config.batchSize, default 1). */
  readonly batchSize: Int32Array;
  /**
   * Each loop's body (CSR by node): the nodes a pass can visit, i.e. reached from the loop's `each` edges without
   * going through the loop. Their visit counts restart on every pass, so a long for-each is not cut by the
   * visit guard. Empty for other kinds.
   */
  readonly loopBodyStart: Int32Array;
  readonly loopBody: Int32Array;
}

/** `mode` of a router node. */
export const ROUTER_MODE = { exclusive: 0, parallel: 1, inclusive: 2 } as const;
/** `mode` of a join node. */
export const JOIN_MODE = { all: 0, first: 1, any: 2 } as const;

/** `retryJitter` of a retrier: positions in JITTER_MODES. */
export const JITTER = { none: 0, full: 1, equal: 2 } as const;
/** `calendar` of a human gate. */
export const CALENDAR = { always: 0, businessHours: 1 } as const;
/** `onFail` of a check. */
export const ON_FAIL = { route: 0, reask: 1 } as const;

/** Port indices used by the engine (positions in OUTPUT_PORTS). */
export const PORT = { out: 0, error: 1, approve: 0, reject: 1, revise: 2, timeout: 3, pass: 0, fail: 1, each: 0, done: 1 } as const;

/**
 * Bitmask of the error types a matcher list covers (ALL = every bit).
 * @example errorMask(['timeout', 'rate_limited']) // 0b11
 */
export function errorMask(matchers: readonly ErrorMatcher[]): number {
  let m = 0;
  for (const x of matchers) {
    if (x === 'ALL') return (1 << ERROR_COUNT) - 1;
    m |= 1 << ERROR_TYPES.indexOf(x);
  }
  return m;
}

/** The node's stub, or the default stub of its kind when it has none. */
function withDefaultStub(n: WorkflowNode): WorkflowNode {
  if ((n.kind === 'ai' || n.kind === 'tool' || n.kind === 'human' || n.kind === 'check' || n.kind === 'data' || n.kind === 'loop') && n.stub === undefined) {
    const d = createNode(n.kind, { id: n.id, position: n.position });
    return { ...n, stub: d.stub } as WorkflowNode;
  }
  return n;
}

/**
 * Compile a document for the engine.
 * @example const g = compileGraph(doc); g.nodeCount // nodes other than notes
 * @throws SimulationInputError when the document has no trigger.
 */
export function compileGraph(doc: Pick<Workflow, 'nodes' | 'edges'>): CompiledGraph {
  const nodes = doc.nodes.filter((n) => n.kind !== 'note').map(withDefaultStub);
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  const trigger = nodes.findIndex((x) => x.kind === 'trigger');
  if (trigger < 0) throw new SimulationInputError('the workflow has no trigger, so no case can start');

  const kind = new Uint8Array(n);
  const distCode = new Int8Array(n * SLOTS).fill(-1);
  const distParam = new Float64Array(n * SLOTS * 3);
  const outcomeCdf = new Float64Array(n * OUTCOME_COUNT);
  const f64 = (fill = 0): Float64Array => new Float64Array(n).fill(fill);
  const costPerCall = f64();
  const priceIn = f64();
  const priceOut = f64();
  const retryAfter = f64(-1);
  const repeatProbability = new Float64Array(n * ERROR_COUNT);
  const capability = new Int8Array(n).fill(-1);
  const startToClose = f64();
  const scheduleToClose = f64();
  const breakerWindow = new Int32Array(n);
  const breakerMinimumCalls = new Int32Array(n);
  const breakerFailureRate = f64();
  const breakerOpenPeriod = f64();
  const reviewers = new Int32Array(n);
  const calendar = new Uint8Array(n);
  const sla = f64();
  const costPerHour = f64();
  const humanOutcome = new Float64Array(n * 3);
  const detection = f64();
  const falseReject = f64();
  const checkThreshold = f64(-1);
  const sampleRate = f64(-1);
  const onFail = new Uint8Array(n);
  const maxReasks = new Int32Array(n);
  const mode = new Uint8Array(n);
  const joinTimeout = f64();
  const delay = f64();
  const batchSize = new Int32Array(n).fill(1);
  const routerFallback = new Int32Array(n).fill(-1);
  const routerDraws = new Uint8Array(n);
  const retryStart = new Int32Array(n + 1);
  const catchStart = new Int32Array(n + 1);
  const ret = { mask: [] as number[], max: [] as number[], init: [] as number[], coef: [] as number[], maxInt: [] as number[], jitter: [] as number[], honor: [] as number[] };
  const cat = { mask: [] as number[], port: [] as number[] };

  const setDist = (i: number, slot: number, d: Distribution | undefined): void => {
    if (!d) return;
    const c = encodeDistribution(d);
    const k = i * SLOTS + slot;
    distCode[k] = c.code;
    distParam[k * 3] = c.p0;
    distParam[k * 3 + 1] = c.p1;
    distParam[k * 3 + 2] = c.p2;
  };

  nodes.forEach((node, i) => {
    kind[i] = KIND[node.kind as Exclude<NodeKind, 'note'>];
    retryStart[i] = ret.mask.length;
    catchStart[i] = cat.mask.length;
    switch (node.kind) {
      case 'ai':
      case 'tool':
      case 'data': {
        const stub = node.stub;
        if (node.kind === 'data') delay[i] = node.config.delaySeconds ?? 0;
        if (stub) {
          setDist(i, SLOT.latency, stub.latency);
          costPerCall[i] = 'costPerCall' in stub ? (stub.costPerCall ?? 0) : 0;
          retryAfter[i] = 'retryAfterSeconds' in stub ? (stub.retryAfterSeconds ?? -1) : -1;
          // A data step without outcomes runs locally and always succeeds.
          const o: Partial<Record<string, number>> = stub.outcomes ?? { ok: 1 };
          const probs = [o.ok ?? 0, o.wrong ?? 0, ...ERROR_TYPES.map((e) => o[e] ?? 0)];
          const total = probs.reduce((a, b) => a + b, 0) || 1;
          let acc = 0;
          probs.forEach((p, k) => {
            acc += p / total;
            outcomeCdf[i * OUTCOME_COUNT + k] = acc;
          });
          // Guard the last bucket against rounding: a draw of 0.9999999 must land somewhere.
          outcomeCdf[i * OUTCOME_COUNT + OUTCOME_COUNT - 1] = 1;
          if (node.kind === 'ai' && node.stub) {
            const s = node.stub;
            setDist(i, SLOT.confCorrect, s.confidence?.correct);
            setDist(i, SLOT.confWrong, s.confidence?.wrong);
            setDist(i, SLOT.inTokens, s.inputTokens);
            setDist(i, SLOT.outTokens, s.outputTokens);
            priceIn[i] = s.pricePerInputToken ?? 0;
            priceOut[i] = s.pricePerOutputToken ?? 0;
          }
        }
        if (node.kind === 'ai') capability[i] = AI_CAPABILITIES.indexOf(node.config.capability);
        const repeat = repeatProbabilities(node.kind, node.kind !== 'data' ? node.stub?.repeatOnRetry : undefined);
        ERROR_TYPES.forEach((e, k) => (repeatProbability[i * ERROR_COUNT + k] = repeat[e]));
        const p = node.policy;
        startToClose[i] = p?.timeouts?.startToCloseSeconds ?? 0;
        scheduleToClose[i] = p?.timeouts?.scheduleToCloseSeconds ?? 0;
        for (const r of p?.retry ?? []) {
          const init = r.initialIntervalSeconds ?? RETRY_DEFAULTS.initialIntervalSeconds;
          ret.mask.push(errorMask(r.errorEquals));
          ret.max.push(r.maximumAttempts);
          ret.init.push(init);
          ret.coef.push(r.backoffCoefficient ?? RETRY_DEFAULTS.backoffCoefficient);
          ret.maxInt.push(r.maximumIntervalSeconds ?? RETRY_DEFAULTS.maximumIntervalFactor * init);
          ret.jitter.push(JITTER[r.jitter ?? RETRY_DEFAULTS.jitter]);
          ret.honor.push(r.honorRetryAfter ? 1 : 0);
        }
        for (const c of p?.catch ?? []) {
          const port = OUTPUT_PORTS[node.kind].indexOf(c.port);
          if (port < 0) continue;
          cat.mask.push(errorMask(c.errorEquals));
          cat.port.push(port);
        }
        const b = p?.circuitBreaker;
        if (b) {
          breakerWindow[i] = b.windowSize;
          breakerMinimumCalls[i] = b.minimumCalls;
          breakerFailureRate[i] = b.failureRateThreshold;
          breakerOpenPeriod[i] = b.openSeconds;
        }
        break;
      }
      case 'human': {
        const s = node.stub;
        reviewers[i] = node.config.reviewers;
        calendar[i] = node.config.calendar === 'business-hours' ? CALENDAR.businessHours : CALENDAR.always;
        sla[i] = node.config.slaSeconds ?? node.policy?.timeouts?.scheduleToCloseSeconds ?? 0;
        startToClose[i] = node.policy?.timeouts?.startToCloseSeconds ?? 0;
        if (s) {
          setDist(i, SLOT.latency, s.serviceTime);
          costPerHour[i] = s.costPerHour ?? 0;
          const total = (s.outcomes.approve ?? 0) + (s.outcomes.reject ?? 0) + (s.outcomes.revise ?? 0) || 1;
          humanOutcome[i * 3] = (s.outcomes.approve ?? 0) / total;
          humanOutcome[i * 3 + 1] = (s.outcomes.reject ?? 0) / total;
          humanOutcome[i * 3 + 2] = (s.outcomes.revise ?? 0) / total;
          detection[i] = s.detectionRate ?? 0;
        }
        break;
      }
      case 'check': {
        const s = node.stub;
        if (s) {
          setDist(i, SLOT.latency, s.latency);
          costPerCall[i] = s.costPerCall ?? 0;
          detection[i] = s.detectionRate;
          falseReject[i] = s.falseRejectRate;
        }
        if (node.config.type === 'threshold' && node.config.threshold !== undefined) checkThreshold[i] = node.config.threshold;
        if (node.config.type === 'sample-audit') sampleRate[i] = node.config.sampleRate ?? 1;
        onFail[i] = reasksOnFail(node.config) ? ON_FAIL.reask : ON_FAIL.route;
        maxReasks[i] = node.config.maxReasks ?? DEFAULT_MAX_REASKS;
        break;
      }
      case 'router':
        mode[i] = ROUTER_MODE[node.config.mode];
        break;
      case 'loop':
        setDist(i, SLOT.items, node.stub?.items);
        batchSize[i] = node.config.batchSize ?? 1;
        break;
      case 'join':
        mode[i] = JOIN_MODE[node.config.mode];
        joinTimeout[i] = node.config.timeoutSeconds ?? 0;
        break;
      case 'output':
        mode[i] = CASE_OUTCOMES.indexOf(node.config.outcome);
        break;
      default:
        break;
    }
  });
  retryStart[n] = ret.mask.length;
  catchStart[n] = cat.mask.length;

  // Edges grouped by source, document order kept within a source.
  const bySource: number[][] = nodes.map(() => []);
  doc.edges.forEach((e, k) => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    const src = s === undefined ? undefined : nodes[s];
    if (s === undefined || t === undefined || !src) return;
    if (!OUTPUT_PORTS[src.kind].includes(e.sourcePort)) return;
    bySource[s]?.push(k);
  });
  const m = bySource.reduce((a, l) => a + l.length, 0);
  const outStart = new Int32Array(n + 1);
  const edgeTarget = new Int32Array(m);
  const edgePort = new Uint8Array(m);
  const edgeProb = new Float64Array(m).fill(-1);
  const edgeWeight = new Float64Array(m);
  const edgeDefault = new Uint8Array(m);
  const edgeCond = new Int32Array(m).fill(-1);
  const edgeDocIndex = new Int32Array(m);
  const conditions: Condition[] = [];
  const edgeIds: string[] = [];
  let j = 0;
  bySource.forEach((list, s) => {
    outStart[s] = j;
    const src = nodes[s];
    for (const k of list) {
      const e = doc.edges[k];
      if (!e || !src) continue;
      edgeTarget[j] = index.get(e.target) ?? 0;
      edgePort[j] = OUTPUT_PORTS[src.kind].indexOf(e.sourcePort);
      if (e.probability !== undefined) edgeProb[j] = e.probability;
      edgeDefault[j] = e.isDefault ? 1 : 0;
      if (e.condition) {
        edgeCond[j] = conditions.length;
        conditions.push(e.condition);
      }
      edgeDocIndex[j] = k;
      edgeIds.push(e.id);
      j++;
    }
    if (src?.kind === 'router' && src.config.mode === 'exclusive') {
      const split = splitUnclaimed(list.map((k) => doc.edges[k] ?? {}));
      split.weights.forEach((w, x) => (edgeWeight[(outStart[s] ?? 0) + x] = w));
      routerFallback[s] = split.fallback >= 0 ? (outStart[s] ?? 0) + split.fallback : -1;
      routerDraws[s] = split.weights.some((w) => w > 0) ? 1 : 0;
    }
  });
  outStart[n] = j;

  return fixedShape({
    nodeCount: n,
    nodeIds: nodes.map((x) => x.id),
    edgeIds,
    kind,
    trigger,
    outStart,
    edgeTarget,
    edgePort,
    edgeProb,
    edgeWeight,
    edgeDefault,
    edgeCond,
    conditions,
    edgeDocIndex,
    distCode,
    distParam,
    outcomeCdf,
    costPerCall,
    priceIn,
    priceOut,
    retryAfter,
    repeatProbability,
    capability,
    startToClose,
    scheduleToClose,
    retryStart,
    retryErrors: Int32Array.from(ret.mask),
    retryMaxAttempts: Int32Array.from(ret.max),
    retryInitialSeconds: Float64Array.from(ret.init),
    retryCoefficient: Float64Array.from(ret.coef),
    retryMaxIntervalSeconds: Float64Array.from(ret.maxInt),
    retryJitter: Uint8Array.from(ret.jitter),
    retryHonorsRetryAfter: Uint8Array.from(ret.honor),
    catchStart,
    catchErrors: Int32Array.from(cat.mask),
    catchPort: Int32Array.from(cat.port),
    breakerWindow,
    breakerMinimumCalls,
    breakerFailureRate,
    breakerOpenPeriod,
    reviewers,
    calendar,
    sla,
    costPerHour,
    humanOutcome,
    detection,
    falseReject,
    checkThreshold,
    sampleRate,
    onFail,
    maxReasks,
    mode,
    routerFallback,
    routerDraws,
    joinTimeout,
    delay,
    batchSize,
    ...loopBodies(nodes.map((x) => x.kind), outStart, edgeTarget, edgePort),
  });
}

/**
 * The body of every loop: the nodes a pass can reach from the loop's `each` edges without going through the loop
 * itself. That includes side branches that end elsewhere during a pass (a message sent for each item), whose
 * visits, too, are counted per pass.
 */
function loopBodies(kinds: readonly NodeKind[], outStart: Int32Array, edgeTarget: Int32Array, edgePort: Uint8Array): { loopBodyStart: Int32Array; loopBody: Int32Array } {
  const n = kinds.length;
  const start = new Int32Array(n + 1);
  const body: number[] = [];
  for (let l = 0; l < n; l++) {
    start[l] = body.length;
    if (kinds[l] !== 'loop') continue;
    const seen = new Uint8Array(n);
    const stack: number[] = [];
    for (let j = outStart[l] ?? 0; j < (outStart[l + 1] ?? 0); j++) if (edgePort[j] === PORT.each) stack.push(edgeTarget[j] ?? 0);
    while (stack.length > 0) {
      const v = stack.pop() ?? 0;
      if (v === l || seen[v]) continue;
      seen[v] = 1;
      body.push(v);
      for (let j = outStart[v] ?? 0; j < (outStart[v + 1] ?? 0); j++) stack.push(edgeTarget[j] ?? 0);
    }
  }
  start[n] = body.length;
  return { loopBodyStart: start, loopBody: Int32Array.from(body) };
}

/**
 * The edges that close a cycle: back edges of a depth-first walk from the trigger, following each node's edges in
 * document order (so the choice is deterministic). A case entering a node by one goes around a loop once more.
 * Parallel branches meeting again at a join are not loops (a forward or cross edge, not a back edge).
 * @example backEdges(compileGraph(doc))[edgeIndex] // 1 for the edge of a retry-by-loop back to an earlier step
 */
export function backEdges(g: CompiledGraph): Uint8Array {
  const back = new Uint8Array(g.edgeTarget.length);
  // 0 unvisited, 1 on the DFS stack, 2 done. Iterative, so a long chain cannot overflow the call stack.
  const mark = new Uint8Array(g.nodeCount);
  const stack: number[] = [];
  const next: number[] = [];
  const visit = (root: number): void => {
    if (root < 0 || root >= g.nodeCount || mark[root] !== 0) return;
    mark[root] = 1;
    stack.push(root);
    next.push(g.outStart[root] ?? 0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const n = stack[top] ?? 0;
      const j = next[top] ?? 0;
      if (j >= (g.outStart[n + 1] ?? 0)) {
        mark[n] = 2;
        stack.pop();
        next.pop();
        continue;
      }
      next[top] = j + 1;
      const t = g.edgeTarget[j] ?? 0;
      if (mark[t] === 1) back[j] = 1;
      else if (mark[t] === 0) {
        mark[t] = 1;
        stack.push(t);
        next.push(g.outStart[t] ?? 0);
      }
    }
  };
  visit(g.trigger);
  for (let n = 0; n < g.nodeCount; n++) visit(n);
  return back;
}

/** "Forever": an end time no simulation reaches, and that JSON can still carry (Infinity cannot). */
export const NEVER = 1e300;
