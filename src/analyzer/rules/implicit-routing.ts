import { defineRule } from '../define-rule.ts';
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
  },
  check({ graph, options }, report) {
    const scc = graph.scc();
    for (const n of graph.nodes) {
      if (n.kind === 'router' || n.kind === 'join') continue;
      const byPort = new Map<string, string[]>();
      for (const e of graph.outEdges(n.id)) {
        if (e.condition !== undefined || e.probability !== undefined || e.isDefault === true) continue;
        byPort.set(e.sourcePort, [...(byPort.get(e.sourcePort) ?? []), e.id]);
      }
      for (const [port, ids] of byPort) {
        if (ids.length > 1) {
          report({ message: `${nameOf(n)} sends every case down ${ids.length} edges from "${port}" at once: a hidden parallel split.`, nodeIds: [n.id], edgeIds: ids, fix: 'Put a Router after the step and say whether the branches run in parallel or one of them is chosen.' });
        }
      }
      if (n.kind === 'output' && options.allowMergeIntoOutput) continue;
      const v = graph.indexOf(n.id);
      const ins = graph.inEdges(n.id).filter((e) => !(options.allowLoopEntry && scc.compOf[graph.indexOf(e.source)] === scc.compOf[v] && scc.cyclic[scc.compOf[v]!] === 1));
      const sources = new Set(ins.map((e) => e.source));
      if (sources.size > 1) {
        report({ message: `${sources.size} paths merge into ${nameOf(n)} without a join: it is unclear whether it waits for all of them.`, nodeIds: [n.id], edgeIds: ins.map((e) => e.id), fix: 'Put a Join before the step and choose its mode (all, first, any).' });
      }
    }
  },
});
