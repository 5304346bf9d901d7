import type { WorkflowEdge } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { pathsMayRunTogether, unconditional } from '../parallel-paths.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'implicit-routing',
  meta: { description: 'Splits and merges should be explicit routers and joins, not hidden in a step.', docs: 'docs/rules/implicit-routing.md', category: 'structure' },
  defaultSeverity: 'warning',
  options: {
    /** Several edges into an Output (e.g. every error path into one alert) are a convention, not a hidden merge. */
    allowMergeIntoOutput: true,
    /** A loop's way back into a step (revise, reask) is not a merge of two flows. */
    allowLoopEntry: true,
    /** Paths that can never run together (after an exclusive choice, or from different triggers) may meet in a step. */
    allowExclusiveMerge: true,
    /** Report every unconditional fan-out out of a step, even when its branches never meet (bpmnlint's no-implicit-split). */
    reportFanOut: false,
  },
  check({ graph, options }, report) {
    const scc = graph.scc();
    for (const n of graph.nodes) {
      if (n.kind === 'router' || n.kind === 'join') continue;
      const byPort = new Map<string, WorkflowEdge[]>();
      for (const e of graph.outEdges(n.id)) {
        if (!unconditional(e)) continue;
        byPort.set(e.sourcePort, [...(byPort.get(e.sourcePort) ?? []), e]);
      }
      // A fan-out is plain "do all of these" (Baton's semantics, and n8n's way of branching); what can be
      // ambiguous is where its branches meet again, which the merge check below reports (a Join says it).
      for (const [port, edges] of byPort) {
        if (edges.length > 1 && options.reportFanOut) {
          report({ message: `${nameOf(n)} sends every case down ${edges.length} edges from "${port}" at once: a hidden parallel split.`, nodeIds: [n.id], edgeIds: edges.map((e) => e.id), fix: 'Put a Router after the step and say whether the branches run in parallel or one of them is chosen.' });
        }
      }
      if (n.kind === 'output' && options.allowMergeIntoOutput) continue;
      const v = graph.indexOf(n.id);
      const ins = graph.inEdges(n.id).filter((e) => !(options.allowLoopEntry && scc.compOf[graph.indexOf(e.source)] === scc.compOf[v] && scc.cyclic[scc.compOf[v]!] === 1));
      const sources = new Set(ins.map((e) => e.source));
      if (sources.size > 1 && !(options.allowExclusiveMerge && !pathsMayRunTogether(graph, v))) {
        report({ message: `${sources.size} paths merge into ${nameOf(n)} without a join, and they can run at the same time: it is unclear whether it waits for all of them.`, nodeIds: [n.id], edgeIds: ins.map((e) => e.id), fix: 'Put a Join before the step and choose its mode (all, first, any).' });
      }
    }
  },
});
