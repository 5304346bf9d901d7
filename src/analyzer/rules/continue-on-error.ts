import { errorsInWords, type WorkflowNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { catchersOf, nameOf } from '../rule-helpers.ts';

/** Steps that may decide on what they receive: a router can test for an error field, a check or a person can reject it. */
const decides = (n: WorkflowNode): boolean => n.kind === 'router' || n.kind === 'check' || n.kind === 'human';

/** Where a failure carried on as a normal result does harm: a side effect, or a case counted as a success. */
const acts = (n: WorkflowNode): boolean => (n.kind === 'tool' && n.config.sideEffect !== 'none') || (n.kind === 'output' && n.config.outcome === 'success' && n.config.type !== 'discard');

export default defineRule({
  id: 'continue-on-error',
  meta: { description: 'A step whose errors continue down its normal output turns a failure into the normal path.', docs: 'docs/rules/continue-on-error.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    for (const n of graph.nodes) {
      const toOut = catchersOf(n).filter((c) => c.port === 'out');
      if (toOut.length === 0) continue;
      // Follow the normal output until something can decide on the failed item, or until it acts on it.
      const seen = new Set<string>([n.id]);
      const queue = graph.outEdges(n.id).filter((e) => e.sourcePort === 'out').map((e) => e.target);
      let hit: WorkflowNode | undefined;
      for (let head = 0; head < queue.length && hit === undefined; head++) {
        const id = queue[head]!;
        if (seen.has(id)) continue;
        seen.add(id);
        const t = graph.node(graph.indexOf(id));
        if (decides(t)) continue;
        if (acts(t)) {
          hit = t;
          break;
        }
        for (const e of graph.outEdges(id)) if (!seen.has(e.target)) queue.push(e.target);
      }
      if (hit === undefined) continue;
      const errors = errorsInWords(toOut.flatMap((c) => c.errorEquals));
      report({
        message:
          hit.kind === 'output'
            ? `Errors of ${nameOf(n)} (${errors}) continue down its normal output to ${nameOf(hit)}: a failed run is counted as a success.`
            : `Errors of ${nameOf(n)} (${errors}) continue down its normal output to ${nameOf(hit)}, which acts as if the step had worked.`,
        nodeIds: [n.id, hit.id],
        fix: 'Send errors to the error port and handle them there (retry, alert, a fallback), or test for the error with a Router before anything acts on the result.',
      });
    }
  },
});
