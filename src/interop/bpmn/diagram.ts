/**
 * The BPMN model the exporter builds (elements with their bounds, sequence flows) and its XML: the process written
 * container by container (a loop's body is a sub-process), then the diagram interchange (shapes where the canvas
 * has the nodes, right-angled edges). src/interop/bpmn/export.ts decides what the elements are.
 */
import type { Workflow } from '../../domain/index.ts';
import { canvasSize } from '../export-graph.ts';
import { BATON_BPMN_NAMESPACE, FEEL } from './baton-extensions.ts';
import { attrs, xmlId, xmlText } from './xml.ts';

export type ElementType =
  | 'startEvent'
  | 'endEvent'
  | 'boundaryEvent'
  | 'intermediateCatchEvent'
  | 'subProcess'
  | 'serviceTask'
  | 'scriptTask'
  | 'userTask'
  | 'businessRuleTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Element {
  readonly id: string;
  readonly type: ElementType;
  readonly name?: string;
  /** Inner XML of the event definition, if any. */
  readonly definition?: string;
  readonly documentation?: string;
  /** Inner XML of extensionElements. */
  readonly extension?: string;
  readonly attachedTo?: string;
  /** The sub-process (a loop's body) the element sits in; none: the process itself. */
  readonly parent?: string;
  /** A loop body's start event (left) or its "next item" end event (right): placed on the sub-process's sides. */
  readonly pinned?: 'left' | 'right';
  defaultFlow?: string;
  readonly bounds: Bounds;
  readonly incoming: string[];
  readonly outgoing: string[];
}

export interface Flow {
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

export function centred(type: ElementType, cx: number, cy: number): Bounds {
  const { width, height } = sizeOf(type);
  return { x: Math.round(cx - width / 2), y: Math.round(cy - height / 2), width, height };
}

export class Diagram {
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

  remove(el: Element): void {
    this.elements.splice(this.elements.indexOf(el), 1);
    this.byId.delete(el.id);
  }

  retarget(flow: Flow, target: Element): void {
    const old = this.byId.get(flow.target);
    if (old) old.incoming.splice(old.incoming.indexOf(flow.id), 1);
    flow.target = target.id;
    target.incoming.push(flow.id);
  }
}

/**
 * Sub-processes (loop bodies) are drawn around the shapes they hold, innermost first: the canvas places the
 * body's steps, the box takes them in with room on the left for the start event "Each item" and on the right
 * for the end event "Next item"; boundary events sit along the box's bottom edge.
 */
export function layOutSubProcesses(d: Diagram): void {
  const depth = (el: Element): number => (el.parent ? 1 + depth(d.byId.get(el.parent) ?? el) : 0);
  const subs = d.elements.filter((el) => el.type === 'subProcess').sort((a, b) => depth(b) - depth(a));
  for (const sub of subs) {
    const children = d.elements.filter((el) => el.parent === sub.id);
    const placed = children.filter((el) => el.type !== 'boundaryEvent' && el.pinned === undefined);
    if (placed.length === 0) continue;
    const left = Math.min(...placed.map((el) => el.bounds.x));
    const top = Math.min(...placed.map((el) => el.bounds.y));
    const right = Math.max(...placed.map((el) => el.bounds.x + el.bounds.width));
    const bottom = Math.max(...placed.map((el) => el.bounds.y + el.bounds.height));
    Object.assign(sub.bounds, { x: left - 90, y: top - 50, width: right - left + 180, height: bottom - top + 100 });
    const middle = Math.round(sub.bounds.y + sub.bounds.height / 2);
    for (const el of children) {
      if (el.pinned === 'left') Object.assign(el.bounds, { x: sub.bounds.x + 24, y: middle - 18 });
      else if (el.pinned === 'right') Object.assign(el.bounds, { x: sub.bounds.x + sub.bounds.width - 60, y: middle - 18 });
    }
    d.elements.filter((el) => el.attachedTo === sub.id).forEach((el, k) => Object.assign(el.bounds, { x: sub.bounds.x + 40 + 60 * k, y: sub.bounds.y + sub.bounds.height - 18 }));
    clearBox(d, sub);
  }
}

/** Room left between a sub-process box and a shape it pushed out of its way. */
const CLEARANCE = 30;

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * A sub-process box is wider than the canvas's loop body (room for its start and end events), so a shape the
 * canvas put next to the body (often the importer's "End") can end up drawn inside a box it does not belong to.
 * Each such shape in the same container moves out by the shortest way, with what it holds and what is attached
 * to it; what it then lands on is cleared the same way, a bounded number of times.
 */
function clearBox(d: Diagram, sub: Element): void {
  const box = sub.bounds;
  for (let pass = 0; pass < 4; pass++) {
    const inTheWay = d.elements.filter((el) => el !== sub && el.parent === sub.parent && el.attachedTo === undefined && overlaps(el.bounds, box));
    if (inTheWay.length === 0) return;
    for (const el of inTheWay) {
      const b = el.bounds;
      const ways = [
        { dx: box.x + box.width + CLEARANCE - b.x, dy: 0 },
        { dx: box.x - CLEARANCE - (b.x + b.width), dy: 0 },
        { dx: 0, dy: box.y + box.height + CLEARANCE - b.y },
        { dx: 0, dy: box.y - CLEARANCE - (b.y + b.height) },
      ];
      const shortest = ways.reduce((a, w) => (Math.abs(w.dx) + Math.abs(w.dy) < Math.abs(a.dx) + Math.abs(a.dy) ? w : a));
      moveWithContents(d, el, shortest.dx, shortest.dy);
    }
  }
}

/** Move a shape, everything drawn inside it (a sub-process's body) and the events attached to either. */
function moveWithContents(d: Diagram, el: Element, dx: number, dy: number): void {
  el.bounds.x += dx;
  el.bounds.y += dy;
  for (const other of d.elements) {
    if (other.parent === el.id || other.attachedTo === el.id) moveWithContents(d, other, dx, dy);
  }
}

/** The BPMN 2.0 XML of the model, with the notes as text annotations and the error and message definitions. */
export function render(doc: Workflow, d: Diagram, errors: ReadonlyMap<string, string>, messages: ReadonlyArray<{ id: string; name: string }>): string {
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
  // Elements and flows by container: the process, or the sub-process (a loop's body) they sit in.
  const flowParent = (f: Flow) => d.byId.get(f.source)?.parent;
  const writeContainer = (parent: string | undefined, pad: string) => {
    for (const el of d.elements) {
      if (el.parent !== parent) continue;
      const head = `${pad}<bpmn:${el.type}${attrs({
        id: el.id,
        name: el.name,
        attachedToRef: el.attachedTo,
        default: el.defaultFlow,
        ...(el.type === 'boundaryEvent' ? { cancelActivity: true } : {}),
      })}>`;
      lines.push(head);
      if (el.documentation) lines.push(`${pad}  <bpmn:documentation>${xmlText(el.documentation)}</bpmn:documentation>`);
      if (el.extension) lines.push(`${pad}  <bpmn:extensionElements>${el.extension}</bpmn:extensionElements>`);
      for (const f of el.incoming) lines.push(`${pad}  <bpmn:incoming>${f}</bpmn:incoming>`);
      for (const f of el.outgoing) lines.push(`${pad}  <bpmn:outgoing>${f}</bpmn:outgoing>`);
      if (el.definition) lines.push(`${pad}  ${el.definition}`);
      if (el.type === 'subProcess') {
        // One instance per item, one after the other (Baton's passes are sequential).
        lines.push(`${pad}  <bpmn:multiInstanceLoopCharacteristics isSequential="true" />`);
        writeContainer(el.id, `${pad}  `);
      }
      lines.push(`${pad}</bpmn:${el.type}>`);
    }
    for (const f of d.flows) {
      if (flowParent(f) !== parent) continue;
      const open = `${pad}<bpmn:sequenceFlow${attrs({ id: f.id, name: f.name, sourceRef: f.source, targetRef: f.target })}`;
      if (!f.condition && !f.extension) {
        lines.push(`${open} />`);
        continue;
      }
      lines.push(`${open}>`);
      if (f.extension) lines.push(`${pad}  <bpmn:extensionElements>${f.extension}</bpmn:extensionElements>`);
      if (f.condition) lines.push(`${pad}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${xmlText(f.condition)}</bpmn:conditionExpression>`);
      lines.push(`${pad}</bpmn:sequenceFlow>`);
    }
  };
  writeContainer(undefined, '    ');
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
    const marker = el.type === 'exclusiveGateway' ? { isMarkerVisible: true } : el.type === 'subProcess' ? { isExpanded: true } : {};
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
