/**
 * Validation for the inspector: run the domain schema on the edited node, edge or workflow and file each
 * issue under its field's path, worded for a person ("Must be at most 1") rather than for a programmer
 * ("Too big: expected number to be <=1").
 *
 * Also the commit guard. The inspector commits values that are out of range (a probability of 1.3 is kept
 * and shown as invalid, so the person sees what they typed and the Problems panel can point at it), but never
 * values of the wrong shape: `isStructural` accepts a candidate whose only issues are about ranges, lengths,
 * sums and cross-field rules, and refuses wrong types, NaN, unknown keys and unknown enum values.
 */
import * as z from 'zod';
import { pathKey, type FieldPath } from './path-data.ts';

type Issue = z.core.$ZodIssue;
export type IssueMap = ReadonlyMap<string, readonly string[]>;

export const NO_ISSUES: IssueMap = new Map();

// The guard lives with the schemas: stored designs are read with it too (src/persistence/stored-document.ts).
export { structuralGuard } from '../../domain/schema-walk.ts';

/** One readable sentence for an issue. */
export function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'Must not be empty' : `Needs at least ${min} characters`;
      if (issue.origin === 'array') return min <= 1 ? 'Choose at least one' : `Needs at least ${min} items`;
      return issue.inclusive ? `Must be at least ${min}` : `Must be greater than ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `At most ${max} characters`;
      if (issue.origin === 'array') return `At most ${max} items`;
      return issue.inclusive ? `Must be at most ${max}` : `Must be less than ${max}`;
    }
    case 'invalid_type':
      return issue.expected === 'int' ? 'Must be a whole number' : `Expected ${issue.expected}`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}`;
    default:
      return capitalise(issue.message);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Validate `value` and group the readable messages by field path ("stub.outcomes" holds the sum message).
 * @example issuesByPath(edgeSchema, { ...edge, probability: 1.3 }).get('probability') // ['Must be at most 1']
 */
export function issuesByPath(schema: z.ZodType, value: unknown): IssueMap {
  const result = schema.safeParse(value);
  if (result.success) return NO_ISSUES;
  const map = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const key = pathKey(issue.path.filter((k): k is string | number => typeof k !== 'symbol'));
    const list = map.get(key) ?? [];
    const message = describeIssue(issue);
    if (!list.includes(message)) list.push(message);
    map.set(key, list);
  }
  return map;
}

/** Issues at `path` or below it: how many problems a collapsed section (a retrier, a scenario) holds. */
export function countIssuesUnder(issues: IssueMap, path: FieldPath): number {
  const prefix = pathKey(path);
  let n = 0;
  for (const [key, list] of issues) if (key === prefix || key.startsWith(`${prefix}.`) || prefix === '') n += list.length;
  return n;
}
