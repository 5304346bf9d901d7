import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'edge-integrity',
  meta: { description: 'Edges must join two existing nodes, once, and a self-loop needs a guard.', docs: 'docs/rules/edge-integrity.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    for (const e of graph.danglingEdges) {
      report({ message: `Edge "${e.id}" joins "${e.source}" to "${e.target}", but one of them is not a node.`, edgeIds: [e.id], fix: 'Delete the edge or reconnect it.' });
    }
    const seen = new Map<string, string>();
    for (const e of graph.edges) {
      const key = `${e.source}\u0000${e.sourcePort}\u0000${e.target}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report({ severity: 'warning', message: `Edge "${e.id}" repeats edge "${first}" (same source, port and target).`, edgeIds: [first, e.id], nodeIds: [e.source, e.target], fix: 'Delete the duplicate.' });
      } else seen.set(key, e.id);
      if (e.source === e.target && e.condition === undefined) {
        report({ severity: 'warning', message: `Edge "${e.id}" loops back to its own node with no condition, so nothing stops it.`, edgeIds: [e.id], nodeIds: [e.source], fix: 'Add a condition (for example attempt < 3), or use the step\'s retry policy instead.' });
      }
    }
  },
});
