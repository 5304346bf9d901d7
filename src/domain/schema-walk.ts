/**
 * Reading the zod schemas as data: which sub-schema describes the value at a path, which keys an object may
 * hold and in what order. Export uses it to write keys in the schemas' declared order (so the file layout
 * follows schema changes by itself); describe-issue uses it to say which fields are allowed where; the
 * inspector uses it to know which control a field needs. Pure, zod only, so it lives with the schemas.
 *
 * Only the constructs the workflow schema uses are understood: objects, arrays, tuples, records, optionals,
 * unions (discriminated or not) and leaves. Anything else is treated as a leaf.
 */
import * as z from 'zod';

type AnySchema = z.core.$ZodType;

/** The schema under optional wrappers: `label: shortText.optional()` describes a string. */
export function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap();
  return s;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Declared keys of an object schema, in declaration order; undefined when the schema is not an object. */
export function objectKeys(schema: AnySchema): readonly string[] | undefined {
  const s = unwrap(schema);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

/**
 * The option of a union that describes `value`: by discriminator for discriminated unions; otherwise the
 * first option of the value's shape (a list for arrays and tuples; for objects, an object schema declaring
 * every key the value has).
 */
export function pickUnionOption(schema: z.ZodUnion, value: unknown): AnySchema | undefined {
  const discriminator: unknown = (schema._zod.def as { discriminator?: unknown }).discriminator;
  const options: readonly AnySchema[] = schema.options;
  if (typeof discriminator === 'string') {
    if (!isPlainObject(value)) return undefined;
    const tag = value[discriminator];
    return options.find((o) => {
      const field = o instanceof z.ZodObject ? unwrap(o.shape[discriminator] as AnySchema) : undefined;
      return field instanceof z.ZodLiteral && field.values.has(tag as z.core.util.Literal);
    });
  }
  if (Array.isArray(value)) return options.find((o) => unwrap(o) instanceof z.ZodArray || unwrap(o) instanceof z.ZodTuple);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return options.find((o) => {
      const declared = objectKeys(o);
      return declared !== undefined && keys.every((k) => declared.includes(k));
    });
  }
  return undefined;
}

/**
 * The schema of `value[key]` given the schema of `value`; undefined when the schema says nothing about it.
 * @example childSchema(workflowShapeSchema, doc, 'nodes') // the nodes array schema
 */
export function childSchema(schema: AnySchema, value: unknown, key: string | number): AnySchema | undefined {
  let s = unwrap(schema);
  if (s instanceof z.ZodUnion) {
    const option = pickUnionOption(s, value);
    if (!option) return undefined;
    s = unwrap(option);
  }
  if (s instanceof z.ZodObject) return typeof key === 'string' && Object.hasOwn(s.shape, key) ? (s.shape[key] as AnySchema) : undefined;
  if (s instanceof z.ZodArray) return s.element as AnySchema;
  if (s instanceof z.ZodTuple) {
    const items = s._zod.def.items as readonly AnySchema[];
    return typeof key === 'number' ? (items[key] ?? s._zod.def.rest ?? undefined) : undefined;
  }
  if (s instanceof z.ZodRecord) return s.valueType as AnySchema;
  return undefined;
}

/**
 * Walk `path` down from (`schema`, `value`) and return the schema there, with the value it describes.
 * @example schemaAt(workflowShapeSchema, doc, ['nodes', 0, 'config']) // the config schema of node 0's kind
 */
export function schemaAt(schema: AnySchema, value: unknown, path: readonly PropertyKey[]): { schema: AnySchema; value: unknown } | undefined {
  let s: AnySchema | undefined = schema;
  let v = value;
  for (const key of path) {
    if (typeof key === 'symbol' || s === undefined) return undefined;
    s = childSchema(s, v, key);
    v = isPlainObject(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[key] : undefined;
  }
  return s ? { schema: s, value: v } : undefined;
}

/**
 * A copy of `value` whose object keys follow the schema's declaration order at every level; record keys are
 * sorted (their order carries no meaning, and a sorted file diffs well). Keys the schema does not declare and
 * undefined values are left out: they cannot survive import, so writing them would make a file that does not
 * read back the same.
 * @example orderBySchema(z.object({ b: z.number(), a: z.number() }), { a: 1, b: 2 }) // { b: 2, a: 1 }
 */
export function orderBySchema(schema: AnySchema, value: unknown): unknown {
  let s = unwrap(schema);
  if (s instanceof z.ZodUnion) {
    const option = pickUnionOption(s, value);
    if (!option) return value;
    s = unwrap(option);
  }
  if (s instanceof z.ZodObject) {
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(s.shape)) {
      const v = value[key];
      if (v !== undefined) out[key] = orderBySchema(child as AnySchema, v);
    }
    return out;
  }
  if (s instanceof z.ZodArray) {
    const element = s.element as AnySchema;
    return Array.isArray(value) ? value.map((v: unknown) => orderBySchema(element, v)) : value;
  }
  if (s instanceof z.ZodTuple) {
    const tuple = s;
    return Array.isArray(value) ? value.map((v: unknown, i) => { const c = childSchema(tuple, value, i); return c ? orderBySchema(c, v) : v; }) : value;
  }
  if (s instanceof z.ZodRecord) {
    if (!isPlainObject(value)) return value;
    const valueType = s.valueType as AnySchema;
    // No prototype: a record key named "__proto__" stays a key instead of replacing the prototype.
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== undefined) out[key] = orderBySchema(valueType, v);
    }
    return out;
  }
  return value;
}

/** Issue codes that mean "this is not the right kind of value at all". */
const STRUCTURAL_CODES: ReadonlySet<string> = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union', 'invalid_value', 'invalid_key', 'invalid_element']);

function isStructuralIssue(issue: z.core.$ZodIssue): boolean {
  // A fractional number where a whole one is required is still a number: a range-like issue.
  if (issue.code === 'invalid_type' && issue.expected === 'int') return false;
  return STRUCTURAL_CODES.has(issue.code);
}

/**
 * A type guard from a schema: true when `value` has the schema's shape, whatever its ranges, lengths, sums and
 * cross-field rules; false for wrong types, NaN, unknown keys and unknown enum values. The inspector commits
 * such values (a probability of 1.3 is kept and shown as invalid), and a design stored mid-edit holds them.
 * @example structuralGuard(edgeSchema)({ ...edge, probability: 1.3 }) // true; with probability NaN: false
 */
export function structuralGuard<S extends z.ZodType>(schema: S): (value: unknown) => value is z.infer<S> {
  return (value: unknown): value is z.infer<S> => {
    const result = schema.safeParse(value);
    return result.success || !result.error.issues.some(isStructuralIssue);
  };
}
