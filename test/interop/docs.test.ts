/**
 * The user documentation of the format stays true: its example is the example file, that file imports cleanly,
 * and every field the schema declares is mentioned (so a new field cannot ship undocumented).
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { workflowShapeSchema } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { unwrap } from '../../src/domain/schema-walk.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const markdown = read('docs/workflow-format.md');
const example = read('docs/examples/minimal.baton.json');

/** Every field name declared by any object schema reachable from the document schema. */
function declaredFields(root: z.core.$ZodType): Set<string> {
  const seen = new Set<unknown>();
  const fields = new Set<string>();
  const visit = (schema: z.core.$ZodType): void => {
    const s = unwrap(schema);
    if (seen.has(s)) return;
    seen.add(s);
    if (s instanceof z.ZodObject) {
      for (const [k, child] of Object.entries(s.shape)) {
        fields.add(k);
        visit(child as z.core.$ZodType);
      }
    } else if (s instanceof z.ZodUnion) s.options.forEach((o: z.core.$ZodType) => visit(o));
    else if (s instanceof z.ZodArray) visit(s.element as z.core.$ZodType);
    else if (s instanceof z.ZodRecord) visit(s.valueType as z.core.$ZodType);
    else if (s instanceof z.ZodTuple) (s._zod.def.items as readonly z.core.$ZodType[]).forEach(visit);
  };
  visit(root);
  return fields;
}

describe('docs/workflow-format.md', () => {
  it('shows exactly docs/examples/minimal.baton.json', () => {
    const block = /## A complete example[\s\S]*?```json\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(block).toBe(example);
  });

  it('has an example that imports cleanly and is in export layout', () => {
    const r = importWorkflow(example);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(exportWorkflow(r.doc)).toBe(example);
  });

  it('mentions every field of the schema', () => {
    const missing = [...declaredFields(workflowShapeSchema)].filter((f) => !markdown.includes(`\`${f}\``));
    expect(missing).toEqual([]);
  });
});
