/**
 * Properties over thousands of generated documents (7,100 cases here; json-scan and migrations add more):
 * - every valid document survives export -> import -> export byte for byte, and import gives back what was written;
 * - any mutation of a valid document (wrong types, deleted fields, dangling ids, huge numbers, prototype keys,
 *   deep nesting, truncation, random edits) never makes import throw: it returns problems or a valid document.
 */
import * as fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { workflowSchema } from '../../src/domain/workflow.schema.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { importWorkflow, type ImportResult } from '../../src/interop/import.ts';
import { MAX_REPORTED_PROBLEMS } from '../../src/interop/limits.ts';
import { arbWorkflow } from './arbitraries.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path in a JSON tree, root included. */
function allPaths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...prefix, k], out);
  return out;
}

function getAt(root: Json, path: Path): Json | undefined {
  let v: Json | undefined = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, Json>)[k] : undefined;
  return v;
}

/** Set or delete (value undefined) at a path; own properties only, so "__proto__" becomes a real key. */
function setAt(root: Json, path: Path, value: Json | undefined): Json | undefined {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent === null || typeof parent !== 'object' || key === undefined) return root;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (value === undefined) delete (parent as Record<string, Json>)[String(key)];
  else Object.defineProperty(parent, String(key), { value, enumerable: true, writable: true, configurable: true });
  return root;
}

const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, 5e-324),
  fc.integer(),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.constantFrom('ai', 'out', 'error', 'uniform', 'ALL'),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

type Mutation =
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'addKey'; at: number; key: string; value: Json }
  | { kind: 'dangling'; at: number; id: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'overflow'; at: number }
  | { kind: 'splice'; at: number; text: string };

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: weirdValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'), fc.string({ maxLength: 10 })), value: weirdValue }),
  fc.record({ kind: fc.constant('dangling' as const), at: fc.nat(), id: fc.string({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('overflow' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), text: fc.string({ maxLength: 5 }) }),
);

/** Apply one mutation to an exported document, at the level it makes sense: the tree or the text. */
function mutate(text: string, m: Mutation): string {
  const tree = JSON.parse(text) as Json;
  const paths = allPaths(tree);
  const pick = (n: number): Path => paths[n % paths.length] ?? [];
  switch (m.kind) {
    case 'set':
      return JSON.stringify(setAt(tree, pick(m.at), m.value)) ?? '';
    case 'delete':
      return JSON.stringify(setAt(tree, pick(m.at), undefined)) ?? '';
    case 'addKey': {
      const objects = paths.filter((p) => { const v = getAt(tree, p); return v !== null && typeof v === 'object' && !Array.isArray(v); });
      const at = objects[m.at % objects.length] ?? [];
      return JSON.stringify(setAt(tree, [...at, m.key], m.value)) ?? '';
    }
    case 'dangling': {
      const refs = paths.filter((p) => ['source', 'target', 'node'].includes(String(p[p.length - 1])));
      if (refs.length === 0) return text;
      return JSON.stringify(setAt(tree, refs[m.at % refs.length] ?? [], m.id)) ?? '';
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'nest': {
      const pos = text.indexOf(':', m.at % text.length);
      if (pos < 0) return `${'['.repeat(m.depth)}${text}${']'.repeat(m.depth)}`;
      const end = text.indexOf(',', pos);
      const cut = end < 0 ? text.length : end;
      return `${text.slice(0, pos + 1)}${'['.repeat(m.depth)}1${']'.repeat(m.depth)}${text.slice(cut)}`;
    }
    case 'overflow': {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
      const hit = numbers[m.at % Math.max(1, numbers.length)];
      return hit?.index === undefined ? text : `${text.slice(0, hit.index)}1e999${text.slice(hit.index + hit[0].length)}`;
    }
    case 'splice': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at + m.text.length);
    }
  }
}

/** What every import result must look like, whatever went in. */
function assertWellFormed(r: ImportResult): void {
  if (r.ok) {
    expect(workflowSchema.safeParse(r.doc).success).toBe(true);
    const again = exportWorkflow(r.doc);
    const second = importWorkflow(again);
    expect(second.ok && exportWorkflow(second.doc)).toBe(again);
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  expect(r.problems.length).toBeLessThanOrEqual(MAX_REPORTED_PROBLEMS + 1);
  for (const p of r.problems) {
    expect(Array.isArray(p.path)).toBe(true);
    expect(p.path.every((k) => typeof k === 'string' || typeof k === 'number')).toBe(true);
    expect(p.code).toMatch(/^[a-z_-]+$/);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('round trip', () => {
  it('export -> import -> export is byte-identical and import returns what was exported (2,000 documents)', () => {
    fc.assert(
      fc.property(arbWorkflow({ maxNodes: 6 }), (doc) => {
        const text = exportWorkflow(doc);
        const r = importWorkflow(text);
        if (!r.ok) throw new Error(`a valid document was refused: ${JSON.stringify(r.problems.slice(0, 3))}`);
        // isDeepStrictEqual rather than toEqual: same verdict here (no -0, no undefined fields), far cheaper.
        expect(isDeepStrictEqual(r.doc, doc)).toBe(true);
        expect(exportWorkflow(r.doc)).toBe(text);
        // The same through bytes, as the CLI and file inputs read it.
        const viaBytes = importWorkflow(new TextEncoder().encode(text));
        expect(viaBytes.ok && exportWorkflow(viaBytes.doc)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('larger documents round-trip too (60 documents of 20 to 60 nodes)', () => {
    fc.assert(
      fc.property(arbWorkflow({ minNodes: 20, maxNodes: 60, extras: false }), (doc) => {
        const text = exportWorkflow(doc);
        const r = importWorkflow(text);
        expect(r.ok && exportWorkflow(r.doc)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});

describe('mutations never make import throw', () => {
  it('one mutation (3,000 cases)', () => {
    fc.assert(
      fc.property(arbWorkflow({ maxNodes: 6 }), arbMutation, (doc, m) => {
        assertWellFormed(importWorkflow(mutate(exportWorkflow(doc), m)));
      }),
      { numRuns: 3000 },
    );
  });

  it('several mutations stacked (1,000 cases)', () => {
    fc.assert(
      fc.property(arbWorkflow({ maxNodes: 6 }), fc.array(arbMutation, { minLength: 2, maxLength: 5 }), (doc, ms) => {
        let text = exportWorkflow(doc);
        for (const m of ms) {
          try {
            text = mutate(text, m);
          } catch {
            // The text is no longer JSON (truncated earlier); keep mutating it as text only.
            text = text.slice(0, -1);
          }
        }
        assertWellFormed(importWorkflow(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('a prototype key anywhere is refused with its path (500 cases)', () => {
    fc.assert(
      fc.property(arbWorkflow({ maxNodes: 6 }), fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), (doc, at, key) => {
        const text = mutate(exportWorkflow(doc), { kind: 'addKey', at, key, value: 1 });
        const r = importWorkflow(text);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.unusable).toBe(true);
          expect(r.problems.every((p) => p.code === 'forbidden-key' && p.path[p.path.length - 1] === key)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('an edge pointing at a missing node is reported at that edge (500 cases)', () => {
    fc.assert(
      fc.property(arbWorkflow({ minNodes: 2, maxNodes: 6, extras: false }).filter((d) => d.edges.length > 0), fc.nat(), (doc, at) => {
        const i = at % doc.edges.length;
        const tree = JSON.parse(exportWorkflow(doc)) as { edges: { target: string }[] };
        const edge = tree.edges[i];
        if (!edge) return;
        edge.target = `missing-${doc.nodes.map((n) => n.id).join('')}`.slice(0, 128);
        if (doc.nodes.some((n) => n.id === edge.target)) return;
        const r = importWorkflow(JSON.stringify(tree));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems).toContainEqual(expect.objectContaining({ path: ['edges', i, 'target'], code: 'dangling-edge' }));
      }),
      { numRuns: 500 },
    );
  });
});
