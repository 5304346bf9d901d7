import { describe, expect, it } from 'vitest';
import { valueFor } from '../../src/analyzer/memo.ts';

describe('valueFor', () => {
  it('makes a value on the first ask and keeps it, in a Map or a WeakMap', () => {
    const made: string[] = [];
    const store = new Map<string, number>();
    expect(valueFor(store, 'a', () => (made.push('a'), 1))).toBe(1);
    expect(valueFor(store, 'a', () => (made.push('again'), 2))).toBe(1);
    const weak = new WeakMap<object, { n: number }>();
    const key = {};
    const first = valueFor(weak, key, () => ({ n: 1 }));
    expect(valueFor(weak, key, () => ({ n: 2 }))).toBe(first);
    expect(made).toEqual(['a']);
  });
});
