import { describe, expect, it } from 'vitest';
import { createNode } from '../../src/domain/index.ts';
import { decodeStoredDocument, encodeDocument, randomId, summarize } from '../../src/persistence/stored-document.ts';
import { chainWorkflow } from './helpers.ts';

describe('stored documents', () => {
  it('round-trips a document through encode and import-based decode', () => {
    const doc = chainWorkflow(7);
    const decoded = decodeStoredDocument(encodeDocument(doc));
    expect(decoded).toEqual({ ok: true, doc });
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
