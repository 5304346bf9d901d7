/** The design shown on a first visit before the designs library exists: a small support triage flow. */
import { createNode, createWorkflow, type Workflow } from '../domain/index.ts';

export function sampleWorkflow(): Workflow {
  const doc = createWorkflow({ id: 'wf_sample', name: 'Support ticket triage', now: '2026-11-23T00:00:00.000Z' });
  const trigger = { ...createNode('trigger', { id: 'trigger', position: { x: 0, y: 120 }, label: 'Receive ticket' }), config: { type: 'webhook' as const } };
  const classify = createNode('ai', { id: 'classify', position: { x: 240, y: 110 }, label: 'Classify ticket' });
  classify.config = { capability: 'classifier', model: 'small-classifier', purpose: 'Sort the ticket by category and urgency' };
  const route = createNode('router', { id: 'route', position: { x: 520, y: 120 }, label: 'Route by confidence' });
  const reply = createNode('ai', { id: 'reply', position: { x: 740, y: 20 }, label: 'Draft reply' });
  reply.config = { capability: 'llm', model: 'general-llm', purpose: 'Answer the customer from the FAQ' };
  const review = createNode('human', { id: 'review', position: { x: 740, y: 220 }, label: 'Review ticket' });
  const sent = { ...createNode('output', { id: 'sent', position: { x: 1040, y: 20 }, label: 'Send reply' }) };
  const escalated = { ...createNode('output', { id: 'escalated', position: { x: 1040, y: 220 }, label: 'Escalate to agent' }), config: { type: 'notify' as const, outcome: 'escalated' as const } };
  const alert = { ...createNode('output', { id: 'alert', position: { x: 520, y: 320 }, label: 'Alert on-call' }), config: { type: 'alert' as const, outcome: 'error' as const } };
  return {
    ...doc,
    profile: { effortMinutes: 6, risk: 'medium', runsPerDay: 300, slaSeconds: 3600, budgetPerRun: 0.05, outputs: 1, inputModalities: 1 },
    nodes: [trigger, classify, route, reply, review, sent, escalated, alert],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'classify' },
      { id: 'e2', source: 'classify', sourcePort: 'out', target: 'route' },
      { id: 'e3', source: 'classify', sourcePort: 'error', target: 'alert' },
      { id: 'e4', source: 'route', sourcePort: 'out', target: 'reply', condition: { field: 'confidence', op: '>=', value: 0.8 } },
      { id: 'e5', source: 'route', sourcePort: 'out', target: 'review', isDefault: true },
      { id: 'e6', source: 'reply', sourcePort: 'out', target: 'sent' },
      { id: 'e7', source: 'reply', sourcePort: 'error', target: 'review' },
      { id: 'e8', source: 'review', sourcePort: 'approve', target: 'sent' },
      { id: 'e9', source: 'review', sourcePort: 'reject', target: 'escalated' },
      { id: 'e10', source: 'review', sourcePort: 'timeout', target: 'escalated' },
    ],
  };
}
