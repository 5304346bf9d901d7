/**
 * Amazon States Language (AWS Step Functions) of a design (docs/interop.md, "Step Functions"). Baton's failure
 * policy follows the Step Functions names, so it maps closely:
 *
 * - AI and tool steps: Task states (Lambda invoke; `FunctionName` is a placeholder named after the step) with
 *   `TimeoutSeconds` (startToClose), `Retry` (MaxAttempts = maximumAttempts - 1, IntervalSeconds, BackoffRate,
 *   MaxDelaySeconds, JitterStrategy) and `Catch` (to the catcher's route, the error kept at `$.error`);
 * - human gates: `.waitForTaskToken` Tasks with `HeartbeatSeconds` from the SLA, caught to the timeout route,
 *   then a Choice on `$.decision` (approve, reject, revise);
 * - checks: a Choice on `$.confidence` (threshold checks) or a Task and a Choice on `$.passed`;
 * - exclusive routers: Choice states (conditions become rules guarded by IsPresent and a type test, because a
 *   missing field or a type mismatch is false in Baton); parallel routers and several edges out of one port:
 *   Parallel states whose branches end at the join that closes them;
 * - outputs: Succeed, or Fail for an `error` outcome; triggers and joins: Pass states that keep their names;
 * - data steps: Pass states for pure transforms, Tasks like tools for code, conversions and files, Wait states
 *   for waits; loops: Map states whose ItemProcessor is the loop's body.
 *
 * Refused, with a sentence naming the node: an inclusive router (ASL has no "every branch whose condition
 * holds"), a branch of a parallel split that is entered from outside it (a loop back into a Parallel state) or
 * that leaves it other than through its join or an output, a loop body entered from outside the loop or
 * leaving it for a step after it.
 */
import { buildAdjacency, formatSeconds, type Adjacency, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../domain/index.ts';
import type { ExportNote, ExportResult } from '../export-format.ts';
import { displayName, edgesFromPort, formatShare, loopBody, reaskTarget, routedCatchers, uniqueName, unroutedErrorEdges } from '../export-graph.ts';
import { choiceRule, DATA_CALLS, DATA_PASSES, errorNames, MAX_NAME, Refusal, retryEntry, upToCatchAll, wholeSeconds, type State } from './states.ts';

/** A parallel block: the branches of one split and the join that closes them (if any). */
interface Block {
  readonly members: ReadonlySet<string>;
  readonly join?: string;
}

/** One state machine being written: the top level, a Parallel branch. */
interface Scope {
  readonly states: Map<string, State>;
  /** Node id -> its first state's name in this scope. */
  readonly names: Map<string, string>;
  readonly queue: string[];
  /** Nodes this scope may hold (undefined: the top level, anything). */
  readonly members?: ReadonlySet<string>;
  /** The join that ends this branch, and the Pass state standing for it. */
  readonly join?: string;
  joinEnd?: string;
  /** Error outputs reached in this branch: the Parallel (or Map) catches them and routes to the output outside. */
  readonly raised: Map<string, string>;
  readonly label: string;
  /** What this scope is: a Parallel state's branch, or the body of a loop's Map state (one item's pass). */
  readonly within?: { readonly kind: 'branch' | 'pass'; readonly owner: WorkflowNode };
}

/**
 * @example exportAsl(doc) // { ok: true, text: '{\n  "Comment": "...",\n  "StartAt": "Email arrives", ...', notes: [] }
 */
export function exportAsl(doc: Workflow): ExportResult {
  try {
    return new AslWriter(doc).write();
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.message, ...(e.nodeId ? { nodeId: e.nodeId } : {}) };
    throw e;
  }
}

class AslWriter {
  private readonly adj: Adjacency;
  private readonly notes: ExportNote[] = [];
  private readonly taken = new Set<string>();
  private readonly functions = new Set<string>();
  private readonly copies = new Map<string, number>();
  /** Gaps that recur step after step, reported once each with the steps they concern. */
  private readonly recurring = new Map<string, WorkflowNode[]>();

  constructor(private readonly doc: Workflow) {
    this.adj = buildAdjacency(doc);
  }

  private node(id: string): WorkflowNode {
    const n = this.adj.nodesById.get(id);
    if (!n) throw new Refusal(`An edge points to "${id}", which is not a node.`);
    return n;
  }

  private note(node: WorkflowNode | undefined, message: string, edgeId?: string): void {
    this.notes.push({ message, ...(node ? { nodeId: node.id } : {}), ...(edgeId ? { edgeId } : {}) });
  }

  private noteEach(node: WorkflowNode, gap: string): void {
    const list = this.recurring.get(gap) ?? [];
    if (!list.includes(node)) list.push(node);
    this.recurring.set(gap, list);
  }

  write(): ExportResult {
    const inclusive = this.doc.nodes.find((n) => n.kind === 'router' && n.config.mode === 'inclusive');
    if (inclusive) {
      throw new Refusal(`Router "${displayName(inclusive)}" is inclusive (every branch whose condition holds); Step Functions has no such state. Make it exclusive or parallel to export.`, inclusive.id);
    }
    // A state machine starts at one state: the trigger that reaches the most steps (the first of equals), so
    // a design whose first trigger only starts a side flow (an n8n tool sub-workflow) keeps its main flow.
    const triggers = this.doc.nodes.filter((n) => n.kind === 'trigger');
    const reach = new Map(triggers.map((t) => [t.id, this.reachCount(t.id)]));
    const start = triggers.reduce<WorkflowNode | undefined>((best, t) => (best === undefined || (reach.get(t.id) ?? 0) > (reach.get(best.id) ?? 0) ? t : best), undefined);
    const others = triggers.filter((t) => t !== start);
    if (!start) throw new Refusal('The design has no trigger: a state machine needs a state to start at.');
    for (const t of others) this.note(t, `Trigger "${displayName(t)}": a state machine starts at one state; only "${displayName(start)}" is kept, and steps only this trigger reaches are left out.`);

    const top = this.scope('top level');
    const startAt = this.enter(top, start.id);
    this.drain(top);
    const reached = new Set<string>([...this.copies.keys()]);
    for (const n of this.doc.nodes) {
      if (n.kind !== 'note' && n.kind !== 'trigger' && !reached.has(n.id)) this.note(n, `"${displayName(n)}" cannot be reached from the trigger: left out.`);
    }
    for (const [gap, nodes] of this.recurring) {
      const [only] = nodes;
      this.notes.push({ message: `${gap}: ${nodes.map((n) => `"${displayName(n)}"`).join(', ')}.`, ...(nodes.length === 1 && only ? { nodeId: only.id } : {}) });
    }
    const notes = this.doc.nodes.filter((n) => n.kind === 'note');
    const comment = [`${this.doc.name} (exported from Baton)`, ...notes.map((n) => `Note: ${n.config.text}`)].join('\n\n');
    const machine: State = { Comment: comment, StartAt: startAt, States: Object.fromEntries(top.states) };
    return { ok: true, text: `${JSON.stringify(machine, null, 2)}\n`, notes: this.notes };
  }

  /** How many nodes a case starting at `id` can reach. */
  private reachCount(id: string): number {
    const seen = new Set<string>([id]);
    const stack = [id];
    for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
      for (const e of this.adj.outgoing.get(at) ?? []) {
        if (!seen.has(e.target)) {
          seen.add(e.target);
          stack.push(e.target);
        }
      }
    }
    return seen.size;
  }

  private scope(label: string, block?: Block, within?: Scope['within']): Scope {
    return { states: new Map(), names: new Map(), queue: [], raised: new Map(), label, ...(block ? { members: block.members } : {}), ...(block?.join ? { join: block.join } : {}), ...(within ? { within } : {}) };
  }

  /** The state a case enters `nodeId` by, in `scope` (allocated now, written when the queue reaches it). */
  private enter(scope: Scope, nodeId: string): string {
    const known = scope.names.get(nodeId);
    if (known) return known;
    const node = this.node(nodeId);
    const count = (this.copies.get(nodeId) ?? 0) + 1;
    this.copies.set(nodeId, count);
    if (count === 2 && node.kind !== 'output') this.note(node, `"${displayName(node)}" is reached from more than one parallel branch; Step Functions gets one copy per branch.`);
    const name = uniqueName(displayName(node), this.taken, MAX_NAME);
    scope.names.set(nodeId, name);
    scope.queue.push(nodeId);
    return name;
  }

  private drain(scope: Scope): void {
    for (let id = scope.queue.shift(); id !== undefined; id = scope.queue.shift()) this.emit(scope, this.node(id));
  }

  /** A fresh state name for a helper state (a decision after a task, a branch end...). */
  private helper(scope: Scope, wanted: string, state: State): string {
    const name = uniqueName(wanted, this.taken, MAX_NAME);
    scope.states.set(name, state);
    return name;
  }

  /** A Fail state for a port with no edge: Baton ends such a case as stuck. */
  private stuck(scope: Scope, node: WorkflowNode, port: string): string {
    this.note(node, `"${displayName(node)}" has no edge from ${port}; Baton ends such a case as stuck, the state machine fails there.`);
    return this.helper(scope, `${displayName(node)}: no route from ${port}`, { Type: 'Fail', Error: 'Baton.Stuck', Cause: `No route from ${port} of ${displayName(node)}` });
  }

  /**
   * Where the edges of one port lead, as a state name: the target's state, the branch's end when the target is
   * the join closing this branch, a Parallel state when the port has several edges.
   */
  private next(scope: Scope, from: WorkflowNode, edges: readonly WorkflowEdge[]): string | undefined {
    const [first] = edges;
    if (!first) return undefined;
    if (edges.length > 1) return this.parallel(scope, from, edges);
    return this.target(scope, from, first.target);
  }

  private target(scope: Scope, from: WorkflowNode, targetId: string): string {
    const target = this.node(targetId);
    if (scope.join !== undefined && targetId === scope.join) {
      scope.joinEnd ??= this.helper(scope, scope.within?.kind === 'pass' ? `${displayName(target)}: next item` : `${displayName(target)}: ${scope.label} done`, { Type: 'Pass', End: true });
      return scope.joinEnd;
    }
    if (scope.members && !scope.members.has(targetId) && target.kind !== 'output') {
      if (scope.within?.kind === 'pass') {
        throw new Refusal(
          `"${displayName(from)}" leaves the loop "${displayName(scope.within.owner)}" for "${displayName(target)}"; an iteration of a Step Functions Map state can only end, fail or go on to the next item. Route it back to the loop or to an output.`,
          from.id,
        );
      }
      throw new Refusal(
        `"${displayName(from)}" leads to "${displayName(target)}", outside the parallel branches it belongs to; Step Functions branches can only end at the join that closes them. Route the branch through that join.`,
        from.id,
      );
    }
    return this.enter(scope, targetId);
  }

  /** A Parallel state for a split: one branch per edge, closed by the join all branches reach. */
  private parallel(scope: Scope, from: WorkflowNode, edges: readonly WorkflowEdge[]): string {
    const block = this.block(scope, from, edges);
    const branches: State[] = [];
    const raised = new Map<string, string>();
    edges.forEach((e, i) => {
      const branch = this.scope(`branch ${i + 1} of ${displayName(from)}`, block, { kind: 'branch', owner: from });
      const startAt = this.target(branch, from, e.target);
      this.drain(branch);
      for (const [error, outputId] of branch.raised) raised.set(error, outputId);
      branches.push({ StartAt: startAt, States: Object.fromEntries(branch.states) });
    });
    const state: State = { Type: 'Parallel', Branches: branches, ResultPath: '$.branches' };
    if (raised.size > 0) {
      state.Catch = [...raised].map(([error, outputId]) => ({ ErrorEquals: [error], ResultPath: '$.error', Next: this.target(scope, from, outputId) }));
    }
    if (block.join) {
      const join = this.node(block.join);
      if (join.kind === 'join' && join.config.mode !== 'all') {
        this.note(join, `Join "${displayName(join)}" (${join.config.mode}) closes a Parallel state, which always waits for every branch.`);
      }
      if (join.kind === 'join' && join.config.timeoutSeconds !== undefined) {
        this.note(join, `Join "${displayName(join)}": its ${formatSeconds(join.config.timeoutSeconds)} timeout has no Step Functions equivalent (a Parallel state has no TimeoutSeconds).`);
      }
      state.Next = this.target(scope, from, block.join);
    } else state.End = true;
    return this.helper(scope, `${displayName(from)}: in parallel`, state);
  }

  /**
   * The block of a split: every node its branches reach before the join they all reach first. Refused when a
   * node of the block is entered from outside it (a loop back into the Parallel state).
   */
  private block(scope: Scope, from: WorkflowNode, edges: readonly WorkflowEdge[]): Block {
    // Inside a loop's pass, the loop is where the pass ends: the walk stops there.
    const loop = scope.within?.kind === 'pass' ? scope.join : undefined;
    const avoid = new Set([from.id, ...(loop ? [loop] : [])]);
    const reach = edges.map((e) => this.distances(e.target, avoid));
    let join: string | undefined;
    let best = Infinity;
    for (const [id, d0] of reach[0] ?? new Map<string, number>()) {
      if (this.node(id).kind !== 'join') continue;
      let total = d0;
      let all = true;
      for (const r of reach.slice(1)) {
        const d = r.get(id);
        if (d === undefined) all = false;
        else total += d;
      }
      if (all && total < best) {
        best = total;
        join = id;
      }
    }
    // No join closes the split, but a branch comes back to the loop: the Parallel state ends the pass there.
    if (join === undefined && loop !== undefined && reach.some((r) => r.has(loop))) join = loop;
    const members = new Set<string>();
    const stack = edges.map((e) => e.target);
    while (stack.length > 0) {
      const id = stack.pop() ?? '';
      if (id === join || id === loop || members.has(id)) continue;
      if (id === from.id) {
        throw new Refusal(`A branch of the parallel split at "${displayName(from)}" loops back to it; Step Functions cannot loop back into a Parallel state.`, from.id);
      }
      members.add(id);
      if (this.node(id).kind === 'output') continue;
      for (const e of this.adj.outgoing.get(id) ?? []) stack.push(e.target);
    }
    for (const id of members) {
      const node = this.node(id);
      if (node.kind === 'output') continue;
      for (const e of this.adj.incoming.get(id) ?? []) {
        if (e.source !== from.id && !members.has(e.source)) {
          throw new Refusal(
            `"${displayName(node)}" is inside the parallel branches of "${displayName(from)}" but is also entered from "${displayName(this.node(e.source))}" outside them; Step Functions cannot loop back into a Parallel state.`,
            node.id,
          );
        }
      }
    }
    return { members, ...(join ? { join } : {}) };
  }

  /** Shortest edge counts from `start` to every node it reaches, not passing through `avoid`. */
  private distances(start: string, avoid: ReadonlySet<string>): Map<string, number> {
    const dist = new Map<string, number>([[start, 0]]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i] ?? '';
      if (avoid.has(id)) continue;
      const d = dist.get(id) ?? 0;
      for (const e of this.adj.outgoing.get(id) ?? []) {
        if (!dist.has(e.target)) {
          dist.set(e.target, d + 1);
          queue.push(e.target);
        }
      }
    }
    return dist;
  }

  private functionName(node: WorkflowNode): string {
    const base = `baton-${node.id.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, 60);
    let name = base;
    for (let k = 2; this.functions.has(name); k++) name = `${base}-${k}`;
    this.functions.add(name);
    return name;
  }

  /** A Task state for an AI, tool or script step: Lambda invoke with its timeouts, retriers and catchers. */
  private emitCall(scope: Scope, node: Extract<WorkflowNode, { kind: 'ai' | 'tool' | 'data' }>, facts: string, set: (state: State) => void, follow: (state: State, port: string) => State): void {
    const state: State = {
      Type: 'Task',
      Comment: this.comment(node, facts),
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: this.functionName(node), 'Payload.$': '$' },
      OutputPath: '$.Payload',
    };
    set(state);
    const p = node.policy;
    if (p?.timeouts?.startToCloseSeconds !== undefined) state.TimeoutSeconds = wholeSeconds(p.timeouts.startToCloseSeconds);
    if (p?.timeouts?.scheduleToCloseSeconds !== undefined) {
      this.noteEach(node, 'A whole-step limit (scheduleToClose) has no Step Functions equivalent; each try keeps its TimeoutSeconds');
    }
    const retry = upToCatchAll(p?.retry ?? []).map((r) => retryEntry(r, (gap) => this.noteEach(node, gap)));
    if (retry.length > 0) state.Retry = retry;
    if (p?.circuitBreaker) this.noteEach(node, 'A circuit breaker has no Step Functions equivalent');
    for (const e of unroutedErrorEdges(node, this.adj.outgoing.get(node.id) ?? [])) {
      this.note(node, `"${displayName(node)}": the ${e.sourcePort} edge has no catcher in the policy, so Baton never takes it; left out.`, e.id);
    }
    const routed = routedCatchers(this.adj, node);
    const catchers = upToCatchAll(routed.map((r) => ({ errorEquals: r.catcher.errorEquals, edges: r.edges })));
    if (catchers.length > 0) {
      state.Catch = catchers.map((c) => ({ ErrorEquals: errorNames(c.errorEquals), ResultPath: '$.error', Next: this.next(scope, node, c.edges) ?? '' }));
    }
    follow(state, 'out');
  }

  private comment(node: WorkflowNode, facts: string): string {
    const parts = [facts];
    if (node.description) parts.push(node.description);
    if ((node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data') && node.config.purpose) parts.push(`Purpose: ${node.config.purpose}`);
    return parts.join('\n');
  }

  /**
   * A for-each as a Map state: the body (every step the `each` port reaches before coming back to the loop) is
   * its ItemProcessor, run for each element of `$.items` one at a time, as Baton's passes are; the results
   * replace `$.items` and the case goes on by `done`. A batch size above 1 makes it a distributed Map state with
   * an ItemBatcher, the one Map form that hands its body several items per pass. Error outputs inside the body fail the iteration, and the
   * Map state catches them to the output; a body that leaves the loop otherwise is refused.
   */
  private emitLoop(scope: Scope, node: Extract<WorkflowNode, { kind: 'loop' }>, set: (state: State) => void, out: (port: string) => WorkflowEdge[]): void {
    const batch = node.config.batchSize ?? 1;
    const facts = `Loop: each element of $.items in turn${batch > 1 ? ` (${batch} per pass in Baton)` : ''}, then done.`;
    const state: State = { Type: 'Map', Comment: this.comment(node, facts) };
    set(state);
    const each = out('each');
    const body = loopBody(this.adj, node.id);
    if (body.enteredFromOutside) {
      const { node: inner, from } = body.enteredFromOutside;
      throw new Refusal(
        `"${displayName(inner)}" is in the body of the loop "${displayName(node)}" but is also entered from "${displayName(from)}" outside it; a Step Functions Map state's iterations are self-contained. Enter the body only through the loop.`,
        inner.id,
      );
    }
    const pass = this.scope(`pass of ${displayName(node)}`, { members: body.members, join: node.id }, { kind: 'pass', owner: node });
    const startAt = each.length > 0 ? this.next(pass, node, each) : undefined;
    this.drain(pass);
    const states = Object.fromEntries(pass.states);
    // Only a distributed Map state batches (ItemBatcher); it runs each batch as a child execution, STANDARD so
    // a human gate's task token can wait in the body. One item per pass stays an inline Map, the simpler form.
    const config: State = batch > 1 ? { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } : { Mode: 'INLINE' };
    const processor: State = startAt ? { ProcessorConfig: config, StartAt: startAt, States: states } : { ProcessorConfig: config, StartAt: 'Next item', States: { 'Next item': { Type: 'Pass', End: true } } };
    Object.assign(state, { ItemsPath: '$.items', ItemProcessor: processor, MaxConcurrency: 1, ResultPath: '$.items' });
    if (batch > 1) {
      state.ItemBatcher = { MaxItemsPerBatch: batch };
      this.noteEach(node, `A batch size above 1 makes a distributed Map state: each pass is a child execution whose input is {"Items": [...]}, one batch, rather than one item`);
    }
    if (pass.raised.size > 0) {
      state.Catch = [...pass.raised].map(([error, outputId]) => ({ ErrorEquals: [error], ResultPath: '$.error', Next: this.target(scope, node, outputId) }));
    }
    state.Next = this.next(scope, node, out('done')) ?? this.stuck(scope, node, 'done');
  }

  /** Write the states of one node into its scope. */
  private emit(scope: Scope, node: WorkflowNode): void {
    const name = scope.names.get(node.id) ?? '';
    const set = (state: State) => scope.states.set(name, state);
    const out = (port: string) => edgesFromPort(this.adj, node.id, port);
    const follow = (state: State, port: string) => {
      const next = this.next(scope, node, out(port));
      state.Next = next ?? this.stuck(scope, node, port);
      return state;
    };
    switch (node.kind) {
      case 'trigger': {
        // A called workflow is a child state machine: its caller runs it as a step (states:startExecution.sync).
        const starter = node.config.type === 'called' ? 'the calling state machine starts an execution (states:startExecution.sync)' : 'start an execution of this state machine';
        set(follow({ Type: 'Pass', Comment: this.comment(node, `Trigger (${node.config.type}): ${starter} with the case as input.`) }, 'out'));
        return;
      }
      case 'ai':
      case 'tool': {
        const tools = node.kind === 'ai' ? (node.config.tools ?? []) : [];
        // An agent's tools run inside its function (Step Functions has no tool calls); the comment lists them.
        const toolList = tools.length > 0 ? `; the tools it may call: ${tools.map((t) => `${t.name} (${[t.type, `side effect: ${t.sideEffect}`].filter(Boolean).join(', ')})`).join('; ')}` : '';
        const facts = node.kind === 'ai' ? `AI step (${[node.config.capability, node.config.model].filter(Boolean).join(', ')})${toolList}` : `Tool step (${node.config.type}, side effect: ${node.config.sideEffect})`;
        this.emitCall(scope, node, facts, set, follow);
        return;
      }
      case 'data': {
        const op = node.config.operation;
        // Work done outside the state machine's data (a script, a format conversion, a file) is a Lambda like a
        // tool: it can fail and be retried. A wait is a Wait state. The pure transforms of the item (set, merge,
        // split, aggregate, filter, sort, limit, dedupe, pass) are Pass states: Step Functions does them in the
        // state's Parameters or JSONata Output, which the comment asks for.
        if (op === 'code' || op === 'convert' || op === 'file') {
          this.emitCall(scope, node, `Data step (${op}): ${DATA_CALLS[op]}`, set, follow);
          return;
        }
        if (node.policy?.retry?.length || node.policy?.catch?.length) this.noteEach(node, 'Wait and Pass states cannot retry or catch; the data step\'s policy is left out');
        if (op === 'wait') {
          set(follow({ Type: 'Wait', Comment: this.comment(node, 'Data step (wait)'), Seconds: wholeSeconds(node.config.delaySeconds ?? 0) }, 'out'));
          return;
        }
        if (op === 'respond') {
          this.noteEach(node, 'Step Functions answers the caller with the execution\'s output when it ends (a synchronous Express workflow), not at a step of its own: answering the caller is a Pass state');
        }
        set(follow({ Type: 'Pass', Comment: this.comment(node, `Data step (${op}): ${DATA_PASSES[op]}`) }, 'out'));
        return;
      }
      case 'loop': {
        this.emitLoop(scope, node, set, out);
        return;
      }
      case 'human': {
        const state: State = {
          Type: 'Task',
          Comment: this.comment(node, `Human gate (${node.config.type}, ${node.config.reviewers} reviewer(s), ${node.config.calendar}): send the task token to the people; they answer with SendTaskSuccess and {"decision": "approve" | "reject" | "revise"}.`),
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: this.functionName(node), Payload: { 'taskToken.$': '$$.Task.Token', 'input.$': '$', gate: displayName(node), type: node.config.type } },
        };
        set(state);
        const timeoutEdges = out('timeout');
        const sla = node.config.slaSeconds ?? node.policy?.timeouts?.scheduleToCloseSeconds;
        const service = node.policy?.timeouts?.startToCloseSeconds;
        if (timeoutEdges.length > 0) {
          if (sla !== undefined) state.HeartbeatSeconds = wholeSeconds(sla);
          if (service !== undefined) {
            // TimeoutSeconds must exceed HeartbeatSeconds; a service limit within the SLA is covered by it.
            const t = wholeSeconds(service);
            if (sla === undefined || t > wholeSeconds(sla)) state.TimeoutSeconds = t;
            else this.note(node, `Human gate "${displayName(node)}": the ${formatSeconds(service)} working-time limit is within the SLA, which Step Functions enforces alone.`);
          }
          if (sla !== undefined || service !== undefined) {
            state.Catch = [{ ErrorEquals: ['States.HeartbeatTimeout', 'States.Timeout'], ResultPath: '$.error', Next: this.next(scope, node, timeoutEdges) ?? '' }];
          } else this.note(node, `Human gate "${displayName(node)}" has a timeout edge but no SLA or timeout: the edge is left out.`);
        }
        const choices: State[] = [];
        for (const port of ['approve', 'reject', 'revise'] as const) {
          const next = this.next(scope, node, out(port));
          if (next) choices.push({ Variable: '$.decision', StringEquals: port, Next: next });
        }
        state.Next = choices.length > 0 ? this.helper(scope, `${displayName(node)}: decision`, { Type: 'Choice', Choices: choices }) : this.stuck(scope, node, 'approve');
        return;
      }
      case 'check': {
        const threshold = node.config.type === 'threshold' ? node.config.threshold : undefined;
        const passRule: State = threshold !== undefined ? choiceRule({ field: 'confidence', op: '>=', value: threshold }) : { Variable: '$.passed', BooleanEquals: true };
        const choices: State[] = [{ ...passRule, Next: this.next(scope, node, out('pass')) ?? this.stuck(scope, node, 'pass') }];
        if (node.config.onFail === 'reask') {
          const producer = reaskTarget(this.adj, node.id);
          if (producer && (!scope.members || scope.members.has(producer.id))) {
            const max = node.config.maxReasks ?? 2;
            choices.push({ Or: [{ Not: { Variable: '$.reasks', IsPresent: true } }, { And: [{ Variable: '$.reasks', IsNumeric: true }, { Variable: '$.reasks', NumericLessThan: max }] }], Next: this.target(scope, node, producer.id) });
            this.note(node, `Check "${displayName(node)}" re-asks "${displayName(producer)}" while $.reasks < ${max}; that step must count its re-asks in $.reasks.`);
          } else this.note(node, `Check "${displayName(node)}" re-asks "the step that produced the item", which the graph does not name uniquely here: failed items leave by fail.`);
        }
        const choice: State = { Type: 'Choice', Choices: choices, Default: this.next(scope, node, out('fail')) ?? this.stuck(scope, node, 'fail') };
        if (threshold !== undefined) {
          set({ ...choice, Comment: this.comment(node, `Threshold check: passes when the confidence is at least ${threshold}.`) });
          return;
        }
        set({
          Type: 'Task',
          Comment: this.comment(node, `Quality check (${node.config.type}): returns {"passed": true | false}.`),
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: this.functionName(node), 'Payload.$': '$' },
          OutputPath: '$.Payload',
          Next: this.helper(scope, `${displayName(node)}: passed?`, choice),
        });
        return;
      }
      case 'router': {
        const edges = this.adj.outgoing.get(node.id) ?? [];
        if (node.config.mode === 'parallel' || edges.length <= 1) {
          set(follow({ Type: 'Pass', Comment: this.comment(node, `Router (${node.config.mode})`) }, 'out'));
          return;
        }
        const choices: State[] = [];
        const byShare: string[] = [];
        let fallback: string | undefined;
        for (const e of edges) {
          const next = this.target(scope, node, e.target);
          if (e.isDefault) {
            fallback = next;
            continue;
          }
          if (e.condition) {
            choices.push({ ...choiceRule(e.condition), Next: next });
            continue;
          }
          // A branch chosen by weight: ASL has no random choice, so it tests $.branch, which an earlier state sets.
          const branch = e.label?.trim() || displayName(this.node(e.target));
          choices.push({ Variable: '$.branch', StringEquals: branch, Next: next });
          byShare.push(e.probability !== undefined && !e.label?.includes('%') ? `${branch} (${formatShare(e.probability)})` : branch);
        }
        if (byShare.length > 0) {
          this.note(node, `Router "${displayName(node)}" chooses ${byShare.join(', ')} by share; Step Functions has no random choice, so these branches test $.branch, which an earlier state must set.`);
        }
        const state: State = { Type: 'Choice', Comment: this.comment(node, 'Router (exclusive): the first rule that holds wins.'), Choices: choices };
        if (fallback) state.Default = fallback;
        if (choices.length === 0) {
          set({ Type: 'Pass', Comment: this.comment(node, 'Router (exclusive)'), Next: fallback ?? '' });
          return;
        }
        set(state);
        return;
      }
      case 'join':
        set(follow({ Type: 'Pass', Comment: this.comment(node, `Join (${node.config.mode})`) }, 'out'));
        return;
      case 'output': {
        const facts = `Output (${node.config.type}, outcome: ${node.config.outcome})`;
        if (node.config.outcome === 'error') {
          const error = `Baton.${node.config.type}`;
          set({ Type: 'Fail', Comment: this.comment(node, facts), Error: error, Cause: displayName(node) });
          // In a branch, a Fail fails the whole Parallel state: it catches the error and goes to the output.
          if (scope.members) scope.raised.set(error, node.id);
          return;
        }
        if (scope.within && (this.copies.get(node.id) ?? 0) === 1) {
          const where = scope.within.kind === 'pass' ? `the loop "${displayName(scope.within.owner)}" ends only that item's iteration of its Map state` : 'a parallel branch ends only that branch';
          this.note(node, `Output "${displayName(node)}" inside ${where} in Step Functions.`);
        }
        set({ Type: 'Succeed', Comment: this.comment(node, facts) });
        return;
      }
      case 'note':
        return;
    }
  }
}
