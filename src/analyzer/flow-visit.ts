/**
 * What each node of the estimates' flow does with its gathered inflow (flow.ts): steps with their tries, checks,
 * human gates with their queue models, routers, for-each loops.
 */
import type { WorkflowEdge, WorkflowNode } from '../domain/index.ts';
import { failProbability, OUTCOME_SEVERITY, reasksOnFail } from '../domain/semantics/index.ts';
import { distributionCdf } from '../domain/index.ts';
import { spend } from './work-budget.ts';
import { MIXED, type EgEdge } from './flow-graph.ts';
import { checkOf, humanOf, loopPassesOf, stepOf, type TryingNode } from './node-models.ts';
import { addPhase, phaseTotal, scalePhase, shiftPhase, uniformPhase, type Phase } from './phase.ts';
import { exclusiveRouting, inclusiveRouting, type RouteValues, type Routing } from './routing.ts';
import { TimeDist } from './time-dist.ts';
import { SEVS, T_C, T_W, T_N, PROCESS_WORK, SMALL_CLASS, newEnds, NO_REGIME, sumOf, mixedTime, emptyParts, PacketBuilder, type Packet, type GateOutcome, type Input } from './flow-packets.ts';
import { RegionBase } from './flow-region.ts';

/** A region whose nodes apply their closed forms. */
export class Region extends RegionBase {
  /**
   * The gathered inflow's masses, reused by every visit: only its own closed forms read them (the packets they
   * emit have their own), and a fresh array each visit was an allocation off the heap.
   */
  private readonly inflow = new Float64Array(this.L.comps);

  /** Process local node v: gather its inflow, emit its outflow. Returns the largest change of an out edge's mass. */
  protected process(v: number, cap = Infinity): number {
    // A visit's own bookkeeping (gathering and merging every class's packets) is work too, beside the
    // convolutions time-dist.ts counts: a loop swept hundreds of times over many classes costs it.
    spend(PROCESS_WORK * this.L.classes * (1 + this.inOf[v]!.length + this.outOf[v]!.length));
    const x = this.nodes[v]!;
    const base = this.f.g.base[x]!;
    const node = this.f.core.node(base);
    const before = this.outOf[v]!.map((e) => sumOf(this.es[e]!.m));
    for (const e of this.outOf[v]!) this.es[e] = this.none;
    this.ends[v] = newEnds();
    this.sums[v] = new Map();
    this.gateArr[v] = new Map();
    this.costT[v] = new Map();
    // Gather, by class. A step that runs again clears the wrong item it made itself: that mass comes in correct.
    const L = this.L;
    const producer = node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data';
    const selfKind = producer ? L.kindOf.get(base) : undefined;
    const m = this.inflow;
    m.fill(0);
    const parts = emptyParts(L.classes);
    const incoming: Packet[] = [];
    const comp = this.f.compOf[base]!;
    // from: the base node the packet comes from (-1: a region's entry, which keeps the classes it has).
    const gather = (p: Packet, from: number): void => {
      if (sumOf(p.m) <= 0) return;
      incoming.push(p);
      // Coming from outside this node's loop, an item wrong by a loop step stays wrong for good.
      const leftLoop = from >= 0 && this.f.compOf[from] !== comp;
      for (let c = 0; c < L.classes; c++) {
        const t = L.conf(c);
        const k = L.kind(c);
        const to = k >= 2 && leftLoop ? L.cls(1, t) : selfKind !== undefined && k === selfKind ? L.cls(0, t === T_W ? T_C : t) : c;
        let mass = 0;
        for (let s = 0; s < SEVS; s++) {
          const val = p.m[L.comp(s, c)]!;
          m[L.comp(s, to)]! += val;
          mass += val;
        }
        if (mass > 0 && p.t[c]!.total > 0) parts[to]!.push(p.t[c]!);
      }
    };
    const via = this.injected[v]!.via;
    gather(this.injected[v]!.p, via >= 0 ? this.f.g.base[via]! : -1);
    for (const e of this.inOf[v]!) gather(this.es[e]!, this.f.g.base[this.nodes[this.edges[e]!.from]!]!);
    let total = sumOf(m);
    let scale = 1;
    if (total > cap && total > 0) {
      scale = cap / total;
      for (let i = 0; i < m.length; i++) m[i]! *= scale;
      total = cap;
    }
    let times = parts.map((l) => (l.length > 0 ? TimeDist.mix(l).scaled(scale) : TimeDist.EMPTY));
    const all = TimeDist.mix(times);
    // Classes with a small share of the mass take the node's overall time shape: their own shape hardly moves a
    // quantile, and shared shapes are convolved once (each distinct shape costs a convolution per port).
    if (times.filter((d) => d.total > 0).length > 1) {
      const share = all.total > 0 ? 1 / all.total : 0;
      times = times.map((d) => (d.total > 0 && d.total * share < SMALL_CLASS ? all.normalised().scaled(d.total) : d));
    }
    this.visitT[v] = all;
    if (total <= 0) return Math.max(0, ...before);
    this.addSums(v, base, total, 0, 0, 0);
    // The phase is carried explicitly once any inflow carries it (after a calendar, or in a branch).
    // No gate ahead: nothing will read the time of the week again, so it is no longer carried.
    const explicit = this.f.gateAhead[base] === 1 && incoming.some((p) => p.ph !== null && sumOf(p.m) > 0);
    let phIn: Phase | null = null;
    if (explicit) {
      const acc = new Float64Array(uniformPhase().length);
      for (const p of incoming) {
        const mass = sumOf(p.m);
        if (mass > 0) addPhase(acc, p.ph ?? this.f.phaseOf(p) ?? uniformPhase(), p.ph ? 1 : mass);
      }
      const tot = phaseTotal(acc);
      phIn = tot > 0 ? scalePhase(acc, 1 / tot) : null;
    }
    const input: Input = { m, times, total, phIn, explicit };
    switch (node.kind) {
      case 'trigger':
      case 'join':
        this.emitPort(v, 'out', this.passThrough(input));
        break;
      case 'ai':
      case 'tool':
      case 'data':
        this.processStep(v, node, input);
        break;
      case 'loop':
        this.processLoop(v, node, input);
        break;
      case 'check':
        this.processCheck(v, node, input);
        break;
      case 'human':
        this.processHuman(v, node, input);
        break;
      case 'router':
        this.processRouter(v, node, input);
        break;
      case 'output': {
        const outcome = OUTCOME_SEVERITY[node.config.outcome];
        const ends = this.ends[v]!;
        for (let s = 0; s < SEVS; s++) {
          for (let c = 0; c < this.L.classes; c++) {
            const val = m[this.L.comp(s, c)]!;
            if (val <= 0) continue;
            const r = Math.max(s, outcome);
            ends.rank[r]! += val;
            if (r === 0 && this.L.isWrong(c)) ends.silent += val;
          }
        }
        ends.endTime = TimeDist.mix(times);
        break;
      }
      case 'note':
        break;
    }
    let change = 0;
    this.outOf[v]!.forEach((e, i) => {
      const d = Math.abs(sumOf(this.es[e]!.m) - (before[i] ?? 0));
      if (d > change) change = d;
    });
    return change;
  }


  /**
   * A for-each loop as a geometric split: each visit goes round the body again (`each`) with q = P / (P + 1), so a
   * case makes P passes on average before it leaves by `done`. Cost and visits are exact in expectation; success
   * and cycle time take the geometric count for the simulator's fixed one (said in the approximations).
   */
  private processLoop(v: number, node: Extract<WorkflowNode, { kind: 'loop' }>, inp: Input): void {
    const passes = loopPassesOf(node);
    const q = passes / (passes + 1);
    if (passes > 1) this.f.note('loop-passes', `the for-each's ${Math.round(passes * 10) / 10} passes are taken as a geometric count with that mean: success and cycle time are approximate`, node.id);
    if (q > 0) this.emitPort(v, 'each', this.passThrough(inp, q));
    if (q < 1) this.emitPort(v, 'done', this.passThrough(inp, 1 - q));
  }

  private processStep(v: number, node: TryingNode, inp: Input): void {
    const base = this.f.g.base[this.nodes[v]!]!;
    const regimes = this.f.opts.faults?.(node) ?? NO_REGIME;
    const hasConf = node.kind === 'ai' && node.stub?.confidence !== undefined;
    const L = this.L;
    for (const regime of regimes) {
      if (regime.share <= 0) continue;
      const sv = stepOf(node, regime.faults);
      const w = regime.share;
      this.addSums(v, base, 0, inp.total * w * sv.cost, 0, 0);
      // Branches may be cancelled part-way: keep when the tries (and their cost) happen.
      if (this.trackCost && sv.cost > 0 && sv.tryStarts.total > 0) {
        const when = TimeDist.mix(inp.times).normalised().plus(sv.tryStarts.normalised()).scaled(inp.total * w * sv.cost);
        this.addCostTime(v, base, when);
      }
      const pOk = sv.ok.p;
      const pWrong = sv.wrong.p;
      const outTime = TimeDist.mix([sv.ok.time, sv.wrong.time]).normalised();
      const out = new PacketBuilder(this.L);
      const caught = [...sv.caught].map(([port, exit]) => ({ port, exit, b: new PacketBuilder(this.L), tn: exit.time.normalised() }));
      let failedMass = 0;
      // Items this step makes wrong: wrong by it (a class of its own inside a loop, where it may run again).
      const madeWrong = L.kindOf.get(base) ?? 1;
      for (let c = 0; c < L.classes; c++) {
        let classMass = 0;
        for (let s = 0; s < SEVS; s++) classMass += inp.m[L.comp(s, c)]!;
        if (classMass <= 0) continue;
        const tIn = inp.times[c]!.normalised();
        const tOut = pOk + pWrong > 0 ? tIn.plus(outTime) : TimeDist.EMPTY;
        const t = L.conf(c);
        // Correct: drawn anew. Wrong from before: stays wrong (by whom it was). The confidence is this step's draw
        // when it reports one, else the one the case had.
        const wrongBefore = L.isWrong(c);
        const okCls = wrongBefore ? L.cls(L.kind(c), hasConf ? T_C : t) : L.cls(0, hasConf ? T_C : t === T_W ? T_C : t);
        const wrongCls = wrongBefore ? L.cls(L.kind(c), hasConf ? T_W : t) : L.cls(madeWrong, hasConf ? T_W : t);
        for (let s = 0; s < SEVS; s++) {
          const val = inp.m[L.comp(s, c)]! * w;
          if (val <= 0) continue;
          out.add(s, okCls, val * pOk, tOut);
          out.add(s, wrongCls, val * pWrong, tOut);
          // A caught error leaves with the item as it came.
          for (const k of caught) k.b.add(s, c, val * k.exit.p, tIn.plus(k.tn));
        }
        if (sv.failed.p > 0) failedMass += classMass * w * sv.failed.p;
      }
      if (inp.explicit) {
        out.addPhase(inp.phIn ? shiftPhase(inp.phIn, outTime) : null, out.total);
        for (const k of caught) k.b.addPhase(inp.phIn ? shiftPhase(inp.phIn, k.tn) : null, k.b.total);
      }
      this.emitPort(v, 'out', out.build());
      for (const k of caught) this.emitPort(v, k.port, k.b.build());
      // A failure ends the case whatever its class: one convolution of the classes' inflow mixed, not one per class.
      if (failedMass > 0) this.endFailure(v, failedMass, inp.times, sv.failed.time.normalised());
    }
  }

  /** The confidence law a class carries at a node: its source step's correct or wrong confidence. */
  private confidence(v: number, cls: number): { law: RouteValues['confidence']; unknown: boolean } {
    const t = this.L.conf(cls);
    if (t === T_N) return { law: undefined, unknown: false };
    const src = this.f.g.confSource[this.nodes[v]!]!;
    if (src < 0) return { law: undefined, unknown: false };
    const producer = this.f.core.node(src);
    const conf = producer.kind === 'ai' ? producer.stub?.confidence : undefined;
    if (!conf) return { law: undefined, unknown: false };
    return { law: t === T_W ? conf.wrong : conf.correct, unknown: false };
  }

  /**
   * How a class's mass lies over the confidence pieces at a reader: one entry per piece it may be in, with its
   * share and the confidence law to evaluate there (a point inside the piece: every test is certain within it).
   * Mass with no confidence (or at a node that reads none) is one entry, piece -1, with no law.
   */
  private piecesOf(v: number, cls: number): { piece: number; w: number; law: RouteValues['confidence'] }[] {
    const x = this.nodes[v]!;
    const conf = this.confidence(v, cls);
    if (this.f.g.readers[this.f.g.base[x]!] !== 1 || conf.law === undefined) return [{ piece: -1, w: 1, law: conf.law }];
    const P = this.f.g.pieces;
    const known = this.f.g.piece[x]!;
    if (known >= 0) return [{ piece: known, w: 1, law: { type: 'fixed', value: P.rep[known]! } }];
    const law = conf.law;
    // conf = min(draw, 1): P(piece) from the law's CDF, a piece's atom only where the law has one.
    const cdf = (y: number): number => (y >= 1 ? 1 : distributionCdf(law, y));
    const below = (y: number): number => distributionCdf(law, y - 1e-12);
    const out: { piece: number; w: number; law: RouteValues['confidence'] }[] = [];
    for (let q = 0; q < P.rep.length; q++) {
      const w = P.atom[q] ? (P.hi[q]! >= 1 ? 1 - below(1) : cdf(P.lo[q]!) - below(P.lo[q]!)) : (P.hi[q]! >= 1 ? below(1) : below(P.hi[q]!)) - (q === 0 ? 0 : cdf(P.lo[q]!));
      if (w > 1e-15) out.push({ piece: q, w, law: { type: 'fixed', value: P.rep[q]! } });
    }
    return out;
  }

  private processCheck(v: number, node: Extract<WorkflowNode, { kind: 'check' }>, inp: Input): void {
    const base = this.f.g.base[this.nodes[v]!]!;
    const cm = checkOf(node);
    this.addSums(v, base, 0, inp.total * cm.cost, 0, 0);
    if (this.trackCost && cm.cost > 0) this.addCostTime(v, base, TimeDist.mix(inp.times).normalised().scaled(inp.total * cm.cost));
    const x = this.nodes[v]!;
    const reader = this.f.g.readers[base] === 1;
    // Per piece (or -1): what passes and what fails.
    const pass = new Map<number, PacketBuilder>();
    const fail = new Map<number, PacketBuilder>();
    const builder = (m: Map<number, PacketBuilder>, q: number): PacketBuilder => {
      let b = m.get(q);
      if (!b) {
        b = new PacketBuilder(this.L);
        m.set(q, b);
      }
      return b;
    };
    const latency = cm.time.normalised();
    for (let c = 0; c < this.L.classes; c++) {
      let classMass = 0;
      for (let s = 0; s < SEVS; s++) classMass += inp.m[this.L.comp(s, c)]!;
      if (classMass <= 0) continue;
      const tOut = inp.times[c]!.normalised().plus(latency);
      const parts = reader ? this.piecesOf(v, c) : [{ piece: -1, w: 1, law: undefined }];
      for (const part of parts) {
        // A threshold check reads the confidence when the case has one (its law here); otherwise the shared rule
        // (a sample audit sends its share whatever the item's correctness).
        let failP: number;
        if (cm.threshold !== undefined && part.law !== undefined) failP = cm.threshold > 1 ? 1 : distributionCdf(part.law, cm.threshold - 1e-12);
        else failP = failProbability({ ...cm.stub, type: node.config.type, sampleRate: node.config.sampleRate }, { wrong: this.L.isWrong(c) });
        for (let s = 0; s < SEVS; s++) {
          const val = inp.m[this.L.comp(s, c)]! * part.w;
          builder(pass, part.piece).add(s, c, val * (1 - failP), tOut);
          builder(fail, part.piece).add(s, c, val * failP, tOut);
        }
      }
    }
    const ph = inp.phIn ? shiftPhase(inp.phIn, latency) : null;
    if (inp.explicit) for (const b of [...pass.values(), ...fail.values()]) b.addPhase(ph, b.total);
    const reask = reasksOnFail(node.config) ? this.f.g.out[x]!.findIndex((e) => e.port === 'reask') : -1;
    if (reasksOnFail(node.config) && this.f.g.reaskTarget[base] === MIXED) {
      this.f.note('reask-target', 'a re-asking check may send items back to different steps depending on the path; the estimate routes its failures to the fail port', node.id);
    }
    for (const [q, b] of pass) this.emitPort(v, 'pass', b.build(), reader ? q : undefined);
    for (const [q, b] of fail) {
      // A re-ask sends the item back to be produced again (its confidence drawn anew): one edge for all of it.
      if (reask >= 0) this.put(v, reask, b.build());
      else this.emitPort(v, 'fail', b.build(), reader ? q : undefined);
    }
  }

  private processHuman(v: number, node: Extract<WorkflowNode, { kind: 'human' }>, inp: Input): void {
    const base = this.f.g.base[this.nodes[v]!]!;
    const h = humanOf(node, this.f.hasTimeout(base));
    // Arrivals by time of the week, for the gate models (queueing and calendar).
    const phAt = inp.explicit ? inp.phIn : this.f.phaseOfTime(TimeDist.mix(inp.times));
    this.addGateArrival(v, base, phAt ?? uniformPhase(), inp.total);
    const whole = this.top && this.f.inLoop[base] === 0 && this.f.copies[base]!.length === 1;
    const model = this.f.opts.gate?.(node, base, h, this.top ? scalePhase(phAt ?? uniformPhase(), inp.total) : null, whole);
    const o: GateOutcome = model
      ? model.apply(phAt)
      : { timeoutShare: 0, timeoutDelay: TimeDist.EMPTY, servedDelay: h.service.normalised(), phServed: phAt ? shiftPhase(phAt, h.service.normalised()) : null, phTimeout: null };
    const served = 1 - o.timeoutShare;
    const explicit = inp.explicit || o.phServed !== null || o.phTimeout !== null;
    if (o.timeoutShare > 0) {
      const tb = new PacketBuilder(this.L);
      for (let c = 0; c < this.L.classes; c++) {
        const tOut = inp.times[c]!.total > 0 ? inp.times[c]!.normalised().plus(o.timeoutDelay) : TimeDist.EMPTY;
        for (let s = 0; s < SEVS; s++) tb.add(s, c, inp.m[this.L.comp(s, c)]! * o.timeoutShare, tOut);
      }
      if (explicit) tb.addPhase(o.phTimeout, tb.total);
      this.emitPort(v, 'timeout', tb.build());
    }
    if (served <= 0) return;
    this.addSums(v, base, 0, inp.total * served * h.meanService * h.costPerSecond, 0, inp.total * served * h.meanService);
    if (this.trackCost && h.costPerSecond > 0) this.addCostTime(v, base, TimeDist.mix(inp.times).normalised().scaled(inp.total * served * h.meanService * h.costPerSecond));
    // Services cut at startToClose leave by timeout; the rest is decided.
    const [a, r, rv] = h.decide;
    const caught = r + rv > 0 ? r / (r + rv) : 1;
    const cut = new PacketBuilder(this.L);
    const ports: [string, PacketBuilder][] = [
      ['approve', new PacketBuilder(this.L)],
      ['reject', new PacketBuilder(this.L)],
      ['revise', new PacketBuilder(this.L)],
    ];
    for (let c = 0; c < this.L.classes; c++) {
      if (inp.times[c]!.total <= 0) continue;
      const tOut = inp.times[c]!.normalised().plus(o.servedDelay);
      for (let s = 0; s < SEVS; s++) {
        const val = inp.m[this.L.comp(s, c)]! * served;
        if (val <= 0) continue;
        cut.add(s, c, val * h.cutShare, tOut);
        const d = val * (1 - h.cutShare);
        if (this.L.isWrong(c)) {
          ports[0]![1].add(s, c, d * (1 - h.detection), tOut);
          ports[1]![1].add(s, c, d * h.detection * caught, tOut);
          ports[2]![1].add(s, c, d * h.detection * (1 - caught), tOut);
        } else {
          ports[0]![1].add(s, c, d * a, tOut);
          ports[1]![1].add(s, c, d * r, tOut);
          ports[2]![1].add(s, c, d * rv, tOut);
        }
      }
    }
    if (explicit) {
      cut.addPhase(o.phServed, cut.total);
      for (const [, b] of ports) b.addPhase(o.phServed, b.total);
    }
    if (cut.total > 0) this.emitPort(v, 'timeout', cut.build());
    for (const [port, b] of ports) this.emitPort(v, port, b.build());
  }

  private processRouter(v: number, node: Extract<WorkflowNode, { kind: 'router' }>, inp: Input): void {
    const x = this.nodes[v]!;
    const outs = this.f.g.out[x]!;
    if (node.config.mode === 'parallel') {
      const p = this.passThrough(inp);
      if (outs.length === 0) this.endAbort(v, false, inp.total, mixedTime(p));
      else if (outs.length === 1) this.put(v, 0, p);
      else this.block(v, outs, this.splitKey(outs), p);
      return;
    }
    // The router's own edges (one per base edge; a reader has a copy per confidence piece).
    const baseIds: number[] = [];
    for (const e of outs) if (!baseIds.includes(e.baseEdge)) baseIds.push(e.baseEdge);
    const edges: WorkflowEdge[] = baseIds.map((b) => this.f.core.edges[b]!);
    const ctr = this.f.g.counters.findIndex((c) => c.kind === 'visits' && c.node === this.f.g.base[x]);
    const visits = ctr >= 0 ? this.f.g.ctx[x]![ctr] : undefined;
    const reader = this.f.g.readers[this.f.g.base[x]!] === 1;
    const edgeFor = (j: number, piece: number): number => outs.findIndex((e) => e.baseEdge === baseIds[j] && (!reader || e.piece === piece));
    const perEdge = new Map<number, PacketBuilder>();
    const multi = new Map<string, { edges: EgEdge[]; b: PacketBuilder }>();
    const stuckParts: TimeDist[] = [];
    let stuck = 0;
    const cache = new Map<string, Routing>();
    for (let c = 0; c < this.L.classes; c++) {
      let classMass = 0;
      for (let s = 0; s < SEVS; s++) classMass += inp.m[this.L.comp(s, c)]!;
      if (classMass <= 0) continue;
      const tn = inp.times[c]!.normalised();
      const unknown = this.confidence(v, c).unknown;
      for (const part of this.piecesOf(v, c)) {
        const key = `${unknown}|${JSON.stringify(part.law ?? null)}`;
        let routing = cache.get(key);
        if (!routing) {
          const values: RouteValues = { confidence: part.law, confidenceUnknown: unknown, visits, attributes: {} };
          routing = node.config.mode === 'exclusive' ? exclusiveRouting(edges, values) : inclusiveRouting(edges, values);
          cache.set(key, routing);
        }
        if (routing.approximate) this.f.note('condition-hint', 'a router condition on `attempt` is read with its edge probability as the expected share', node.id);
        const w = classMass * part.w;
        if (routing.stuck > 0) {
          stuck += w * routing.stuck;
          stuckParts.push(tn.scaled(w * routing.stuck));
        }
        for (const ch of routing.choices) {
          let target: PacketBuilder;
          if (ch.edges.length === 1) {
            const k = edgeFor(ch.edges[0]!, part.piece);
            if (k < 0) continue;
            target = perEdge.get(k) ?? new PacketBuilder(this.L);
            perEdge.set(k, target);
          } else {
            const group = ch.edges.map((j) => outs[edgeFor(j, part.piece)]!).filter((e) => e !== undefined);
            const key2 = group.map((e) => `${e.baseEdge}>${e.target}`).join(',');
            let entry = multi.get(key2);
            if (!entry) {
              entry = { edges: group, b: new PacketBuilder(this.L) };
              multi.set(key2, entry);
            }
            target = entry.b;
          }
          for (let s = 0; s < SEVS; s++) target.add(s, c, inp.m[this.L.comp(s, c)]! * part.w * ch.p, tn);
        }
      }
    }
    if (stuck > 0) this.endAbort(v, false, stuck, TimeDist.mix(stuckParts));
    for (const [k, b] of perEdge) {
      if (b.total <= 0) continue;
      if (inp.explicit) b.addPhase(inp.phIn, b.total);
      this.put(v, k, b.build());
    }
    for (const entry of multi.values()) {
      if (inp.explicit) entry.b.addPhase(inp.phIn, entry.b.total);
      this.block(v, entry.edges, 'inclusive', entry.b.build());
    }
  }

}
