/**
 * A generated design of about `size` nodes for the live-analysis bench: repeated stages of
 * AI step -> check (re-ask loop) -> router (tool | human review) -> join, each AI step with an alert route,
 * laid out on a grid so the canvas can render it.
 */
import { createNode, createWorkflow, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../src/domain/index.ts';

export function stagedDesign(size: number): Workflow {
  const nodes: WorkflowNode[] = [createNode('trigger', { id: 'start', position: { x: 0, y: 0 }, label: 'Receive request' })];
  const edges: WorkflowEdge[] = [];
  const alert = createNode('output', { id: 'alert', position: { x: 0, y: 300 }, label: 'Alert on-call' });
  nodes.push(alert);
  let prev = 'start';
  const edge = (source: string, target: string, sourcePort = 'out', extra: Partial<WorkflowEdge> = {}): void => {
    edges.push({ id: `e${edges.length}`, source, sourcePort, target, ...extra });
  };
  for (let i = 0; nodes.length + 6 < size; i++) {
    const at = (dx: number, dy: number) => ({ x: 260 * (i * 5 + dx), y: 160 * dy });
    const ai = { ...createNode('ai', { id: `ai${i}`, position: at(1, 0), label: `Draft section ${i}` }), config: { capability: 'llm' as const, purpose: `Draft section ${i}`, model: '' } };
    nodes.push(
      ai,
      createNode('check', { id: `chk${i}`, position: at(2, 0), label: `Validate section ${i}` }),
      createNode('router', { id: `r${i}`, position: at(3, 0), label: `Route section ${i}` }),
      createNode('tool', { id: `save${i}`, position: at(4, -1), label: `Save section ${i}` }),
      createNode('human', { id: `rev${i}`, position: at(4, 1), label: `Review section ${i}` }),
      { ...createNode('join', { id: `j${i}`, position: at(5, 0), label: `Merge section ${i}` }), config: { mode: 'any' as const } },
    );
    edge(prev, `ai${i}`);
    edge(`ai${i}`, 'alert', 'error');
    edge(`ai${i}`, `chk${i}`);
    edge(`chk${i}`, `ai${i}`, 'fail', { condition: { field: 'attempt', op: '<', value: 3 } });
    edge(`chk${i}`, `r${i}`, 'pass');
    edge(`r${i}`, `save${i}`, 'out', { probability: 0.9 });
    edge(`r${i}`, `rev${i}`, 'out', { isDefault: true });
    edge(`save${i}`, `j${i}`);
    edge(`rev${i}`, `j${i}`, 'approve');
    edge(`rev${i}`, 'alert', 'reject');
    prev = `j${i}`;
  }
  nodes.push(createNode('output', { id: 'done', position: { x: 260 * (nodes.length / 1.2), y: 0 }, label: 'Deliver document' }));
  edge(prev, 'done');
  return { ...createWorkflow({ id: `staged_${size}`, name: `Staged ${size}` }), nodes, edges, profile: { effortMinutes: 45, risk: 'medium', runsPerDay: 50 } };
}
