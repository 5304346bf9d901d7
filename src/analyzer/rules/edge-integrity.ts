import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'edge-integrity',
  meta: { description: 'Edges must join two existing nodes, once, and a self-loop needs a guard.', docs: 'docs/rules/edge-integrity.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    // Messages name the nodes a person sees, not edge ids (the finding selects the edges).
    const name = (id: string): string => {
      const i = graph.indexOf(id);
      return i < 0 ? `"${id}"` : nameOf(graph.node(i));
    };
    for (const e of graph.danglingEdges) {
      const missing = [e.source, e.target].filter((id) => graph.indexOf(id) < 0).map((id) => `"${id}"`);
      report({ message: `An edge joins ${name(e.source)} to ${name(e.target)}, but ${missing.join(' and ')} ${missing.length > 1 ? 'are not nodes' : 'is not a node'}.`, edgeIds: [e.id], fix: 'Delete the edge or reconnect it.' });
    }
    const seen = new Map<string, string>();
    for (const e of graph.edges) {
      const key = `${e.source}\u0000${e.sourcePort}\u0000${e.target}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report({ severity: 'warning', message: `Two edges join ${name(e.source)} to ${name(e.target)} from the same port "${e.sourcePort}".`, edgeIds: [first, e.id], nodeIds: [e.source, e.target], fix: 'Delete the duplicate.' });
      } else seen.set(key, e.id);
      if (e.source === e.target && e.condition === undefined) {
        report({ severity: 'warning', message: `An edge loops from ${name(e.source)} back to itself with no condition, so nothing stops it.`, edgeIds: [e.id], nodeIds: [e.source], fix: 'Add a condition (for example attempt < 3), or use the step\'s retry policy instead.' });
      }
    }
  },
});
