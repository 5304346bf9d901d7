import { defineRule } from '../define-rule.ts';
import { isAutomationLayer, nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'stacked-automation-layers',
  meta: { description: 'An automation or subworkflow that only wraps one other step adds a layer to debug and pay for.', docs: 'docs/rules/stacked-automation-layers.md', category: 'over-engineering' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    for (const n of graph.workNodes) {
      if (!isAutomationLayer(n) || n.kind !== 'tool') continue;
      const next = graph.successorIds(n.id).map((id) => graph.node(graph.indexOf(id)));
      const prev = [...new Set(graph.inEdges(n.id).map((e) => e.source))].map((id) => graph.node(graph.indexOf(id)));
      const stacked = next.find(isAutomationLayer);
      if (stacked) {
        report({ message: `${nameOf(n)} hands over to ${nameOf(stacked)}, another automation layer.`, nodeIds: [n.id, stacked.id], fix: 'Call the step from one layer; remove the wrapper.' });
        continue;
      }
      const work = (k: string): boolean => k === 'ai' || k === 'tool';
      if (n.config.sideEffect === 'none' && prev.length === 1 && next.length === 1 && work(prev[0]!.kind) && work(next[0]!.kind)) {
        report({ message: `${nameOf(n)} does nothing itself (no side effect) and only passes ${nameOf(prev[0]!)} on to ${nameOf(next[0]!)}.`, nodeIds: [n.id], fix: 'Connect the two steps directly.' });
      }
    }
  },
});
