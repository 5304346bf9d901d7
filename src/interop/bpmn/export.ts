/**
 * BPMN 2.0 XML with diagram interchange (docs/interop.md, "BPMN 2.0"): a modeler such as bpmn-js or Camunda
 * Modeler opens it laid out where the design has its nodes. The mapping:
 *
 * - trigger: start event (message start for webhook, event and chat triggers; timer start for schedules);
 * - AI and tool steps: service tasks; data steps: script tasks; loops: an exclusive gateway on `itemsLeft`; human gates: user tasks followed by a decision gateway on `decision`;
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
import { canvasCentre, canvasSize, catchesTimeout, displayName, edgesFromPort, formatShare, reaskTarget, routedCatchers, unroutedErrorEdges } from '../export-graph.ts';
import { BATON_BPMN_NAMESPACE, documentationFor, edgeExtension, extensionFor, FEEL, feelCondition, feelString, isoDuration } from './baton-extensions.ts';
import { attrs, xmlId, xmlText } from './xml.ts';

type ElementType =
  | 'startEvent'
  | 'endEvent'
  | 'boundaryEvent'
  | 'serviceTask'
  | 'scriptTask'
  | 'userTask'
  | 'businessRuleTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway';

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Element {
  readonly id: string;
  readonly type: ElementType;
  readonly name?: string;
  /** Inner XML of the event definition, if any. */
  readonly definition?: string;
  readonly documentation?: string;
  /** Inner XML of extensionElements. */
  readonly extension?: string;
  readonly attachedTo?: string;
  defaultFlow?: string;
  readonly bounds: Bounds;
  readonly incoming: string[];
  readonly outgoing: string[];
}

interface Flow {
  readonly id: string;
  source: string;
  target: string;
  readonly name?: string;
  readonly condition?: string;
  readonly extension?: string;
}

const SIZE: Record<'task' | 'event' | 'gateway', { width: number; height: number }> = {
  task: { width: 100, height: 80 },
  event: { width: 36, height: 36 },
  gateway: { width: 50, height: 50 },
};

function sizeOf(type: ElementType): { width: number; height: number } {
  if (type.endsWith('Gateway')) return SIZE.gateway;
  if (type.endsWith('Event')) return SIZE.event;
  return SIZE.task;
}

function centred(type: ElementType, cx: number, cy: number): Bounds {
  const { width, height } = sizeOf(type);
  return { x: Math.round(cx - width / 2), y: Math.round(cy - height / 2), width, height };
}

class Diagram {
  readonly elements: Element[] = [];
  readonly flows: Flow[] = [];
  readonly byId = new Map<string, Element>();
  readonly ids = new Set<string>();

  add(prefix: string, raw: string, el: Omit<Element, 'id' | 'incoming' | 'outgoing'>): Element {
    const element: Element = { ...el, id: xmlId(prefix, raw, this.ids), incoming: [], outgoing: [] };
    this.elements.push(element);
    this.byId.set(element.id, element);
    return element;
  }

  connect(source: Element, target: Element, raw: string, extra: Omit<Flow, 'id' | 'source' | 'target'> = {}): Flow {
    const flow: Flow = { ...extra, id: xmlId('Flow', raw, this.ids), source: source.id, target: target.id };
    this.flows.push(flow);
    source.outgoing.push(flow.id);
    target.incoming.push(flow.id);
    return flow;
  }

  retarget(flow: Flow, target: Element): void {
    const old = this.byId.get(flow.target);
    if (old) old.incoming.splice(old.incoming.indexOf(flow.id), 1);
    flow.target = target.id;
    target.incoming.push(flow.id);
  }
}

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
      return 'scriptTask'; // local work, no service called
    case 'loop':
      return 'exclusiveGateway'; // "items left?": each pass, or done
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
  if (!doc.nodes.some((n) => n.kind === 'trigger')) {
    return { ok: false, reason: 'The design has no trigger: a BPMN process needs a start event.' };
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
    let definition: string | undefined;
    if (node.kind === 'trigger') {
      if (node.config.type === 'schedule') definition = `<bpmn:timerEventDefinition id="${xmlId('TimerEventDefinition', node.id, d.ids)}" />`;
      else if (node.config.type !== 'manual' || blankStart) {
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
      name: displayName(node),
      extension: extensionFor(node),
      bounds: centred(type, c.x, c.y),
      ...(definition ? { definition } : {}),
      ...(documentation ? { documentation } : {}),
    });
    main.set(node.id, el);
  }

  const target = (e: WorkflowEdge): Element | undefined => main.get(e.target);

  /**
   * Flows from `from` to the targets of `edges`: one flow, or a parallel fork when a port has several edges
   * (the simulator splits the case into branches there).
   */
  const route = (from: Element, edges: readonly WorkflowEdge[], raw: string, flow: Omit<Flow, 'id' | 'source' | 'target'> = {}): Flow | undefined => {
    const live = edges.filter((e) => target(e));
    const [first] = live;
    if (!first) return undefined;
    if (live.length === 1) {
      const t = target(first);
      return t ? d.connect(from, t, first.id, { ...flow, ...(flow.name === undefined && first.label ? { name: first.label } : {}), extension: edgeExtension(first) }) : undefined;
    }
    const fork = d.add('Gateway', `${raw}_fork`, { type: 'parallelGateway', bounds: centred('parallelGateway', from.bounds.x + from.bounds.width + 45, from.bounds.y + from.bounds.height / 2) });
    const into = d.connect(from, fork, `${raw}_fork`, flow);
    for (const e of live) {
      const t = target(e);
      if (t) d.connect(fork, t, e.id, { ...(e.label ? { name: e.label } : {}), extension: edgeExtension(e) });
    }
    return into;
  };

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
      definition,
      // Along the bottom edge: the first at the left corner, the second at the right, a third between them,
      // so their labels (drawn under each) do not run into each other.
      bounds: { x: b.x + ([2, b.width - 38, (b.width - 36) / 2][k] ?? 2 + k * 38), y: b.y + b.height - 18, width: 36, height: 36 },
    });
  };
  const timerDef = (raw: string, seconds: number) =>
    `<bpmn:timerEventDefinition id="${xmlId('TimerEventDefinition', raw, d.ids)}"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${isoDuration(seconds)}</bpmn:timeDuration></bpmn:timerEventDefinition>`;

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
      case 'ai':
      case 'tool':
      case 'data':
        routeStep(node, el);
        break;
      case 'loop': {
        // A for-each as a gateway: another pass while items are left, else done (the default flow).
        route(el, edgesFromPort(adj, node.id, 'each'), `${node.id}_each`, { name: 'each', condition: 'itemsLeft > 0' });
        const done = route(el, edgesFromPort(adj, node.id, 'done'), `${node.id}_done`, { name: 'done' });
        if (done) el.defaultFlow = done.id;
        notes.push({ nodeId: node.id, message: `Loop "${displayName(node)}" is a gateway on itemsLeft, which the process must keep; BPMN's multi-instance activities need the body as a sub-process.` });
        break;
      }
      case 'human':
        routeHuman(node, el);
        break;
      case 'check': {
        const gate = d.add('Gateway', `${node.id}_passed`, {
          type: 'exclusiveGateway',
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
    const merge = d.add('Gateway', `${el.id}_merge`, { type: 'exclusiveGateway', bounds: centred('exclusiveGateway', el.bounds.x - 45, el.bounds.y + el.bounds.height / 2) });
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
    const end = d.add('Event', `${el.id}_end`, { type: 'endEvent', name: `${el.name ?? 'Step'}: no route`, bounds: centred('endEvent', el.bounds.x + el.bounds.width + 60, el.bounds.y + el.bounds.height / 2) });
    d.connect(el, end, `${el.id}_end`);
    notes.push({ message: `"${el.name ?? el.id}" has no way out; Baton ends such a case as stuck. An end event "no route" was added.` });
  }
  return { ok: true, text: render(doc, d, errors, messages), notes };
}

function render(doc: Workflow, d: Diagram, errors: ReadonlyMap<string, string>, messages: ReadonlyArray<{ id: string; name: string }>): string {
  const processId = xmlId('Process', doc.id, d.ids);
  const diagramId = xmlId('BPMNDiagram', doc.id, d.ids);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<bpmn:definitions${attrs({
      'xmlns:bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
      'xmlns:bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
      'xmlns:dc': 'http://www.omg.org/spec/DD/20100524/DC',
      'xmlns:di': 'http://www.omg.org/spec/DD/20100524/DI',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xmlns:baton': BATON_BPMN_NAMESPACE,
      id: xmlId('Definitions', doc.id, d.ids),
      targetNamespace: 'urn:baton:workflows',
      expressionLanguage: FEEL,
      exporter: 'Baton',
      exporterVersion: '0.1.0',
    })}>`,
  ];
  for (const [code, id] of errors) lines.push(`  <bpmn:error${attrs({ id, name: code, errorCode: code })} />`);
  for (const m of messages) lines.push(`  <bpmn:message${attrs({ id: m.id, name: m.name })} />`);
  lines.push(`  <bpmn:process${attrs({ id: processId, name: doc.name, isExecutable: true })}>`);
  if (doc.description) lines.push(`    <bpmn:documentation>${xmlText(doc.description)}</bpmn:documentation>`);
  for (const el of d.elements) {
    const head = `    <bpmn:${el.type}${attrs({
      id: el.id,
      name: el.name,
      attachedToRef: el.attachedTo,
      default: el.defaultFlow,
      ...(el.type === 'boundaryEvent' ? { cancelActivity: true } : {}),
    })}>`;
    lines.push(head);
    if (el.documentation) lines.push(`      <bpmn:documentation>${xmlText(el.documentation)}</bpmn:documentation>`);
    if (el.extension) lines.push(`      <bpmn:extensionElements>${el.extension}</bpmn:extensionElements>`);
    for (const f of el.incoming) lines.push(`      <bpmn:incoming>${f}</bpmn:incoming>`);
    for (const f of el.outgoing) lines.push(`      <bpmn:outgoing>${f}</bpmn:outgoing>`);
    if (el.definition) lines.push(`      ${el.definition}`);
    lines.push(`    </bpmn:${el.type}>`);
  }
  for (const f of d.flows) {
    const open = `    <bpmn:sequenceFlow${attrs({ id: f.id, name: f.name, sourceRef: f.source, targetRef: f.target })}`;
    if (!f.condition && !f.extension) {
      lines.push(`${open} />`);
      continue;
    }
    lines.push(`${open}>`);
    if (f.extension) lines.push(`      <bpmn:extensionElements>${f.extension}</bpmn:extensionElements>`);
    if (f.condition) lines.push(`      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${xmlText(f.condition)}</bpmn:conditionExpression>`);
    lines.push('    </bpmn:sequenceFlow>');
  }
  const annotations: Array<{ id: string; bounds: Bounds }> = [];
  for (const node of doc.nodes) {
    if (node.kind !== 'note') continue;
    const id = xmlId('TextAnnotation', node.id, d.ids);
    const size = canvasSize(node);
    annotations.push({ id, bounds: { x: node.position.x, y: node.position.y, width: size.width, height: size.height } });
    lines.push(`    <bpmn:textAnnotation${attrs({ id })}>`);
    lines.push(`      <bpmn:extensionElements><baton:node${attrs({ id: node.id, kind: 'note', label: node.label })} /></bpmn:extensionElements>`);
    lines.push(`      <bpmn:text>${xmlText(node.config.text)}</bpmn:text>`);
    lines.push('    </bpmn:textAnnotation>');
  }
  lines.push('  </bpmn:process>');

  // Diagram interchange: shapes where the canvas has the nodes, edges as right-angled polylines.
  lines.push(`  <bpmndi:BPMNDiagram${attrs({ id: diagramId })}>`);
  lines.push(`    <bpmndi:BPMNPlane${attrs({ id: xmlId('BPMNPlane', doc.id, d.ids), bpmnElement: processId })}>`);
  const bounds = (b: Bounds) => `<dc:Bounds${attrs({ x: b.x, y: b.y, width: b.width, height: b.height })} />`;
  for (const el of d.elements) {
    const marker = el.type === 'exclusiveGateway' ? { isMarkerVisible: true } : {};
    // Boundary events get their label placed under them, narrow enough not to meet the next one's.
    const b = el.bounds;
    const label = el.type === 'boundaryEvent' ? `<bpmndi:BPMNLabel>${bounds({ x: b.x - 10, y: b.y + b.height + 2, width: 56, height: 27 })}</bpmndi:BPMNLabel>` : '';
    lines.push(`      <bpmndi:BPMNShape${attrs({ id: `${el.id}_di`, bpmnElement: el.id, ...marker })}>${bounds(b)}${label}</bpmndi:BPMNShape>`);
  }
  for (const a of annotations) lines.push(`      <bpmndi:BPMNShape${attrs({ id: `${a.id}_di`, bpmnElement: a.id })}>${bounds(a.bounds)}</bpmndi:BPMNShape>`);
  for (const f of d.flows) {
    const s = d.byId.get(f.source);
    const t = d.byId.get(f.target);
    if (!s || !t) continue;
    const points = waypoints(s, t).map((p) => `<di:waypoint${attrs({ x: p.x, y: p.y })} />`);
    lines.push(`      <bpmndi:BPMNEdge${attrs({ id: `${f.id}_di`, bpmnElement: f.id })}>${points.join('')}</bpmndi:BPMNEdge>`);
  }
  lines.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>');
  return `${lines.join('\n')}\n`;
}

/** Right-angled route from the source's right side (a boundary event's bottom) to the target's left side. */
function waypoints(s: Element, t: Element): Array<{ x: number; y: number }> {
  const sb = s.bounds;
  const tb = t.bounds;
  const end = { x: tb.x, y: Math.round(tb.y + tb.height / 2) };
  if (s.type === 'boundaryEvent') {
    const start = { x: Math.round(sb.x + sb.width / 2), y: sb.y + sb.height };
    if (end.y > start.y) return [start, { x: start.x, y: end.y }, end];
    const below = sb.y + sb.height + 20;
    return [start, { x: start.x, y: below }, { x: end.x - 20, y: below }, { x: end.x - 20, y: end.y }, end];
  }
  const start = { x: sb.x + sb.width, y: Math.round(sb.y + sb.height / 2) };
  if (end.x >= start.x + 10) {
    if (start.y === end.y) return [start, end];
    const mid = Math.round((start.x + end.x) / 2);
    return [start, { x: mid, y: start.y }, { x: mid, y: end.y }, end];
  }
  // Backwards (a loop): under both shapes and back up into the target's bottom.
  const low = Math.max(sb.y + sb.height, tb.y + tb.height) + 40;
  const into = { x: Math.round(tb.x + tb.width / 2), y: tb.y + tb.height };
  return [
    { x: Math.round(sb.x + sb.width / 2), y: sb.y + sb.height },
    { x: Math.round(sb.x + sb.width / 2), y: low },
    { x: into.x, y: low },
    into,
  ];
}
