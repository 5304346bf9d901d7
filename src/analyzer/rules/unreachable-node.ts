import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'unreachable-node',
  meta: { description: 'A node no trigger reaches never runs.', docs: 'docs/rules/unreachable-node.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    if (graph.triggers.length === 0) return;
    // One finding per connected fragment no trigger reaches (a snippet kept beside the workflow is one thing to
    // connect or delete, not one finding per step of it). Isolated nodes are no-disconnected's finding.
    const unreached = new Uint8Array(graph.size);
    graph.nodes.forEach((n, i) => {
      if (n.kind !== 'trigger' && !graph.reachableFromTrigger(n.id) && (graph.inEdges(n.id).length > 0 || graph.outEdges(n.id).length > 0)) unreached[i] = 1;
    });
    const done = new Uint8Array(graph.size);
    for (let s = 0; s < graph.size; s++) {
      if (unreached[s] === 0 || done[s] === 1) continue;
      const fragment: number[] = [];
      const stack = [s];
      done[s] = 1;
      while (stack.length > 0) {
        const v = stack.pop()!;
        fragment.push(v);
        for (const csr of [graph.succ, graph.pred]) {
          for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) {
            const w = csr.targets[j]!;
            if (unreached[w] === 1 && done[w] === 0) {
              done[w] = 1;
              stack.push(w);
            }
          }
        }
      }
      fragment.sort((a, b) => a - b);
      const ids = fragment.map((v) => graph.node(v).id);
      const first = nameOf(graph.node(fragment[0]!));
      report({
        message: ids.length === 1 ? `No trigger reaches ${first}, so it never runs.` : `No trigger reaches ${first} and ${ids.length - 1} more connected step(s), so none of them ever runs.`,
        nodeIds: ids,
        fix: 'Connect it to a path that starts at a trigger, or delete it.',
      });
    }
  },
});
