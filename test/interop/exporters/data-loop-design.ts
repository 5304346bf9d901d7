/**
 * A design with what format version 2 added, for the exporters' tests: a data step of every operation, a loop
 * (for-each with a batch size, its body coming back to it, an error route out of the body), and an agent with
 * tools of each kind. No template has them; the n8n corpus designs do, but this one holds every case at once.
 *
 * trigger -> set -> loop --each--> agent(tools) -> code -> filter -> sort -> limit -> dedupe -> convert -> file
 *                    |                  \error-> alert (error output)                 -> back to the loop
 *                    --done--> aggregate -> merge -> split -> wait -> respond -> pass -> done (output)
 */
import { createNode, createWorkflow, type DataOperation, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../../src/domain/index.ts';

export const BODY_OPERATIONS: readonly DataOperation[] = ['code', 'filter', 'sort', 'limit', 'dedupe', 'convert', 'file'];
export const AFTER_OPERATIONS: readonly DataOperation[] = ['aggregate', 'merge', 'split', 'wait', 'respond', 'pass'];

export function dataLoopDesign(): Workflow {
  const doc = createWorkflow({ id: 'data-loop', name: 'Enrich leads one by one' });
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  const at = (i: number, row = 0) => ({ x: i * 240, y: row * 200 });
  const link = (source: string, target: string, sourcePort = 'out') => edges.push({ id: `e${edges.length + 1}`, source, sourcePort, target });

  const trigger = createNode('trigger', { id: 'start', position: at(0), label: 'New leads arrive' });
  trigger.config = { type: 'webhook' };
  nodes.push(trigger);
  const set = createNode('data', { id: 'set', position: at(1), label: 'Keep name and domain' });
  set.config = { operation: 'set', purpose: 'Keep the name and the web domain of each lead.' };
  nodes.push(set);
  const loop = createNode('loop', { id: 'each-lead', position: at(2), label: 'For each lead' });
  loop.config = { batchSize: 5, purpose: 'Enrich leads five at a time.' };
  nodes.push(loop);
  const agent = createNode('ai', { id: 'research', position: at(3, 1), label: 'Research the company' });
  agent.config = {
    capability: 'agent',
    model: 'gpt-4o',
    purpose: 'Find what the company does and who decides on purchases.',
    tools: [
      { name: 'Search the web', type: 'http', sideEffect: 'none', description: 'Web search for the company name.' },
      { name: 'Post to Slack', type: 'notification', sideEffect: 'irreversible' },
      { name: 'Score the lead', type: 'script', sideEffect: 'none' },
      { name: 'CRM lookup', type: 'subworkflow', sideEffect: 'none' },
    ],
  };
  agent.policy = {
    retry: [{ errorEquals: ['ALL'], maximumAttempts: 3, initialIntervalSeconds: 2, backoffCoefficient: 1 }],
    catch: [{ errorEquals: ['ALL'], port: 'error' }],
  };
  nodes.push(agent);
  const alert = createNode('output', { id: 'alert', position: at(4, 2), label: 'Research failed' });
  alert.config = { type: 'alert', outcome: 'error' };
  nodes.push(alert);
  link('start', 'set');
  link('set', 'each-lead');
  link('each-lead', 'research', 'each');
  link('research', 'alert', 'error');
  let previous = 'research';
  BODY_OPERATIONS.forEach((operation, i) => {
    const n = createNode('data', { id: `body-${operation}`, position: at(4 + i, 1), label: `Body ${operation}` });
    n.config = { operation };
    nodes.push(n);
    link(previous, n.id);
    previous = n.id;
  });
  link(previous, 'each-lead');
  previous = 'each-lead';
  AFTER_OPERATIONS.forEach((operation, i) => {
    const n = createNode('data', { id: `after-${operation}`, position: at(3 + i), label: `After ${operation}` });
    n.config = operation === 'wait' ? { operation, delaySeconds: 90 } : { operation };
    nodes.push(n);
    link(previous, n.id, previous === 'each-lead' ? 'done' : 'out');
    previous = n.id;
  });
  const done = createNode('output', { id: 'done', position: at(10), label: 'Leads enriched' });
  done.config = { type: 'deliver', outcome: 'success' };
  nodes.push(done);
  link(previous, 'done');
  doc.nodes = nodes;
  doc.edges = edges;
  return doc;
}
