import { defineRule } from '../define-rule.ts';
import { aiSourcesOf, declaresReads } from '../lineage.ts';
import { nameOf, writesText } from '../rule-helpers.ts';

export default defineRule({
  id: 'llm-written-code',
  meta: { description: 'SQL, code or a shell command written by a model is run with write access and no allow-list.', docs: 'docs/rules/llm-written-code.md', category: 'safety' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    for (const n of graph.workNodes) {
      if (n.kind !== 'tool' || n.config.dynamicStatement !== true || n.config.sideEffect === 'none') continue;
      // Where the statement comes from: the AI steps lineage names, or (without lineage) any AI step before it.
      // Only steps that write text can write a statement: a voice, an image or vectors are files and numbers a
      // command may name, not text it runs (corpus 1400: ffmpeg joins a spoken quote, an image and a video).
      const sources = (declaresReads(graph, n.id) ? aiSourcesOf(graph, n.id) : graph.workNodes.filter((a) => a.kind === 'ai' && reaches(a.id, n.id)).map((a) => a.id)).filter((id) => writesText(graph.node(graph.indexOf(id))));
      if (sources.length === 0) continue;
      const from = graph.node(graph.indexOf(sources[0]!));
      report({
        severity: n.config.sideEffect === 'irreversible' ? 'error' : 'warning',
        message: `${nameOf(n)} runs a statement built from the output of ${nameOf(from)}, with ${n.config.sideEffect} effects: a wrong or injected answer is executed as it is.`,
        nodeIds: [from.id, n.id],
        fix: 'Run it under a read-only role, or let the model fill parameters of fixed statements (an allow-list) instead of writing the statement.',
      });
    }

    function reaches(from: string, to: string): boolean {
      const seen = new Set([from]);
      const stack = [from];
      while (stack.length > 0) {
        for (const t of graph.successorIds(stack.pop()!)) {
          if (t === to) return true;
          if (!seen.has(t)) {
            seen.add(t);
            stack.push(t);
          }
        }
      }
      return false;
    }
  },
});
