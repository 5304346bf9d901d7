import { BUILTIN_CONDITION_FIELDS, formatCondition, type Condition, type WorkflowEdge, type WorkflowNode } from '../../domain/index.ts';
import { ANY_VALUE, complement, conditionSet, describeSet, intersect, isEmpty, sameSet, union, type ValueSet } from '../condition-sets.ts';
import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

/** What a case can still hold, per condition field (a field not listed can hold anything). */
type State = ReadonlyMap<string, ValueSet>;

/** Confidence, attempt and visits change from step to step; only case attributes keep their value along a path. */
const VARYING: readonly string[] = BUILTIN_CONDITION_FIELDS;

function restrict(state: State, field: string, s: ValueSet): Map<string, ValueSet> {
  const next = new Map(state);
  next.set(field, intersect(state.get(field) ?? ANY_VALUE, s));
  return next;
}

function joinStates(a: State, b: State): Map<string, ValueSet> {
  const out = new Map<string, ValueSet>();
  // A field only one side constrains is unconstrained in the union.
  for (const [field, s] of a) {
    const t = b.get(field);
    if (t !== undefined) out.set(field, union(s, t));
  }
  return out;
}

function sameState(a: State, b: State): boolean {
  if (a.size !== b.size) return false;
  for (const [field, s] of a) {
    const t = b.get(field);
    if (t === undefined || !sameSet(s, t)) return false;
  }
  return true;
}

const conditional = (e: WorkflowEdge): e is WorkflowEdge & { condition: Condition } => e.condition !== undefined;

/**
 * What each edge out of `node` lets through, given what holds on entry: an exclusive router's branch takes the
 * cases its condition holds for that no earlier condition claimed (conditions are tried in document order), and
 * its other branches the cases no condition claimed; an inclusive router's conditional branch the cases its
 * condition holds for. Anything else passes every case on.
 */
function edgeStates(node: WorkflowNode, edges: readonly WorkflowEdge[], entry: State): Map<string, ValueSet>[] {
  const mode = node.kind === 'router' ? node.config.mode : null;
  if (mode !== 'exclusive' && mode !== 'inclusive') return edges.map(() => new Map(entry));
  if (mode === 'inclusive') return edges.map((e) => (conditional(e) ? restrict(entry, e.condition.field, conditionSet(e.condition)) : new Map(entry)));
  let unclaimed = new Map(entry);
  const taken = edges.map((e) => {
    if (!conditional(e)) return null;
    const through = restrict(unclaimed, e.condition.field, conditionSet(e.condition));
    unclaimed = restrict(unclaimed, e.condition.field, complement(conditionSet(e.condition)));
    return through;
  });
  // Weighted, default and plain branches share what no condition claimed, wherever they stand in the list.
  return taken.map((t) => t ?? new Map(unclaimed));
}

export default defineRule({
  id: 'unreachable-branch',
  meta: { description: 'A router branch whose condition can never hold where it is tested is never taken.', docs: 'docs/rules/unreachable-branch.md', category: 'structure' },
  defaultSeverity: 'warning',
  options: {
    /** Give up (no finding) on designs whose fixed point takes more than this many node updates per node. */
    maxPassesPerNode: 50,
  },
  check({ graph, options }, report) {
    if (!graph.edges.some((e) => e.condition !== undefined)) return;
    // Forward flow to a fixed point: the state on entry to a node is the union of what its incoming edges let
    // through. States only grow, and every set is built from the conditions' constants, so it ends.
    const entry = new Map<string, State>();
    const queue: string[] = [];
    const queued = new Set<string>();
    for (const t of graph.triggers) {
      entry.set(t.id, new Map());
      queue.push(t.id);
      queued.add(t.id);
    }
    let budget = options.maxPassesPerNode * Math.max(1, graph.size);
    for (let head = 0; head < queue.length; head++) {
      if (--budget < 0) return;
      const id = queue[head] ?? '';
      queued.delete(id);
      const state = entry.get(id);
      const i = graph.indexOf(id);
      if (state === undefined || i < 0) continue;
      const edges = graph.outEdges(id);
      edgeStates(graph.node(i), edges, state).forEach((through, k) => {
        const e = edges[k];
        if (!e || graph.indexOf(e.target) < 0) return;
        for (const f of VARYING) through.delete(f);
        const before = entry.get(e.target);
        const after = before === undefined ? through : joinStates(before, through);
        if (before !== undefined && sameState(before, after)) return;
        entry.set(e.target, after);
        if (!queued.has(e.target)) {
          queued.add(e.target);
          queue.push(e.target);
        }
      });
    }
    for (const n of graph.nodes) {
      if (n.kind !== 'router' || (n.config.mode !== 'exclusive' && n.config.mode !== 'inclusive')) continue;
      const state = entry.get(n.id);
      if (state === undefined) continue; // not reached: unreachable-node's finding
      const edges = graph.outEdges(n.id);
      edges.forEach((e, k) => {
        if (!conditional(e)) return;
        const c = e.condition;
        const own = conditionSet(c);
        const before = state.get(c.field) ?? ANY_VALUE;
        const target = graph.indexOf(e.target);
        const branch = e.label?.trim() ? `Branch "${e.label.trim()}" (${formatCondition(c)})` : `The branch to ${target < 0 ? `"${e.target}"` : nameOf(graph.node(target))} (${formatCondition(c)})`;
        if (isEmpty(intersect(before, own))) {
          report({
            message: `${branch} of ${nameOf(n)} is never taken: every case that reaches it has ${describeSet(c.field, before)}, decided before it.`,
            nodeIds: [n.id],
            edgeIds: [e.id],
            fix: 'Change the condition, or remove the branch and what only it leads to; if the earlier decision is wrong, fix that one.',
          });
          return;
        }
        if (n.config.mode !== 'exclusive') return;
        const earlier = edges.slice(0, k).filter((x): x is WorkflowEdge & { condition: Condition } => conditional(x) && x.condition.field === c.field);
        const left = earlier.reduce((s, x) => intersect(s, complement(conditionSet(x.condition))), intersect(before, own));
        if (isEmpty(left)) {
          report({
            message: `${branch} of ${nameOf(n)} is never taken: earlier branches (${earlier.map((x) => formatCondition(x.condition)).join('; ')}) already take every case it would.`,
            nodeIds: [n.id],
            edgeIds: [e.id, ...earlier.map((x) => x.id)],
            fix: 'Conditions are tried in order and the first that holds wins: put the narrower condition first, or change it.',
          });
        }
      });
    }
  },
});
