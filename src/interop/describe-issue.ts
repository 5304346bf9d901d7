/**
 * Turn zod issues into Problems a person can act on: the JSON path, what is wrong in a sentence, and what
 * would be right (`"gpt" is not a capability; use one of: llm, classifier, ...`). zod's own messages
 * ("Invalid option: expected one of ...") are written for programmers and say nothing about the document.
 */
import * as z from 'zod';
import { MAX_ID_LENGTH } from '../domain/units.ts';
import type { JsonPath, Problem } from '../domain/problem.ts';
import { codePointLength } from './fast-validate.ts';
import { childSchema, isPlainObject, objectKeys, pickUnionOption, schemaAt, unwrap } from '../domain/schema-walk.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** What the issues are about: the root schema and the raw input it was run on (to name allowed fields). */
export interface IssueContext {
  readonly schema: AnySchema;
  readonly input: unknown;
}

/**
 * Describe every issue of one zod parse; issues that say the same thing about the same path are merged.
 * @example describeIssues(nodeSchema.safeParse(raw, { reportInput: true }).error.issues, { schema: nodeSchema, input: raw })
 *   // [{ path: ['config', 'capability'], code: 'invalid_value', message: '"gpt" is not a capability; use one of: llm, ...' }]
 */
export function describeIssues(issues: readonly Issue[], context: IssueContext): Problem[] {
  const out: Problem[] = [];
  const seenPaths = new Set<string>();
  for (const issue of issues) {
    for (const p of describeIssue(issue, context)) {
      // zod reports a too-large integer twice (safe-integer range, then the schema's maximum); one is enough.
      const key = `${JSON.stringify(p.path)}\u0000${p.code}`;
      if (seenPaths.has(key)) continue;
      seenPaths.add(key);
      out.push(p);
    }
  }
  return out;
}

/**
 * Describe one zod issue; `prefix` is the path of the union an issue was nested in (zod reports union
 * branch issues relative to the union).
 * @example describeIssue({ code: 'too_big', origin: 'number', maximum: 1, inclusive: true, path: ['p'], input: 2, message: '' }, ctx)
 *   // [{ path: ['p'], code: 'too_big', message: '2 is too large; the largest allowed is 1' }]
 */
export function describeIssue(issue: Issue, context: IssueContext, prefix: JsonPath = []): Problem[] {
  const path: JsonPath = [...prefix, ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))];
  const input = issue.input;
  const problem = (code: string, message: string, at: JsonPath = path): Problem[] => [{ path: at, code, message }];

  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return problem('missing', `is required but missing; expected ${typeNoun(issue.expected)}`);
      if (typeof input === 'number' && !Number.isFinite(input)) {
        return problem('non-finite', 'is not a finite number (too large to represent); use a number within range');
      }
      if (issue.expected === 'int' && typeof input === 'number') return problem('not-integer', `${input} is not a whole number`);
      return problem('invalid_type', `expected ${typeNoun(issue.expected)}, got ${describeValue(input)}`);
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      if (values.length === 1) return problem('invalid_value', `must be ${JSON.stringify(issue.values[0])}, not ${describeValue(input)}`);
      const noun = fieldNoun(context, path);
      const what = typeof input === 'string' ? JSON.stringify(truncate(input)) : describeValue(input);
      return problem('invalid_value', `${what} is not ${withArticle(noun)}; use one of: ${values.join(', ')}`);
    }
    case 'too_big':
      return problem(issue.origin === 'string' && issue.maximum === MAX_ID_LENGTH ? 'limit-id-length' : 'too_big', tooBig(issue, input));
    case 'too_small':
      return problem('too_small', tooSmall(issue, input));
    case 'unrecognized_keys': {
      const allowed = allowedKeys(context, path);
      const hint = allowed ? `; allowed here: ${allowed.join(', ')}` : '';
      return issue.keys.map((key) => ({ path: [...path, key], code: 'unknown-key', message: `unknown field "${truncate(key)}"${hint}` }));
    }
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? 'it is not allowed';
      return problem('invalid-key', `"${truncate(String(path[path.length - 1] ?? ''))}" is not a valid name here: ${reason}`);
    }
    case 'invalid_union':
      return describeUnion(issue, context, path, prefix);
    case 'invalid_format':
      return problem('invalid-format', `${describeValue(input)} is not valid: ${issue.message}`);
    case 'custom': {
      const params: unknown = issue.params;
      const code = isPlainObject(params) && typeof params.code === 'string' ? params.code : 'invalid';
      return problem(code, issue.message);
    }
    case 'not_multiple_of':
      return problem('not-multiple', `${describeValue(input)} must be a multiple of ${String(issue.divisor)}`);
    default:
      return problem(issue.code, issue.message);
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig, input: unknown): string {
  const max = Number(issue.maximum);
  switch (issue.origin) {
    case 'string': {
      const len = typeof input === 'string' ? codePointLength(input) : undefined;
      if (max === MAX_ID_LENGTH) return `id is ${len ?? 'over ' + max} characters long; ids are limited to ${MAX_ID_LENGTH} characters`;
      return `is ${len ?? 'more than ' + max} characters long; the limit is ${max}`;
    }
    case 'array':
    case 'set':
      return `has ${Array.isArray(input) ? input.length : 'more than ' + max} items; the limit is ${max}`;
    case 'int':
      return `${describeValue(input)} is too large to be an exact whole number`;
    default:
      return issue.inclusive ? `${describeValue(input)} is too large; the largest allowed is ${max}` : `${describeValue(input)} is too large; it must be less than ${max}`;
  }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, input: unknown): string {
  const min = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return min === 1 ? 'must not be empty' : `is ${typeof input === 'string' ? codePointLength(input) : 'fewer than ' + min} characters long; at least ${min} are needed`;
    case 'array':
    case 'set':
      return `needs at least ${min} item${min === 1 ? '' : 's'}`;
    case 'int':
      return `${describeValue(input)} is too small to be an exact whole number`;
    default:
      return issue.inclusive ? `${describeValue(input)} is too small; the smallest allowed is ${min}` : `${describeValue(input)} is too small; it must be greater than ${min}`;
  }
}

/** Issues zod counts as "the value is not even of this branch's shape". */
const SHAPE_CODES: ReadonlySet<string> = new Set(['invalid_type', 'invalid_value', 'unrecognized_keys', 'invalid_union']);

function describeUnion(issue: z.core.$ZodIssueInvalidUnion, context: IssueContext, path: JsonPath, prefix: JsonPath): Problem[] {
  const { input } = issue;
  // Discriminated unions: the tag is unknown or missing. zod puts the tag's name at the end of the path.
  const tagged = issue as z.core.$ZodIssueInvalidUnion & { note?: string; discriminator?: string; options?: readonly unknown[] };
  if (tagged.note === 'No matching discriminator' && typeof tagged.discriminator === 'string') {
    const options = (tagged.options ?? []).map((o) => String(o)).join(', ');
    const objectPath = path.slice(0, -1);
    if (!isPlainObject(input)) return [{ path: objectPath, code: 'invalid_type', message: `expected an object, got ${describeValue(input)}` }];
    const tag = input[tagged.discriminator];
    if (tag === undefined) return [{ path, code: 'missing', message: `is required but missing; use one of: ${options}` }];
    return [{ path, code: 'invalid_value', message: `${describeValue(tag)} is not a known ${words(tagged.discriminator)}; use one of: ${options}` }];
  }
  // Plain unions: report the branch the value was closest to, if one fits its shape; else say what would fit.
  let best: readonly Issue[] | undefined;
  let bestScore = Infinity;
  for (const branch of issue.errors) {
    const shapeMisses = branch.filter((i) => i.path.length === 0 && SHAPE_CODES.has(i.code)).length;
    const score = shapeMisses * 1000 + branch.length;
    if (score < bestScore) {
      bestScore = score;
      best = branch;
    }
  }
  if (best && bestScore < 1000) {
    const unionPath = [...prefix, ...issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k))];
    return best.flatMap((i) => describeIssue(i, context, unionPath));
  }
  const here = schemaAt(context.schema, context.input, path);
  const union = here ? unwrap(here.schema) : undefined;
  const options: readonly AnySchema[] = union instanceof z.ZodUnion ? union.options : [];
  const singleFields = options.map((o) => objectKeys(o)).filter((k) => k?.length === 1).map((k) => `"${k?.[0] ?? ''}"`);
  const expected =
    options.length > 0 && singleFields.length === options.length
      ? `an object with exactly one of the fields ${singleFields.join(', ')}`
      : options.length > 0
        ? options.map(describeForm).join(', or ')
        : 'a different value';
  return [{ path, code: 'invalid_union', message: `does not match any allowed form: expected ${expected}, got ${describeValue(input)}` }];
}

/** A few words for one branch of a union: "an object with the field node", "one of: off, info". */
function describeForm(schema: AnySchema): string {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const keys = Object.keys(s.shape);
    return keys.length === 1 ? `an object with the field "${keys[0]}"` : `an object with the fields ${keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (s instanceof z.ZodEnum) return `one of: ${s.options.map(String).join(', ')}`;
  if (s instanceof z.ZodTuple) return `a list of ${s._zod.def.items.length} items`;
  if (s instanceof z.ZodArray) return 'a list';
  if (s instanceof z.ZodString) return 'text';
  if (s instanceof z.ZodNumber) return 'a number';
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodLiteral) return [...s.values].map((v) => JSON.stringify(v)).join(' or ');
  return 'another form';
}

function allowedKeys(context: IssueContext, path: JsonPath): readonly string[] | undefined {
  const here = schemaAt(context.schema, context.input, path);
  if (!here) return undefined;
  // A discriminated union (a node, a distribution) resolves by its tag to one option.
  const s = resolveUnion(here.schema, here.value);
  if (s instanceof z.ZodUnion) {
    // A union of objects (a fault target): every option's fields are candidates.
    const keys = s.options.flatMap((o) => objectKeys(o) ?? []);
    return keys.length > 0 ? [...new Set(keys)] : undefined;
  }
  return objectKeys(s);
}

/** How people call the value a field holds, from the path's last name: "sideEffect" -> "side effect". */
const FIELD_NOUNS: Readonly<Record<string, string>> = {
  errorEquals: 'error type',
  error: 'error type',
  op: 'comparison operator',
  kind: 'node kind',
  metric: 'metric',
  // lint.rules.<id> is a severity or [severity, options].
  rules: 'severity',
};

/** The noun for the value at `path`: named after the nearest key that is a declared field (not a record key or index). */
function fieldNoun(context: IssueContext, path: JsonPath): string {
  let noun = 'value';
  let schema: AnySchema | undefined = context.schema;
  let value = context.input;
  for (const key of path) {
    if (!schema) break;
    if (typeof key === 'string' && objectKeys(resolveUnion(schema, value)) !== undefined) noun = FIELD_NOUNS[key] ?? words(key);
    schema = childSchema(schema, value, key);
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return noun;
}

function resolveUnion(schema: AnySchema, value: unknown): AnySchema {
  const s = unwrap(schema);
  return s instanceof z.ZodUnion ? (pickUnionOption(s, value) ?? s) : s;
}

function words(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  tuple: 'a list',
  record: 'an object',
};

function typeNoun(expected: string): string {
  return TYPE_NOUNS[expected] ?? withArticle(expected);
}

function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * The value as a person would name it in a sentence.
 * @example describeValue('12') // 'the text "12"'
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the text ${JSON.stringify(truncate(v))}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  return 'an object';
}
