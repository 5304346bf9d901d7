import { describe, expect, it } from 'vitest';
import { createNode, createWorkflow } from '../../src/domain/index.ts';
import { positionsFromElk, toElkGraph } from '../../src/app/layout/elk-graph.ts';

describe('ELK graph', () => {
  const doc = {
    ...createWorkflow({ id: 'wf', name: 'x' }),
    nodes: [
      createNode('trigger', { id: 't', position: { x: 100, y: 50 } }),
      createNode('human', { id: 'h', position: { x: 400, y: 50 } }),
      createNode('output', { id: 'o', position: { x: 700, y: 50 } }),
      createNode('note', { id: 'n', position: { x: 0, y: 0 } }),
    ],
    edges: [
      { id: 'e1', source: 't', sourcePort: 'out', target: 'h' },
      { id: 'e2', source: 'h', sourcePort: 'reject', target: 'o' },
    ],
  };

  it('declares one WEST input and EAST outputs in drawing order with FIXED_ORDER; notes are left out', () => {
    const g = toElkGraph(doc);
    expect(g.layoutOptions).toMatchObject({ 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' });
    expect(g.children!.map((c) => c.id)).toEqual(['t', 'h', 'o']);
    const h = g.children![1]!;
    expect(h.layoutOptions).toMatchObject({ 'elk.portConstraints': 'FIXED_ORDER' });
    expect(h.ports!.map((p) => [p.id, p.layoutOptions!['elk.port.side']])).toEqual([
      ['h::in', 'WEST'],
      ['h::out::approve', 'EAST'],
      ['h::out::reject', 'EAST'],
      ['h::out::revise', 'EAST'],
      ['h::out::timeout', 'EAST'],
    ]);
    expect(g.children![0]!.ports!.some((p) => p.id === 't::in')).toBe(false);
    expect(g.edges).toEqual([
      { id: 'e1', sources: ['t::out::out'], targets: ['h::in'] },
      { id: 'e2', sources: ['h::out::reject'], targets: ['o::in'] },
    ]);
  });

  it('anchors the result where the design was', () => {
    const result = { id: 'root', children: [{ id: 't', x: 12, y: 30 }, { id: 'h', x: 300, y: 12 }, { id: 'o', x: 600.4, y: 20 }] };
    expect([...positionsFromElk(doc, result)]).toEqual([
      ['t', { x: 100, y: 68 }],
      ['h', { x: 388, y: 50 }],
      ['o', { x: 688, y: 58 }],
    ]);
  });

  it('really lays out with elkjs: left to right along the edges', async () => {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    const out = await new ELK().layout(toElkGraph(doc));
    const p = positionsFromElk(doc, out);
    expect(p.get('t')!.x).toBeLessThan(p.get('h')!.x);
    expect(p.get('h')!.x).toBeLessThan(p.get('o')!.x);
  });
});
