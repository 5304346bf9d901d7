import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseJson, lineColumn, scanJson } from '../../src/interop/json-scan.ts';

/** Key count and depth of a parsed value, computed the obvious (recursive) way, to check the scanner against. */
function reference(v: unknown, depth = 0): { keys: number; depth: number } {
  if (v === null || typeof v !== 'object') return { keys: 0, depth };
  const children = Array.isArray(v) ? v : Object.values(v);
  let keys = Array.isArray(v) ? 0 : children.length;
  let max = depth + 1;
  for (const c of children) {
    const r = reference(c, depth + 1);
    keys += r.keys;
    max = Math.max(max, r.depth);
  }
  return { keys, depth: max };
}

describe('scanJson', () => {
  it('agrees with JSON.parse on key count and depth for any JSON (2,000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const ref = reference(JSON.parse(text));
        expect(scanJson(text, 1000)).toEqual({ tooDeep: false, keyCount: ref.keys });
        expect(scanJson(text, ref.depth).tooDeep).toBe(false);
        if (ref.depth > 0) expect(scanJson(text, ref.depth - 1).tooDeep).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('skips brackets and quotes inside strings, however escaped', () => {
    expect(scanJson('{"a\\\\":"[[[\\"{{{\\\\","b":[1]}', 1)).toEqual({ tooDeep: true, keyCount: 2 });
    expect(scanJson('{"a\\\\":"[[[\\"{{{\\\\","b":1}', 1)).toEqual({ tooDeep: false, keyCount: 2 });
  });

  it('stops at an unterminated string without running away', () => {
    expect(scanJson('{"a": "[[[[', 2)).toEqual({ tooDeep: false, keyCount: 1 });
  });
});

describe('diagnoseJson', () => {
  it('finds the same texts invalid as JSON.parse does, and says where (2,000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.string({ maxLength: 3 }), (value, at, insert) => {
        const text = JSON.stringify(value, null, 1);
        const pos = at % (text.length + 1);
        const broken = text.slice(0, pos) + insert + text.slice(pos);
        let parses = true;
        try {
          JSON.parse(broken);
        } catch {
          parses = false;
        }
        const d = diagnoseJson(broken, 1000);
        expect(d.syntax === undefined).toBe(parses);
        if (d.syntax) expect(lineColumn(broken, d.syntax.offset)).toEqual({ line: d.syntax.line, column: d.syntax.column });
      }),
      { numRuns: 2000 },
    );
  });

  it('lists duplicate keys with their paths', () => {
    expect(diagnoseJson('{"a": {"b": 1, "b": 2}, "c": [{"d": 1, "d": 1}], "a": 0}').duplicateKeys).toEqual([['a', 'b'], ['c', 0, 'd'], ['a']]);
  });

  it('names the path of the first container past the limit', () => {
    expect(diagnoseJson('{"a": [1, {"b": [[0]]}]}', 3).tooDeepAt).toEqual(['a', 1, 'b']);
  });

  it('explains common mistakes', () => {
    expect(diagnoseJson("{'a': 1}").syntax?.message).toBe('expected a property name in double quotes but found "\'"');
    expect(diagnoseJson('{"a": "x\ny"}').syntax).toMatchObject({ line: 1, column: 9 });
    expect(diagnoseJson('{"a": "\\q"}').syntax?.message).toBe('"\\q" is not a valid escape in a string');
    expect(diagnoseJson('{"a": 1} x').syntax?.message).toBe('unexpected "x" after the end of the JSON value');
    expect(diagnoseJson('[01]').syntax?.message).toBe('expected "," or "]" after a list item but found "1"');
    expect(diagnoseJson('{"a": NaN}').syntax?.message).toMatch(/^expected a value .* but found "N"$/);
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
  });
});
