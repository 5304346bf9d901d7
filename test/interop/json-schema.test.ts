import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS, workflowShapeSchema } from '../../src/domain/index.ts';
import { buildWorkflowJsonSchema, renderWorkflowJsonSchema, WORKFLOW_SCHEMA_ID } from '../../src/interop/json-schema.ts';

const committed = readFileSync(new URL('../../docs/workflow.schema.json', import.meta.url), 'utf8');

describe('the published JSON Schema', () => {
  it('is what the generator produces today (run "npm run schema" when this fails)', () => {
    expect(committed).toBe(renderWorkflowJsonSchema());
  });

  it('names itself and declares draft 2020-12', () => {
    const schema = buildWorkflowJsonSchema();
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: WORKFLOW_SCHEMA_ID, title: 'Baton workflow' });
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
  });

  it('has the zod shape at the top, strict (no unknown keys), with the required fields', () => {
    const schema = JSON.parse(committed) as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(Object.keys(workflowShapeSchema.shape));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'schemaVersion', 'id', 'name', 'nodes', 'edges']);
  });

  it('defines every node kind once, by name', () => {
    const defs = (JSON.parse(committed) as { $defs: Record<string, { properties?: { kind?: { const?: string } } }> }).$defs;
    const kinds = Object.values(defs).map((d) => d.properties?.kind?.const).filter((k) => k !== undefined);
    expect(kinds.sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['Distribution', 'Retrier', 'Catcher', 'CircuitBreaker', 'AiOutcomes', 'Edge', 'Scenario']));
  });
});
