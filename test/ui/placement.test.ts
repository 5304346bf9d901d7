/** New nodes never cover others; "Add step after" places the step to the right of its port. */
import { describe, expect, it } from 'vitest';
import { createNode, type WorkflowNode } from '../../src/domain/index.ts';
import { positionAfter } from '../../src/ui/canvas/add-step.ts';
import { kindSize, nodeSize } from '../../src/ui/canvas/node-appearance.ts';
import { freeSpot, PLACEMENT_GAP } from '../../src/ui/canvas/placement.ts';

const at = (kind: WorkflowNode['kind'], id: string, x: number, y: number): WorkflowNode => createNode(kind, { id, position: { x, y } });

function overlaps(a: WorkflowNode, b: { x: number; y: number; width: number; height: number }): boolean {
  const s = nodeSize(a);
  return a.position.x < b.x + b.width && b.x < a.position.x + s.width && a.position.y < b.y + b.height && b.y < a.position.y + s.height;
}

describe('freeSpot', () => {
  it('keeps a free spot and moves off an occupied one, to the nearest free place', () => {
    const doc = { nodes: [at('tool', 'a', 0, 0)] };
    expect(freeSpot(doc, 'tool', { x: 1000, y: 0 })).toEqual({ x: 1000, y: 0 });
    const p = freeSpot(doc, 'tool', { x: 10, y: 10 });
    expect(overlaps(doc.nodes[0]!, { ...p, ...kindSize('tool') })).toBe(false);
    expect(Math.hypot(p.x - 10, p.y - 10)).toBeLessThan(400);
  });
  it('ten clicks at one spot give ten places that cover nothing', () => {
    const nodes: WorkflowNode[] = [];
    for (let i = 0; i < 10; i++) {
      const p = freeSpot({ nodes }, 'ai', { x: 0, y: 0 });
      nodes.push(at('ai', `n${i}`, p.x, p.y));
    }
    for (const a of nodes) for (const b of nodes) if (a !== b) expect(overlaps(a, { ...b.position, width: nodeSize(b).width + PLACEMENT_GAP - 1, height: nodeSize(b).height })).toBe(false);
  });
  it('"down" keeps the column', () => {
    const doc = { nodes: [at('tool', 'a', 400, 0)] };
    const p = freeSpot(doc, 'tool', { x: 400, y: 0 }, { direction: 'down' });
    expect(p.x).toBe(400);
    expect(p.y).toBeGreaterThanOrEqual(84 + PLACEMENT_GAP);
  });
});

describe('positionAfter', () => {
  it('is right of the source, level with the port', () => {
    const src = at('check', 'c', 0, 0);
    const p = positionAfter({ nodes: [src] }, src, 'fail', 'output');
    expect(p.x).toBeGreaterThan(nodeSize(src).width);
    // "fail" is the second of two ports: two thirds down.
    expect(p.y + kindSize('output').height / 2).toBeCloseTo((2 / 3) * nodeSize(src).height, 0);
  });
});
