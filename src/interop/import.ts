/**
 * Import: from bytes or text to a valid Workflow, or to every problem found, each with its JSON path.
 *
 * The order of checks is what makes this safe on hostile input: size (bytes) and nesting (a linear scan that
 * tracks string state) come BEFORE JSON.parse or zod touch the text; prototype-tampering keys are refused
 * before zod builds any object; node and edge counts are checked before the schema walks them. Nothing is
 * dropped or repaired silently: a duplicate JSON key, which JSON.parse would quietly resolve, is a problem.
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
import { diagnoseJson, scanJson } from './json-scan.ts';
import { FORBIDDEN_KEYS, MAX_FILE_BYTES, MAX_NESTING, MAX_REPORTED_PROBLEMS } from './limits.ts';
import { MIGRATIONS, newerVersionMessage, runMigrations, type Migration } from './migrations/index.ts';
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
  const decoded = decode(input);
  if (typeof decoded !== 'string') return decoded;
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;

  const scan = scanJson(text, MAX_NESTING);
  if (scan.tooDeep) {
    const at = diagnoseJson(text, MAX_NESTING).tooDeepAt ?? [];
    return unusable('limit-nesting', at, `objects and lists nest more than ${MAX_NESTING} levels deep here; the nesting limit is ${MAX_NESTING}`);
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const { syntax } = diagnoseJson(text, MAX_NESTING);
    const where = syntax ? `line ${syntax.line}, column ${syntax.column}: ${syntax.message}` : 'the text cannot be parsed';
    return unusable('invalid-json', [], `not valid JSON: ${where}`);
  }

  const walked = walkKeys(raw);
  if (walked.forbidden.length > 0) {
    return {
      ok: false,
      unusable: true,
      problems: cap(walked.forbidden.map((path) => ({ path, code: 'forbidden-key', message: `the key "${String(path[path.length - 1])}" is refused anywhere in a workflow (keys __proto__, constructor and prototype can tamper with objects)` }))),
    };
  }
  const problems: Problem[] = [];
  if (walked.keyCount !== scan.keyCount) {
    // JSON.parse kept only the last of some repeated key; say where, rather than lose the earlier value quietly.
    for (const path of diagnoseJson(text, MAX_NESTING).duplicateKeys) {
      problems.push({ path, code: 'duplicate-key', message: `the field "${String(path[path.length - 1])}" appears more than once in this object; keep one` });
    }
  }

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

function decode(input: string | Uint8Array): string | ImportResult {
  const limit = `the 10 MB limit (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes)`;
  if (typeof input === 'string') {
    return utf8Exceeds(input, MAX_FILE_BYTES) ? unusable('limit-file-size', [], `the file is larger than ${limit}`) : input;
  }
  if (input.byteLength > MAX_FILE_BYTES) {
    const mb = (input.byteLength / (1024 * 1024)).toFixed(1);
    return unusable('limit-file-size', [], `the file is ${mb} MB (${input.byteLength.toLocaleString('en-US')} bytes), larger than ${limit}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return unusable('invalid-encoding', [], 'the file is not UTF-8 text; save it as UTF-8 JSON');
  }
}

/** Runs of non-ASCII characters; the regex engine skips ASCII far faster than a charCodeAt loop. */
const NON_ASCII = /[\u0080-\uffff]+/g;

/** Is the UTF-8 encoding of `s` longer than `limit` bytes? Every UTF-16 unit takes 1 to 3 bytes, so most answers are free. */
function utf8Exceeds(s: string, limit: number): boolean {
  if (s.length * 3 <= limit) return false;
  if (s.length > limit) return true;
  // ASCII is 1 byte per unit; add the extra bytes of each non-ASCII unit (a surrogate pair is 4 bytes for 2 units).
  let bytes = s.length;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(s); m !== null && bytes <= limit; m = NON_ASCII.exec(s)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c < 0x800) bytes += 1;
      else if (c >= 0xd800 && c <= 0xdbff && (run.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        bytes += 2;
        i++;
      } else bytes += 2;
    }
  }
  return bytes > limit;
}

/** Every key of the parsed tree: how many, and where a refused one sits. Depth is bounded by the nesting limit. */
function walkKeys(root: unknown): { keyCount: number; forbidden: JsonPath[] } {
  let keyCount = 0;
  const forbidden: JsonPath[] = [];
  const path: (string | number)[] = [];
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === 'object' && item !== null) {
          path.push(i);
          visit(item);
          path.pop();
        }
      }
      return;
    }
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      keyCount++;
      if (FORBIDDEN_KEYS.has(key)) forbidden.push([...path, key]);
      const child = record[key];
      if (typeof child === 'object' && child !== null) {
        path.push(key);
        visit(child);
        path.pop();
      }
    }
  };
  visit(root);
  return { keyCount, forbidden };
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
