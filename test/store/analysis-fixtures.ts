/** Documents with known findings, shared by the store and Problems panel tests. */
import { createNode, createWorkflow, type NodeKind, type Workflow, type WorkflowNode } from '../../src/domain/index.ts';

/** trigger -> router -> output: exactly one finding, superfluous-router (warning), with a quick fix. */
export function superfluousRouter(): Workflow {
  const kinds: NodeKind[] = ['trigger', 'router', 'output'];
  return {
    ...createWorkflow({ id: 'wf_router', name: 'Router' }),
    nodes: kinds.map((k, i) => createNode(k, { id: `${k}${i}`, position: { x: i * 240, y: 0 } })),
    edges: [
      { id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'router1' },
      { id: 'e2', source: 'router1', sourcePort: 'out', target: 'output2' },
    ],
  };
}

/** A chain of `n` tool steps between a trigger and an output (n + 2 nodes). */
export function chain(n: number): Workflow {
  const nodes: WorkflowNode[] = [createNode('trigger', { id: 't', position: { x: 0, y: 0 } })];
  const edges: Workflow['edges'] = [];
  let prev = 't';
  for (let i = 0; i < n; i++) {
    nodes.push(createNode('tool', { id: `s${i}`, position: { x: i * 10, y: 0 }, label: `Store record ${i}` }));
    edges.push({ id: `e${i}`, source: prev, sourcePort: 'out', target: `s${i}` });
    prev = `s${i}`;
  }
  nodes.push(createNode('output', { id: 'o', position: { x: 0, y: 100 } }));
  edges.push({ id: 'eo', source: prev, sourcePort: 'out', target: 'o' });
  return { ...createWorkflow({ id: 'wf_chain', name: 'Chain' }), nodes, edges };
}
