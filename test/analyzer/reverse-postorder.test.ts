/** The order loop members are swept in (flow-region.ts): reverse postorder of a depth-first walk. */
import { describe, expect, it } from 'vitest';
import { reversePostorder } from '../../src/analyzer/graph-core.ts';

const from = (adj: readonly (readonly number[])[]) => (v: number): readonly number[] => adj[v] ?? [];

describe('reversePostorder', () => {
  it('puts a node after every node that reaches it by an edge not closing a cycle (a branch that rejoins late)', () => {
    // 0 -> 1 -> 2 -> 3 -> 4 -> 0 (the loop) and the short way 1 -> 4: breadth first would put 4 before 2 and 3.
    const order = reversePostorder([0], [0, 1, 2, 3, 4], from([[1], [4, 2], [3], [4], [0]]));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('starts from every root, then from what no root reaches', () => {
    const order = reversePostorder([2], [0, 1, 2], from([[1], [], [1]]));
    expect(new Set(order)).toEqual(new Set([0, 1, 2]));
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(1));
    expect(order.indexOf(0)).toBeLessThan(order.indexOf(1));
  });
});
