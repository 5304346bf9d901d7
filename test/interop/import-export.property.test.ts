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
import { arbMutation, mutate } from './mutations.ts';

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

describe('round trip', { timeout: 120_000 }, () => {
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

describe('mutations never make import throw', { timeout: 120_000 }, () => {
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
