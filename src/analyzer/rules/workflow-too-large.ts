import { defineRule } from '../define-rule.ts';
import type { GraphCore } from '../graph-core.ts';

/**
 * The node count of the largest process in the file. Processes are the parts the edges connect, outputs left out
 * of the connecting (an importer's shared "End" would otherwise join flows that never meet); each process counts
 * the outputs it reaches. A file holding several small flows is not one large workflow.
 */
function processSizes(graph: GraphCore): number[] {
  const n = graph.size;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const inner = (i: number): boolean => graph.nodes[i]!.kind !== 'output';
  const toOutputs: [number, number][] = [];
  for (const e of graph.edges) {
    const s = graph.indexOf(e.source);
    const t = graph.indexOf(e.target);
    if (s < 0 || t < 0) continue;
    if (inner(s) && inner(t)) parent[find(s)] = find(t);
    else if (inner(s)) toOutputs.push([s, t]);
  }
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) if (inner(i)) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
  const seen = new Set<string>();
  for (const [s, t] of toOutputs) {
    const key = `${find(s)}:${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    size.set(find(s), (size.get(find(s)) ?? 0) + 1);
  }
  return [...size.values()];
}

export default defineRule({
  id: 'workflow-too-large',
  meta: { description: 'Large workflows are hard to understand and error-prone (7PMG G7: decompose above 50 nodes).', docs: 'docs/rules/workflow-too-large.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: { infoAbove: 20, warningAbove: 50 },
  check({ graph, options }, report) {
    const total = graph.size;
    if (total <= options.infoAbove) return;
    const sizes = processSizes(graph);
    const largest = Math.max(0, ...sizes);
    if (largest <= options.infoAbove) return;
    const several = sizes.length > 1 && largest < total;
    report({
      severity: largest > options.warningAbove ? 'warning' : 'info',
      message: several ? `The largest of its ${sizes.length} processes has ${largest} nodes (${total} in the workflow).` : `The workflow has ${total} nodes.`,
      fix: 'Split it into subworkflows of under 20 nodes, each with one job.',
      evidence: { nodes: total, largestProcess: largest, infoAbove: options.infoAbove, warningAbove: options.warningAbove },
    });
  },
});
