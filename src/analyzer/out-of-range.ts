/**
 * Values the estimate reads that the schema rejects. The inspector keeps a value out of range in the document
 * (a cost of -1 is shown as invalid where it was typed) and a design saved that way opens as edited, so the
 * analyzer meets such designs; a figure computed from them is no figure (a cost of -28 an hour gave "$-2.98" a
 * case, an ok share of 1.3 a success above the truth). The estimate declines the figures such a value feeds and
 * names the step and the field instead (estimates.ts, flowOf).
 *
 * Only what the estimate reads is checked: each node's kind, config, stub and policy (not its label, text or
 * place), each edge but its label, the profile's runs per day, and the run's arrivals and faults. Lengths of text
 * and lists feed no figure and are left to the Problems panel.
 */
import {
  arrivalSchema,
  edgeSchema,
  faultSchema,
  nodeSchema,
  profileSchema,
  type Fault,
  type Scenario,
  type Workflow,
  type WorkflowNode,
} from '../domain/index.ts';
import { valueFor } from './memo.ts';

/** Why the figures are declined: `all` for a value that feeds every figure, `cost` for one that feeds only the cost. */
export interface OutOfRange {
  readonly all?: string;
  readonly cost?: string;
}

/** Stub fields that feed the cost per case and nothing else (no time, no outcome). */
const COST_ONLY: ReadonlySet<string> = new Set(['costPerCall', 'costPerHour', 'pricePerInputToken', 'pricePerOutputToken', 'inputTokens', 'outputTokens']);

/** Node fields no figure reads: what a person reads and where the node sits. */
const NOT_READ: ReadonlySet<string> = new Set(['id', 'label', 'description', 'position']);

/** A schema's issue, as much of it as the sentence needs (zod's issue objects, read structurally). */
interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly origin?: string;
  readonly expected?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: boolean;
}

interface Found {
  readonly path: readonly PropertyKey[];
  readonly what: string;
}

/** Safe-parse results of a schema kept by element object: an edit replaces only what it touches. */
interface Checker {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } };
}

function memoChecker(schema: Checker): (value: object) => readonly Issue[] {
  const kept = new WeakMap<object, readonly Issue[]>();
  return (value) =>
    valueFor(kept, value, () => {
      const r = schema.safeParse(value);
      return r.success ? [] : r.error.issues;
    });
}

const nodeIssues = memoChecker(nodeSchema);
const edgeIssues = memoChecker(edgeSchema);
const profileIssues = memoChecker(profileSchema);
const arrivalIssues = memoChecker(arrivalSchema);
const faultIssues = memoChecker(faultSchema);

/** "costPerCall" -> "cost per call"; list indexes are left out of the words ("retry maximum attempts"). */
function fieldWords(path: readonly PropertyKey[]): string {
  return path
    .filter((k): k is string => typeof k === 'string' && k !== 'stub' && k !== 'config' && k !== 'policy')
    .map((k) => k.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' ');
}

/** What is wrong with one value, in words; undefined for issues that feed no figure (lengths of text and lists). */
function describe(issue: Issue, value: unknown): string | undefined {
  const field = fieldWords(issue.path) || 'value';
  const at = `${issue.path.map(String).join('.')} is ${JSON.stringify(value)}`;
  if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') return undefined;
  if (issue.code === 'too_small') return `${field} ${issue.inclusive === false ? 'of' : 'below'} ${String(issue.minimum)}${issue.inclusive === false ? ' or less' : ''} (${at})`;
  if (issue.code === 'too_big') return `${field} ${issue.inclusive === false ? 'of' : 'above'} ${String(issue.maximum)}${issue.inclusive === false ? ' or more' : ''} (${at})`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return `${field} that is not a whole number (${at})`;
  // Sums and orderings (outcome shares that do not sum to 1, a minimum above its maximum): the schema's words.
  if (issue.code === 'custom') return `${field === 'value' ? 'values' : field} where ${issue.message}`;
  return undefined;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) v = typeof v === 'object' && v !== null && typeof k !== 'symbol' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** The first issue of `value` that feeds a figure, worded, with its path. */
function firstFound(issues: readonly Issue[], value: object, skip: (path: readonly PropertyKey[]) => boolean): Found | undefined {
  for (const issue of issues) {
    if (skip(issue.path)) continue;
    const what = describe(issue, valueAt(value, issue.path));
    if (what !== undefined) return { path: issue.path, what };
  }
  return undefined;
}

const FIX = 'fix the value in the Inspector';

function name(node: WorkflowNode | undefined, id: string): string {
  return `'${node?.label || id}'`;
}

/**
 * The values out of range that the estimate would read, as the sentences the score card and `baton lint` show
 * for the figures they feed; an empty object when every value is in range.
 * @example outOfRange({ ...doc, nodes: [{ ...aiStep, stub: { ...aiStep.stub, costPerCall: -1 } }] }).cost
 * // "'Classify ticket' has cost per call below 0 (stub.costPerCall is -1); fix the value in the Inspector"
 */
export function outOfRange(
  doc: Pick<Workflow, 'nodes' | 'edges' | 'profile'>,
  run: { readonly arrival?: Scenario['arrival']; readonly faults?: readonly Fault[] } = {},
): OutOfRange {
  let all: string | undefined;
  let cost: string | undefined;
  const byId = new Map<string, WorkflowNode>();
  for (const n of doc.nodes) byId.set(n.id, n);
  for (const n of doc.nodes) {
    if (n.kind === 'note') continue;
    const issues = nodeIssues(n);
    if (issues.length === 0) continue;
    const found = firstFound(issues, n, (p) => NOT_READ.has(String(p[0])));
    if (!found) continue;
    const sentence = `${name(n, n.id)} has ${found.what}; ${FIX}`;
    if (found.path[0] === 'stub' && COST_ONLY.has(String(found.path[1]))) cost ??= sentence;
    else all ??= sentence;
  }
  for (const e of doc.edges) {
    const found = firstFound(edgeIssues(e), e, (p) => p[0] === 'label');
    if (found) all ??= `the branch from ${name(byId.get(e.source), e.source)} to ${name(byId.get(e.target), e.target)} has ${found.what}; ${FIX}`;
  }
  if (doc.profile) {
    const found = firstFound(profileIssues(doc.profile), doc.profile, (p) => p[0] !== 'runsPerDay');
    if (found) all ??= `the task profile has ${found.what}; fix it in the Inspector with nothing selected`;
  }
  const runIssues = [
    ...(run.arrival ? [firstFound(arrivalIssues(run.arrival), run.arrival, () => false)] : []),
    ...(run.faults ?? []).map((f) => firstFound(faultIssues(f), f, () => false)),
  ];
  const inRun = runIssues.find((f) => f !== undefined);
  if (inRun) all ??= `the scenario has ${inRun.what}; fix it in the scenario`;
  return { ...(all !== undefined ? { all } : {}), ...(cost !== undefined ? { cost } : {}) };
}
