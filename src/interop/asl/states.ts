/**
 * Pieces of Amazon States Language that src/interop/asl/export.ts writes: Choice rules for Baton conditions, Retry
 * entries for retriers, error names, whole seconds, and what each data step becomes (a Task or a Pass state).
 */
import type { Condition, DataOperation, ErrorMatcher, Retrier } from '../../domain/index.ts';

/** ASL limits: state names up to 80 characters; integer seconds up to 99999999. */
export const MAX_NAME = 80;
const MAX_SECONDS = 99_999_999;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type State = { [key: string]: Json };

/** Data steps that run code outside the state machine's data: Lambda tasks, with what the function does. */
export const DATA_CALLS = { code: 'a script run on the item', convert: 'a conversion of the item (HTML, Markdown, XML, dates, files)', file: 'a file read or written' } as const;
/** Data steps that are pure transforms of the item (or a wait): Pass states, with the transform to write. */
export const DATA_PASSES: Readonly<Record<Exclude<DataOperation, keyof typeof DATA_CALLS>, string>> = {
  set: 'set, rename or remove fields (write it as Parameters or JSONata Output)',
  merge: 'combine the items (Parameters or JSONata Output)',
  split: 'one item into many (an array for the next Map state)',
  aggregate: 'many items into one (Parameters or JSONata Output)',
  filter: 'drop the items that do not match (JSONata Output with a filter)',
  sort: 'sort the items (JSONata $sort)',
  limit: 'keep the first items (JSONata or States.ArrayGetItem)',
  dedupe: 'drop duplicates (States.ArrayUnique)',
  wait: 'a pause',
  respond: 'answer the caller (the execution\'s output answers a synchronous Express workflow)',
  pass: 'the item unchanged',
};

/** Raised inside the walk; becomes the export's refusal. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly nodeId?: string,
  ) {
    super(message);
  }
}

/** Seconds as ASL wants them: a whole number from 1 to 99999999 (rounded up: never a shorter limit). */
export function wholeSeconds(s: number): number {
  return Math.min(MAX_SECONDS, Math.max(1, Math.ceil(s)));
}

/** Baton error names as Step Functions error names: timeout is States.Timeout, ALL is States.ALL. */
export function errorNames(matchers: readonly ErrorMatcher[]): string[] {
  if (matchers.includes('ALL')) return ['States.ALL'];
  return matchers.map((m) => (m === 'timeout' ? 'States.Timeout' : m));
}

/** A JSONPath to a case field: `$.confidence`, or `$['odd name']` for names that are not identifiers. */
function fieldPath(field: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) return `$.${field}`;
  return `$['${field.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/**
 * A Choice rule for a Baton condition. Baton reads a missing field or a type mismatch as false, so the rule
 * tests presence and type before comparing.
 */
export function choiceRule(c: Condition): State {
  const variable = fieldPath(c.field);
  const present: State = { Variable: variable, IsPresent: true };
  let type: State;
  let compare: State;
  if (typeof c.value === 'number') {
    type = { Variable: variable, IsNumeric: true };
    const op = { '<': 'NumericLessThan', '<=': 'NumericLessThanEquals', '>': 'NumericGreaterThan', '>=': 'NumericGreaterThanEquals', '==': 'NumericEquals', '!=': 'NumericEquals' }[c.op];
    compare = { Variable: variable, [op]: c.value };
  } else if (typeof c.value === 'string') {
    type = { Variable: variable, IsString: true };
    const op = { '<': 'StringLessThan', '<=': 'StringLessThanEquals', '>': 'StringGreaterThan', '>=': 'StringGreaterThanEquals', '==': 'StringEquals', '!=': 'StringEquals' }[c.op];
    compare = { Variable: variable, [op]: c.value };
  } else {
    type = { Variable: variable, IsBoolean: true };
    compare = { Variable: variable, BooleanEquals: c.value };
  }
  // != is true for a present field of another type too, as in Baton (actual !== value).
  if (c.op === '!=') return { And: [present, { Not: { And: [type, compare] } }] };
  return { And: [present, type, compare] };
}

/** Retry entry of one Baton retrier; `note` hears each gap in words that hold for any step. */
export function retryEntry(r: Retrier, note: (message: string) => void): State {
  const init = r.initialIntervalSeconds ?? 1;
  const entry: State = { ErrorEquals: errorNames(r.errorEquals), MaxAttempts: Math.min(MAX_SECONDS, r.maximumAttempts - 1) };
  entry.IntervalSeconds = wholeSeconds(init);
  if (!Number.isInteger(init) || init < 1) note('Retry intervals are rounded up to whole seconds (Step Functions counts whole seconds)');
  const coef = r.backoffCoefficient ?? 2;
  entry.BackoffRate = Math.max(1, coef);
  if (coef < 1) note('A backoff coefficient below 1 is written as 1 (Step Functions needs at least 1)');
  // Baton caps the interval at 100 x the first one unless told otherwise (Temporal's default); ASL has no cap.
  entry.MaxDelaySeconds = wholeSeconds(r.maximumIntervalSeconds ?? 100 * init);
  if (r.jitter === 'full' || r.jitter === 'equal') entry.JitterStrategy = 'FULL';
  if (r.jitter === 'equal') note('Equal jitter is written as FULL (Step Functions has FULL and NONE only)');
  if (r.honorRetryAfter) note('Retry-After is not honoured (honorRetryAfter has no Step Functions equivalent; waits follow the backoff)');
  return entry;
}

/**
 * Keep Step Functions' rule that States.ALL stands alone in the last retrier or catcher. Entries after a
 * catch-all could never match (Baton tries them in order too), so they are dropped without changing behaviour.
 */
export function upToCatchAll<T extends { readonly errorEquals: readonly ErrorMatcher[] }>(list: readonly T[]): T[] {
  const i = list.findIndex((x) => x.errorEquals.includes('ALL'));
  return i < 0 ? [...list] : list.slice(0, i + 1);
}
