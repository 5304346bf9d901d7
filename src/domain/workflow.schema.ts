/**
 * The workflow document, format "baton.workflow" (shared/spec/workflow-format.md; user docs in
 * docs/workflow-format.md). This schema is the single source of truth: types come from z.infer, the published
 * JSON Schema (docs/workflow.schema.json) is generated from it, and import validates against it.
 *
 * No `.default()` anywhere: what a file says is what it holds, so import -> export is byte-identical.
 */
import * as z from 'zod';
import { edgeSchema } from './edge.schema.ts';
import { checkIntegrity } from './integrity.ts';
import { lintConfigSchema } from './lint-config.schema.ts';
import { nodeSchema } from './node.schema.ts';
import { scenarioSchema } from './scenario.schema.ts';
import { id, longText, MAX_COUNT, positiveSeconds, shortText, usd } from './units.ts';

export const WORKFLOW_FORMAT = 'baton.workflow';
/** The schemaVersion this build writes. Older versions are migrated on import; newer ones are refused. */
export const CURRENT_SCHEMA_VERSION = 2;

export const MAX_NODES = 10_000;
export const MAX_EDGES = 50_000;
export const MAX_SCENARIOS = 100;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;

/** The task the workflow automates; the analyzer judges over-engineering against it. */
export const profileSchema = z.strictObject({
  /** Minutes a person takes to do the task by hand. */
  effortMinutes: z.number().min(0).max(100_000).optional(),
  /** How bad a wrong result is. */
  risk: z.enum(RISK_LEVELS).optional(),
  runsPerDay: z.number().min(0).max(MAX_COUNT).optional(),
  slaSeconds: positiveSeconds.optional(),
  budgetPerRun: usd.optional(),
  /** How many distinct results the task must produce. */
  outputs: z.number().int().min(1).max(1000).optional(),
  /** How many kinds of input it reads (text, image, audio...). */
  inputModalities: z.number().int().min(1).max(100).optional(),
});

/** How failures are watched outside the graph: a platform's failure handler (n8n's error workflow). */
export const monitoringSchema = z.strictObject({
  /** Every failed case raises an alert through something outside the drawn steps. */
  alertOnFailure: z.boolean(),
  /** What raises it, in words (e.g. "n8n error workflow 4fT2x"). */
  via: shortText.optional(),
});

export const metaSchema = z.strictObject({
  createdAt: z.string().max(64).optional(),
  updatedAt: z.string().max(64).optional(),
  generator: z.string().max(200).optional(),
});

/** The document's shape, without cross-reference checks (used by the JSON Schema generator). */
export const workflowShapeSchema = z.strictObject({
  format: z.literal(WORKFLOW_FORMAT),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id,
  name: shortText,
  description: longText.optional(),
  profile: profileSchema.optional(),
  nodes: z.array(nodeSchema).max(MAX_NODES),
  edges: z.array(edgeSchema).max(MAX_EDGES),
  scenarios: z.array(scenarioSchema).max(MAX_SCENARIOS).optional(),
  lint: lintConfigSchema.optional(),
  monitoring: monitoringSchema.optional(),
  meta: metaSchema.optional(),
});

/** The whole contract: shape plus integrity (unique ids, no dangling edges, ports that exist...). */
export const workflowSchema = workflowShapeSchema.superRefine((doc, ctx) => {
  for (const p of checkIntegrity(doc)) {
    ctx.addIssue({ code: 'custom', path: [...p.path], message: p.message, params: { code: p.code } });
  }
});

export type Workflow = z.infer<typeof workflowShapeSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Monitoring = z.infer<typeof monitoringSchema>;
export type RiskLevel = (typeof RISK_LEVELS)[number];
