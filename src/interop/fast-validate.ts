/**
 * A yes/no validator compiled from a zod schema, for import's common case: a file that is valid.
 *
 * zod builds detailed issues and a fresh copy of every object as it goes; that is what the problem report
 * needs, but it is most of import's time on a valid file (about 5 ms of 10 for 1,000 nodes). This validator
 * answers only "would zod accept this value?", from the same schema objects (so zod stays the single source of
 * truth), with plain closures. Import runs it first and calls zod only when the answer is no, to describe why.
 *
 * Soundness rule: it may only say yes when zod would. Anything it does not fully understand (a refinement,
 * an unknown check, a non-strict object, a transform) is handed to zod itself for that subtree. The equivalence
 * is tested on thousands of valid and mutated documents (test/interop/fast-validate.test.ts).
 */
import * as z from 'zod';

type AnySchema = z.core.$ZodType;
type Check = (v: unknown) => boolean;

/** What the checks of a string, number or array schema say, when all of them are understood. */
interface Bounds {
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
  minLength?: number;
  maxLength?: number;
  safeInt?: boolean;
  patterns: RegExp[];
}

const compiled = new WeakMap<AnySchema, Check>();

/**
 * A type guard that says exactly whether `schema` accepts a value (for the schemas of the workflow format).
 * @example const isPosition = compileValidator(positionSchema); isPosition({ x: 1, y: 2 }) // true
 */
export function compileValidator<T>(schema: z.ZodType<T>): (v: unknown) => v is T {
  const check = compile(schema);
  return (v: unknown): v is T => check(v);
}

function compile(schema: AnySchema): Check {
  const known = compiled.get(schema);
  if (known) return known;
  // Placeholder first, so a recursive schema refers to itself instead of recursing forever.
  const cell: { check?: Check } = {};
  compiled.set(schema, (v) => (cell.check ?? byZod(schema))(v));
  const built = build(schema);
  cell.check = built;
  compiled.set(schema, built);
  return built;
}

function byZod(schema: AnySchema): Check {
  return (v) => z.safeParse(schema, v).success;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read the checks of a leaf or array schema; undefined when one of them is not understood. */
function readBounds(schema: AnySchema): Bounds | undefined {
  const bounds: Bounds = { patterns: [] };
  for (const c of schema._zod.def.checks ?? []) {
    const d = c._zod.def as { check: string; value?: unknown; inclusive?: boolean; minimum?: unknown; maximum?: unknown; format?: string; pattern?: unknown };
    if (d.check === 'greater_than' && typeof d.value === 'number') bounds.min = { value: d.value, inclusive: d.inclusive === true };
    else if (d.check === 'less_than' && typeof d.value === 'number') bounds.max = { value: d.value, inclusive: d.inclusive === true };
    else if (d.check === 'min_length' && typeof d.minimum === 'number') bounds.minLength = d.minimum;
    else if (d.check === 'max_length' && typeof d.maximum === 'number') bounds.maxLength = d.maximum;
    else if (d.check === 'number_format' && d.format === 'safeint') bounds.safeInt = true;
    else if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) bounds.patterns.push(d.pattern);
    else return undefined;
  }
  return bounds;
}

function lengthOk(b: Bounds, length: number): boolean {
  return (b.minLength === undefined || length >= b.minLength) && (b.maxLength === undefined || length <= b.maxLength);
}

/**
 * Length of a string in Unicode code points, as zod measures strings (an emoji is 1, not 2; a lone surrogate is 1).
 * @example codePointLength('a😀') // 2
 */
export function codePointLength(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** zod's string length rule: UTF-16 units decide when they can, code points when the answer depends on them. */
function stringLengthOk(b: Bounds, s: string): boolean {
  const units = s.length;
  if (b.maxLength !== undefined && units > b.maxLength && codePointLength(s) > b.maxLength) return false;
  if (b.minLength !== undefined && units < b.minLength * 2 && (units < b.minLength || codePointLength(s) < b.minLength)) return false;
  return true;
}

function build(schema: AnySchema): Check {
  const def = schema._zod.def;
  // Types whose checks are all structural are compiled; any other check (a refinement) goes to zod whole.
  const bounds = def.type === 'object' || def.type === 'union' || def.type === 'optional' ? { patterns: [] } : readBounds(schema);
  if (!bounds) return byZod(schema);

  if (schema instanceof z.ZodOptional) {
    const inner = compile(schema.unwrap() as AnySchema);
    return (v) => v === undefined || inner(v);
  }
  if (schema instanceof z.ZodString) {
    const { patterns } = bounds;
    return (v) => {
      if (typeof v !== 'string' || !stringLengthOk(bounds, v)) return false;
      for (const p of patterns) {
        p.lastIndex = 0;
        if (!p.test(v)) return false;
      }
      return true;
    };
  }
  if (schema instanceof z.ZodNumber) {
    const { min, max, safeInt } = bounds;
    return (v) =>
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (!safeInt || Number.isSafeInteger(v)) &&
      (min === undefined || (min.inclusive ? v >= min.value : v > min.value)) &&
      (max === undefined || (max.inclusive ? v <= max.value : v < max.value));
  }
  if (schema instanceof z.ZodBoolean && bounds.patterns.length === 0) return (v) => typeof v === 'boolean';
  if (schema instanceof z.ZodLiteral) {
    const values: ReadonlySet<unknown> = schema.values;
    return (v) => values.has(v);
  }
  if (schema instanceof z.ZodEnum) {
    const values: ReadonlySet<unknown> = new Set(schema.options);
    return (v) => values.has(v);
  }
  if (schema instanceof z.ZodArray) {
    const element = compile(schema.element as AnySchema);
    return (v) => Array.isArray(v) && lengthOk(bounds, v.length) && v.every(element);
  }
  if (schema instanceof z.ZodTuple) {
    const items = (schema._zod.def.items as readonly AnySchema[]).map(compile);
    const optionalItem = (schema._zod.def.items as readonly AnySchema[]).some((i) => i instanceof z.ZodOptional);
    if (schema._zod.def.rest || optionalItem) return byZod(schema);
    return (v) => Array.isArray(v) && v.length === items.length && items.every((item, i) => item(v[i]));
  }
  if (schema instanceof z.ZodRecord) {
    const key = compile(schema.keyType as AnySchema);
    const value = compile(schema.valueType as AnySchema);
    if (!(schema.keyType instanceof z.ZodString)) return byZod(schema);
    return (v) => isPlainObject(v) && Object.keys(v).every((k) => key(k) && value(v[k]));
  }
  if (schema instanceof z.ZodObject) return compileObject(schema);
  if (schema instanceof z.ZodUnion) return compileUnion(schema);
  return byZod(schema);
}

function compileObject(schema: z.ZodObject): Check {
  const catchall = schema._zod.def.catchall as AnySchema | undefined;
  // Only strict objects output exactly their input; a stripping object would drop keys, which zod must do.
  if (!(catchall instanceof z.ZodNever)) return byZod(schema);
  const fields = Object.entries(schema.shape).map(([key, s]) => ({ key, check: compile(s as AnySchema), optional: s instanceof z.ZodOptional }));
  const declared = new Set(fields.map((f) => f.key));
  const structural: Check = (v) => {
    if (!isPlainObject(v)) return false;
    for (const f of fields) {
      const value = v[f.key];
      if (value === undefined ? !f.optional : !f.check(value)) return false;
    }
    for (const k in v) if (!declared.has(k)) return false;
    return true;
  };
  // Refinements (min <= max, probabilities summing to 1) run in zod, after the cheap structural answer.
  if ((schema._zod.def.checks ?? []).length === 0) return structural;
  const refined = byZod(schema);
  return (v) => structural(v) && refined(v);
}

function compileUnion(schema: z.ZodUnion): Check {
  if ((schema._zod.def.checks ?? []).length > 0) return byZod(schema);
  const options = schema.options as readonly AnySchema[];
  const discriminator: unknown = (schema._zod.def as { discriminator?: unknown }).discriminator;
  if (typeof discriminator === 'string') {
    const byTag = new Map<unknown, Check>();
    for (const o of options) {
      const tag = o instanceof z.ZodObject ? (o.shape[discriminator] as AnySchema | undefined) : undefined;
      if (!(tag instanceof z.ZodLiteral)) return byZod(schema);
      for (const value of tag.values) byTag.set(value, compile(o));
    }
    return (v) => isPlainObject(v) && (byTag.get(v[discriminator]) ?? never)(v);
  }
  const checks = options.map(compile);
  return (v) => checks.some((c) => c(v));
}

const never: Check = () => false;
