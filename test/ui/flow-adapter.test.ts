import { describe, expect, it } from 'vitest';
import { createNode } from '../../src/domain/index.ts';
import { edgeCaption, FlowAdapter, interpretNodeChanges, nodeAccessibleName, nodeHandles } from '../../src/ui/canvas/flow-adapter.ts';

describe('flow adapter', () => {
  const a = createNode('ai', { id: 'a', position: { x: 0, y: 0 }, label: 'Draft reply' });
  const b = createNode('output', { id: 'b', position: { x: 300, y: 0 }, label: 'Send reply' });

  it('names nodes "KIND: LABEL" and tags their kind', () => {
    const [fa] = new FlowAdapter().toFlowNodes([a], new Set());
    expect(fa?.ariaLabel).toBe('AI tool: Draft reply');
    expect(fa?.domAttributes).toMatchObject({ 'data-kind': 'ai' });
    expect(nodeAccessibleName({ ...b, label: '' })).toBe('Output: (unnamed)');
  });

  it('returns the same React Flow object while the domain node and its selection are unchanged', () => {
    const adapter = new FlowAdapter();
    const [fa1, fb1] = adapter.toFlowNodes([a, b], new Set());
    const moved = { ...a, position: { x: 5, y: 5 } };
    const [fa2, fb2] = adapter.toFlowNodes([moved, b], new Set());
    expect(fb2).toBe(fb1);
    expect(fa2).not.toBe(fa1);
    expect(fa2?.position).toEqual({ x: 5, y: 5 });
    const [, fb3] = adapter.toFlowNodes([moved, b], new Set(['b']));
    expect(fb3).not.toBe(fb2);
    expect(fb3?.selected).toBe(true);
  });

  it('on a move, keeps every other node by index and maps the moved one; a new selection re-checks all', () => {
    const adapter = new FlowAdapter();
    const none = new Set<string>();
    const first = adapter.toFlowNodes([a, b], none);
    const movedB = { ...b, position: { x: 310, y: 5 } };
    const second = adapter.toFlowNodes([a, movedB], none);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.position).toEqual({ x: 310, y: 5 });
    const third = adapter.toFlowNodes([a, movedB], new Set(['a']));
    expect(third[0]?.selected).toBe(true);
    expect(third[1]).toBe(second[1]);
  });

  it('gives nodes known sizes so nothing needs re-measuring', () => {
    const [fa] = new FlowAdapter().toFlowNodes([a], new Set());
    expect(fa?.measured?.width).toBeGreaterThan(0);
    expect(fa?.width).toBe(fa?.measured?.width);
  });

  it('declares handles where the view draws them: input left-centre, ports spread down the right edge', () => {
    const human = createNode('human', { id: 'h', position: { x: 0, y: 0 } });
    const handles = nodeHandles(human, { width: 220, height: 100 });
    expect(handles.map((h) => [h.id, h.type, h.x, h.y])).toEqual([
      ['in', 'target', -7, 43],
      ['approve', 'source', 213, 13],
      ['reject', 'source', 213, 33],
      ['revise', 'source', 213, 53],
      ['timeout', 'source', 213, 73],
    ]);
    expect(nodeHandles(createNode('trigger', { id: 't', position: { x: 0, y: 0 } }), { width: 180, height: 64 }).map((h) => h.id)).toEqual(['out']);
  });

  it('reports whether position changes come from a drag in progress', () => {
    expect(interpretNodeChanges([{ type: 'position', id: 'a', position: { x: 1, y: 2 }, dragging: true }]).dragging).toBe(true);
    expect(interpretNodeChanges([{ type: 'position', id: 'a', position: { x: 1, y: 2 } }]).dragging).toBe(false);
  });

  it('captions edges with condition, weight and default', () => {
    expect(edgeCaption({ id: 'e', source: 'a', sourcePort: 'out', target: 'b', condition: { field: 'confidence', op: '<', value: 0.8 } })).toBe('confidence < 0.8');
    expect(edgeCaption({ id: 'e', source: 'a', sourcePort: 'out', target: 'b', probability: 0.15 })).toBe('15%');
    expect(edgeCaption({ id: 'e', source: 'a', sourcePort: 'out', target: 'b', isDefault: true, label: 'rest' })).toBe('rest · default');
  });

  it('turns React Flow changes into commands and ignores dimension changes', () => {
    const cmd = interpretNodeChanges([
      { type: 'position', id: 'a', position: { x: 1, y: 2 }, dragging: true },
      { type: 'select', id: 'b', selected: true },
      { type: 'dimensions', id: 'a', dimensions: { width: 1, height: 1 } },
    ]);
    expect([...cmd.positions]).toEqual([['a', { x: 1, y: 2 }]]);
    expect(cmd.select).toEqual(['b']);
  });
});
