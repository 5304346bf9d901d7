/**
 * Sets of values of one condition field, exactly as `evaluateCondition` (src/domain/edge.schema.ts) decides: the
 * numbers as a union of intervals, texts and true/false as a finite set or its complement, and whether the field
 * may be missing (no condition holds on a missing field). Closed under and, or and not, so the analyzer can carry
 * "what a case can still hold" along the graph and tell when a branch's condition can never hold where it is
 * tested (unreachable-branch). Every endpoint is a constant of some condition, so the sets a design can produce
 * are finitely many and a fixed point over the graph is reached.
 */
import type { Condition } from '../domain/index.ts';

interface Interval {
  readonly lo: number;
  readonly loOpen: boolean;
  readonly hi: number;
  readonly hiOpen: boolean;
}

export interface ValueSet {
  /** Disjoint, sorted, non-empty intervals of numbers. */
  readonly nums: readonly Interval[];
  /** Texts and true/false (by JSON): exactly `values` when `only`, every such value but `values` otherwise. */
  readonly only: boolean;
  readonly values: readonly string[];
  readonly missing: boolean;
}

const ALL_NUMBERS: Interval = { lo: -Infinity, loOpen: true, hi: Infinity, hiOpen: true };
export const ANY_VALUE: ValueSet = { nums: [ALL_NUMBERS], only: false, values: [], missing: true };

const isEmptyInterval = (i: Interval): boolean => i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));

/** Sort, drop empties and merge overlapping or touching intervals ([1, 2) and [2, 3] make [1, 3]). */
function normalise(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => !isEmptyInterval(i)).sort((a, b) => a.lo - b.lo || Number(a.loOpen) - Number(b.loOpen));
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && (i.lo < last.hi || (i.lo === last.hi && !(i.loOpen && last.hiOpen)))) {
      if (i.hi > last.hi || (i.hi === last.hi && !i.hiOpen)) out[out.length - 1] = { ...last, hi: i.hi, hiOpen: i.hiOpen };
    } else out.push(i);
  }
  return out;
}

function complementNums(list: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let lo = -Infinity;
  let loOpen = true;
  for (const i of list) {
    out.push({ lo, loOpen, hi: i.lo, hiOpen: !i.loOpen });
    lo = i.hi;
    loOpen = !i.hiOpen;
  }
  out.push({ lo, loOpen, hi: Infinity, hiOpen: true });
  return normalise(out);
}

function intersectNums(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      const loOpen = (x.lo === lo && x.loOpen) || (y.lo === lo && y.loOpen);
      const hiOpen = (x.hi === hi && x.hiOpen) || (y.hi === hi && y.hiOpen);
      out.push({ lo, loOpen, hi, hiOpen });
    }
  }
  return normalise(out);
}

const sortedUnique = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

function set(nums: readonly Interval[], only: boolean, values: readonly string[], missing: boolean): ValueSet {
  return { nums: normalise(nums), only, values: sortedUnique(values), missing };
}

/**
 * The values of `c.field` for which `c` holds.
 * @example conditionSet({ field: 'amount', op: '<', value: 100 }).nums // [(-inf, 100)]
 */
export function conditionSet(c: Condition): ValueSet {
  const v = c.value;
  if (typeof v !== 'number') {
    const key = JSON.stringify(v);
    if (c.op === '==') return set([], true, [key], false);
    if (c.op === '!=') return set([ALL_NUMBERS], false, [key], false);
    return set([], true, [], false); // an order on a text or true/false never holds
  }
  const at = (i: Interval): ValueSet => set([i], true, [], false);
  switch (c.op) {
    case '==':
      return at({ lo: v, loOpen: false, hi: v, hiOpen: false });
    case '!=':
      return set([{ lo: -Infinity, loOpen: true, hi: v, hiOpen: true }, { lo: v, loOpen: true, hi: Infinity, hiOpen: true }], false, [], false);
    case '<':
      return at({ lo: -Infinity, loOpen: true, hi: v, hiOpen: true });
    case '<=':
      return at({ lo: -Infinity, loOpen: true, hi: v, hiOpen: false });
    case '>':
      return at({ lo: v, loOpen: true, hi: Infinity, hiOpen: true });
    case '>=':
      return at({ lo: v, loOpen: false, hi: Infinity, hiOpen: true });
  }
}

export function complement(s: ValueSet): ValueSet {
  return set(complementNums(s.nums), !s.only, s.values, !s.missing);
}

export function intersect(a: ValueSet, b: ValueSet): ValueSet {
  const nums = intersectNums(a.nums, b.nums);
  const missing = a.missing && b.missing;
  if (a.only && b.only) return set(nums, true, a.values.filter((x) => b.values.includes(x)), missing);
  if (a.only) return set(nums, true, a.values.filter((x) => !b.values.includes(x)), missing);
  if (b.only) return set(nums, true, b.values.filter((x) => !a.values.includes(x)), missing);
  return set(nums, false, [...a.values, ...b.values], missing);
}

export function union(a: ValueSet, b: ValueSet): ValueSet {
  return complement(intersect(complement(a), complement(b)));
}

export function isEmpty(s: ValueSet): boolean {
  return s.nums.length === 0 && s.only && s.values.length === 0 && !s.missing;
}

export function sameSet(a: ValueSet, b: ValueSet): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function intervalText(field: string, i: Interval): string {
  const f = (x: number): string => String(x);
  if (i.lo === i.hi) return `${field} = ${f(i.lo)}`;
  if (i.lo === -Infinity) return `${field} ${i.hiOpen ? '<' : '≤'} ${f(i.hi)}`;
  if (i.hi === Infinity) return `${field} ${i.loOpen ? '>' : '≥'} ${f(i.lo)}`;
  return `${field} ${i.loOpen ? '>' : '≥'} ${f(i.lo)} and ${i.hiOpen ? '<' : '≤'} ${f(i.hi)}`;
}

/**
 * A set in words, as a message names it: "amount ≥ 500", "tier is "gold" or "silver"", "tier is not "gold"".
 * @example describeSet('amount', conditionSet({ field: 'amount', op: '>=', value: 500 })) // "amount ≥ 500"
 */
export function describeSet(field: string, s: ValueSet): string {
  if (isEmpty(s)) return `no value of ${field}`;
  const parts: string[] = [];
  const numbersAll = s.nums.length === 1 && s.nums[0]?.lo === -Infinity && s.nums[0].hi === Infinity;
  if (!numbersAll) parts.push(...s.nums.map((i) => intervalText(field, i)));
  if (s.only && s.values.length > 0) parts.push(`${field} is ${s.values.join(' or ')}`);
  if (!s.only && s.values.length > 0) parts.push(`${field} is not ${s.values.join(' or ')}`);
  if (parts.length === 0) parts.push(`${field} is set`);
  return parts.join(' or ');
}
