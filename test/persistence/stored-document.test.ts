import { describe, expect, it } from 'vitest';
import { createNode } from '../../src/domain/index.ts';
import { decodeStoredDocument, encodeDocument, randomId, summarize } from '../../src/persistence/stored-document.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { TEMPLATES } from '../../src/templates/index.ts';
import { chainWorkflow } from './helpers.ts';

describe('stored documents', () => {
  it('round-trips a document through encode and import-based decode', () => {
    const doc = chainWorkflow(7);
    const decoded = decodeStoredDocument(encodeDocument(doc));
    expect(decoded).toEqual({ ok: true, doc });
  });

  it('a design saved mid-edit with a value out of range opens as the editor had it (it once "no longer opened")', () => {
    // n0 trigger, n1 AI step, n2 tool, n3 output.
    const doc = chainWorkflow(4);
    const edited = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'tool' && n.stub ? { ...n, label: 'Kept edit', stub: { ...n.stub, costPerCall: -1 } } : n)) };
    expect(importWorkflow(JSON.stringify(edited)).ok).toBe(false);
    expect(edited.nodes.some((n) => n.label === 'Kept edit')).toBe(true);
    const decoded = decodeStoredDocument(encodeDocument(edited));
    expect(decoded).toEqual({ ok: true, doc: edited });
  });

  it('a stored design of the wrong shape or with a dangling edge is still refused, with its problems', () => {
    const doc = chainWorkflow(4);
    const wrongType = JSON.stringify({ ...doc, nodes: doc.nodes.map((n) => (n.kind === 'tool' ? { ...n, stub: { ...n.stub, costPerCall: 'cheap' } } : n)) });
    expect(decodeStoredDocument(wrongType).ok).toBe(false);
    const dangling = JSON.stringify({ ...doc, edges: [...doc.edges, { id: 'e_gone', source: doc.nodes[0]!.id, sourcePort: 'out', target: 'nowhere' }] });
    const r = decodeStoredDocument(dangling);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
  });

  it('encodes the same JSON value as JSON.stringify, templates and all, at one byte per character', () => {
    const same = (doc: object): void => {
      const text = encodeDocument(doc as Parameters<typeof encodeDocument>[0]);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
      expect(/[\u0100-\uffff]/.test(text)).toBe(false);
    };
    for (const t of TEMPLATES) same(t.doc);
    const doc = { ...chainWorkflow(5), description: 'caf\u00e9 \u2192 \u{1F600} \u2028 "q" \\', scenarios: [{ id: 's', name: 's', seed: 1, cases: 1 }] };
    same(doc);
    same({ ...doc, nodes: [], edges: [], description: undefined });
    // Latin-1 text is written exactly as JSON.stringify writes it.
    const plain = { ...chainWorkflow(3), nodes: [], description: 'caf\u00e9' };
    expect(encodeDocument(plain)).toBe(JSON.stringify(plain));
  });

  it('re-encodes only what an edit replaced: the stored text always follows the newest document', () => {
    const doc = chainWorkflow(50);
    const first = encodeDocument(doc);
    // An edit as the store makes it: one node and one edge replaced, the rest shared with the previous document.
    const edited = {
      ...doc,
      name: 'Renamed',
      nodes: doc.nodes.map((n, i) => (i === 7 ? { ...n, label: 'Changed "label" \u2028' } : n)),
      edges: doc.edges.filter((e) => e.id !== 'e3'),
    };
    const second = encodeDocument(edited);
    expect(JSON.parse(second)).toEqual(JSON.parse(JSON.stringify(edited)));
    expect(second).not.toBe(first);
    expect(encodeDocument(doc)).toBe(first);
    const reopened = decodeStoredDocument(second);
    expect(reopened).toEqual({ ok: true, doc: edited });
  });

  it('stores text that import opens identically whatever the key order of the objects', () => {
    const doc = chainWorkflow(6);
    const reversed = (o: object): object => Object.fromEntries(Object.entries(o).reverse());
    const shuffled = { ...reversed(doc), nodes: doc.nodes.map(reversed), edges: doc.edges.map(reversed) } as typeof doc;
    const a = importWorkflow(encodeDocument(doc));
    const b = importWorkflow(encodeDocument(shuffled));
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.doc).toEqual(b.ok && b.doc);
    expect(decodeStoredDocument(encodeDocument(shuffled))).toEqual({ ok: true, doc });
  });

  it('reports problems instead of trusting corrupted text', () => {
    const bad = decodeStoredDocument('{"format":"baton.workflow","schemaVersion":1,"id":"x","name":"x","nodes":[{}],"edges":[]}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.some((p) => p.path[0] === 'nodes')).toBe(true);
    expect(decodeStoredDocument('not json').ok).toBe(false);
  });

  it('summarizes steps apart from notes', () => {
    const doc = chainWorkflow(4);
    doc.nodes.push(createNode('note', { id: 'n', position: { x: 0, y: 0 } }));
    doc.scenarios = [{ id: 's', name: 's', seed: 1, cases: 1 }];
    expect(summarize(doc)).toEqual({ nodeCount: 4, noteCount: 1, edgeCount: 3, scenarioCount: 1 });
  });

  it('makes prefixed random ids that do not repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => randomId('d')));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^d_[0-9a-z]{10}$/);
  });
});
