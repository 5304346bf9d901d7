import type { WorkflowNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { isLanguageStep, isPlumbing } from '../overbuilding.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'long-llm-chain',
  meta: { description: 'Many language-model steps in series, with only data, routing or wait steps between them, compound their errors, latency and cost.', docs: 'docs/rules/long-llm-chain.md', category: 'over-engineering' },
  defaultSeverity: 'warning',
  options: { maxLlmSteps: 2 },
  check({ graph, options }, report) {
    // Longest run of language steps on a path through the normal flow, where only plumbing (routers, joins,
    // loops, data steps) may sit between two of them; any other step (a tool, a check, a person) ends the run.
    // Dynamic programming over the components in topological order; a loop's members are taken once.
    const scc = graph.scc();
    const failure = graph.failureEdge();
    const run = new Int32Array(graph.size);
    const from = new Int32Array(graph.size).fill(-1);
    const passes = (n: WorkflowNode): boolean => isLanguageStep(n) || isPlumbing(n);
    for (const c of scc.topoOrder) {
      for (const v of scc.components[c]!) {
        const n = graph.node(v);
        let best = 0;
        let arg = -1;
        for (let j = graph.pred.offsets[v]!; j < graph.pred.offsets[v + 1]!; j++) {
          const u = graph.pred.targets[j]!;
          if (failure[graph.pred.edgeIndex[j]!] === 1 || scc.compOf[u] === c || !passes(graph.node(u))) continue;
          if (run[u]! > best) {
            best = run[u]!;
            arg = u;
          }
        }
        run[v] = isLanguageStep(n) ? best + 1 : isPlumbing(n) ? best : 0;
        from[v] = arg;
      }
    }
    // Report each maximal run once, at its last language step (runs that branch apart share their beginning).
    for (let v = 0; v < graph.size; v++) {
      if (!isLanguageStep(graph.node(v)) || run[v]! <= options.maxLlmSteps) continue;
      // Maximal: no language step continues it.
      let extended = false;
      for (let j = graph.succ.offsets[v]!; j < graph.succ.offsets[v + 1]! && !extended; j++) {
        const w = graph.succ.targets[j]!;
        if (run[w]! > run[v]! || (isPlumbing(graph.node(w)) && run[w] === run[v] && continues(w, run[v]!))) extended = true;
      }
      if (extended) continue;
      const chain: string[] = [];
      for (let u = v; u >= 0; u = from[u]!) if (isLanguageStep(graph.node(u))) chain.unshift(graph.node(u).id);
      report({
        message: `${run[v]} language-model steps run in series, from ${nameOf(graph.node(graph.indexOf(chain[0]!)))} to ${nameOf(graph.node(v))}: each one's mistakes become the next one's input.`,
        nodeIds: chain,
        fix: 'Merge steps that do one job into one well-specified prompt, and put a check where a wrong intermediate result would be expensive.',
        evidence: { llmSteps: run[v]!, maxLlmSteps: options.maxLlmSteps },
      });
    }

    /** Does a run carried by plumbing node w reach a longer run further on? */
    function continues(w: number, length: number): boolean {
      const seen = new Set<number>([w]);
      const stack = [w];
      while (stack.length > 0) {
        const x = stack.pop()!;
        for (let j = graph.succ.offsets[x]!; j < graph.succ.offsets[x + 1]!; j++) {
          const y = graph.succ.targets[j]!;
          if (seen.has(y) || failure[graph.succ.edgeIndex[j]!] === 1) continue;
          seen.add(y);
          const n = graph.node(y);
          if (isLanguageStep(n) && run[y]! > length) return true;
          if (isPlumbing(n)) stack.push(y);
        }
      }
      return false;
    }
  },
});
