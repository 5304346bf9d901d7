import { defineRule } from '../define-rule.ts';
import { isGate } from '../rule-helpers.ts';

export default defineRule({
  id: 'unchecked-ai-output',
  meta: { description: 'An AI result reaches an irreversible action or a delivered output with no check or person in between.', docs: 'docs/rules/unchecked-ai-output.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: {
    /** A branch on the model's confidence is a gate of sorts: the low-confidence cases go elsewhere. */
    confidenceRoutingCounts: true,
  },
  check({ graph, doc, options }, report) {
    // One multi-source search from every AI step along success edges, stopping at checks and human gates;
    // each node remembers the first AI step that reached it, so the search is linear.
    const origin = new Map<string, string>();
    const queue: string[] = [];
    for (const n of graph.workNodes) {
      if (n.kind !== 'ai') continue;
      origin.set(n.id, n.id);
      queue.push(n.id);
    }
    const reported = new Set<string>();
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      const from = origin.get(id)!;
      for (const e of graph.outEdges(id)) {
        if (e.sourcePort !== 'out') continue;
        if (options.confidenceRoutingCounts && e.condition?.field === 'confidence') continue;
        const t = graph.node(graph.indexOf(e.target));
        if (isGate(t) || origin.has(t.id)) continue;
        origin.set(t.id, from);
        const sink = (t.kind === 'tool' && t.config.sideEffect === 'irreversible') || (t.kind === 'output' && t.config.outcome === 'success' && t.config.type !== 'discard');
        if (sink && !reported.has(t.id)) {
          reported.add(t.id);
          const what = t.kind === 'output' ? 'is delivered' : 'triggers an irreversible action';
          report({
            severity: doc.profile?.risk === 'high' ? 'error' : 'warning',
            message: `The result of AI step "${graph.node(graph.indexOf(from)).label || from}" ${what} at "${t.label || t.id}" with no check or human gate in between.`,
            nodeIds: [from, t.id],
            fix: 'Add a Quality check (schema, rule or grader) or a human approval before it.',
          });
        }
        if (t.kind !== 'output') queue.push(t.id);
      }
    }
  },
});
