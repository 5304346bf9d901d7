import type { WorkflowNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { reachedFrom } from '../rule-helpers.ts';

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
    /**
     * Triggers whose paths never meet (before an end) start separate processes kept in one file (n8n files often hold a form, its
     * second page's form, a sub-workflow entry and a schedule side by side): only triggers of one process count.
     */
    countSeparateProcesses: false,
  },
  check({ graph, options }, report) {
    const manual = (n: (typeof graph.triggers)[number]): boolean => n.kind === 'trigger' && n.config.type === 'manual';
    const others = graph.triggers.filter((n) => !manual(n));
    const candidates = options.countManualBesideOthers || others.length === 0 ? graph.triggers : others;
    const counted = options.countSeparateProcesses ? candidates : largestProcess(candidates);
    const t = counted.length;
    if (t > options.maxTriggers) {
      report({ severity: t > options.maxTriggersBeforeWarning ? 'warning' : 'info', message: `The workflow has ${t} triggers.`, nodeIds: counted.map((n) => n.id), fix: 'Start with one trigger; route different kinds of input with a Router after it.', evidence: { triggers: t } });
    }
    /** The largest set of triggers whose paths meet (transitively): the entries of one process. */
    function largestProcess(triggers: readonly WorkflowNode[]): readonly WorkflowNode[] {
      if (triggers.length < 2) return triggers;
      const reach = triggers.map((tr) => reachedFrom(graph, [tr]));
      // Paths that meet only at an end (an import's shared "End") are still separate processes.
      const meets = (k: number): boolean => graph.node(k).kind !== 'output';
      const group = triggers.map((_, i) => i);
      const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i]!)));
      for (let i = 0; i < triggers.length; i++) {
        for (let j = i + 1; j < triggers.length; j++) {
          if (find(i) !== find(j) && reach[i]!.some((v, k) => v === 1 && reach[j]![k] === 1 && meets(k))) group[find(i)] = find(j);
        }
      }
      const sizes = new Map<number, WorkflowNode[]>();
      triggers.forEach((tr, i) => sizes.set(find(i), [...(sizes.get(find(i)) ?? []), tr]));
      return [...sizes.values()].reduce((a, b) => (b.length > a.length ? b : a));
    }
    const o = graph.outputs.length;
    if (o > options.maxOutputs) {
      report({ message: `The workflow has ${o} outputs.`, nodeIds: graph.outputs.map((n) => n.id), fix: 'Merge outputs that deliver the same kind of result.', evidence: { outputs: o } });
    }
  },
});
