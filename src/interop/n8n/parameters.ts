/**
 * Reading n8n node parameters, which are free-form JSON: small total functions that return a value of the
 * expected type or undefined, and turn n8n's expressions and conditions into short text for people.
 */
import { isPlainObject } from '../../domain/schema-walk.ts';

export type Params = Readonly<Record<string, unknown>>;

export function str(params: Params | undefined, key: string): string | undefined {
  const v = params?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(params: Params | undefined, key: string): number | undefined {
  const v = params?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(params: Params | undefined, key: string): boolean | undefined {
  const v = params?.[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function obj(params: Params | undefined, key: string): Params | undefined {
  const v = params?.[key];
  return isPlainObject(v) ? v : undefined;
}

export function list(params: Params | undefined, key: string): readonly unknown[] {
  const v = params?.[key];
  return Array.isArray(v) ? v : [];
}

export function objects(values: readonly unknown[]): Params[] {
  return values.filter(isPlainObject);
}

/** A value at a path of keys, or undefined. */
export function at(params: Params | undefined, ...path: string[]): unknown {
  let v: unknown = params;
  for (const k of path) {
    if (!isPlainObject(v)) return undefined;
    v = v[k];
  }
  return v;
}

/**
 * A resource-locator value ({ __rl: true, value, cachedResultName }) or a plain string, as text.
 * @example locatorText({ __rl: true, mode: 'list', value: 'gpt-4o-mini' }) // "gpt-4o-mini"
 */
export function locatorText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isPlainObject(v)) {
    const cached = v['cachedResultName'];
    const value = v['value'];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof cached === 'string') return cached;
  }
  return undefined;
}

/** Is this an n8n expression ("={{ ... }}") rather than a literal? */
export function isExpression(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('=');
}

/**
 * An expression or literal as people read it: "={{ $json.email }}" -> "$json.email".
 * @example readable('={{ $json.body.text }}') // "$json.body.text"
 */
export function readable(v: unknown, max = 120): string {
  let s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  if (s.startsWith('=')) s = s.slice(1);
  s = s.replace(/\{\{\s*([\s\S]*?)\s*\}\}/g, '$1').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Clip text to a schema limit, saying so at the end. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

const OPERATION_WORDS: Readonly<Record<string, string>> = {
  equals: '=',
  notEquals: '≠',
  equal: '=',
  notEqual: '≠',
  larger: '>',
  gt: '>',
  largerEqual: '≥',
  gte: '≥',
  smaller: '<',
  lt: '<',
  smallerEqual: '≤',
  lte: '≤',
};

/** One condition of an If, Switch or Filter (versions 1 and 2), as text. */
function conditionText(c: Params, type?: string): string {
  // Version 2: { leftValue, rightValue, operator: { operation, singleValue } }
  const operator = obj(c, 'operator');
  if (operator) {
    const op = str(operator, 'operation') ?? '';
    const left = readable(c['leftValue'], 60);
    const word = OPERATION_WORDS[op] ?? op;
    return bool(operator, 'singleValue') === true || c['rightValue'] === undefined || c['rightValue'] === '' ? `${left} ${word}` : `${left} ${word} ${readable(c['rightValue'], 60)}`;
  }
  // Version 1: { value1, operation, value2 }
  const op = str(c, 'operation') ?? 'equal';
  const word = OPERATION_WORDS[op] ?? op;
  // Version 1 boolean conditions compare with false unless value2 is set.
  if (type === 'boolean' && c['value2'] === undefined) return `${readable(c['value1'], 60)} ${word} false`;
  return c['value2'] === undefined ? `${readable(c['value1'], 60)} ${word}` : `${readable(c['value1'], 60)} ${word} ${readable(c['value2'], 60)}`;
}

/**
 * The conditions of an If, Filter or Switch rule as one line: "$json.status = approved and $json.total > 100".
 * Handles version 2 ({ conditions: [...], combinator }) and version 1 ({ string: [...], number: [...] }).
 */
export function conditionsText(conditions: unknown): string {
  if (!isPlainObject(conditions)) return '';
  const v2 = list(conditions, 'conditions');
  if (v2.length > 0) {
    const combinator = str(conditions, 'combinator') === 'or' ? ' or ' : ' and ';
    return objects(v2).map((c) => conditionText(c)).join(combinator);
  }
  const parts: string[] = [];
  for (const key of ['boolean', 'number', 'string', 'dateTime']) parts.push(...objects(list(conditions, key)).map((c) => conditionText(c, key)));
  return parts.join(' and ');
}
