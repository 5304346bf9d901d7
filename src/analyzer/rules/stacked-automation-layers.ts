import { defineRule } from '../define-rule.ts';
import { isAutomationLayer, nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'stacked-automation-layers',
  meta: { description: 'An automation or subworkflow that only wraps one other step adds a layer to debug and pay for.', docs: 'docs/rules/stacked-automation-layers.md', category: 'over-engineering' },
  defaultSeverity: 'warning',
  options: { maxLayersInSeries: 1 },
  check({ graph, options }, report) {
    const layers = graph.workNodes.filter(isAutomationLayer);
    if (layers.length === 0) return;
    const direct = new Set<string>();
    for (const n of layers) {
      if (n.kind !== 'tool') continue;
      const next = graph.successorIds(n.id).map((id) => graph.node(graph.indexOf(id)));
      const prev = [...new Set(graph.inEdges(n.id).map((e) => e.source))].map((id) => graph.node(graph.indexOf(id)));
      const stacked = next.find(isAutomationLayer);
      if (stacked) {
        direct.add(n.id).add(stacked.id);
        report({ message: `${nameOf(n)} hands over to ${nameOf(stacked)}, another automation layer.`, nodeIds: [n.id, stacked.id], fix: 'Call the step from one layer; remove the wrapper.' });
        continue;
      }
      const work = (k: string): boolean => k === 'ai' || k === 'tool';
      if (n.config.sideEffect === 'none' && prev.length === 1 && next.length === 1 && work(prev[0]!.kind) && work(next[0]!.kind)) {
        report({ message: `${nameOf(n)} does nothing itself (no side effect) and only passes ${nameOf(prev[0]!)} on to ${nameOf(next[0]!)}.`, nodeIds: [n.id], fix: 'Connect the two steps directly.' });
      }
    }
    // Layers in series: on the normal path, the most layers one case passes (DP over the SCC DAG, a loop's layers
    // once). Each is another platform between this workflow and the call it makes, with its own queue, failures
    // and bill; a fallback reached through an error port is an alternative, not a layer on top.
    const scc = graph.scc();
    const failure = graph.failureEdge();
    const count = new Int32Array(scc.components.length);
    const best = new Int32Array(scc.components.length).fill(-1);
    const from = new Int32Array(scc.components.length).fill(-1);
    const isLayer = new Uint8Array(graph.size);
    for (const n of layers) {
      if (!graph.onNormalPath(n.id)) continue;
      const v = graph.indexOf(n.id);
      isLayer[v] = 1;
      count[scc.compOf[v]!]! += 1;
    }
    for (const t of graph.triggers) {
      const c = scc.compOf[graph.indexOf(t.id)]!;
      best[c] = count[c]!;
    }
    let top = -1;
    for (const c of scc.topoOrder) {
      if (best[c]! < 0) continue;
      if (top < 0 || best[c]! > best[top]!) top = c;
      for (const v of scc.components[c]!) {
        for (let j = graph.succ.offsets[v]!; j < graph.succ.offsets[v + 1]!; j++) {
          if (failure[graph.succ.edgeIndex[j]!] === 1) continue;
          const d = scc.compOf[graph.succ.targets[j]!]!;
          if (d !== c && best[c]! + count[d]! > best[d]!) {
            best[d] = best[c]! + count[d]!;
            from[d] = c;
          }
        }
      }
    }
    if (top < 0 || best[top]! <= options.maxLayersInSeries) return;
    const chain: string[] = [];
    for (let c = top; c >= 0; c = from[c]!) {
      for (const v of scc.components[c]!) if (isLayer[v] === 1) chain.unshift(graph.node(v).id);
    }
    if (chain.length === 2 && chain.every((id) => direct.has(id))) return;
    // Sub-workflows run on this workflow's own orchestrator: a series of them is decomposition (what
    // workflow-too-large asks for), not another platform. Direct wrappers among them are reported above.
    if (chain.every((id) => { const n = graph.node(graph.indexOf(id)); return n.kind === 'tool' && n.config.type === 'subworkflow'; })) return;
    const names = chain.map((id) => nameOf(graph.node(graph.indexOf(id))));
    report({
      message: `A case passes ${chain.length} automation layers (${names.join(', ')}) besides this workflow, each one more platform to debug, monitor and pay for.`,
      nodeIds: chain,
      fix: 'Call the services directly from this workflow (http or database tools); keep a subworkflow only for a reused process of several steps.',
      evidence: { layersInSeries: chain.length, maxLayersInSeries: options.maxLayersInSeries },
    });
  },
});
