import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { nodeSchema, workflowShapeSchema, type Workflow } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { orderBySchema } from '../../src/domain/schema-walk.ts';
import { TEMPLATES } from '../../src/templates/index.ts';
import { sampleWorkflow } from './sample.ts';

/** Keys of every object in a JSON text, in the order they were written. */
function keysInOrder(text: string): string[][] {
  const out: string[][] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      out.push(Object.keys(v));
      Object.values(v).forEach(visit);
    }
  };
  visit(JSON.parse(text));
  return out;
}

describe('exportWorkflow', () => {
  it('writes 2-space JSON with one trailing newline', () => {
    const text = exportWorkflow(sampleWorkflow());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.split('\n')[1]).toBe('  "format": "baton.workflow",');
  });

  it('orders keys as the schemas declare them, whatever order the object was built in', () => {
    const doc = sampleWorkflow();
    const shuffled = Object.fromEntries(Object.entries(doc).reverse()) as Workflow;
    shuffled.nodes = doc.nodes.map((n) => Object.fromEntries(Object.entries(n).reverse()) as typeof n);
    expect(exportWorkflow(shuffled)).toBe(exportWorkflow(doc));
    const top = keysInOrder(exportWorkflow(shuffled))[0];
    const declared = Object.keys(workflowShapeSchema.shape);
    expect(top).toEqual(declared.filter((k) => top?.includes(k)));
    // Node keys follow the node schema of their kind (base fields first, then kind, config, stub, policy).
    const aiKeys = Object.keys(nodeSchema.options[1].shape);
    expect(Object.keys(JSON.parse(exportWorkflow(shuffled)).nodes[1])).toEqual(aiKeys.filter((k) => k in (doc.nodes[1] ?? {})));
  });

  it('derives the order from the schema it is given (so it follows schema changes)', () => {
    const v1 = z.strictObject({ b: z.number(), a: z.strictObject({ y: z.number(), x: z.number() }) });
    const v2 = z.strictObject({ a: z.strictObject({ x: z.number(), y: z.number() }), b: z.number() });
    const value = { a: { x: 1, y: 2 }, b: 3 };
    expect(JSON.stringify(orderBySchema(v1, value))).toBe('{"b":3,"a":{"y":2,"x":1}}');
    expect(JSON.stringify(orderBySchema(v2, value))).toBe('{"a":{"x":1,"y":2},"b":3}');
  });

  it('sorts record keys (lint rules) so equal configurations export equally', () => {
    const a = { ...sampleWorkflow(), lint: { rules: { 'z-rule': 'off' as const, 'a-rule': ['error' as const, { b: 1, a: 2 }] as ['error', Record<string, number>] } } };
    const text = exportWorkflow(a);
    expect(text.indexOf('"a-rule"')).toBeLessThan(text.indexOf('"z-rule"'));
    expect(text.indexOf('"a": 2')).toBeLessThan(text.indexOf('"b": 1'));
  });

  it('leaves out keys the schema does not declare and undefined values', () => {
    const doc = sampleWorkflow();
    const node = { ...doc.nodes[0], selected: true, measured: { width: 10 }, description: undefined };
    const text = exportWorkflow({ ...doc, nodes: [node as Workflow['nodes'][number], ...doc.nodes.slice(1)] });
    expect(text).not.toContain('selected');
    expect(text).not.toContain('measured');
    expect(importWorkflow(text).ok).toBe(true);
  });

  it('import -> export -> import -> export gives identical bytes for the sample', () => {
    const first = exportWorkflow(sampleWorkflow());
    const a = importWorkflow(first);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const second = exportWorkflow(a.doc);
    const b = importWorkflow(second);
    expect(b.ok && exportWorkflow(b.doc)).toBe(second);
    expect(second).toBe(first);
  });

  it.each(TEMPLATES.map((t) => [t.id, t.doc] as const))('template %s imports cleanly and round-trips', (_id, doc) => {
    const text = exportWorkflow(doc);
    const r = importWorkflow(text);
    if (!r.ok) throw new Error(r.problems.map((p) => JSON.stringify(p)).join('\n'));
    expect(exportWorkflow(r.doc)).toBe(text);
  });
});
