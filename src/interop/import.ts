/**
 * Import: from bytes or text to a valid Workflow, or to every problem found, each with its JSON path.
 *
 * The order of checks is what makes this safe on hostile input: reading (read-json.ts: size, nesting and
 * refused keys before and around JSON.parse) comes first; node and edge counts are checked before the schema
 * walks them. Nothing is dropped or repaired silently: a duplicate JSON key, which JSON.parse would quietly
 * resolve, is a problem.
 *
 * Two kinds of failure (the CLI maps them to exit codes 2 and 1):
 * - unusable: the input cannot be read as a Baton workflow at all (not UTF-8, over the size or nesting limit,
 *   not JSON, not an object, unknown format, unsupported schemaVersion, a refused key, too many nodes or edges);
 * - invalid: it is a Baton workflow, but its content breaks the schema or its integrity rules.
 */
import { checkIntegrity } from '../domain/integrity.ts';
import type { JsonPath, Problem } from '../domain/problem.ts';
import { CURRENT_SCHEMA_VERSION, MAX_EDGES, MAX_NODES, WORKFLOW_FORMAT, workflowShapeSchema, type Workflow } from '../domain/workflow.schema.ts';
import { describeIssues, describeValue } from './describe-issue.ts';
import { compileValidator } from './fast-validate.ts';
import { MAX_REPORTED_PROBLEMS } from './limits.ts';
import { MIGRATIONS, newerVersionMessage, runMigrations, type Migration } from './migrations/index.ts';
import { readJsonSafely } from './read-json.ts';
import { isPlainObject } from '../domain/schema-walk.ts';

export type ImportResult =
  | { readonly ok: true; readonly doc: Workflow; readonly migratedFrom?: number }
  | {
      readonly ok: false;
      readonly problems: readonly Problem[];
      /** True when the input is not a usable Baton workflow at all; false when it is one with problems inside. */
      readonly unusable: boolean;
    };

export interface ImportOptions {
  /** The migration list; tests pass synthetic ones. Defaults to the production list. */
  readonly migrations?: readonly Migration[];
}

/**
 * Read a workflow document. A leading byte-order mark is accepted (it marks the encoding, it is not content).
 * @example
 * const r = importWorkflow(await file.text());
 * if (r.ok) editor.load(r.doc); else r.problems.forEach((p) => console.log(formatProblem(p)));
 */
export function importWorkflow(input: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  const read = readJsonSafely(input);
  if (!read.ok) return { ok: false, unusable: true, problems: cap(read.problems) };
  return importWorkflowValue(read.value, read.duplicateKeys, options);
}

/**
 * The document half of import, for a value already read by `readJsonSafely` (which refused hostile text):
 * format, version, migrations, limits, shape and integrity. Callers that detect the format themselves (the
 * app's Import, which also reads n8n files) read once and pass the value here.
 */
export function importWorkflowValue(raw: unknown, duplicateKeys: readonly JsonPath[] = [], options: ImportOptions = {}): ImportResult {
  const problems: Problem[] = duplicateKeys.map((path) => ({ path, code: 'duplicate-key', message: `the field "${String(path[path.length - 1])}" appears more than once in this object; keep one` }));

  if (!isPlainObject(raw)) return unusable('not-a-workflow', [], `not a Baton workflow: expected a JSON object at the top level, got ${describeValue(raw)}`);
  if (raw.format === undefined) return unusable('unknown-format', ['format'], `not a Baton workflow: the "format" field is missing (a workflow starts with "format": "${WORKFLOW_FORMAT}")`);
  if (raw.format !== WORKFLOW_FORMAT) {
    const named = typeof raw.format === 'string' ? JSON.stringify(raw.format) : describeValue(raw.format);
    return unusable('unknown-format', ['format'], `unknown format ${named}: not a Baton workflow, which says "format": "${WORKFLOW_FORMAT}"`);
  }
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return unusable('invalid-version', ['schemaVersion'], `schemaVersion must be a whole number such as ${CURRENT_SCHEMA_VERSION}, got ${describeValue(version)}`);
  }
  if (version > CURRENT_SCHEMA_VERSION) return unusable('version-too-new', ['schemaVersion'], newerVersionMessage(version, CURRENT_SCHEMA_VERSION));

  let value: unknown = raw;
  let migratedFrom: number | undefined;
  if (version < CURRENT_SCHEMA_VERSION) {
    const migrated = runMigrations(raw, version, options.migrations ?? MIGRATIONS, CURRENT_SCHEMA_VERSION);
    if (!migrated.ok) return { ok: false, unusable: true, problems: [migrated.problem] };
    value = migrated.value;
    migratedFrom = version;
  }

  const counted = countLimits(value);
  if (counted) return { ok: false, unusable: true, problems: counted };

  // The compiled yes/no check answers for valid files at a fraction of zod's cost; zod runs only to say why not.
  isWorkflowShape ??= compileValidator(workflowShapeSchema);
  let doc: Workflow | undefined;
  if (isWorkflowShape(value)) {
    doc = value;
  } else {
    const parsed = workflowShapeSchema.safeParse(value, { reportInput: true });
    if (parsed.success) doc = parsed.data;
    else problems.push(...describeIssues(parsed.error.issues, { schema: workflowShapeSchema, input: value }), ...rawReferenceProblems(value));
  }
  if (doc) problems.push(...checkIntegrity(doc));
  if (problems.length > 0 || !doc) return { ok: false, unusable: false, problems: cap(problems) };
  return migratedFrom === undefined ? { ok: true, doc } : { ok: true, doc, migratedFrom };
}

/** Compiled on first use, so loading this module stays cheap. */
let isWorkflowShape: ((v: unknown) => v is Workflow) | undefined;

function unusable(code: string, path: JsonPath, message: string): ImportResult {
  return { ok: false, unusable: true, problems: [{ path, code, message }] };
}

function countLimits(doc: unknown): Problem[] | undefined {
  if (!isPlainObject(doc)) return undefined;
  const problems: Problem[] = [];
  if (Array.isArray(doc.nodes) && doc.nodes.length > MAX_NODES) {
    problems.push({ path: ['nodes'], code: 'limit-nodes', message: `the workflow has ${doc.nodes.length.toLocaleString('en-US')} nodes; the limit is ${MAX_NODES.toLocaleString('en-US')} nodes` });
  }
  if (Array.isArray(doc.edges) && doc.edges.length > MAX_EDGES) {
    problems.push({ path: ['edges'], code: 'limit-edges', message: `the workflow has ${doc.edges.length.toLocaleString('en-US')} edges; the limit is ${MAX_EDGES.toLocaleString('en-US')} edges` });
  }
  return problems.length > 0 ? problems : undefined;
}

/**
 * checkIntegrity trusts types, so it runs only on a document whose shape is valid. When the shape is broken
 * (say, one node has a typo), these reference checks still run on the raw data, so the same report also
 * names duplicate ids and dangling edges. Ports are judged only by checkIntegrity, as they need valid kinds.
 */
function rawReferenceProblems(doc: unknown): Problem[] {
  if (!isPlainObject(doc)) return [];
  const problems: Problem[] = [];
  const idOf = (v: unknown): string | undefined => (isPlainObject(v) && typeof v.id === 'string' ? v.id : undefined);
  const nodeIds = new Set<string>();
  (Array.isArray(doc.nodes) ? doc.nodes : []).forEach((n: unknown, i) => {
    const id = idOf(n);
    if (id === undefined) return;
    if (nodeIds.has(id)) problems.push({ path: ['nodes', i, 'id'], code: 'duplicate-id', message: `node id "${id}" is used by more than one node` });
    nodeIds.add(id);
  });
  const edgeIds = new Set<string>();
  (Array.isArray(doc.edges) ? doc.edges : []).forEach((e: unknown, i) => {
    const id = idOf(e);
    if (id === undefined || !isPlainObject(e)) return;
    if (edgeIds.has(id)) problems.push({ path: ['edges', i, 'id'], code: 'duplicate-id', message: `edge id "${id}" is used by more than one edge` });
    edgeIds.add(id);
    if (typeof e.source === 'string' && !nodeIds.has(e.source)) {
      problems.push({ path: ['edges', i, 'source'], code: 'dangling-edge', message: `edge "${id}" starts at "${e.source}", which is not a node` });
    } else if (typeof e.target === 'string' && !nodeIds.has(e.target)) {
      problems.push({ path: ['edges', i, 'target'], code: 'dangling-edge', message: `edge "${id}" points to "${e.target}", which is not a node` });
    }
  });
  return problems;
}

function cap(problems: readonly Problem[]): Problem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return [...problems];
  const more = problems.length - MAX_REPORTED_PROBLEMS;
  return [...problems.slice(0, MAX_REPORTED_PROBLEMS), { path: [], code: 'more-problems', message: `and ${more} more problem${more === 1 ? '' : 's'}` }];
}
