/**
 * The structural half of the analysis context: nodes indexed 0..n-1 (notes left out), compressed adjacency,
 * reachability, strongly connected components, dominators and post-dominators. Everything is computed lazily,
 * once, and never changes: rules share one instance per analysis. All traversals are iterative (no recursion),
 * so a 10,000-node design cannot overflow the stack.
 */
import { buildAdjacency, FAILURE_PORTS, type Adjacency, type WorkflowEdge, type WorkflowNode, type Workflow } from '../domain/index.ts';

/** Compressed sparse rows: the neighbours of v are targets[offsets[v] .. offsets[v+1]). */
export interface Csr {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Index into GraphCore.edges of each entry, or -1 for virtual edges. */
  readonly edgeIndex: Int32Array;
}

export interface SccResult {
  /** Component of each node. */
  readonly compOf: Int32Array;
  /** Members of each component. */
  readonly components: readonly (readonly number[])[];
  /** 1 when the component holds a cycle (more than one node, or a self-loop). */
  readonly cyclic: Uint8Array;
  /** Component ids in topological order (sources first). */
  readonly topoOrder: readonly number[];
}

/**
 * Compressed adjacency from (from, to, edge index) triples, edges kept in the order given within a node.
 * @example buildCsr(2, [[0, 1, 0]]).targets // [1]
 */
export function buildCsr(count: number, pairs: readonly (readonly [number, number, number])[]): Csr {
  const offsets = new Int32Array(count + 1);
  for (const [from] of pairs) offsets[from + 1]! += 1;
  for (let i = 0; i < count; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, count);
  const targets = new Int32Array(pairs.length);
  const edgeIndex = new Int32Array(pairs.length);
  for (const [from, to, e] of pairs) {
    const at = cursor[from]!;
    targets[at] = to;
    edgeIndex[at] = e;
    cursor[from] = at + 1;
  }
  return { offsets, targets, edgeIndex };
}

/**
 * Reverse postorder of a depth-first walk from `roots`, then from any of `all` not reached: a topological order of
 * the graph without the edges that close a cycle (those to a node still being walked). `next(v)`: v's successors.
 * @example reversePostorder([0], [0, 1, 2], (v) => [[1, 2], [2], [0]][v]!) // [0, 1, 2]
 */
export function reversePostorder(roots: readonly number[], all: readonly number[], next: (v: number) => readonly number[]): number[] {
  const post: number[] = [];
  const seen = new Set<number>();
  // Iterative: each stack entry is a node, its successors and the index of the next one to walk.
  const stack: { v: number; outs: readonly number[]; i: number }[] = [];
  for (const root of [...roots, ...all]) {
    if (seen.has(root)) continue;
    seen.add(root);
    stack.push({ v: root, outs: next(root), i: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i < top.outs.length) {
        const w = top.outs[top.i++]!;
        if (!seen.has(w)) {
          seen.add(w);
          stack.push({ v: w, outs: next(w), i: 0 });
        }
        continue;
      }
      post.push(top.v);
      stack.pop();
    }
  }
  return post.reverse();
}

/**
 * Iterative Tarjan: strongly connected components in O(|N| + |E|).
 * @example tarjan(3, csrOf([[0, 1], [1, 0], [1, 2]])).components // [[2], [1, 0]]
 */
export function tarjan(count: number, g: Csr): SccResult {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const compOf = new Int32Array(count).fill(-1);
  const cursor = new Int32Array(count);
  const stack: number[] = [];
  const call: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let s = 0; s < count; s++) {
    if (index[s] !== -1) continue;
    index[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    cursor[s] = g.offsets[s]!;
    call.push(s);
    while (call.length > 0) {
      const v = call[call.length - 1]!;
      if (cursor[v]! < g.offsets[v + 1]!) {
        const w = g.targets[cursor[v]!]!;
        cursor[v]! += 1;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          cursor[w] = g.offsets[w]!;
          call.push(w);
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      call.pop();
      const parent = call[call.length - 1];
      if (parent !== undefined && low[v]! < low[parent]!) low[parent] = low[v]!;
      if (low[v] === index[v]) {
        const comp: number[] = [];
        const id = components.length;
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          compOf[w] = id;
          comp.push(w);
          if (w === v) break;
        }
        components.push(comp);
      }
    }
  }
  const cyclic = new Uint8Array(components.length);
  components.forEach((comp, c) => {
    if (comp.length > 1) cyclic[c] = 1;
  });
  for (let v = 0; v < count; v++) {
    for (let i = g.offsets[v]!; i < g.offsets[v + 1]!; i++) if (g.targets[i] === v) cyclic[compOf[v]!] = 1;
  }
  // Tarjan emits a component after every component it reaches: reversed, that is a topological order.
  const topoOrder = components.map((_, c) => components.length - 1 - c);
  return { compOf, components, cyclic, topoOrder };
}

/**
 * Immediate dominators by Lengauer and Tarjan's algorithm ("A fast algorithm for finding dominators in a
 * flowgraph", 1979), simple version with path compression: O(|E| log |N|) whatever the shape. (Cooper-Harvey-
 * Kennedy is simpler but quadratic when one node has many deep predecessors, like an alert every step feeds.)
 * Iterative DFS and iterative compression: no recursion. -1 for nodes the root does not reach.
 * @example dominators(3, csr, reverseCsr, 0) // Int32Array [0, 0, 1] for the chain 0 -> 1 -> 2
 */
export function dominators(count: number, succ: Csr, pred: Csr, root: number): Int32Array {
  const dfnum = new Int32Array(count).fill(-1);
  const vertex: number[] = [];
  const parent = new Int32Array(count).fill(-1);
  const cursor = new Int32Array(count);
  const stack = [root];
  dfnum[root] = 0;
  vertex.push(root);
  cursor[root] = succ.offsets[root]!;
  while (stack.length > 0) {
    const v = stack[stack.length - 1]!;
    if (cursor[v]! < succ.offsets[v + 1]!) {
      const w = succ.targets[cursor[v]!]!;
      cursor[v]! += 1;
      if (dfnum[w] === -1) {
        dfnum[w] = vertex.length;
        vertex.push(w);
        parent[w] = v;
        cursor[w] = succ.offsets[w]!;
        stack.push(w);
      }
    } else stack.pop();
  }
  const semi = Int32Array.from(dfnum); // semi-dominator, as a DFS number
  const ancestor = new Int32Array(count).fill(-1);
  const label = Int32Array.from({ length: count }, (_, i) => i);
  const idom = new Int32Array(count).fill(-1);
  const bucket = new Map<number, number[]>();
  const path: number[] = [];
  const evaluate = (v: number): number => {
    if (ancestor[v] === -1) return v;
    // Compress the ancestor path, top-down, without recursion.
    let x = v;
    while (ancestor[ancestor[x]!] !== -1) {
      path.push(x);
      x = ancestor[x]!;
    }
    while (path.length > 0) {
      const y = path.pop()!;
      const a = ancestor[y]!;
      if (semi[label[a]!]! < semi[label[y]!]!) label[y] = label[a]!;
      ancestor[y] = ancestor[a]!;
    }
    return label[v]!;
  };
  for (let i = vertex.length - 1; i >= 1; i--) {
    const w = vertex[i]!;
    for (let j = pred.offsets[w]!; j < pred.offsets[w + 1]!; j++) {
      const v = pred.targets[j]!;
      if (dfnum[v] === -1) continue;
      const u = evaluate(v);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    const sdom = vertex[semi[w]!]!;
    const list = bucket.get(sdom);
    if (list) list.push(w);
    else bucket.set(sdom, [w]);
    const p = parent[w]!;
    ancestor[w] = p;
    const waiting = bucket.get(p);
    if (waiting) {
      for (const v of waiting) {
        const u = evaluate(v);
        idom[v] = semi[u]! < semi[v]! ? u : p;
      }
      bucket.delete(p);
    }
  }
  for (let i = 1; i < vertex.length; i++) {
    const w = vertex[i]!;
    if (idom[w] !== vertex[semi[w]!]) idom[w] = idom[idom[w]!]!;
  }
  idom[root] = root;
  return idom;
}

function flood(count: number, g: Csr, starts: readonly number[]): Uint8Array {
  const seen = new Uint8Array(count);
  const queue: number[] = [];
  for (const s of starts) {
    if (seen[s] === 0) {
      seen[s] = 1;
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (let i = g.offsets[v]!; i < g.offsets[v + 1]!; i++) {
      const w = g.targets[i]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        queue.push(w);
      }
    }
  }
  return seen;
}

/** Memoize a getter's result on first use. */
export function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

export class GraphCore {
  readonly doc: Workflow;
  readonly adj: Adjacency;
  /** Graph nodes in document order, notes left out. */
  readonly nodes: readonly WorkflowNode[];
  /** Edges whose two ends are graph nodes, in document order. */
  readonly edges: readonly WorkflowEdge[];
  /** Edges with a missing (or note) endpoint. */
  readonly danglingEdges: readonly WorkflowEdge[];
  readonly triggers: readonly WorkflowNode[];
  readonly outputs: readonly WorkflowNode[];
  readonly workNodes: readonly WorkflowNode[];
  /** Forward and backward adjacency over node indices. */
  readonly succ: Csr;
  readonly pred: Csr;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  private readonly index: ReadonlyMap<string, number>;

  constructor(doc: Workflow) {
    this.doc = doc;
    this.adj = buildAdjacency(doc);
    const nodes: WorkflowNode[] = [];
    const index = new Map<string, number>();
    for (const n of doc.nodes) {
      if (n.kind === 'note' || index.has(n.id)) continue;
      index.set(n.id, nodes.length);
      nodes.push(n);
    }
    this.nodes = nodes;
    this.index = index;
    const edges: WorkflowEdge[] = [];
    const dangling: WorkflowEdge[] = [];
    const pairs: [number, number, number][] = [];
    const reverse: [number, number, number][] = [];
    for (const e of doc.edges) {
      const s = index.get(e.source);
      const t = index.get(e.target);
      if (s === undefined || t === undefined) {
        dangling.push(e);
        continue;
      }
      pairs.push([s, t, edges.length]);
      reverse.push([t, s, edges.length]);
      edges.push(e);
    }
    this.edges = edges;
    this.danglingEdges = dangling;
    this.edgeSource = Int32Array.from(pairs, (p) => p[0]);
    this.edgeTarget = Int32Array.from(pairs, (p) => p[1]);
    this.succ = buildCsr(nodes.length, pairs);
    this.pred = buildCsr(nodes.length, reverse);
    this.triggers = nodes.filter((n) => n.kind === 'trigger');
    this.outputs = nodes.filter((n) => n.kind === 'output');
    this.workNodes = nodes.filter((n) => n.kind === 'ai' || n.kind === 'tool' || n.kind === 'human' || n.kind === 'check');
  }

  get size(): number {
    return this.nodes.length;
  }

  /** Index of a node id, or -1 (unknown id or a note). */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  node(i: number): WorkflowNode {
    const n = this.nodes[i];
    if (!n) throw new RangeError(`no node at index ${i}`);
    return n;
  }

  outEdges(id: string): readonly WorkflowEdge[] {
    return this.adj.outgoing.get(id) ?? [];
  }

  inEdges(id: string): readonly WorkflowEdge[] {
    return this.adj.incoming.get(id) ?? [];
  }

  private readonly fromTriggers = lazy(() =>
    flood(this.size, this.succ, this.triggers.map((n) => this.indexOf(n.id))),
  );
  private readonly toOutputs = lazy(() =>
    flood(this.size, this.pred, this.outputs.map((n) => this.indexOf(n.id))),
  );

  /**
   * Nodes a trigger reaches without leaving by a failure port (error, fail, reject, timeout): the normal path.
   * What only a failure port reaches (a fallback, an alert route, an exception handler fed by errors alone) is
   * resilience, not the work a case normally passes.
   */
  private readonly normal = lazy(() => {
    const n = this.size;
    const seen = new Uint8Array(n);
    const queue: number[] = [];
    for (const t of this.triggers) {
      const i = this.indexOf(t.id);
      if (seen[i] === 0) {
        seen[i] = 1;
        queue.push(i);
      }
    }
    const failure = this.failureEdge();
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (let j = this.succ.offsets[v]!; j < this.succ.offsets[v + 1]!; j++) {
        const w = this.succ.targets[j]!;
        if (seen[w] === 0 && failure[this.succ.edgeIndex[j]!] === 0) {
          seen[w] = 1;
          queue.push(w);
        }
      }
    }
    return seen;
  });

  /** 1 for each edge (index as `edges`) that leaves by a failure port: error, fail, reject or timeout. */
  readonly failureEdge = lazy(() => Uint8Array.from(this.edges, (e) => (FAILURE_PORTS.includes(e.sourcePort) ? 1 : 0)));

  /**
   * Is the node on the normal path: reached from a trigger without taking a failure port? False for a fallback
   * reached only through an error port, and for steps that only failures lead to.
   * @example ctx.onNormalPath('fallback-classifier') // false
   */
  onNormalPath(id: string): boolean {
    const i = this.indexOf(id);
    return i >= 0 && this.normal()[i] === 1;
  }

  /** Does some trigger reach this node? */
  reachableFromTrigger(id: string): boolean {
    return this.fromTriggers()[this.indexOf(id)] === 1;
  }

  /** Can this node reach some output? */
  reachesOutput(id: string): boolean {
    return this.toOutputs()[this.indexOf(id)] === 1;
  }

  readonly scc = lazy(() => tarjan(this.size, this.succ));

  /** Is the node on a cycle (including a self-loop)? */
  inCycle(id: string): boolean {
    const i = this.indexOf(id);
    if (i < 0) return false;
    const s = this.scc();
    return s.cyclic[s.compOf[i]!] === 1;
  }

  /**
   * The graph with a virtual root (index n, edges to every trigger) and a virtual sink (n + 1, edges from every
   * output), so "on every trigger-to-output path" becomes "dominates the sink".
   */
  private readonly extended = lazy(() => {
    const n = this.size;
    const fwd: [number, number, number][] = [];
    const bwd: [number, number, number][] = [];
    for (let e = 0; e < this.edges.length; e++) {
      fwd.push([this.edgeSource[e]!, this.edgeTarget[e]!, e]);
      bwd.push([this.edgeTarget[e]!, this.edgeSource[e]!, e]);
    }
    for (const t of this.triggers) {
      fwd.push([n, this.indexOf(t.id), -1]);
      bwd.push([this.indexOf(t.id), n, -1]);
    }
    for (const o of this.outputs) {
      fwd.push([this.indexOf(o.id), n + 1, -1]);
      bwd.push([n + 1, this.indexOf(o.id), -1]);
    }
    return { fwd: buildCsr(n + 2, fwd), bwd: buildCsr(n + 2, bwd) };
  });

  /** Immediate dominators from the virtual root (index n). */
  readonly idom = lazy(() => {
    const x = this.extended();
    return dominators(this.size + 2, x.fwd, x.bwd, this.size);
  });

  /** Immediate post-dominators towards the virtual sink (index n + 1). */
  readonly ipdom = lazy(() => {
    const x = this.extended();
    return dominators(this.size + 2, x.bwd, x.fwd, this.size + 1);
  });

  private readonly cutSet = lazy(() => {
    const idom = this.idom();
    const onAll = new Uint8Array(this.size);
    let v = this.size + 1;
    if (idom[v] === -1) return onAll;
    while (idom[v] !== v) {
      v = idom[v]!;
      if (v < this.size) onAll[v] = 1;
    }
    return onAll;
  });

  /** Is the node on every trigger-to-output path (a dominator of the virtual sink)? False when no output is reachable. */
  onEveryPath(id: string): boolean {
    return this.cutSet()[this.indexOf(id)] === 1;
  }

  /** The nearest node every path from this one to an output passes, if any (a split's natural join). */
  immediatePostDominator(id: string): string | undefined {
    const i = this.indexOf(id);
    if (i < 0) return undefined;
    const p = this.ipdom()[i]!;
    return p >= 0 && p < this.size ? this.nodes[p]!.id : undefined;
  }

  /** Distinct successor ids of a node. */
  successorIds(id: string): string[] {
    return [...new Set(this.outEdges(id).map((e) => e.target))];
  }

  /** Distinct successors and predecessors of every node, counted once (merge tests run per edge). */
  private readonly distinctDegrees = lazy(() => {
    const count = (g: Csr): Int32Array => {
      const out = new Int32Array(this.size);
      const mark = new Int32Array(this.size).fill(-1);
      for (let v = 0; v < this.size; v++) {
        for (let j = g.offsets[v]!; j < g.offsets[v + 1]!; j++) {
          const w = g.targets[j]!;
          if (mark[w] !== v) {
            mark[w] = v;
            out[v]! += 1;
          }
        }
      }
      return out;
    };
    return { out: count(this.succ), in: count(this.pred) };
  });

  /** Is this node a split: a router with more than one distinct successor? */
  isSplit(node: WorkflowNode): boolean {
    return node.kind === 'router' && (this.distinctDegrees().out[this.indexOf(node.id)] ?? 0) > 1;
  }

  /** A merge: a node more than one edge enters (joins, and other nodes merging implicitly). */
  isMerge(node: WorkflowNode): boolean {
    return (this.distinctDegrees().in[this.indexOf(node.id)] ?? 0) > 1;
  }

  /**
   * Split/join matching: the join that closes a split is its immediate post-dominator when that node merges.
   * @example ctx.matchingJoin('fork') // 'sync'
   */
  matchingJoin(splitId: string): string | undefined {
    const p = this.immediatePostDominator(splitId);
    if (p === undefined) return undefined;
    const n = this.nodes[this.indexOf(p)];
    return n && this.isMerge(n) ? p : undefined;
  }

  /** Map from each matched merge to the split it closes. */
  readonly splitOfJoin = lazy(() => {
    const m = new Map<string, string>();
    for (const n of this.nodes) {
      if (!this.isSplit(n)) continue;
      const j = this.matchingJoin(n.id);
      if (j !== undefined && !m.has(j)) m.set(j, n.id);
    }
    return m as ReadonlyMap<string, string>;
  });
}
