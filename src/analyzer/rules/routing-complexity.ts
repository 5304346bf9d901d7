import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'routing-complexity',
  meta: { description: 'Too many decisions: control-flow complexity (Cardoso CFC) or exclusive routers above what people follow.', docs: 'docs/rules/routing-complexity.md', category: 'over-engineering' },
  defaultSeverity: 'warning',
  options: { maxCfc: 20, maxExclusiveRouters: 6 },
  check({ graph, options }, report) {
    const m = graph.metrics();
    if (m.cfc > options.maxCfc) {
      report({ message: `Control-flow complexity is ${m.cfc} (above ${options.maxCfc}): there are many ways through this workflow.`, fix: 'Fewer branches per decision; move rarely-taken paths into one escalation.', evidence: { cfc: m.cfc, max: options.maxCfc } });
    }
    if (m.exclusiveRouters > options.maxExclusiveRouters) {
      const ids = graph.nodes.filter((n) => n.kind === 'router' && n.config.mode === 'exclusive').map((n) => n.id);
      report({ severity: 'info', message: `${m.exclusiveRouters} exclusive routers make ${m.exclusiveRouters} decisions per case.`, nodeIds: ids, fix: 'Combine decisions on the same attribute into one router.', evidence: { exclusiveRouters: m.exclusiveRouters } });
    }
  },
});
