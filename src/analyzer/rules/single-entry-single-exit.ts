import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'single-entry-single-exit',
  meta: { description: 'One start and few ends keep a workflow understandable (7PMG G3).', docs: 'docs/rules/single-entry-single-exit.md', category: 'structure' },
  defaultSeverity: 'info',
  options: {
    maxTriggers: 1,
    maxTriggersBeforeWarning: 2,
    maxOutputs: 2,
    /** A manual trigger beside the real one is a test button (n8n's "When clicking 'Test workflow'"), not a second entry. */
    countManualBesideOthers: false,
  },
  check({ graph, options }, report) {
    const manual = (n: (typeof graph.triggers)[number]): boolean => n.kind === 'trigger' && n.config.type === 'manual';
    const others = graph.triggers.filter((n) => !manual(n));
    const counted = options.countManualBesideOthers || others.length === 0 ? graph.triggers : others;
    const t = counted.length;
    if (t > options.maxTriggers) {
      report({ severity: t > options.maxTriggersBeforeWarning ? 'warning' : 'info', message: `The workflow has ${t} triggers.`, nodeIds: counted.map((n) => n.id), fix: 'Start with one trigger; route different kinds of input with a Router after it.', evidence: { triggers: t } });
    }
    const o = graph.outputs.length;
    if (o > options.maxOutputs) {
      report({ message: `The workflow has ${o} outputs.`, nodeIds: graph.outputs.map((n) => n.id), fix: 'Merge outputs that deliver the same kind of result.', evidence: { outputs: o } });
    }
  },
});
