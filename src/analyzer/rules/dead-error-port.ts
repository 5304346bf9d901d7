import { errorsInWords, type Catcher, type WorkflowNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

/** Steps whose failure policy routes errors: AI steps, tools and data steps. */
function catchers(n: WorkflowNode): readonly Catcher[] | undefined {
  return n.kind === 'ai' || n.kind === 'tool' || n.kind === 'data' ? (n.policy?.catch ?? []) : undefined;
}

export default defineRule({
  id: 'dead-error-port',
  meta: { description: 'An error port and the catch policy must agree: only a catcher sends errors to a port, and a port a catcher sends to needs an edge.', docs: 'docs/rules/dead-error-port.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    // graph.nodes, not workNodes: data steps (plumbing, not work) route errors too.
    for (const n of graph.nodes) {
      const list = catchers(n);
      if (list === undefined) continue;
      const out = graph.outEdges(n.id);
      const errorEdges = out.filter((e) => e.sourcePort === 'error');
      // Wired but never taken: the format routes an error to a port only through a catcher (no catcher, no route).
      if (errorEdges.length > 0 && !list.some((c) => c.port === 'error')) {
        report({
          message: `${nameOf(n)} has an error edge but no catcher sends errors to it, so it is never taken: its errors ${n.kind === 'data' ? 'fail the case' : 'fail the case after any retries'}.`,
          nodeIds: [n.id],
          edgeIds: errorEdges.map((e) => e.id),
          fix: 'Add a catch policy that sends any error (or the ones the route handles) to the "error" port.',
          ...(n.kind !== 'data' ? { quickFix: 'add-error-route' as const } : {}),
        });
      }
      // Caught but going nowhere: a case whose error a catcher sends to a port with no edge ends stuck there.
      // ("out" with no edge is a dead end, dead-end's finding.)
      const ports = [...new Set(list.map((c) => c.port))].filter((p) => p !== 'out' && !out.some((e) => e.sourcePort === p));
      for (const port of ports) {
        const matched = errorsInWords(list.filter((c) => c.port === port).flatMap((c) => c.errorEquals));
        report({
          severity: 'error',
          message: `${nameOf(n)} sends errors (${matched}) to its "${port}" port, which has no edge: a case with such an error gets stuck there.`,
          nodeIds: [n.id],
          fix: `Connect the "${port}" port to an alert, a fallback or a rejected output, or remove the catcher.`,
          ...(port === 'error' && n.kind !== 'data' ? { quickFix: 'add-error-route' as const } : {}),
        });
      }
    }
  },
});
