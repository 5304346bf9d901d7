/**
 * The `lint` field: analyzer configuration that travels with the document, so a team's decisions
 * ("this rule is off here, for this reason") survive export, import and the CLI.
 */
import * as z from 'zod';
import { id } from './units.ts';

export const LINT_PRESETS = ['recommended', 'strict', 'structure'] as const;
export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** Rule ids are kebab-case, as their file names. */
const ruleId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'rule ids are kebab-case, like "missing-timeout"');
/** Options a rule takes: flat numbers, strings and booleans (every threshold is an option). */
const ruleOptions = z.record(z.string().max(64), z.union([z.number(), z.string().max(200), z.boolean()]));

export const ruleSettingSchema = z.union([severitySchema, z.tuple([severitySchema, ruleOptions])]);

export const suppressionSchema = z.strictObject({
  ruleId,
  /** The node (or edge) the finding is about; omit both to suppress the rule's workflow-level findings. */
  nodeId: id.optional(),
  edgeId: id.optional(),
  /** Why: a suppression without a reason is a finding waiting to come back. */
  reason: z.string().min(1).max(500),
});

export const lintConfigSchema = z.strictObject({
  preset: z.enum(LINT_PRESETS).optional(),
  rules: z.record(ruleId, ruleSettingSchema).optional(),
  suppressions: z.array(suppressionSchema).max(1000).optional(),
});

export type LintPreset = (typeof LINT_PRESETS)[number];
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type Suppression = z.infer<typeof suppressionSchema>;
export type LintConfig = z.infer<typeof lintConfigSchema>;
