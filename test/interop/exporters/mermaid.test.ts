// @vitest-environment jsdom
/**
 * Mermaid export, checked by Mermaid's own parser (mermaid.parse, then the parsed chart's vertices and edges):
 * every template, and a template whose every label is hostile text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '../../../src/domain/index.ts';
import { exportMermaid, mermaidText, NOTE_TEXT_LIMIT } from '../../../src/interop/mermaid/export.ts';
import { displayName, edgeCaption } from '../../../src/interop/export-graph.ts';
import { TEMPLATES } from '../../../src/templates/index.ts';
import { sampleWorkflow } from '../sample.ts';
import { withHostileText } from './hostile.ts';

interface Vertex {
  readonly id: string;
  readonly text: string;
  readonly type: string;
}
interface Edge {
  readonly start: string;
  readonly end: string;
  readonly text: string;
  readonly stroke: string;
}
type Mermaid = (typeof import('mermaid'))['default'];
let mermaid: Mermaid;

beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
});

/** Parse with Mermaid and read back what it understood. */
async function parsed(text: string): Promise<{ vertices: Vertex[]; edges: Edge[] }> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as { getVertices(): Map<string, Vertex>; getEdges(): Edge[] };
  return { vertices: [...db.getVertices().values()], edges: db.getEdges() };
}

/** Mermaid decodes entity codes when it renders; the tests decode them the same way to compare with the input. */
function decode(s: string): string {
  // Mermaid's parser keeps entity codes in its own placeholder form (ﬂ°°35¶ß) until it renders.
  return s
    .replace(/#quot;|ﬂ°quot¶ß/g, '"')
    .replace(/#(\d+);|ﬂ°°(\d+)¶ß/g, (_, a?: string, b?: string) => String.fromCodePoint(Number(a ?? b)));
}

function exported(doc: Workflow): string {
  const r = exportMermaid(doc);
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

describe('Mermaid export', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.doc] as const))('template %s parses, with one shape per node and one link per edge', async (_id, doc) => {
    const { vertices, edges } = await parsed(exported(doc));
    expect(vertices.map((v) => decode(v.text))).toEqual(doc.nodes.map((n) => (n.kind === 'note' ? n.config.text.trim() : displayName(n))));
    expect(edges).toHaveLength(doc.edges.length);
    const byId = new Map(doc.nodes.map((n, i) => [n.id, `n${i}`]));
    expect(edges.map((e) => [e.start, e.end])).toEqual(doc.edges.map((e) => [byId.get(e.source), byId.get(e.target)]));
  });

  it('draws each kind as its own shape and failure routes dotted, with the branch condition as the edge label', async () => {
    const doc = sampleWorkflow();
    doc.edges.push({ id: 'cond', source: 'router', sourcePort: 'out', target: 'done', condition: { field: 'confidence', op: '>=', value: 0.8 } });
    const { vertices, edges } = await parsed(exported(doc));
    expect(Object.fromEntries(vertices.map((v) => [v.id, v.type]))).toEqual({
      n0: 'stadium', n1: 'round', n2: 'hexagon', n3: 'trapezoid', n4: 'diamond', n5: 'square', n6: 'circle', n7: 'doublecircle', n8: 'doublecircle', n9: 'odd', n10: 'subroutine', n11: 'lean_right',
    });
    const cond = edges.at(-1);
    expect(decode(cond?.text ?? '')).toBe('confidence >= 0.8');
    const errorEdge = edges.find((e) => e.start === 'n1' && e.end === 'n8');
    expect(errorEdge?.stroke).toBe('dotted');
    expect(decode(errorEdge?.text ?? '')).toBe('error');
  });

  it('keeps hostile labels as text: the same shapes and links, every label read back exactly', async () => {
    for (const t of TEMPLATES) {
      const doc = withHostileText(t.doc);
      const text = exported(doc);
      const { vertices, edges } = await parsed(text);
      expect(vertices).toHaveLength(doc.nodes.length);
      expect(edges).toHaveLength(doc.edges.length);
      doc.nodes.forEach((n, i) => {
        if (n.kind !== 'note') expect(decode(vertices[i]?.text ?? '').replace(/<br>/g, ' ')).toBe(displayName(n));
      });
      doc.edges.forEach((e, i) => {
        const source = doc.nodes.find((n) => n.id === e.source);
        expect(decode(edges[i]?.text ?? '')).toBe(source ? edgeCaption(e, source.kind) : '');
      });
      // Only the header comment, the direction and our own lines: nothing a label smuggled in.
      expect(text.split('\n').filter((l) => l.startsWith('%%'))).toHaveLength(1);
    }
  });

  it("hangs an agent's declared tools off it by dotted 'may call' links, naming their side effects", async () => {
    const doc = sampleWorkflow();
    const ai = doc.nodes.find((n) => n.kind === 'ai');
    if (ai?.kind !== 'ai') throw new Error('no AI step');
    ai.config.tools = [
      { name: 'Send e-mail', type: 'notification', sideEffect: 'irreversible' },
      { name: 'Look up "order" --> %%', sideEffect: 'none' },
    ];
    const aiId = `n${doc.nodes.indexOf(ai)}`;
    const text = exported(doc);
    const { vertices, edges } = await parsed(text);
    expect(vertices).toHaveLength(doc.nodes.length + 2);
    expect(vertices.slice(doc.nodes.length).map((v) => [v.id, decode(v.text)])).toEqual([
      [`${aiId}t0`, 'Send e-mail (irreversible side effect)'],
      [`${aiId}t1`, 'Look up "order" --> %%'],
    ]);
    const toolEdges = edges.slice(doc.edges.length);
    expect(toolEdges.map((e) => [e.start, e.end, e.stroke, decode(e.text)])).toEqual([
      [aiId, `${aiId}t0`, 'dotted', 'may call'],
      [aiId, `${aiId}t1`, 'dotted', 'may call'],
    ]);
    expect(text).toContain('classDef tool_irreversible');
    expect(text.split('\n').filter((l) => l.startsWith('%%'))).toHaveLength(1);
  });

  it('draws a trigger called by another workflow as any trigger: a stadium', async () => {
    const doc = sampleWorkflow();
    const trigger = doc.nodes[0];
    if (trigger?.kind !== 'trigger') throw new Error('the sample starts with its trigger');
    trigger.config = { type: 'called' };
    const { vertices } = await parsed(exported(doc));
    expect(vertices[0]).toMatchObject({ id: 'n0', type: 'stadium' });
    expect(decode(vertices[0]?.text ?? '')).toBe(displayName(trigger));
  });

  it('writes the same bytes for the same document', () => {
    const doc = TEMPLATES[0]?.doc;
    if (!doc) throw new Error('no template');
    expect(exported(structuredClone(doc))).toBe(exported(doc));
  });

  it('cuts a long note and says so', async () => {
    const doc = sampleWorkflow();
    const note = doc.nodes.find((n) => n.kind === 'note');
    if (note?.kind !== 'note') throw new Error('no note');
    note.config.text = 'word '.repeat(200);
    const r = exportMermaid(doc);
    expect(r.ok && r.notes).toEqual([{ nodeId: 'note', message: expect.stringContaining(`cut to ${NOTE_TEXT_LIMIT} characters`) }]);
    await parsed(r.ok ? r.text : '');
  });

  it('escapes everything but letters, digits and plain punctuation', () => {
    expect(mermaidText('say "hi" --> <b>')).toBe('say #quot;hi#quot; #45;#45;#62; #60;b#62;');
    expect(mermaidText('a\nb')).toBe('a<br>b');
    expect(mermaidText('日本 ✓')).toBe('日本 #10003;');
  });
});
