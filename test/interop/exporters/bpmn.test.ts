/**
 * BPMN export, checked by the bpmn.io tools on every template: bpmn-moddle parses it with no warnings and
 * bpmnlint's recommended rules report no errors; then the model is read back and compared with the design.
 */
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../src/domain/index.ts';
import { isoDuration } from '../../../src/interop/bpmn/baton-extensions.ts';
import { exportBpmn } from '../../../src/interop/bpmn/export.ts';
import { canvasCentre, displayName } from '../../../src/interop/export-graph.ts';
import { TEMPLATES } from '../../../src/templates/index.ts';
import { checkBpmn, shapesDrawnOver, type ModdleElement } from './bpmn-check.ts';
import { withHostileText } from './hostile.ts';
import { dataLoopDesign } from './data-loop-design.ts';

function exported(doc: Workflow): { text: string; notes: readonly { message: string }[] } {
  const r = exportBpmn(doc);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

function flowElements(defs: ModdleElement): ModdleElement[] {
  const rootElements = defs.rootElements as ModdleElement[];
  const process = rootElements.find((e) => e.$type === 'bpmn:Process');
  return (process?.flowElements as ModdleElement[] | undefined) ?? [];
}

function extensionOf(el: ModdleElement): Array<{ $type: string; $attrs?: Record<string, string> } & Record<string, unknown>> {
  const ext = el.extensionElements as { values?: Array<{ $type: string } & Record<string, unknown>> } | undefined;
  return ext?.values ?? [];
}

/** The Baton node id an element carries in its extension elements. */
function batonId(el: ModdleElement): string | undefined {
  const node = extensionOf(el).find((v) => v.$type === 'baton:node');
  return node ? String(node.id ?? (node.$attrs as Record<string, string> | undefined)?.id ?? '') : undefined;
}

describe('BPMN export', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.doc] as const))('template %s: bpmn-moddle parses it with no warnings, bpmnlint finds no errors', async (_id, doc) => {
    const { text } = exported(doc);
    const check = await checkBpmn(text);
    expect(check.warnings).toEqual([]);
    expect(check.errors).toEqual([]);
    expect(shapesDrawnOver(check.definitions)).toEqual([]);
    // Steps keep their kinds and names; every node but notes is there once.
    const elements = flowElements(check.definitions);
    const byBatonId = new Map(elements.flatMap((e) => (batonId(e) ? [[batonId(e), e] as const] : [])));
    for (const node of doc.nodes) {
      if (node.kind === 'note') continue;
      const el = byBatonId.get(node.id);
      expect(el, node.id).toBeDefined();
      expect(el?.name).toBe(displayName(node));
      const expected = { trigger: 'bpmn:StartEvent', ai: 'bpmn:ServiceTask', tool: 'bpmn:ServiceTask', human: 'bpmn:UserTask', output: 'bpmn:EndEvent' } as Record<string, string>;
      if (expected[node.kind]) expect(el?.$type).toBe(expected[node.kind]);
    }
  });

  it('makes a loop a sequential multi-instance sub-process holding its body; a wait a timer event', async () => {
    const doc = dataLoopDesign();
    const { text, notes } = exported(doc);
    const check = await checkBpmn(text);
    expect(check.warnings).toEqual([]);
    expect(check.errors).toEqual([]);
    const top = flowElements(check.definitions);
    const sub = top.find((e) => batonId(e) === 'each-lead');
    expect(sub?.$type).toBe('bpmn:SubProcess');
    expect(sub?.loopCharacteristics).toMatchObject({ $type: 'bpmn:MultiInstanceLoopCharacteristics', isSequential: true });
    const inner = (sub?.flowElements as ModdleElement[] | undefined) ?? [];
    // The body's steps are inside, with a start event for each item and an end event where a pass comes back.
    for (const id of ['research', 'body-code', 'body-filter', 'body-file']) expect(inner.some((e) => batonId(e) === id), id).toBe(true);
    expect(inner.find((e) => e.$type === 'bpmn:StartEvent')?.name).toBe('Each item');
    const next = inner.find((e) => e.name === 'Next item');
    expect(next?.$type).toBe('bpmn:EndEvent');
    expect((next?.incoming as ModdleElement[] | undefined)?.map((f) => (f.sourceRef as ModdleElement).id)).toEqual(['Activity_body-file']);
    // The error output inside the body ends the instance with an error the sub-process's boundary event catches.
    const failed = inner.find((e) => e.$type === 'bpmn:EndEvent' && e.name === 'Research failed');
    expect((failed?.eventDefinitions as ModdleElement[] | undefined)?.[0]?.$type).toBe('bpmn:ErrorEventDefinition');
    const caught = top.find((e) => e.$type === 'bpmn:BoundaryEvent' && (e.attachedToRef as ModdleElement | undefined)?.id === sub?.id);
    expect((caught?.outgoing as ModdleElement[] | undefined)?.map((f) => (f.targetRef as ModdleElement).name)).toEqual(['Research failed']);
    // done leaves the sub-process; the wait is a timer of its delay; the agent's tools are extension elements.
    expect((sub?.outgoing as ModdleElement[] | undefined)?.map((f) => (f.targetRef as ModdleElement).name)).toEqual(['After aggregate']);
    const wait = top.find((e) => batonId(e) === 'after-wait');
    expect(wait?.$type).toBe('bpmn:IntermediateCatchEvent');
    expect(text).toContain(`<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${isoDuration(90)}</bpmn:timeDuration>`);
    expect(extensionOf(inner.find((e) => batonId(e) === 'research') ?? { $type: '' }).filter((v) => v.$type === 'baton:tool')).toHaveLength(4);
    expect(top.filter((e) => batonId(e)?.startsWith('after-') && e.$type === 'bpmn:ScriptTask')).toHaveLength(5);
    expect(notes.map((n) => n.message)).not.toContainEqual(expect.stringMatching(/itemsLeft/));
    // The diagram draws the sub-process expanded around its body.
    expect(text).toMatch(/<bpmndi:BPMNShape id="Activity_each-lead_di" bpmnElement="Activity_each-lead" isExpanded="true">/);
  });

  it('keeps a loop whose body is entered from outside as a gateway on itemsLeft, and says why', async () => {
    const doc = dataLoopDesign();
    doc.edges.push({ id: 'in', source: 'set', sourcePort: 'out', target: 'body-sort' });
    const { text, notes } = exported(doc);
    const check = await checkBpmn(text);
    expect(check.errors).toEqual([]);
    expect(flowElements(check.definitions).find((e) => batonId(e) === 'each-lead')?.$type).toBe('bpmn:ExclusiveGateway');
    expect(notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/^Loop "For each lead" is a gateway on itemsLeft.*"Body sort" is also entered from "Keep name and domain"/));
  });

  it('starts a called workflow at a none start event (what a call activity invokes), one per process', async () => {
    const doc = dataLoopDesign();
    const first = doc.nodes.find((n) => n.kind === 'trigger');
    if (first?.kind !== 'trigger') throw new Error('no trigger');
    first.config = { type: 'called' };
    const firstEdge = doc.edges.find((e) => e.source === first.id);
    if (!firstEdge) throw new Error('no first edge');
    // A test button beside it, as n8n sub-workflows often have: the process keeps a single none start.
    doc.nodes.push({ ...first, id: 'by-hand', label: 'Test by hand', position: { x: first.position.x, y: first.position.y + 300 }, config: { type: 'manual' } });
    doc.edges.push({ ...firstEdge, id: 'by-hand-edge', source: 'by-hand' });
    const check = await checkBpmn(exported(doc).text);
    expect(check.warnings).toEqual([]);
    expect(check.errors).toEqual([]);
    const starts = new Map(flowElements(check.definitions).filter((e) => e.$type === 'bpmn:StartEvent').map((e) => [batonId(e), (e.eventDefinitions as ModdleElement[] | undefined)?.map((d) => d.$type) ?? []]));
    expect(starts.get(first.id)).toEqual([]);
    expect(starts.get('by-hand')).toEqual(['bpmn:MessageEventDefinition']);
  });

  it('lays shapes out where the canvas has the nodes', async () => {
    const doc = TEMPLATES[0]?.doc;
    if (!doc) throw new Error('no template');
    const { definitions } = await checkBpmn(exported(doc).text);
    const diagrams = definitions.diagrams as Array<{ plane: { planeElement: Array<{ bpmnElement?: ModdleElement; bounds?: { x: number; y: number; width: number; height: number } }> } }>;
    const shapes = diagrams[0]?.plane.planeElement ?? [];
    for (const node of doc.nodes) {
      if (node.kind === 'note') continue;
      const shape = shapes.find((s) => s.bpmnElement && batonId(s.bpmnElement) === node.id);
      const b = shape?.bounds;
      if (!b) throw new Error(`no shape for ${node.id}`);
      const c = canvasCentre(node);
      expect(Math.abs(b.x + b.width / 2 - c.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(b.y + b.height / 2 - c.y)).toBeLessThanOrEqual(1);
    }
  });

  it('maps retries to extension elements, timeouts to boundary timers and catch routes to boundary error events', async () => {
    const doc = TEMPLATES.find((t) => t.id === 'patient-scheduling')?.doc;
    if (!doc) throw new Error('no template');
    const node = doc.nodes.find((n) => n.id === 'transcribe');
    if (node?.kind !== 'ai') throw new Error('no transcribe step');
    const { definitions } = await checkBpmn(exported(doc).text);
    const elements = flowElements(definitions);
    const task = elements.find((e) => batonId(e) === 'transcribe');
    if (!task) throw new Error('no task');
    const retry = extensionOf(task).filter((v) => v.$type === 'baton:retry');
    expect(retry).toHaveLength(node.policy?.retry?.length ?? 0);
    const first = node.policy?.retry?.[0];
    expect(retry[0]?.maximumAttempts ?? retry[0]?.$attrs?.maximumAttempts).toBe(String(first?.maximumAttempts));
    const boundaries = elements.filter((e) => e.$type === 'bpmn:BoundaryEvent' && (e.attachedToRef as ModdleElement | undefined)?.id === task.id);
    const defs = boundaries.map((b) => (b.eventDefinitions as ModdleElement[])[0]?.$type);
    expect(defs).toContain('bpmn:ErrorEventDefinition');
    expect(defs).toContain('bpmn:TimerEventDefinition');
    const timer = boundaries.find((b) => (b.eventDefinitions as ModdleElement[])[0]?.$type === 'bpmn:TimerEventDefinition');
    const duration = ((timer?.eventDefinitions as ModdleElement[])[0]?.timeDuration as ModdleElement | undefined)?.body;
    expect(duration).toBe(isoDuration(node.policy?.timeouts?.startToCloseSeconds ?? 0));
  });

  it('gives a human gate a user task, a decision gateway and an SLA timer on the timeout route', async () => {
    const doc = TEMPLATES.find((t) => t.id === 'kyc-onboarding')?.doc;
    if (!doc) throw new Error('no template');
    const { definitions } = await checkBpmn(exported(doc).text);
    const elements = flowElements(definitions);
    const gate = elements.find((e) => batonId(e) === 'manual-review');
    expect(gate?.$type).toBe('bpmn:UserTask');
    const outgoing = (gate?.outgoing as ModdleElement[] | undefined) ?? [];
    expect((outgoing[0]?.targetRef as ModdleElement | undefined)?.$type).toBe('bpmn:ExclusiveGateway');
    const sla = elements.find((e) => e.$type === 'bpmn:BoundaryEvent' && (e.attachedToRef as ModdleElement | undefined)?.id === gate?.id);
    expect(sla?.name).toMatch(/^SLA missed/);
  });

  it('uses a parallel gateway for a join after a clean parallel split, an inclusive one where branches can arrive two ways', async () => {
    const doc = TEMPLATES.find((t) => t.id === 'weekly-reporting')?.doc;
    if (!doc) throw new Error('no template');
    const elements = flowElements((await checkBpmn(exported(doc).text)).definitions);
    expect(elements.find((e) => batonId(e) === 'fan-out')?.$type).toBe('bpmn:ParallelGateway');
    // Each query can arrive by out or by error: a parallel join would wait forever.
    expect(elements.find((e) => batonId(e) === 'wait-queries')?.$type).toBe('bpmn:InclusiveGateway');
    const clean: Workflow = {
      ...doc,
      edges: doc.edges.filter((e) => !(e.target === 'wait-queries' && e.sourcePort === 'error')),
    };
    const cleanElements = flowElements((await checkBpmn(exported(clean).text)).definitions);
    expect(cleanElements.find((e) => batonId(e) === 'wait-queries')?.$type).toBe('bpmn:ParallelGateway');
  });

  it('keeps hostile labels as text: the XML parses and every name reads back exactly', async () => {
    for (const t of TEMPLATES) {
      const doc = withHostileText(t.doc);
      const { text } = exported(doc);
      const check = await checkBpmn(text);
      expect(check.warnings).toEqual([]);
      expect(check.errors).toEqual([]);
      const elements = flowElements(check.definitions);
      for (const node of doc.nodes) {
        if (node.kind === 'note') continue;
        const el = elements.find((e) => batonId(e) === node.id);
        // XML 1.0 cannot hold control characters or lone surrogates: they become U+FFFD.
        // eslint-disable-next-line no-control-regex
        const readable = displayName(node).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
        expect(el?.name).toBe(readable);
      }
    }
  });

  it('writes the same bytes for the same document', () => {
    const doc = TEMPLATES[1]?.doc;
    if (!doc) throw new Error('no template');
    expect(exported(structuredClone(doc)).text).toBe(exported(doc).text);
  });
});
