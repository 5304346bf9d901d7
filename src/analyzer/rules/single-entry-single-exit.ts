import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'single-entry-single-exit',
  meta: { description: 'One start and few ends keep a workflow understandable (7PMG G3).', docs: 'docs/rules/single-entry-single-exit.md', category: 'structure' },
  defaultSeverity: 'info',
  options: { maxTriggers: 1, maxTriggersBeforeWarning: 2, maxOutputs: 2 },
  check({ graph, options }, report) {
    const t = graph.triggers.length;
    if (t > options.maxTriggers) {
      report({ severity: t > options.maxTriggersBeforeWarning ? 'warning' : 'info', message: `The workflow has ${t} triggers.`, nodeIds: graph.triggers.map((n) => n.id), fix: 'Start with one trigger; route different kinds of input with a Router after it.', evidence: { triggers: t } });
    }
    const o = graph.outputs.length;
    if (o > options.maxOutputs) {
      report({ message: `The workflow has ${o} outputs.`, nodeIds: graph.outputs.map((n) => n.id), fix: 'Merge outputs that deliver the same kind of result.', evidence: { outputs: o } });
    }
  },
});
