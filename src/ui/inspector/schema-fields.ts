/**
 * The zod schemas of src/domain read as form metadata: which control a field needs (select with the enum's
 * options, checkbox, number, one line or a text area), and whether it may be left empty. Forms name their
 * fields by path and get the rest from here, so a new enum value or a field that becomes optional shows up
 * in the inspector without touching it.
 *
 * Understands what the workflow schema uses: objects, arrays, optionals and unions (discriminated by `type`
 * or `kind`, or plain unions of objects told apart by their keys).
 */
import * as z from 'zod';
import { pickUnionOption, schemaAt as walk, unwrap } from '../../domain/schema-walk.ts';
import { getIn, type FieldPath } from './path-data.ts';

type AnySchema = z.core.$ZodType;

/** Texts longer than a label (descriptions, purposes, notes) get a text area. */
const MULTILINE_ABOVE = 200;

export type LeafInfo =
  | { readonly control: 'select'; readonly options: readonly string[]; readonly optional: boolean }
  | { readonly control: 'checkbox'; readonly optional: boolean }
  | { readonly control: 'number'; readonly integer: boolean; readonly optional: boolean }
  | { readonly control: 'text' | 'textarea'; readonly optional: boolean }
  | { readonly control: 'none'; readonly optional: boolean };

/** The schema under optional wrappers, and whether there was one. */
function optionality(schema: AnySchema): { schema: AnySchema; optional: boolean } {
  return { schema: unwrap(schema), optional: schema instanceof z.ZodOptional };
}

/** The object/array schema under optionals and unions, chosen by the value it describes. */
function resolve(schema: AnySchema, value: unknown): AnySchema | undefined {
  const s = unwrap(schema);
  return s instanceof z.ZodUnion ? pickUnionOption(s, value) : s;
}

/**
 * The schema of the value at `path` inside `root` (described by `schema`).
 * @example schemaAt(nodeSchema, aiNode, ['config', 'capability']) // the z.enum(AI_CAPABILITIES) schema
 */
export function schemaAt(schema: AnySchema, root: unknown, path: FieldPath): AnySchema | undefined {
  return walk(schema, root, path)?.schema;
}

/** The keys an object schema declares at `path`, in declaration order (to lay a config form out). */
export function keysAt(schema: AnySchema, root: unknown, path: FieldPath): readonly string[] {
  const s = schemaAt(schema, root, path);
  const r = s === undefined ? undefined : resolve(s, getIn(root, path));
  return r instanceof z.ZodObject ? Object.keys(r.shape) : [];
}

/** Which control edits a leaf schema. */
export function leafInfo(schema: AnySchema | undefined): LeafInfo {
  if (schema === undefined) return { control: 'none', optional: true };
  const { schema: s, optional } = optionality(schema);
  if (s instanceof z.ZodEnum) return { control: 'select', options: s.options.map(String), optional };
  if (s instanceof z.ZodBoolean) return { control: 'checkbox', optional };
  if (s instanceof z.ZodNumber) return { control: 'number', integer: s.isInt, optional };
  if (s instanceof z.ZodString) return { control: (s.maxLength ?? Infinity) > MULTILINE_ABOVE ? 'textarea' : 'text', optional };
  return { control: 'none', optional };
}

/** Is the value at `path` described by an object schema that declares `key`? (Does this node kind have a stub?) */
export function declares(schema: AnySchema, root: unknown, path: FieldPath, key: string): boolean {
  return keysAt(schema, root, path).includes(key);
}

/** Is the schema at `path` (optional or not) exactly `target`? (Is this stub field a distribution?) */
export function isSchemaAt(schema: AnySchema, root: unknown, path: FieldPath, target: AnySchema): boolean {
  const s = schemaAt(schema, root, path);
  return s !== undefined && unwrap(s) === target;
}

