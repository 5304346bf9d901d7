import { describe, expect, it } from 'vitest';
import { buildAdjacency, createNode, createWorkflow } from '../../src/domain/index.ts';

describe('buildAdjacency', () => {
  const doc = {
    ...createWorkflow({ id: 'wf', name: 'Adjacency' }),
    nodes: [createNode('trigger', { id: 't', position: { x: 0, y: 0 } }), createNode('ai', { id: 'a', position: { x: 1, y: 0 } }), createNode('output', { id: 'o', position: { x: 2, y: 0 } }), createNode('note', { id: 'n', position: { x: 3, y: 0 } })],
    edges: [
      { id: 'e1', source: 't', sourcePort: 'out', target: 'a' },
      { id: 'e2', source: 'a', sourcePort: 'out', target: 'o' },
      { id: 'e3', source: 'a', sourcePort: 'error', target: 'o' },
      { id: 'toNote', source: 'a', sourcePort: 'out', target: 'n' },
      { id: 'dangling', source: 'a', sourcePort: 'out', target: 'missing' },
    ],
  };

  it('indexes edges by node in document order, leaving out edges to notes and to missing nodes', () => {
    const adj = buildAdjacency(doc);
    expect(adj.outgoing.get('a')?.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(adj.incoming.get('o')?.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(adj.incoming.get('t')).toEqual([]);
  });

  it('finds a note by id but gives it no edges: notes annotate the graph, they are not part of it', () => {
    const adj = buildAdjacency(doc);
    expect(adj.nodesById.get('n')?.kind).toBe('note');
    expect(adj.outgoing.has('n')).toBe(false);
    expect(adj.incoming.has('n')).toBe(false);
  });
});
