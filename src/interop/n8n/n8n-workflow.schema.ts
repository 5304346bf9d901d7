/**
 * The parts of an n8n workflow export the importer reads. Lenient where n8n is (unknown keys are ignored: n8n
 * adds fields between versions), strict where a wrong type would mislead (a node needs a name and a type, a
 * connection names its target). Parsing is per node and per connection, so one broken entry is reported and
 * left out instead of sinking the whole file.
 */
import * as z from 'zod';
import { isPlainObject } from '../../domain/schema-walk.ts';

const finite = z.number();

export const n8nNodeSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  type: z.string().min(1),
  typeVersion: finite.optional(),
  position: z.tuple([finite, finite]).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  disabled: z.boolean().optional(),
  notes: z.string().optional(),
  retryOnFail: z.boolean().optional(),
  maxTries: finite.nullable().optional(),
  waitBetweenTries: finite.nullable().optional(),
  onError: z.string().optional(),
  continueOnFail: z.boolean().optional(),
});
export type N8nNode = z.infer<typeof n8nNodeSchema>;

export const n8nConnectionSchema = z.object({
  node: z.string(),
  type: z.string(),
  index: z.number().int().min(0).max(1000),
});
export type N8nConnection = z.infer<typeof n8nConnectionSchema>;

/** One output of a node: the connections leaving it (n8n writes null for an output with none). */
export const n8nOutputSchema = z.array(n8nConnectionSchema).nullable();

export const n8nWorkflowSchema = z.object({
  name: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  nodes: z.array(z.unknown()),
  connections: z.record(z.string(), z.unknown()),
  settings: z.object({ executionOrder: z.string().optional(), errorWorkflow: z.unknown().optional() }).optional(),
});

/** The minimum that makes a JSON value an n8n workflow: nodes that carry a type, and a connections object. */
const n8nSignatureSchema = z.object({
  nodes: z.array(z.object({ type: z.string() })),
  connections: z.record(z.string(), z.unknown()),
});

/**
 * Does this parsed JSON look like an n8n workflow? n8n's export is an object with a `nodes` list and a
 * `connections` object, and its nodes carry a `type` such as "n8n-nodes-base.set"; a Baton document has a
 * `format` field instead. Decided from the content, never from a file name.
 * @example looksLikeN8n({ nodes: [], connections: {} }) // true
 */
export function looksLikeN8n(value: unknown): boolean {
  return isPlainObject(value) && value['format'] === undefined && n8nSignatureSchema.safeParse(value).success;
}
