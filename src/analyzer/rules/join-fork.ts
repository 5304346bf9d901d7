import { defineRule } from '../define-rule.ts';
import { pathsMayRunTogether, unconditional } from '../parallel-paths.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'join-fork',
  meta: { description: 'One connector that both merges and splits hides two decisions in one box (7PMG G2).', docs: 'docs/rules/join-fork.md', category: 'structure' },
  defaultSeverity: 'warning',
  options: {
    /** A Join that hands its merged case to several steps at once (n8n's Merge feeding two nodes) decides nothing in the split. */
    reportFanOut: false,
    /**
     * A router that paths which never run together enter routes each case once: merging alternatives (an
     * exclusive choice's branches, a loop's way back: check again after a rewrite, the next page) decides nothing.
     */
    allowExclusiveMerge: true,
  },
  check({ graph, options }, report) {
    for (const n of graph.nodes) {
      if (n.kind !== 'router' && n.kind !== 'join') continue;
      const v = graph.indexOf(n.id);
      const outEdges = graph.outEdges(n.id);
      const outs = graph.successorIds(n.id).length;
      if (outs <= 1) continue;
      if (n.kind === 'join') {
        // Every way out on one port with no condition: "then do all of these" (Baton's semantics for several
        // edges from one port), a parallel split with no decision in it. A timeout port or conditions do decide.
        const fanOut = new Set(outEdges.map((e) => e.sourcePort)).size === 1 && outEdges.every(unconditional);
        if (fanOut && !options.reportFanOut) continue;
      }
      const ins = new Set(graph.inEdges(n.id).map((e) => e.source)).size;
      if (ins <= 1) continue;
      // A router's merge is only a hidden decision when two of its paths can carry one case at once (it would
      // route that case twice); a Join says how it merges, so only its split is in question.
      if (n.kind === 'router' && options.allowExclusiveMerge && !pathsMayRunTogether(graph, v)) continue;
      report({ message: `${nameOf(n)} both merges ${ins} paths and splits into ${outs}.`, nodeIds: [n.id], fix: 'Use a Join followed by a Router, each with one job.', evidence: { in: ins, out: outs } });
    }
  },
});
