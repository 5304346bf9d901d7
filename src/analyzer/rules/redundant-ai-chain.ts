import type { AiNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'redundant-ai-chain',
  meta: { description: 'AI steps of the same capability feeding only each other are usually one prompt split in two.', docs: 'docs/rules/redundant-ai-chain.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: { maxLlmRun: 2 },
  check({ graph, options }, report) {
    /** The single AI step this one feeds through `out`, when that is all it feeds. */
    const onlyNext = (n: AiNode): AiNode | undefined => {
      const outs = graph.outEdges(n.id).filter((e) => e.sourcePort === 'out');
      if (outs.length !== 1) return undefined;
      const next = graph.node(graph.indexOf(outs[0]!.target));
      if (next.kind !== 'ai' || next.id === n.id) return undefined;
      return new Set(graph.inEdges(next.id).map((e) => e.source)).size === 1 ? next : undefined;
    };
    const hasLlmParent = new Set<string>();
    for (const n of graph.workNodes) {
      if (n.kind !== 'ai') continue;
      const next = onlyNext(n);
      if (!next) continue;
      if (n.config.capability === 'llm' && next.config.capability === 'llm') hasLlmParent.add(next.id);
      if (next.config.capability === n.config.capability) {
        report({ message: `${nameOf(n)} only feeds ${nameOf(next)}, another ${n.config.capability} step.`, nodeIds: [n.id, next.id], fix: 'Try one step with a prompt that does both; keep two only if measurements show one fails.' });
      }
    }
    // Runs of LLM steps: walk from each run's head, so every node is visited once.
    for (const n of graph.workNodes) {
      if (n.kind !== 'ai' || n.config.capability !== 'llm' || hasLlmParent.has(n.id)) continue;
      const run = [n.id];
      const seen = new Set(run);
      let cur: AiNode | undefined = onlyNext(n);
      while (cur && cur.config.capability === 'llm' && !seen.has(cur.id)) {
        run.push(cur.id);
        seen.add(cur.id);
        cur = onlyNext(cur);
      }
      if (run.length > options.maxLlmRun) {
        report({ severity: 'warning', message: `${run.length} LLM steps run one after another.`, nodeIds: run, fix: 'Collapse the run into one or two well-specified prompts.', evidence: { run: run.length } });
      }
    }
  },
});
