/**
 * Pushing overlapping boxes apart while keeping their arrangement: what an imported layout needs when it was drawn
 * for nodes of another size (n8n's 100 px squares become Baton's wider cards, and two n8n nodes close together
 * would land on each other). Pure and deterministic: the same boxes give the same positions.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Do the two boxes come closer than `gap` (so they overlap when gap is 0)? */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** Left to right, then top to bottom, then input order: the order boxes are settled in, so the result is stable. */
function readingOrder(boxes: readonly Box[]): number[] {
  return boxes.map((_, i) => i).sort((i, j) => boxes[i]!.x - boxes[j]!.x || boxes[i]!.y - boxes[j]!.y || i - j);
}

/**
 * The positions (same order as `boxes`) at which no two boxes come closer than `gap`. Boxes that are already apart
 * keep their place. For each overlapping pair, the later one in reading order moves away from the earlier one
 * along the axis that needs the least movement (so a node squeezed beside another slides over, one stacked on
 * another slides down), which keeps rows as rows and columns as columns. Moves can cause new overlaps, so it
 * repeats; if that has not settled after `passes` rounds, a last sweep slides what is left to the right, which
 * always ends (a box only moves right, past each earlier box at most once).
 */
export function separateOverlaps(boxes: readonly Box[], gap = 20, passes = 50): Point[] {
  const at = boxes.map((b) => ({ ...b }));
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    const order = readingOrder(at);
    // Boxes only move right, up or down within a pass, so once a box started the pass clear of a's right edge,
    // every later one is too: the sweep stops there (a large import is not compared pair by pair).
    const startX = order.map((k) => at[k]!.x);
    for (let i = 0; i < order.length; i++) {
      const a = at[order[i]!]!;
      for (let j = i + 1; j < order.length && startX[j]! < a.x + a.width + gap; j++) {
        const b = at[order[j]!]!;
        if (!boxesOverlap(a, b, gap)) continue;
        const right = a.x + a.width + gap - b.x;
        const below = b.y + b.height / 2 >= a.y + a.height / 2;
        const down = below ? a.y + a.height + gap - b.y : -(b.y + b.height + gap - a.y);
        if (right <= Math.abs(down)) b.x += right;
        else b.y += down;
        moved = true;
      }
    }
    if (!moved) return at.map(({ x, y }) => ({ x, y }));
  }
  const order = readingOrder(at);
  for (let j = 0; j < order.length; j++) {
    const b = at[order[j]!]!;
    for (let again = true; again; ) {
      again = false;
      for (let i = 0; i < j; i++) {
        const a = at[order[i]!]!;
        if (boxesOverlap(a, b, gap)) {
          b.x = a.x + a.width + gap;
          again = true;
        }
      }
    }
  }
  return at.map(({ x, y }) => ({ x, y }));
}
