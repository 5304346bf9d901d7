import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'dead-end',
  meta: { description: 'A case that reaches a non-output node with no way on is stuck.', docs: 'docs/rules/dead-end.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    for (const n of graph.nodes) {
      if (n.kind === 'output') continue;
      const outs = graph.outEdges(n.id).length;
      if (outs === 0) {
        if (graph.inEdges(n.id).length === 0) continue; // isolated: no-disconnected
        report({ message: `${nameOf(n)} has no way out: a case that reaches it is stuck.`, nodeIds: [n.id], fix: 'Connect it to the next step or to an Output.' });
      } else if (graph.outputs.length > 0 && !graph.reachesOutput(n.id) && !graph.inCycle(n.id)) {
        // Nodes on a closed loop are cycle-without-exit's finding.
        report({ message: `No output can be reached from ${nameOf(n)}: every case through it ends stuck.`, nodeIds: [n.id], fix: 'Make some path from here lead to an Output.' });
      }
    }
  },
});
