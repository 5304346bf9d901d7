/**
 * The graph the estimates flow over: the document's graph expanded by the little state a case carries that
 * changes where it goes, so that what the simulator decides by counting can be computed exactly:
 * - `visits` conditions: a router whose edge tests `visits` (entries into that router by this case) gets a
 *   counter, saturated where its conditions stop changing (`visits <= 2` needs 0..3);
 * - check re-asks: a check with `onFail: reask` sends the item back to the last ai/tool step it passed, at most
 *   `maxReasks` times per case; a counter per such check, and a virtual edge check -> producer.
 * A counter only matters inside the strongly connected component (with the re-ask edges) of its node, so a copy
 * of a node per counter value exists only there: outside it the counter is 0 or will never be read again.
 *
 * The step whose confidence the case carries is part of the state too where something reads it later (threshold
 * checks, `confidence` conditions), and so is the piece of the confidence axis a case is known to be in once a
 * test has read it. The step a re-ask goes back to is found by a data-flow (the last step the item passed).
 */
import { evaluateCondition, OUTPUT_PORTS, type WorkflowEdge, type WorkflowNode } from '../domain/index.ts';
import { DEFAULT_MAX_REASKS, reasksOnFail } from '../domain/semantics/index.ts';
import { buildCsr, tarjan, type GraphCore } from './graph-core.ts';

/** No step has produced the item / set a confidence yet. */
export const NONE = -1;
/** Several steps may have (the estimate then says it approximates). */
export const MIXED = -2;

/** One edge of the expanded graph. `baseEdge` is -1 for a re-ask (check -> producer). */
export interface EgEdge {
  readonly baseEdge: number;
  readonly port: string;
  readonly target: number;
  /**
   * Out of a node that reads the confidence: the piece of the confidence axis the mass on this edge lies in (-1:
   * unrestricted, and the mass with no confidence). Elsewhere the piece the node's mass is known to lie in.
   */
  readonly piece: number;
}

/**
 * The confidence axis cut at every value a threshold or a `confidence` condition compares with: within a piece
 * every such test gives the same answer, so once a case's confidence is known to lie in a piece, later tests of the
 * same confidence are certain (a router that sent confidence >= 0.7 one way cannot see 0.6 further on).
 */
export interface ConfPieces {
  /** A value inside each piece (the piece's middle, or its single value). */
  readonly rep: readonly number[];
  /** Piece bounds: an atom [a, a] or an interval (lo, hi) (the first includes 0). */
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  readonly atom: readonly boolean[];
}

export interface FlowGraph {
  readonly core: GraphCore;
  /** Base node of each expanded node. */
  readonly base: Int32Array;
  /** Counter values of each expanded node (one entry per counter). */
  readonly ctx: readonly (readonly number[])[];
  /** Out edges of each expanded node, in document order, re-ask last. */
  readonly out: readonly (readonly EgEdge[])[];
  /** Expanded node where cases start (the first trigger in document order), -1 without a trigger. */
  readonly start: number;
  readonly counters: readonly Counter[];
  /**
   * Per expanded node: the base ai step whose confidence a case carries into it (NONE: none yet). Part of the
   * expanded state wherever a threshold check or a `confidence` condition may read it later, so two paths that
   * bring confidences from different steps stay apart. A step sets it only on a result (its `out` port).
   */
  readonly confSource: Int32Array;
  /** Predecessors of each expanded node, with the index of the edge in the predecessor's `out`. */
  readonly preds: readonly (readonly (readonly [number, number])[])[];
  /** Per base check node: the step a re-ask goes back to (NONE: no re-ask possible, MIXED: ambiguous). */
  readonly reaskTarget: Int32Array;
  /** True when the expansion was cut short (too many states): counters were dropped and the estimate approximates. */
  readonly truncated: boolean;
  readonly pieces: ConfPieces;
  /** Per expanded node: the confidence piece its mass lies in (-1: unrestricted). */
  readonly piece: Int32Array;
  /** Base nodes that read the confidence (threshold checks, routers with a `confidence` condition). */
  readonly readers: Uint8Array;
}

export interface Counter {
  readonly kind: 'visits' | 'reasks';
  /** Base node: the router whose visits are counted, or the re-asking check. */
  readonly node: number;
  /** Largest value kept: visits saturate here, re-asks stop here. */
  readonly cap: number;
  /** Base nodes where the counter matters (its component). */
  readonly scope: Uint8Array;
}

/** Cap on expanded nodes relative to the document: past it the counters are dropped (and the estimate says so). */
const MAX_EXPANSION = 8;

function isProducer(n: WorkflowNode): boolean {
  return n.kind === 'ai' || n.kind === 'tool' || n.kind === 'data';
}

/**
 * For each node of a graph, the unique node `sets` says a case carries when it leaves it (NONE before any, MIXED
 * when paths disagree): a forward data-flow to a fixed point. With `ignoreNone`, a path on which nothing was set
 * yet does not make the value MIXED (no step has made the item wrong on it, so it carries no wrong mass to clear).
 */
function carried(size: number, start: number, preds: (v: number) => readonly number[], succs: (v: number) => readonly number[], sets: (v: number) => number | undefined, ignoreNone: boolean): Int32Array {
  // Value leaving each node. UNSEEN: nothing has reached it.
  const UNSEEN = -3;
  const outVal = new Int32Array(size).fill(UNSEEN);
  const merge = (a: number, b: number): number => {
    if (a === UNSEEN) return b;
    if (b === UNSEEN) return a;
    if (ignoreNone && a === NONE) return b;
    if (ignoreNone && b === NONE) return a;
    return a === b ? a : MIXED;
  };
  const queue: number[] = [];
  const queued = new Uint8Array(size);
  for (let v = 0; v < size; v++) {
    queued[v] = 1;
    queue.push(v);
  }
  let guard = 0;
  for (let h = 0; h < queue.length && guard++ < 50 * size + 1000; h++) {
    const v = queue[h]!;
    queued[v] = 0;
    const own = sets(v);
    let val: number;
    if (own !== undefined) val = own;
    else {
      val = v === start ? NONE : UNSEEN;
      for (const u of preds(v)) val = merge(val, outVal[u]!);
    }
    if (val !== outVal[v]) {
      outVal[v] = val;
      for (const w of succs(v)) {
        if (queued[w] === 0) {
          queued[w] = 1;
          queue.push(w);
        }
      }
    }
  }
  for (let v = 0; v < size; v++) if (outVal[v] === UNSEEN) outVal[v] = NONE;
  return outVal;
}

/** Largest `visits` value a router's conditions compare with, plus one: counts past it all behave alike. */
function visitsCap(edges: readonly WorkflowEdge[]): number {
  let cap = 0;
  for (const e of edges) {
    const c = e.condition;
    if (c?.field === 'visits' && typeof c.value === 'number' && Number.isFinite(c.value)) cap = Math.max(cap, Math.floor(c.value) + 1);
  }
  return Math.min(cap, 26);
}

/**
 * Build the expanded graph of a document.
 * @example buildFlowGraph(new GraphCore(doc)).out[0] // the first trigger's edges
 */
export function buildFlowGraph(core: GraphCore): FlowGraph {
  const n = core.size;
  const start = core.nodes.findIndex((x) => x.kind === 'trigger');
  // Valid edges only: an edge from a port its source kind does not have never carries a case (compile.ts).
  const valid = core.edges.map((e, k) => OUTPUT_PORTS[core.node(core.edgeSource[k]!).kind].includes(e.sourcePort));
  const basePreds = (v: number): number[] => {
    const out: number[] = [];
    for (let j = core.pred.offsets[v]!; j < core.pred.offsets[v + 1]!; j++) if (valid[core.pred.edgeIndex[j]!]) out.push(core.pred.targets[j]!);
    return out;
  };
  const baseSuccs = (v: number): number[] => {
    const out: number[] = [];
    for (let j = core.succ.offsets[v]!; j < core.succ.offsets[v + 1]!; j++) if (valid[core.succ.edgeIndex[j]!]) out.push(core.succ.targets[j]!);
    return out;
  };
  const baseLast = carried(n, start, basePreds, baseSuccs, (v) => (isProducer(core.node(v)) ? v : undefined), true);
  // Re-ask targets: the last producer on the check's way in (the engine sends the item back to tok.producer).
  const reaskTarget = new Int32Array(n).fill(NONE);
  for (let v = 0; v < n; v++) {
    const node = core.node(v);
    if (node.kind !== 'check' || !reasksOnFail(node.config)) continue;
    let t = -3;
    for (const u of basePreds(v)) {
      const p = baseLast[u]!;
      t = t === -3 ? p : t === p ? t : MIXED;
    }
    reaskTarget[v] = t === -3 ? NONE : t;
  }

  // Components of the graph with its re-ask edges: where counters matter.
  const pairs: [number, number, number][] = [];
  for (let e = 0; e < core.edges.length; e++) if (valid[e]) pairs.push([core.edgeSource[e]!, core.edgeTarget[e]!, e]);
  for (let c = 0; c < n; c++) if (reaskTarget[c]! >= 0) pairs.push([c, reaskTarget[c]!, -1]);
  const scc = tarjan(n, buildCsr(n, pairs));
  const scopeOf = (v: number): Uint8Array => {
    const s = new Uint8Array(n);
    const comp = scc.compOf[v]!;
    if (scc.cyclic[comp] === 1) for (const u of scc.components[comp]!) s[u] = 1;
    return s;
  };
  const counters: Counter[] = [];
  for (let v = 0; v < n; v++) {
    const node = core.node(v);
    if (node.kind === 'router') {
      const outs: WorkflowEdge[] = [];
      for (let j = core.succ.offsets[v]!; j < core.succ.offsets[v + 1]!; j++) outs.push(core.edges[core.succ.edgeIndex[j]!]!);
      const cap = visitsCap(outs);
      if (cap > 0) counters.push({ kind: 'visits', node: v, cap, scope: scopeOf(v) });
    } else if (node.kind === 'check' && reasksOnFail(node.config) && reaskTarget[v]! >= 0) {
      counters.push({ kind: 'reasks', node: v, cap: node.config.maxReasks ?? DEFAULT_MAX_REASKS, scope: scopeOf(v) });
    }
  }
  const pieces = confPieces(core);
  const built = expand(core, start, valid, counters, reaskTarget, MAX_EXPANSION * n + 2000, pieces);
  const result = built ?? expand(core, start, valid, [], reaskTarget, Infinity, pieces)!;
  // The confidence's source is in the state (a reader could otherwise see confidences of different steps mixed).
  const size = result.base.length;
  const preds: [number, number][][] = Array.from({ length: size }, () => []);
  result.out.forEach((edges, x) => edges.forEach((e, k) => preds[e.target]!.push([x, k])));
  const readers = Uint8Array.from(core.nodes, (_, v) => (readsConfidence(core, v) ? 1 : 0));
  return { core, ...result, start: result.start, counters: built ? counters : [], preds, reaskTarget, truncated: built === null, pieces, readers };
}

/** The pieces of the confidence axis for a design's tests. */
function confPieces(core: GraphCore): ConfPieces {
  const cuts = new Set<number>();
  for (const n of core.nodes) if (n.kind === 'check' && n.config.type === 'threshold' && n.config.threshold !== undefined) cuts.add(n.config.threshold);
  for (const e of core.edges) if (e.condition?.field === 'confidence' && typeof e.condition.value === 'number') cuts.add(e.condition.value);
  const points = [...cuts].filter((x) => x > 0 && x < 1).sort((a, b) => a - b);
  const rep: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const atom: boolean[] = [];
  let prev = 0;
  const interval = (a: number, b: number): void => {
    rep.push((a + b) / 2);
    lo.push(a);
    hi.push(b);
    atom.push(false);
  };
  const at = (a: number): void => {
    rep.push(a);
    lo.push(a);
    hi.push(a);
    atom.push(true);
  };
  for (const x of points) {
    interval(prev, x);
    at(x);
    prev = x;
  }
  interval(prev, 1);
  at(1);
  return { rep, lo, hi, atom };
}

/** Can `edges[j]` of a router take mass whose confidence is `conf` (undefined: none)? Exclusive: first match wins. */
function mayTake(node: WorkflowNode, edges: readonly WorkflowEdge[], j: number, conf: number | undefined, visits: number | undefined): boolean {
  const verdict = (e: WorkflowEdge): boolean | 'maybe' => {
    const c = e.condition;
    if (!c) return 'maybe';
    if (c.field === 'confidence') return evaluateCondition(c, { confidence: conf });
    if (c.field === 'visits') return evaluateCondition(c, { visits: visits ?? 0 });
    if (c.field === 'attempt') return 'maybe';
    return evaluateCondition(c, {});
  };
  if (node.kind !== 'router' || node.config.mode !== 'exclusive') return edges[j]!.condition === undefined || verdict(edges[j]!) !== false;
  for (let i = 0; i < j; i++) if (edges[i]!.condition && verdict(edges[i]!) === true) return false;
  return edges[j]!.condition === undefined || verdict(edges[j]!) !== false;
}

/** Nodes that read the case's confidence: threshold checks, and routers with a `confidence` condition. */
function readsConfidence(core: GraphCore, v: number): boolean {
  const node = core.node(v);
  if (node.kind === 'check') return node.config.type === 'threshold' && node.config.threshold !== undefined;
  if (node.kind !== 'router' || node.config.mode === 'parallel') return false;
  for (let j = core.succ.offsets[v]!; j < core.succ.offsets[v + 1]!; j++) if (core.edges[core.succ.edgeIndex[j]!]!.condition?.field === 'confidence') return true;
  return false;
}

interface Expanded {
  readonly base: Int32Array;
  readonly ctx: number[][];
  readonly out: EgEdge[][];
  readonly start: number;
  readonly confSource: Int32Array;
  readonly piece: Int32Array;
}

function expand(
  core: GraphCore,
  start: number,
  valid: readonly boolean[],
  counters: readonly Counter[],
  reaskTarget: Int32Array,
  limit: number,
  pieces: ConfPieces,
): Expanded | null {
  const n = core.size;
  // Where the confidence source matters: nodes from which a reader is reachable (backwards from the readers).
  const wantsConf = new Uint8Array(n);
  const stack: number[] = [];
  for (let v = 0; v < n; v++) {
    if (readsConfidence(core, v)) {
      wantsConf[v] = 1;
      stack.push(v);
    }
  }
  const reaskFrom: number[][] = Array.from({ length: n }, () => []);
  for (let c = 0; c < n; c++) if (reaskTarget[c]! >= 0) reaskFrom[reaskTarget[c]!]!.push(c);
  while (stack.length > 0) {
    const v = stack.pop()!;
    const from = [...reaskFrom[v]!];
    for (let j = core.pred.offsets[v]!; j < core.pred.offsets[v + 1]!; j++) if (valid[core.pred.edgeIndex[j]!]) from.push(core.pred.targets[j]!);
    for (const u of from) {
      if (wantsConf[u] === 0) {
        wantsConf[u] = 1;
        stack.push(u);
      }
    }
  }
  const setsConf = (v: number): boolean => {
    const node = core.node(v);
    return node.kind === 'ai' && node.stub?.confidence !== undefined;
  };
  const base: number[] = [];
  const ctx: number[][] = [];
  const conf: number[] = [];
  const pieceOf: number[] = [];
  const out: EgEdge[][] = [];
  const ids = new Map<string, number>();
  const reaskCounter = new Map<number, number>();
  const visitCounter = new Map<number, number>();
  counters.forEach((c, k) => (c.kind === 'reasks' ? reaskCounter : visitCounter).set(c.node, k));
  const id = (v: number, values: number[], src: number, piece: number): number => {
    // Counters outside their scope are 0: either not reached yet or never read again; so is a confidence nobody
    // reads (its source and piece).
    const clean = values.map((x, k) => (counters[k]!.scope[v] === 1 ? x : 0));
    const cs = wantsConf[v] === 1 ? src : NONE;
    const pc = wantsConf[v] === 1 && cs !== NONE ? piece : -1;
    const key = `${v}|${clean.join(',')}|${cs}|${pc}`;
    let i = ids.get(key);
    if (i === undefined) {
      i = base.length;
      ids.set(key, i);
      base.push(v);
      ctx.push(clean);
      conf.push(cs);
      pieceOf.push(pc);
      out.push([]);
    }
    return i;
  };
  const result = (first: number): Expanded => ({
    base: Int32Array.from(base),
    ctx,
    out,
    start: first,
    confSource: Int32Array.from(conf),
    piece: Int32Array.from(pieceOf),
  });
  if (start < 0) return result(-1);
  const enter = (w: number, values: number[], src: number, piece: number): number => {
    const k = visitCounter.get(w);
    if (k === undefined) return id(w, values, src, piece);
    const next = values.slice();
    next[k] = Math.min(next[k]! + 1, counters[k]!.cap);
    return id(w, next, src, piece);
  };
  const first = enter(start, counters.map(() => 0), NONE, -1);
  const np = pieces.rep.length;
  for (let x = 0; x < base.length; x++) {
    if (base.length > limit) return null;
    const v = base[x]!;
    const node = core.node(v);
    const values = ctx[x]!;
    const src = conf[x]!;
    const piece = pieceOf[x]!;
    const edges: EgEdge[] = [];
    const baseEdges: WorkflowEdge[] = [];
    const ids2: number[] = [];
    for (let j = core.succ.offsets[v]!; j < core.succ.offsets[v + 1]!; j++) {
      const e = core.succ.edgeIndex[j]!;
      if (!valid[e]) continue;
      baseEdges.push(core.edges[e]!);
      ids2.push(e);
    }
    const reader = readsConfidence(core, v) && src !== NONE;
    const ctrK = visitCounter.get(v);
    const visits = ctrK !== undefined ? values[ctrK] : undefined;
    baseEdges.forEach((be, j) => {
      const e = ids2[j]!;
      const port = be.sourcePort;
      const target = (pc: number): number => enter(core.edgeTarget[e]!, values, setsConf(v) && port === 'out' ? v : src, setsConf(v) && port === 'out' ? -1 : pc);
      if (!reader) {
        edges.push({ baseEdge: e, port, target: target(piece), piece });
        return;
      }
      // A reader: one edge per confidence piece that can take it (and one for mass with no confidence).
      edges.push({ baseEdge: e, port, target: target(-1), piece: -1 });
      for (let q = 0; q < np; q++) {
        if (piece >= 0 && q !== piece) continue;
        const conf = pieces.rep[q]!;
        let ok: boolean;
        if (node.kind === 'check' && node.config.type === 'threshold' && node.config.threshold !== undefined) {
          const fails = conf < node.config.threshold;
          ok = port === 'fail' ? fails : !fails;
        } else ok = mayTake(node, baseEdges, j, conf, visits);
        if (ok) edges.push({ baseEdge: e, port, target: target(q), piece: q });
      }
    });
    const k = reaskCounter.get(v);
    if (k !== undefined && values[k]! < counters[k]!.cap) {
      const next = values.slice();
      next[k] = next[k]! + 1;
      // The step produces the item again: its confidence is drawn anew.
      edges.push({ baseEdge: -1, port: 'reask', target: enter(reaskTarget[v]!, next, src, -1), piece: -1 });
    }
    out[x] = edges;
  }
  return result(first);
}
