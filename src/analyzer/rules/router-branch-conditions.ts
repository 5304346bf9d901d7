import { formatCondition } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'router-branch-conditions',
  meta: { description: 'Every branch of a decision needs a condition, a probability or the default, and one branch should be the default.', docs: 'docs/rules/router-branch-conditions.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {
    /** Probabilities summing to within this of 1 cover every case, so no default is needed. */
    probabilityTolerance: 1e-6,
    /** A branch labelled with its condition in words is defined (imports of other tools' conditions). */
    acceptConditionsInWords: true,
  },
  check({ graph, options }, report) {
    for (const n of graph.nodes) {
      if (n.kind !== 'router' || n.config.mode === 'parallel') continue;
      const edges = graph.outEdges(n.id);
      if (edges.length < 2) continue;
      // A branch whose label states its condition in words (what an import of n8n's IF and Switch gives: "true",
      // "is_appointment", "status equals done") is defined, only not in a form the simulator evaluates; the
      // simulator splits such branches evenly and the import report says so. Words cannot be checked for a
      // missing default or a repeat either, so a router described in words is not judged on them.
      const inWords = (e: (typeof edges)[number]): boolean => e.condition === undefined && e.probability === undefined && e.isDefault !== true && (e.label ?? '').trim().length > 0;
      if (options.acceptConditionsInWords && edges.some(inWords)) continue;
      for (const e of edges) {
        if (e.condition === undefined && e.probability === undefined && e.isDefault !== true) {
          const t = graph.indexOf(e.target);
          const branch = e.label?.trim() ? `Branch "${e.label.trim()}"` : `The branch to ${t < 0 ? `"${e.target}"` : nameOf(graph.node(t))}`;
          report({ message: `${branch} of ${nameOf(n)} has no condition, probability or default mark, so when it is taken is undefined.`, nodeIds: [n.id], edgeIds: [e.id], fix: 'Give the branch a condition, or mark it as the default.' });
        }
      }
      const defaults = edges.filter((e) => e.isDefault === true);
      const probSum = edges.reduce((s, e) => s + (e.probability ?? 0), 0);
      const coveredByProbability = edges.every((e) => e.probability !== undefined) && Math.abs(probSum - 1) <= options.probabilityTolerance;
      if (n.config.mode === 'exclusive' && defaults.length === 0 && !coveredByProbability) {
        report({ severity: 'warning', message: `${nameOf(n)} has no default branch: a case no condition matches has nowhere to go.`, nodeIds: [n.id], fix: 'Mark one branch as the default, or add a default branch to an escalation.', quickFix: 'add-default-branch' });
      }
      if (defaults.length > 1) {
        report({ severity: 'warning', message: `${nameOf(n)} has ${defaults.length} default branches; only one can take the rest.`, nodeIds: [n.id], edgeIds: defaults.map((e) => e.id), fix: 'Keep one default.' });
      }
      const seen = new Map<string, string>();
      for (const e of edges) {
        if (!e.condition) continue;
        const key = formatCondition(e.condition);
        const first = seen.get(key);
        if (first !== undefined) {
          report({ severity: 'warning', message: `Two branches of ${nameOf(n)} test the same condition (${key}); the second is never taken on its own.`, nodeIds: [n.id], edgeIds: [first, e.id], fix: 'Make the conditions differ, or merge the branches.' });
        } else seen.set(key, e.id);
      }
    }
  },
});
