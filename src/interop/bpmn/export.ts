/**
 * BPMN 2.0 XML with diagram interchange (docs/interop.md, "BPMN 2.0"): a modeler such as bpmn-js or Camunda
 * Modeler opens it laid out where the design has its nodes. The mapping:
 *
 * - trigger: start event (message start for webhook, event and chat triggers; timer start for schedules);
 * - AI and tool steps: service tasks; data steps: script tasks (waits: timer catch events); loops: sequential
 *   multi-instance sub-processes holding their body (an exclusive gateway on `itemsLeft` when the body is also
 *   entered from outside); human gates: user tasks followed by a decision gateway on `decision`;
 *   checks: business rule tasks (service tasks for LLM graders) followed by a gateway on `passed`;
 * - routers: exclusive, parallel or inclusive gateways; joins: exclusive (any, first), parallel (all, after a
 *   clean parallel split) or inclusive (all, otherwise: it waits only for branches that were started);
 * - timeouts and SLAs: interrupting boundary timer events; catch routes: boundary error events;
 * - outputs: one end event each; notes: text annotations;
 * - retries, timeouts, breakers and every Baton field BPMN has no element for: extension elements in the
 *   `baton` namespace (BATON_BPMN_NAMESPACE), documented in docs/interop.md.
 *
 * BPMN forbids what Baton allows implicitly, so the exporter adds the gateways BPMN wants: a merge in front of a
 * step several edges enter, a parallel fork where one port has several edges, a merge in front of a router that
 * is entered more than once. Conditions are FEEL (declared by `expressionLanguage`).
 */
import {
  buildAdjacency,
  formatSeconds,
  type AiNode,
  type DataNode,
  type HumanNode,
  type ToolNode,
  type Workflow,
  type WorkflowEdge,
  type WorkflowNode,
} from '../../domain/index.ts';
import type { ExportNote, ExportResult } from '../export-format.ts';
import { canvasCentre, catchesTimeout, displayName, edgesFromPort, formatShare, loopBody, reaskTarget, routedCatchers, unroutedErrorEdges, type LoopBody } from '../export-graph.ts';
import { documentationFor, edgeExtension, extensionFor, feelCondition, feelString, isoDuration } from './baton-extensions.ts';
import { centred, Diagram, layOutSubProcesses, render, type Element, type ElementType, type Flow } from './diagram.ts';
import { xmlId } from './xml.ts';

function taskType(node: WorkflowNode): ElementType {
  switch (node.kind) {
    case 'trigger':
      return 'startEvent';
    case 'output':
      return 'endEvent';
    case 'human':
      return 'userTask';
    case 'check':
      return node.config.type === 'llm-grader' ? 'serviceTask' : 'businessRuleTask';
    case 'router':
      return node.config.mode === 'parallel' ? 'parallelGateway' : node.config.mode === 'inclusive' ? 'inclusiveGateway' : 'exclusiveGateway';
    case 'data':
      return node.config.operation === 'wait' ? 'intermediateCatchEvent' : 'scriptTask'; // a timer; local work, no service called
    case 'loop':
      return 'subProcess'; // multi-instance over the items (an exclusive gateway when the body is not self-contained)
    case 'join':
      return 'exclusiveGateway'; // refined in joinType
    default:
      return 'serviceTask';
  }
}

/**
 * A join `all` becomes a parallel gateway only when it closes a clean parallel split: each incoming edge comes
 * from its own branch of one parallel router, along steps with one way in and one way out. Anything else (a
 * branch that can arrive by its `out` or its `error` port, alternatives of an exclusive router) would deadlock a
 * parallel join, so it becomes an inclusive gateway, which waits only for the branches that were started, as
 * the simulator's join does.
 */
function joinAllType(adj: ReturnType<typeof buildAdjacency>, joinId: string): ElementType {
  const incoming = adj.incoming.get(joinId) ?? [];
  let split: string | undefined;
  const branches = new Set<string>();
  for (const e of incoming) {
    let edge: WorkflowEdge = e;
    for (let guard = 0; guard < 1000; guard++) {
      const src = adj.nodesById.get(edge.source);
      if (!src) return 'inclusiveGateway';
      if (src.kind === 'router' && src.config.mode === 'parallel') break;
      const ins = adj.incoming.get(src.id) ?? [];
      const outs = adj.outgoing.get(src.id) ?? [];
      const [only] = ins;
      if (ins.length !== 1 || outs.length !== 1 || !only) return 'inclusiveGateway';
      edge = only;
    }
    if (split !== undefined && split !== edge.source) return 'inclusiveGateway';
    split = edge.source;
    if (branches.has(edge.id)) return 'inclusiveGateway';
    branches.add(edge.id);
  }
  const splitOut = split ? (adj.outgoing.get(split) ?? []).length : 0;
  return split && splitOut === incoming.length ? 'parallelGateway' : 'inclusiveGateway';
}

/** Nodes a case can reach from a trigger: the rest is left out (BPMN has no place for a step nothing starts). */
function reachable(doc: Workflow, adj: ReturnType<typeof buildAdjacency>): Set<string> {
  const seen = new Set<string>();
  const stack = doc.nodes.filter((n) => n.kind === 'trigger').map((n) => n.id);
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of adj.outgoing.get(id) ?? []) stack.push(e.target);
  }
  return seen;
}

/**
 * @example exportBpmn(doc) // { ok: true, text: '<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ...', notes: [] }
 */
export function exportBpmn(doc: Workflow): ExportResult {
  const adj = buildAdjacency(doc);
  const notes: ExportNote[] = [];
  const d = new Diagram();
  const main = new Map<string, Element>();
  const errors = new Map<string, string>(); // error code -> id
  const messages: Array<{ id: string; name: string }> = [];
  const live = reachable(doc, adj);
  const timerDef = (raw: string, seconds: number) =>
    `<bpmn:timerEventDefinition id="${xmlId('TimerEventDefinition', raw, d.ids)}"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${isoDuration(seconds)}</bpmn:timeDuration></bpmn:timerEventDefinition>`;
  if (!doc.nodes.some((n) => n.kind === 'trigger')) {
    return { ok: false, reason: 'The design has no trigger: a BPMN process needs a start event.' };
  }

  // 0. Loops whose body is self-contained become multi-instance sub-processes holding the body; the others
  //    stay exclusive gateways on itemsLeft. Each node sits in the innermost loop body it belongs to.
  const bodies = new Map<string, LoopBody>();
  for (const node of doc.nodes) {
    if (node.kind !== 'loop' || !live.has(node.id)) continue;
    const body = loopBody(adj, node.id);
    if (body.enteredFromOutside) {
      const { node: inner, from } = body.enteredFromOutside;
      notes.push({ nodeId: node.id, message: `Loop "${displayName(node)}" is a gateway on itemsLeft, which the process must keep: its body step "${displayName(inner)}" is also entered from "${displayName(from)}", so the body cannot be a multi-instance sub-process.` });
    } else if (body.members.size > 0) bodies.set(node.id, body);
  }
  const loopOf = new Map<string, string>();
  for (const [loopId, body] of [...bodies].sort((a, b) => b[1].members.size - a[1].members.size)) {
    for (const id of body.members) if (adj.nodesById.get(id)?.kind !== 'output') loopOf.set(id, loopId);
  }

  // 1. One element per node.
  let blankStart = false;
  for (const node of doc.nodes) {
    if (node.kind === 'note') continue;
    if (!live.has(node.id)) {
      notes.push({ nodeId: node.id, message: `"${displayName(node)}" cannot be reached from a trigger: left out.` });
      continue;
    }
    const c = canvasCentre(node);
    let type = taskType(node);
    if (node.kind === 'join' && node.config.mode === 'all') type = joinAllType(adj, node.id);
    if (node.kind === 'loop' && !bodies.has(node.id)) type = 'exclusiveGateway';
    let definition: string | undefined;
    if (node.kind === 'data' && node.config.operation === 'wait') definition = timerDef(node.id, node.config.delaySeconds ?? 0);
    if (node.kind === 'trigger') {
      if (node.config.type === 'schedule') definition = `<bpmn:timerEventDefinition id="${xmlId('TimerEventDefinition', node.id, d.ids)}" />`;
      // A process a call activity invokes starts at a none start event (BPMN 2.0, 10.5.2); so does one started by
      // hand. One none start per process (bpmnlint single-blank-start-event): further ones take a message.
      else if ((node.config.type !== 'manual' && node.config.type !== 'called') || blankStart) {
        const message = { id: xmlId('Message', node.id, d.ids), name: displayName(node) };
        messages.push(message);
        definition = `<bpmn:messageEventDefinition id="${xmlId('MessageEventDefinition', node.id, d.ids)}" messageRef="${message.id}" />`;
      } else blankStart = true;
    }
    if (node.kind === 'join' && node.config.mode === 'first') {
      notes.push({ nodeId: node.id, message: `Join "${displayName(node)}" waits for the first branch only in Baton; the BPMN merge passes every branch that arrives.` });
    }
    if (node.kind === 'join' && node.config.timeoutSeconds !== undefined) {
      notes.push({ nodeId: node.id, message: `Join "${displayName(node)}": its ${formatSeconds(node.config.timeoutSeconds)} timeout is kept as an extension element only (a gateway has no timer).` });
    }
    const prefix = type.endsWith('Gateway') ? 'Gateway' : type.endsWith('Event') ? 'Event' : 'Activity';
    const documentation = documentationFor(node);
    const el = d.add(prefix, node.id, {
      type,
      ...(loopOf.has(node.id) ? { parent: loopOf.get(node.id) } : {}),
      name: displayName(node),
      extension: extensionFor(node),
      bounds: centred(type, c.x, c.y),
      ...(definition ? { definition } : {}),
      ...(documentation ? { documentation } : {}),
    });
    main.set(node.id, el);
  }

  // Parents were recorded as loop node ids: now that every element exists, point them at the sub-processes.
  for (const el of d.elements) {
    const loopId = el.parent;
    if (loopId !== undefined) Object.assign(el, { parent: main.get(loopId)?.id });
  }
  const inside = (el: Element): { parent?: string } => (el.parent !== undefined ? { parent: el.parent } : {});

  /** Per loop: the end event a pass reaches when it comes back to the loop (made on first use). */
  const nextItem = new Map<string, Element>();
  /** Per loop and output: the output's end event inside the loop's sub-process (a flow cannot leave it). */
  const outputCopies = new Map<string, Element>();
  const endInside = (loopId: string, output: Extract<WorkflowNode, { kind: 'output' }>): Element | undefined => {
    const sub = main.get(loopId);
    if (!sub) return undefined;
    const key = `${loopId}\u0000${output.id}`;
    const known = outputCopies.get(key);
    if (known) return known;
    const error = output.config.outcome === 'error' ? `Baton.${output.config.type}` : undefined;
    const copy = d.add('Event', `${output.id}_in_${loopId}`, {
      type: 'endEvent',
      name: displayName(output),
      parent: sub.id,
      extension: extensionFor(output),
      bounds: centred('endEvent', canvasCentre(output).x, canvasCentre(output).y),
      ...(error ? { definition: `<bpmn:errorEventDefinition id="${xmlId('ErrorEventDefinition', `${output.id}_in_${loopId}`, d.ids)}" errorRef="${errorRef(error)}" />` } : {}),
    });
    outputCopies.set(key, copy);
    if (error) {
      // The error ends the sub-process; its boundary event carries the case on to the output outside.
      const b = boundary(sub, `${loopId}_${output.id}`, `Error: ${displayName(output)}`, `<bpmn:errorEventDefinition id="${xmlId('ErrorEventDefinition', `${loopId}_${output.id}_caught`, d.ids)}" errorRef="${errorRef(error)}" />`);
      route(b, [{ id: `${loopId}_${output.id}`, source: loopId, sourcePort: 'error', target: output.id }], `${loopId}_${output.id}`);
    } else {
      notes.push({ nodeId: output.id, message: `Output "${displayName(output)}" inside the loop "${displayName(adj.nodesById.get(loopId) ?? output)}" ends only that item's instance of the sub-process in BPMN.` });
    }
    return copy;
  };

  /**
   * The element a flow for `e` goes to. `scope`: the loop whose body the flow is drawn in (by default the
   * source's): an edge back to that loop ends the pass, and an output is copied into the body as an end event.
   */
  const target = (e: WorkflowEdge, scope = loopOf.get(e.source)): Element | undefined => {
    if (scope !== undefined && e.target === scope) {
      const sub = main.get(scope);
      if (!sub) return undefined;
      let end = nextItem.get(scope);
      if (!end) {
        end = d.add('Event', `${scope}_next`, { type: 'endEvent', name: 'Next item', parent: sub.id, pinned: 'right', bounds: centred('endEvent', sub.bounds.x, sub.bounds.y) });
        nextItem.set(scope, end);
      }
      return end;
    }
    const node = adj.nodesById.get(e.target);
    if (scope !== undefined && node?.kind === 'output') return endInside(scope, node);
    return main.get(e.target);
  };

  /**
   * Flows from `from` to the targets of `edges`: one flow, or a parallel fork when a port has several edges
   * (the simulator splits the case into branches there).
   */
  function route(from: Element, edges: readonly WorkflowEdge[], raw: string, flow: Omit<Flow, 'id' | 'source' | 'target'> = {}, scope?: string): Flow | undefined {
    const to = (e: WorkflowEdge) => (scope !== undefined ? target(e, scope) : target(e));
    const live = edges.filter((e) => to(e));
    const [first] = live;
    if (!first) return undefined;
    if (live.length === 1) {
      const t = to(first);
      return t ? d.connect(from, t, first.id, { ...flow, ...(flow.name === undefined && first.label ? { name: first.label } : {}), extension: edgeExtension(first) }) : undefined;
    }
    // A boundary event sits on its task's bottom edge: its fork goes below it, not across the task.
    const at = from.type === 'boundaryEvent'
      ? { x: from.bounds.x + from.bounds.width / 2, y: from.bounds.y + from.bounds.height + 45 }
      : { x: from.bounds.x + from.bounds.width + 45, y: from.bounds.y + from.bounds.height / 2 };
    const fork = d.add('Gateway', `${raw}_fork`, { type: 'parallelGateway', ...inside(from), bounds: centred('parallelGateway', at.x, at.y) });
    const into = d.connect(from, fork, `${raw}_fork`, flow);
    for (const e of live) {
      const t = to(e);
      if (t) d.connect(fork, t, e.id, { ...(e.label ? { name: e.label } : {}), extension: edgeExtension(e) });
    }
    return into;
  }

  const errorRef = (code: string): string => {
    let id = errors.get(code);
    if (!id) {
      id = xmlId('Error', code, d.ids);
      errors.set(code, id);
    }
    return id;
  };

  const boundaryCount = new Map<string, number>();
  const timed = new Set<string>();
  const boundary = (task: Element, raw: string, name: string, definition: string): Element => {
    const k = boundaryCount.get(task.id) ?? 0;
    boundaryCount.set(task.id, k + 1);
    const b = task.bounds;
    return d.add('Event', raw, {
      type: 'boundaryEvent',
      name,
      attachedTo: task.id,
      ...inside(task),
      definition,
      // Along the bottom edge: the first at the left corner, the second at the right, a third between them,
      // so their labels (drawn under each) do not run into each other.
      bounds: { x: b.x + ([2, b.width - 38, (b.width - 36) / 2][k] ?? 2 + k * 38), y: b.y + b.height - 18, width: 36, height: 36 },
    });
  };

  // 2. Flows, node by node.
  for (const node of doc.nodes) {
    const el = main.get(node.id);
    if (!el) continue;
    const out = adj.outgoing.get(node.id) ?? [];
    switch (node.kind) {
      case 'trigger':
      case 'join':
        route(el, out, node.id);
        break;
      case 'data':
        if (node.config.operation === 'wait') {
          // A timer event: it holds the case, and an event can neither retry nor catch.
          route(el, edgesFromPort(adj, node.id, 'out'), `${node.id}_out`);
          if (node.policy?.retry?.length || node.policy?.catch?.length) notes.push({ nodeId: node.id, message: `Wait "${displayName(node)}" is a timer event, which cannot retry or catch: its policy is kept as an extension element only.` });
          break;
        }
        routeStep(node, el);
        break;
      case 'ai':
      case 'tool':
        routeStep(node, el);
        break;
      case 'loop': {
        if (bodies.has(node.id)) {
          // A sequential multi-instance sub-process: each item runs the body from its start event; a pass that
          // comes back to the loop reaches the end event "Next item"; the sub-process leaves by done.
          const start = d.add('Event', `${node.id}_each`, { type: 'startEvent', name: 'Each item', parent: el.id, pinned: 'left', bounds: centred('startEvent', el.bounds.x, el.bounds.y) });
          route(start, edgesFromPort(adj, node.id, 'each'), `${node.id}_each`, {}, node.id);
          route(el, edgesFromPort(adj, node.id, 'done'), `${node.id}_done`);
          break;
        }
        // A for-each as a gateway: another pass while items are left, else done (the default flow).
        route(el, edgesFromPort(adj, node.id, 'each'), `${node.id}_each`, { name: 'each', condition: 'itemsLeft > 0' });
        const done = route(el, edgesFromPort(adj, node.id, 'done'), `${node.id}_done`, { name: 'done' });
        if (done) el.defaultFlow = done.id;
        if (edgesFromPort(adj, node.id, 'each').length === 0) notes.push({ nodeId: node.id, message: `Loop "${displayName(node)}" has no body (no edge from each): a gateway on itemsLeft.` });
        break;
      }
      case 'human':
        routeHuman(node, el);
        break;
      case 'check': {
        const gate = d.add('Gateway', `${node.id}_passed`, {
          type: 'exclusiveGateway',
          ...inside(el),
          name: `${displayName(node)}: passed?`,
          bounds: centred('exclusiveGateway', el.bounds.x + el.bounds.width + 45, el.bounds.y + el.bounds.height / 2),
        });
        d.connect(el, gate, `${node.id}_result`);
        route(gate, edgesFromPort(adj, node.id, 'pass'), `${node.id}_pass`, { name: 'pass', condition: 'passed = true' });
        if (node.config.onFail === 'reask') {
          const producer = reaskTarget(adj, node.id);
          const producerEl = producer ? main.get(producer.id) : undefined;
          if (producerEl) {
            const max = node.config.maxReasks ?? 2;
            d.connect(gate, producerEl, `${node.id}_reask`, { name: 're-ask', condition: `passed = false and reasks < ${max}` });
          } else {
            notes.push({ nodeId: node.id, message: `Check "${displayName(node)}" re-asks "the step that produced the item", which the graph does not name uniquely: failed items leave by fail.` });
          }
        }
        const fail = route(gate, edgesFromPort(adj, node.id, 'fail'), `${node.id}_fail`, { name: 'fail' });
        if (fail) gate.defaultFlow = fail.id;
        break;
      }
      case 'router':
        routeRouter(node, el, out);
        break;
      default:
        break;
    }
  }

  function routeStep(node: AiNode | ToolNode | DataNode, el: Element): void {
    route(el, edgesFromPort(adj, node.id, 'out'), `${node.id}_out`);
    for (const e of unroutedErrorEdges(node, adj.outgoing.get(node.id) ?? [])) {
      notes.push({ nodeId: node.id, edgeId: e.id, message: `"${displayName(node)}": the ${e.sourcePort} edge has no catcher in the policy, so Baton never takes it; left out.` });
    }
    for (const { catcher, edges } of routedCatchers(adj, node)) {
      const codes = catcher.errorEquals.includes('ALL') ? [undefined] : catcher.errorEquals;
      for (const code of codes) {
        const def = `<bpmn:errorEventDefinition id="${xmlId('ErrorEventDefinition', `${node.id}_${code ?? 'all'}`, d.ids)}"${code ? ` errorRef="${errorRef(code)}"` : ''} />`;
        const b = boundary(el, `${node.id}_${code ?? 'error'}`, code ? `Error: ${code}` : 'Error', def);
        route(b, edges, `${node.id}_${code ?? 'error'}`);
      }
      // The timeout as a timer on the whole step, routed where the catcher sends a timeout.
      const t = node.policy?.timeouts;
      const seconds = t?.scheduleToCloseSeconds ?? t?.startToCloseSeconds;
      if (seconds !== undefined && catchesTimeout(catcher.errorEquals) && !timed.has(el.id)) {
        timed.add(el.id);
        const b = boundary(el, `${node.id}_timeout`, `Timed out (${formatSeconds(seconds)})`, timerDef(`${node.id}_timeout`, seconds));
        route(b, edges, `${node.id}_timeout`);
      }
    }
  }

  function routeHuman(node: HumanNode, el: Element): void {
    const ports = (['approve', 'reject', 'revise'] as const).filter((p) => edgesFromPort(adj, node.id, p).length > 0);
    if (ports.length > 0) {
      const gate = d.add('Gateway', `${node.id}_decision`, {
        type: 'exclusiveGateway',
        ...inside(el),
        name: `${displayName(node)}: decision?`,
        bounds: centred('exclusiveGateway', el.bounds.x + el.bounds.width + 45, el.bounds.y + el.bounds.height / 2),
      });
      d.connect(el, gate, `${node.id}_decided`);
      for (const p of ports) route(gate, edgesFromPort(adj, node.id, p), `${node.id}_${p}`, { name: p, condition: `decision = "${p}"` });
    }
    const timeoutEdges = edgesFromPort(adj, node.id, 'timeout');
    if (timeoutEdges.length === 0) return;
    const sla = node.config.slaSeconds ?? node.policy?.timeouts?.scheduleToCloseSeconds;
    const service = node.policy?.timeouts?.startToCloseSeconds;
    if (sla !== undefined) route(boundary(el, `${node.id}_sla`, `SLA missed (${formatSeconds(sla)})`, timerDef(`${node.id}_sla`, sla)), timeoutEdges, `${node.id}_sla`);
    if (service !== undefined) route(boundary(el, `${node.id}_timeout`, `Timed out (${formatSeconds(service)})`, timerDef(`${node.id}_timeout`, service)), timeoutEdges, `${node.id}_timeout`);
    if (sla === undefined && service === undefined) {
      notes.push({ nodeId: node.id, message: `Human gate "${displayName(node)}" has a timeout edge but no SLA or timeout: the edge is left out.` });
    }
  }

  function routeRouter(node: Extract<WorkflowNode, { kind: 'router' }>, el: Element, out: readonly WorkflowEdge[]): void {
    const guessed: string[] = [];
    const forking = out.length > 1;
    for (const e of out) {
      const t = target(e);
      if (!t) continue;
      let condition: string | undefined;
      if (node.config.mode !== 'parallel' && forking && !e.isDefault) {
        if (e.condition) {
          condition = feelCondition(e.condition, (from, to) =>
            notes.push({ nodeId: node.id, edgeId: e.id, message: `Router "${displayName(node)}": the condition field ${JSON.stringify(from)} is no FEEL name; written as ${to}.` }),
          );
        } else {
          // A branch chosen by weight: BPMN has no random choice, so it tests a variable the process must set.
          const branch = e.label?.trim() || displayName(adj.nodesById.get(e.target) ?? node);
          condition = `branch = ${feelString(branch)}`;
          guessed.push(e.probability !== undefined && !e.label?.includes('%') ? `${branch} (${formatShare(e.probability)})` : branch);
        }
      }
      const name = e.label?.trim() || (e.isDefault ? 'default' : condition);
      const flow = d.connect(el, t, e.id, { ...(name ? { name } : {}), ...(condition ? { condition } : {}), extension: edgeExtension(e) });
      if (e.isDefault && node.config.mode !== 'parallel') el.defaultFlow = flow.id;
    }
    if (guessed.length > 0) {
      notes.push({
        nodeId: node.id,
        message: `Router "${displayName(node)}" chooses ${guessed.join(', ')} by share; BPMN has no random choice, so these branches test the variable "branch", which the process must set.`,
      });
    }
  }

  // 3. BPMN wants explicit merges: in front of a step (or end event) several flows enter, and in front of a
  //    gateway that both joins and forks.
  for (const el of [...d.elements]) {
    if (el.incoming.length < 2) continue;
    const isGateway = el.type.endsWith('Gateway');
    if (isGateway && el.outgoing.length < 2) continue;
    const merge = d.add('Gateway', `${el.id}_merge`, { type: 'exclusiveGateway', ...inside(el), bounds: centred('exclusiveGateway', el.bounds.x - 45, el.bounds.y + el.bounds.height / 2) });
    for (const flowId of [...el.incoming]) {
      const flow = d.flows.find((f) => f.id === flowId);
      if (flow) d.retarget(flow, merge);
    }
    d.connect(merge, el, `${el.id}_merged`);
  }

  // 4. A step with no way out ends the case as stuck in Baton; BPMN wants an explicit end.
  for (const el of [...d.elements]) {
    if (el.type === 'endEvent' || el.outgoing.length > 0) continue;
    if (el.type === 'boundaryEvent') continue;
    const end = d.add('Event', `${el.id}_end`, { type: 'endEvent', name: `${el.name ?? 'Step'}: no route`, ...inside(el), bounds: centred('endEvent', el.bounds.x + el.bounds.width + 60, el.bounds.y + el.bounds.height / 2) });
    d.connect(el, end, `${el.id}_end`);
    notes.push({ message: `"${el.name ?? el.id}" has no way out; Baton ends such a case as stuck. An end event "no route" was added.` });
  }

  // 5. An output reached only from inside loop bodies lives there as copies: its element outside is unused.
  for (const node of doc.nodes) {
    const el = main.get(node.id);
    if (node.kind !== 'output' || !el || el.incoming.length > 0) continue;
    if ([...outputCopies.keys()].some((k) => k.endsWith(`\u0000${node.id}`))) d.remove(el);
  }
  layOutSubProcesses(d);
  return { ok: true, text: render(doc, d, errors, messages), notes };
}
