/**
 * The published JSON Schema of the document (docs/workflow.schema.json), generated from the zod schema so the
 * two cannot drift; scripts/generate-schema.ts writes it and `npm run schema:check` fails when it is stale.
 * Cross-reference rules (unique ids, dangling edges, probabilities summing to 1) are not expressible in JSON
 * Schema; the description says so, and `baton validate` checks them.
 */
import * as z from 'zod';
import * as domain from '../domain/index.ts';
import { CURRENT_SCHEMA_VERSION, workflowShapeSchema } from '../domain/workflow.schema.ts';

export const WORKFLOW_SCHEMA_ID = `urn:baton:workflow:v${CURRENT_SCHEMA_VERSION}`;

/**
 * @example JSON.parse(renderWorkflowJsonSchema()).title // "Baton workflow"
 */
export function buildWorkflowJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(workflowShapeSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', metadata: namedDefinitions() });
  // $schema first, then identity, then the generated body: a stable, readable head of the file.
  const { $schema, ...body } = generated;
  return {
    $schema,
    $id: WORKFLOW_SCHEMA_ID,
    title: 'Baton workflow',
    description:
      `A Baton workflow document (format "baton.workflow", schemaVersion ${CURRENT_SCHEMA_VERSION}); see docs/workflow-format.md. ` +
      'Generated from the zod schema in src/domain. Durations are in seconds, money in USD, probabilities in [0, 1]. ' +
      'Some rules cannot be written in JSON Schema and are checked by import and `baton validate` only: unique ids, edges between ' +
      'existing nodes and ports, outcome probabilities summing to 1, min <= max in distributions, and the file limits (10 MB, nesting 64).',
    ...body,
  };
}

/**
 * Every schema the domain exports as `fooBarSchema` becomes the definition "FooBar" in $defs, so a node's kind,
 * a distribution or a retrier is written once and read by name (the default inlines them: 110 KB, unreadable).
 */
function namedDefinitions(): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(domain)) {
    if (!(value instanceof z.ZodType) || !name.endsWith('Schema') || name.startsWith('workflow')) continue;
    // One schema exported under two names (toolOutcomesSchema = aiOutcomesSchema) keeps the first.
    if (registry.has(value)) continue;
    const id = name.charAt(0).toUpperCase() + name.slice(1, -'Schema'.length);
    registry.add(value, { id });
  }
  return registry;
}

/** The file's exact text: 2-space JSON with a trailing newline. */
export function renderWorkflowJsonSchema(): string {
  return `${JSON.stringify(buildWorkflowJsonSchema(), null, 2)}\n`;
}
