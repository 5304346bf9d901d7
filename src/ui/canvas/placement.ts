/**
 * Where a new node goes so it covers no other (issue 11: a palette click dropped it at the view's centre, on top of
 * whatever was there). Pure over the document, so it is unit-tested.
 */
import type { NodeKind, Position, WorkflowNode } from '../../domain/index.ts';
import { GRID, kindSize, nodeSize } from './node-appearance.ts';

/** Clear space kept around a placed node. */
export const PLACEMENT_GAP = 24;

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function hits(a: Rect, b: Rect, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * The free position nearest to `wanted` (top-left corner) for a node of `kind`: `wanted` itself when it is free,
 * else the first free cell of rings of growing size around it; with `direction: 'down'` only below it (a step
 * added after a port keeps its column). Notes are ignored: they are annotations, and may be covered.
 * @example freeSpot(doc, 'tool', { x: 0, y: 0 }) // { x: 0, y: 0 } on an empty design
 */
export function freeSpot(doc: { readonly nodes: readonly WorkflowNode[] }, kind: NodeKind, wanted: Position, opts: { direction?: 'around' | 'down' } = {}): Position {
  const size = kindSize(kind);
  const others: Rect[] = doc.nodes.filter((n) => n.kind !== 'note').map((n) => ({ ...n.position, ...nodeSize(n) }));
  const free = (p: Position): boolean => !others.some((o) => hits({ ...p, ...size }, o, PLACEMENT_GAP));
  const start = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  if (free(start)) return start;
  const stepX = size.width + PLACEMENT_GAP;
  const stepY = size.height + PLACEMENT_GAP;
  if (opts.direction === 'down') {
    for (let i = 1; i <= 200; i++) {
      const p = { x: start.x, y: start.y + i * Math.round(stepY / 2) };
      if (free(p)) return p;
    }
    return start;
  }
  // Rings around the wanted spot, nearest first; half-node steps keep the search fine but bounded.
  const hx = Math.round(stepX / 2 / GRID) * GRID;
  const hy = Math.round(stepY / 2 / GRID) * GRID;
  for (let ring = 1; ring <= 40; ring++) {
    const cells: Position[] = [];
    for (let i = -ring; i <= ring; i++) {
      cells.push({ x: start.x + i * hx, y: start.y + ring * hy }, { x: start.x + i * hx, y: start.y - ring * hy });
      if (i !== -ring && i !== ring) cells.push({ x: start.x + ring * hx, y: start.y + i * hy }, { x: start.x - ring * hx, y: start.y + i * hy });
    }
    cells.sort((a, b) => Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y));
    const found = cells.find(free);
    if (found) return found;
  }
  return start;
}
