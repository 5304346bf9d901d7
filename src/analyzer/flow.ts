/**
 * The estimates' flow: one case's probability mass pushed through the expanded graph (flow-graph.ts), each node
 * applying its closed form, with the simulator's semantics (docs/simulator.md):
 * - mass is split by what the item is (correct; wrong, made wrong by the last step that produced it or by an
 *   earlier one; with the confidence the case carries: drawn for a correct or a wrong result, or none) and by the
 *   worst outcome other branches of the case already reached; each class of mass carries the distribution of
 *   its time since the case arrived (time-dist.ts), and the packet its time of the week when a calendar matters
 *   (phase.ts);
 * - a parallel split (a parallel or inclusive router, or several edges out of one port) is evaluated as a block:
 *   each branch is a sub-flow from the split, the branches are independent given the item, and they combine by
 *   the join's rule (`all`: the case goes on when its last branch is done, correct only if every branch kept it
 *   correct; `first`: a race, the first arrival wins and the rest is cancelled) or, for branches never joined,
 *   by the case's rule (it ends when its last branch ends, failed if any branch failed, with the most severe
 *   outcome reached): success multiplies, it never adds;
 * - a loop is iterated to its fixed point (expected visits).
 * Human gates take their wait from a gate model (gate-model.ts: queueing, calendars, SLA). What the flow cannot
 * follow exactly it reports as notes; estimates.ts decides which figures they make unreliable.
 */
import { EstimateDeclined } from './work-budget.ts';
import { buildFlowGraph, type EgEdge, type FlowGraph } from './flow-graph.ts';
import { buildCsr, tarjan, type GraphCore } from './graph-core.ts';
import { phaseTotal, scalePhase, shiftPhase, type Phase } from './phase.ts';
import { TimeDist } from './time-dist.ts';
import { splitEdges, SEVS, T_N, Layout, VISIT_GUARD, MAX_NESTING, NO_REGIME, newEnds, newSums, emptyTimes, mixedTime, type Packet, type Ends, type NodeSums, type RegionResult, type FlowNote, type GateOutcome, type GateModel, type FlowOptions } from './flow-packets.ts';
import { Region } from './flow-visit.ts';
import { stepOf, type TryingNode } from './node-models.ts';
export { Layout, SEVS, VISIT_GUARD };
export type { Ends, FlowNote, FlowOptions, GateModel, GateOutcome, NodeSums, Packet, RegionResult };

const ENDLESS_BRANCHES = 'parallel branches open inside one another without end (a fan-out inside a loop); run the simulator for this figure';

/** Shared state of one estimate: the expanded graph, caches and notes. */
export class Flow {
  readonly g: FlowGraph;
  readonly core: GraphCore;
  readonly opts: FlowOptions;
  readonly notes = new Map<string, FlowNote>();
  private readonly joinMemo = new Map<string, number>();
  private readonly subMemo: Map<string, RegionResult>;
  /** Branch sub-flows with no person in them, which no gate model changes: shared by the flows of one estimate. */
  readonly gateFreeSubs: Map<string, RegionResult>;
  private readonly gateFree = new Map<string, boolean>();
  private readonly hasTimeoutEdge: Uint8Array;
  /** Base nodes from which a human gate can be reached (itself included): only there the time of week matters. */
  readonly gateAhead: Uint8Array;
  private readonly phaseIds = new WeakMap<Phase, number>();
  private nextPhaseId = 1;
  /** Expanded copies of each base node. */
  readonly copies: number[][];
  /** The classes of mass (steps inside loops get a wrongness of their own). */
  readonly L: Layout;
  /** Each base node's strongly connected component over the expanded graph's edges (its loop, if any). */
  readonly compOf: Int32Array;
  /** 1 for base nodes inside a loop. */
  readonly inLoop: Uint8Array;

  constructor(core: GraphCore, opts: FlowOptions = {}, g: FlowGraph = buildFlowGraph(core), gateFreeSubs = new Map<string, RegionResult>()) {
    this.core = core;
    this.g = g;
    this.opts = opts;
    this.subMemo = new Map();
    this.gateFreeSubs = gateFreeSubs;
    this.gateAhead = new Uint8Array(core.size);
    const stack: number[] = [];
    core.nodes.forEach((n, v) => {
      if (n.kind === 'human') {
        this.gateAhead[v] = 1;
        stack.push(v);
      }
    });
    const into: number[][] = Array.from({ length: core.size }, () => []);
    g.out.forEach((edges, x) => {
      for (const e of edges) into[g.base[e.target]!]!.push(g.base[x]!);
    });
    while (stack.length > 0) {
      for (const u of into[stack.pop()!]!) {
        if (this.gateAhead[u] === 0) {
          this.gateAhead[u] = 1;
          stack.push(u);
        }
      }
    }
    this.hasTimeoutEdge = new Uint8Array(core.size);
    core.edges.forEach((e, k) => {
      if (e.sourcePort === 'timeout') this.hasTimeoutEdge[core.edgeSource[k]!] = 1;
    });
    const loops = loopSteps(core, g, opts);
    this.compOf = loops.compOf;
    this.inLoop = loops.inLoop;
    this.L = new Layout(loops.steps, loops.compOf);
    this.copies = Array.from({ length: core.size }, () => []);
    g.base.forEach((b, x) => this.copies[b]!.push(x));
    if (g.truncated) this.note('state-space', 'the design has too many visit counters and re-ask budgets to follow exactly; loops are estimated without them');
  }

  note(code: string, message: string, nodeId?: string): void {
    const key = `${code}|${nodeId ?? ''}`;
    if (!this.notes.has(key)) this.notes.set(key, nodeId === undefined ? { code, message } : { code, message, nodeId });
  }

  /**
   * Run the whole case: from the first trigger to every end.
   * @example new Flow(core).run().ends.rank[0] // success
   */
  run(): RegionResult {
    if (this.g.start < 0) return { atStop: null, ends: newEnds(), sums: newSums(this.core.size), visitTime: new Map(), costTime: new Map() };
    const L = this.L;
    const m = new Float64Array(L.comps);
    const start = L.cls(0, T_N);
    m[L.comp(0, start)] = 1;
    const t = emptyTimes(L.classes);
    t[start] = TimeDist.point(0);
    return new Region(this, [{ node: this.g.start, via: -1, packet: { m, t, ph: null } }], -1, false, true).run();
  }

  /** The case's phase for a packet: explicit, or the arrivals' phase moved on by its elapsed time (null: even). */
  phaseOf(p: Packet): Phase | null {
    if (p.ph) {
      const tot = phaseTotal(p.ph);
      return tot > 0 ? scalePhase(p.ph, 1 / tot) : null;
    }
    return this.phaseOfTime(mixedTime(p));
  }

  /** The arrivals' phase moved on by an elapsed time (null: arrivals spread evenly, so the phase is too). */
  phaseOfTime(elapsed: TimeDist): Phase | null {
    const a = this.opts.arrivalPhase;
    if (!a || elapsed.total <= 0) return a ?? null;
    const out = shiftPhase(a, elapsed.normalised());
    const tot = phaseTotal(out);
    return tot > 0 ? scalePhase(out, 1 / tot) : null;
  }

  /**
   * The join that closes a split's group (EG node), or -1 when no branch reaches one. In the engine a branch
   * token parks at the first `all` or `first` join it reaches (an `any` join lets it through), and a nested
   * split's tokens belong to the nested group until their own join merges them, so the walk counts split levels.
   * Branches that end elsewhere are simply not waited for; two different joins for one group cannot fire
   * together (the estimate says so).
   */
  joinOf(x: number, edges: readonly EgEdge[]): number {
    const key = `${x}|${edges.map((e) => e.target).join(',')}`;
    const hit = this.joinMemo.get(key);
    if (hit !== undefined) return hit;
    // Joins by base node: the expanded state (a confidence's source, a last producer) may differ by branch.
    const found = new Map<number, { depth: number; copies: Set<number> }>();
    for (const e of edges) {
      const seen = new Set<string>();
      const queue: [number, number, number][] = [[e.target, 0, 0]];
      for (let h = 0; h < queue.length && queue.length < 20000; h++) {
        const [y, level, depth] = queue[h]!;
        const k = `${y}|${level}`;
        if (seen.has(k) || y === x) continue;
        seen.add(k);
        const b = this.g.base[y]!;
        const node = this.core.node(b);
        let next = level;
        if (node.kind === 'join' && node.config.mode !== 'any') {
          if (level === 0) {
            const f = found.get(b);
            if (f) {
              f.depth = Math.min(f.depth, depth);
              f.copies.add(y);
            } else found.set(b, { depth, copies: new Set([y]) });
            continue;
          }
          next = level - 1;
        }
        const outs = this.g.out[y]!;
        const splits = splitEdges(node, outs);
        for (const o of outs) {
          const lv = splits.has(o) ? next + 1 : next;
          if (lv <= 8) queue.push([o.target, lv, depth + 1]);
        }
      }
    }
    let best = -1;
    let bestDepth = Infinity;
    let bestCopies = new Set<number>();
    for (const [b, f] of found) {
      if (f.depth < bestDepth || (f.depth === bestDepth && b < best)) {
        best = b;
        bestDepth = f.depth;
        bestCopies = f.copies;
      }
    }
    if (found.size > 1) this.note('split-joins', 'the branches of a parallel split reach different joins, which the simulator can never fire together', this.core.node(this.g.base[x]!).id);
    // The merged item goes on in one state: the split's own confidence source where a branch keeps it.
    let target = -1;
    for (const y of bestCopies) {
      if (target < 0 || this.g.confSource[y] === this.g.confSource[x]) target = y;
    }
    if (new Set([...bestCopies].map((y) => this.g.confSource[y])).size > 1) {
      this.note('join-confidence', 'branches bring confidences from different steps to a join whose confidence is read later; the estimate keeps one', this.core.node(best).id);
    }
    this.joinMemo.set(key, target);
    return target;
  }

  /** A branch's sub-flow for a unit of one class from a split at phase `ph` (memoised: linear in the inflow). */
  sub(target: number, via: number, stop: number, cls: number, ph: Phase | null): RegionResult {
    // A branch with no person before its join never reads the time of the week, nor changes with the gates' models.
    const free = this.gateFreeBetween(target, stop);
    let pid = 0;
    if (ph && !free) {
      pid = this.phaseIds.get(ph) ?? 0;
      if (pid === 0) {
        pid = this.nextPhaseId++;
        this.phaseIds.set(ph, pid);
      }
    }
    const key = `${target}|${via}|${stop}|${cls}|${pid}`;
    const memo = free ? this.gateFreeSubs : this.subMemo;
    let r = memo.get(key);
    if (!r) {
      // A split whose branch leads back to the same split (a fan-out inside a loop, common in imported n8n
      // designs) would open sub-flows without end: past MAX_NESTING the estimate stops and says why, and at once
      // when a branch's sub-flow opens itself again (the same key computes the same thing: it never ends).
      if (++this.nesting > MAX_NESTING || this.opening.has(key)) throw new EstimateDeclined(ENDLESS_BRANCHES);
      this.opening.add(key);
      try {
        const m = new Float64Array(this.L.comps);
        m[this.L.comp(0, cls)] = 1;
        const t = emptyTimes(this.L.classes);
        t[cls] = TimeDist.point(0);
        r = new Region(this, [{ node: target, via, packet: { m, t, ph: free ? null : ph } }], stop, true).run();
      } finally {
        this.nesting--;
        this.opening.delete(key);
      }
      memo.set(key, r);
    }
    return r;
  }

  /** Sub-flows open at the moment (a branch's sub-flow inside another's), and their keys. */
  private nesting = 0;
  private readonly opening = new Set<string>();

  /** Whether no human gate lies on the expanded graph from `target` before `stop` (-1: anywhere after it). */
  private gateFreeBetween(target: number, stop: number): boolean {
    const key = `${target}|${stop}`;
    let free = this.gateFree.get(key);
    if (free === undefined) {
      free = true;
      const seen = new Set<number>([target]);
      const todo = [target];
      while (todo.length > 0 && free) {
        const x = todo.pop()!;
        if (x === stop) continue;
        if (this.core.node(this.g.base[x]!).kind === 'human') free = false;
        for (const e of this.g.out[x]!) {
          if (!seen.has(e.target)) {
            seen.add(e.target);
            todo.push(e.target);
          }
        }
      }
      this.gateFree.set(key, free);
    }
    return free;
  }

  hasTimeout(v: number): boolean {
    return this.hasTimeoutEdge[v] === 1;
  }
}

/**
 * Steps that may run again for the same case (inside a loop, re-ask edges included) and can make a wrong item:
 * each gets a class of wrongness, since running again clears the wrong item it made. A step that never draws
 * `wrong` (a data step, a tool without a wrong outcome; a fault only ever turns a try into an error) makes no
 * wrong item to clear, so it needs no class: an imported for-each over thirty plumbing steps would otherwise
 * carry a hundred classes of mass, each gathered and merged at every node on every sweep of the loop.
 */
function loopSteps(core: GraphCore, g: FlowGraph, opts: FlowOptions): { steps: number[]; compOf: Int32Array; inLoop: Uint8Array } {
  const n = core.size;
  const pairs: [number, number, number][] = [];
  g.out.forEach((edges, x) => {
    for (const e of edges) pairs.push([g.base[x]!, g.base[e.target]!, 0]);
  });
  const scc = tarjan(n, buildCsr(n, pairs));
  const steps: number[] = [];
  for (let v = 0; v < n; v++) {
    const node = core.node(v);
    if ((node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data') && scc.cyclic[scc.compOf[v]!] === 1 && makesWrong(node, opts)) steps.push(v);
  }
  const compOf = Int32Array.from({ length: n }, (_, v) => scc.compOf[v]!);
  return { steps, compOf, inLoop: Uint8Array.from(compOf, (c) => scc.cyclic[c]!) };
}


/** Whether a step can leave with a wrong result in any of its fault regimes. */
function makesWrong(node: TryingNode, opts: FlowOptions): boolean {
  return (opts.faults?.(node) ?? NO_REGIME).some((r) => r.share > 0 && stepOf(node, r.faults).wrong.p > 0);
}
