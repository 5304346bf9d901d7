/**
 * Compare two versions of a workflow for the version panel: which nodes, edges and scenarios were added,
 * removed or changed (with the changed field paths), which nodes only moved, and which document fields changed.
 *
 * Elements are matched by id, not by position in the array, so reordering is not a change. Position is kept
 * apart from content: dragging a node around is "moved", not "changed", because a reviewer comparing versions
 * cares about behaviour first. `meta` (timestamps, generator) is bookkeeping and is ignored.
 */
import type { Scenario } from './scenario.schema.ts';
import type { WorkflowEdge } from './edge.schema.ts';
import type { WorkflowNode } from './node.schema.ts';
import type { Workflow } from './workflow.schema.ts';

export interface ChangedElement {
  readonly id: string;
  /** Field paths that differ, e.g. "config.capability", "stub.outcomes.ok", "policy.retry[0].maximumAttempts". */
  readonly paths: readonly string[];
}

export interface ElementDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Content changes (for nodes: excluding position). */
  readonly changed: readonly ChangedElement[];
}

export interface NodeDiff extends ElementDiff {
  /** Nodes whose position changed; a node can be both moved and changed. */
  readonly moved: readonly string[];
}

export interface WorkflowDiff {
  readonly nodes: NodeDiff;
  readonly edges: ElementDiff;
  readonly scenarios: ElementDiff;
  /** Document-level paths that differ, outside nodes, edges, scenarios and meta: "name", "profile.risk"... */
  readonly fields: readonly string[];
}

const IGNORED_TOP_LEVEL = new Set(['nodes', 'edges', 'scenarios', 'meta']);

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(prefix: string, key: string | number): string {
  if (typeof key === 'number') return `${prefix}[${key}]`;
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** Leaf paths where `a` and `b` differ. An object present on one side only is reported at its own path. */
function collectPaths(a: unknown, b: unknown, prefix: string, out: string[], skip?: ReadonlySet<string>): void {
  if (Object.is(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      if (skip?.has(key)) continue;
      collectPaths(a[key], b[key], join(prefix, key), out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) collectPaths(a[i], b[i], join(prefix, i), out);
    return;
  }
  out.push(prefix === '' ? '$' : prefix);
}

/**
 * The field paths where two values differ, in a stable order.
 * @example changedPaths({ config: { capability: 'llm' } }, { config: { capability: 'ocr' } }) // ["config.capability"]
 */
export function changedPaths(a: unknown, b: unknown, skip?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  collectPaths(a, b, '', out, skip);
  return out;
}

function diffById<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  skip?: ReadonlySet<string>,
): ElementDiff & { readonly pairs: readonly (readonly [T, T])[] } {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const added: string[] = [];
  const removed: string[] = [];
  const changed: ChangedElement[] = [];
  const pairs: (readonly [T, T])[] = [];
  for (const e of after) if (!old.has(e.id)) added.push(e.id);
  for (const e of before) {
    const other = now.get(e.id);
    if (!other) {
      removed.push(e.id);
      continue;
    }
    pairs.push([e, other]);
    const paths = changedPaths(e, other, skip);
    if (paths.length > 0) changed.push({ id: e.id, paths });
  }
  return { added, removed, changed, pairs };
}

const POSITION = new Set(['position']);

/**
 * What changed from `a` to `b`. Order follows the documents: added in `b`'s order, removed and changed in `a`'s.
 * @example
 * const d = diffWorkflows(v1, v2);
 * d.nodes.changed // [{ id: 'n3', paths: ['config.capability'] }]
 * d.nodes.moved   // ['n1']
 */
export function diffWorkflows(a: Workflow, b: Workflow): WorkflowDiff {
  const nodes = diffById<WorkflowNode>(a.nodes, b.nodes, POSITION);
  const moved = nodes.pairs.filter(([x, y]) => x.position.x !== y.position.x || x.position.y !== y.position.y).map(([x]) => x.id);
  const edges = diffById<WorkflowEdge>(a.edges, b.edges);
  const scenarios = diffById<Scenario>(a.scenarios ?? [], b.scenarios ?? []);
  const fields = changedPaths(a, b, IGNORED_TOP_LEVEL);
  return {
    nodes: { added: nodes.added, removed: nodes.removed, changed: nodes.changed, moved },
    edges: { added: edges.added, removed: edges.removed, changed: edges.changed },
    scenarios: { added: scenarios.added, removed: scenarios.removed, changed: scenarios.changed },
    fields,
  };
}

/**
 * True when nothing but `meta` differs.
 * @example isEmptyDiff(diffWorkflows(doc, doc)) // true
 */
export function isEmptyDiff(d: WorkflowDiff): boolean {
  const empty = (e: ElementDiff): boolean => e.added.length === 0 && e.removed.length === 0 && e.changed.length === 0;
  return empty(d.nodes) && d.nodes.moved.length === 0 && empty(d.edges) && empty(d.scenarios) && d.fields.length === 0;
}
