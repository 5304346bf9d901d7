import { describe, expect, it } from 'vitest';
import { boxesOverlap, separateOverlaps, type Box } from '../../src/domain/separate-overlaps.ts';

const card = (x: number, y: number, width = 240, height = 84): Box => ({ x, y, width, height });
const placed = (boxes: readonly Box[], gap = 20): Box[] => separateOverlaps(boxes, gap).map((p, i) => ({ ...boxes[i]!, ...p }));
const anyOverlap = (boxes: readonly Box[], gap = 0): boolean => boxes.some((a, i) => boxes.some((b, j) => j > i && boxesOverlap(a, b, gap)));

describe('separateOverlaps', () => {
  it('pushes an overlapping pair apart, the earlier one (left, then top) staying put', () => {
    // 150 px apart on one row: 104 px down (84 + 20) is less than 110 px across (240 + 20 - 150).
    const boxes = [card(0, 0), card(150, 0)];
    expect(boxesOverlap(boxes[0]!, boxes[1]!)).toBe(true);
    expect(separateOverlaps(boxes, 20)).toEqual([{ x: 0, y: 0 }, { x: 150, y: 104 }]);
    // Given in the other order, the same card moves.
    expect(separateOverlaps([boxes[1]!, boxes[0]!], 20)).toEqual([{ x: 150, y: 104 }, { x: 0, y: 0 }]);
  });

  it('slides a card along the axis needing the least movement', () => {
    // Nearly on the same row but shifted right by 200: 60 px more across clears it; down would need 104.
    expect(separateOverlaps([card(0, 0), card(200, 10)], 20)).toEqual([{ x: 0, y: 0 }, { x: 260, y: 10 }]);
    // Nearly in the same column but 60 lower: 44 px more down clears it; across would need 250.
    expect(separateOverlaps([card(0, 0), card(10, 60)], 20)).toEqual([{ x: 0, y: 0 }, { x: 10, y: 104 }]);
  });

  it('leaves cards that are already apart where they are', () => {
    const boxes = [card(0, 0), card(300, 0), card(0, 200), card(600, -150, 180, 64)];
    expect(separateOverlaps(boxes, 20)).toEqual(boxes.map(({ x, y }) => ({ x, y })));
  });

  it('clears a pile of cards on one spot, and gives the same answer every time and for a shuffled input', () => {
    const pile = Array.from({ length: 12 }, (_, i) => card((i * 37) % 50, (i * 23) % 40, i % 2 ? 180 : 240, i % 3 ? 64 : 84));
    const once = placed(pile);
    expect(anyOverlap(once, 20)).toBe(false);
    expect(separateOverlaps(pile, 20)).toEqual(separateOverlaps(pile, 20));
    // Identical cards on the exact same spot too: the result must still separate them.
    expect(anyOverlap(placed(Array.from({ length: 8 }, () => card(0, 0))), 20)).toBe(false);
  });

  it('still ends with no overlap when the passes run out (the last sweep slides what is left to the right)', () => {
    const pile = Array.from({ length: 10 }, (_, i) => card(i * 5, i * 3));
    const moved = separateOverlaps(pile, 20, 0).map((p, i) => ({ ...pile[i]!, ...p }));
    expect(anyOverlap(moved, 20)).toBe(false);
  });
});
