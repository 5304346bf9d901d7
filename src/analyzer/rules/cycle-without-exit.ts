import { BUILTIN_CONDITION_FIELDS } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'cycle-without-exit',
  meta: { description: 'A loop nothing leaves traps every case; a loop with no bound can run until the visit guard.', docs: 'docs/rules/cycle-without-exit.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {
    /** A person deciding to approve is a bound of sorts: a review-and-revise loop is judgement, not a runaway. */
    humanGateBounds: true,
  },
  check({ graph, options }, report) {
    const scc = graph.scc();
    const boundFields: readonly string[] = BUILTIN_CONDITION_FIELDS.filter((f) => f !== 'confidence');
    scc.components.forEach((members, c) => {
      if (scc.cyclic[c] !== 1) return;
      const inside = new Set(members);
      const ids = members.map((v) => graph.node(v).id);
      const edgeIds: string[] = [];
      let exits = 0;
      let bounded = false;
      for (const v of members) {
        const node = graph.node(v);
        if (node.kind === 'check' && node.config.onFail === 'reask' && node.config.maxReasks !== undefined) bounded = true;
        if (node.kind === 'human' && options.humanGateBounds) bounded = true;
        // A for-each runs once per item and then leaves by `done`: bounded by the items it was given.
        if (node.kind === 'loop') bounded = true;
        for (const e of graph.outEdges(node.id)) {
          const to = graph.indexOf(e.target);
          if (inside.has(to)) edgeIds.push(e.id);
          else exits++;
          if (e.condition && boundFields.includes(e.condition.field)) bounded = true;
        }
      }
      if (exits === 0) {
        report({ message: `A loop of ${ids.length} node(s) has no way out: every case that enters it is stuck.`, nodeIds: ids, edgeIds, fix: 'Add an exit (for example a branch on attempt >= 3 to an Output).' });
      } else if (!bounded) {
        report({ severity: 'warning', message: `A loop of ${ids.length} node(s) has no bound: it can repeat until the visit guard stops the case.`, nodeIds: ids, edgeIds, fix: 'Bound it: a branch on attempt or visits, or a check with maxReasks.' });
      }
    });
  },
});
