/**
 * Small builders for simulator tests: documents are written as data, close to how a person would draw them.
 */
import type { Distribution, StepPolicy, Workflow, WorkflowEdge, WorkflowNode } from '../../src/domain/index.ts';

const at = { x: 0, y: 0 };

export const fixed = (value: number): Distribution => ({ type: 'fixed', value });

export function trigger(id = 't'): WorkflowNode {
  return { id, kind: 'trigger', label: id, position: at, config: { type: 'manual' } };
}

export function tool(id: string, outcomes: Record<string, number>, opts: { latency?: Distribution; cost?: number; policy?: StepPolicy; retryAfter?: number } = {}): WorkflowNode {
  return {
    id,
    kind: 'tool',
    label: id,
    position: at,
    config: { type: 'http', sideEffect: 'none', idempotent: true },
    stub: { latency: opts.latency ?? fixed(1), costPerCall: opts.cost ?? 0, outcomes, ...(opts.retryAfter !== undefined ? { retryAfterSeconds: opts.retryAfter } : {}) },
    ...(opts.policy ? { policy: opts.policy } : {}),
  };
}

export function ai(id: string, outcomes: Record<string, number>, opts: { latency?: Distribution; cost?: number; policy?: StepPolicy; confidence?: { correct: Distribution; wrong: Distribution } } = {}): WorkflowNode {
  return {
    id,
    kind: 'ai',
    label: id,
    position: at,
    config: { capability: 'llm' },
    stub: { latency: opts.latency ?? fixed(1), costPerCall: opts.cost ?? 0, outcomes, ...(opts.confidence ? { confidence: opts.confidence } : {}) },
    ...(opts.policy ? { policy: opts.policy } : {}),
  };
}

export function human(id: string, opts: { reviewers?: number; service?: Distribution; calendar?: 'always' | 'business-hours'; sla?: number; outcomes?: { approve?: number; reject?: number; revise?: number }; detection?: number; costPerHour?: number } = {}): WorkflowNode {
  return {
    id,
    kind: 'human',
    label: id,
    position: at,
    config: { type: 'approval', reviewers: opts.reviewers ?? 1, calendar: opts.calendar ?? 'always', ...(opts.sla !== undefined ? { slaSeconds: opts.sla } : {}) },
    stub: { serviceTime: opts.service ?? fixed(60), costPerHour: opts.costPerHour ?? 0, outcomes: opts.outcomes ?? { approve: 1 }, detectionRate: opts.detection ?? 0 },
  };
}

export function check(id: string, detection: number, falseReject: number, opts: { onFail?: 'route' | 'reask'; maxReasks?: number; threshold?: number } = {}): WorkflowNode {
  return {
    id,
    kind: 'check',
    label: id,
    position: at,
    config: {
      type: opts.threshold !== undefined ? 'threshold' : 'schema',
      onFail: opts.onFail ?? 'route',
      ...(opts.maxReasks !== undefined ? { maxReasks: opts.maxReasks } : {}),
      ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}),
    },
    stub: { latency: fixed(0.1), costPerCall: 0, detectionRate: detection, falseRejectRate: falseReject },
  };
}

export function router(id: string, mode: 'exclusive' | 'parallel' | 'inclusive' = 'exclusive'): WorkflowNode {
  return { id, kind: 'router', label: id, position: at, config: { mode } };
}

export function join(id: string, mode: 'all' | 'first' | 'any' = 'all', timeoutSeconds?: number): WorkflowNode {
  return { id, kind: 'join', label: id, position: at, config: { mode, ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) } };
}

export function output(id: string, outcome: 'success' | 'rejected' | 'escalated' | 'error' = 'success'): WorkflowNode {
  return { id, kind: 'output', label: id, position: at, config: { type: 'deliver', outcome } };
}

let edgeCounter = 0;
/** An edge; `from` may be "node:port" (port defaults to the node kind's first port, `out`). */
export function edge(from: string, to: string, extra: Partial<WorkflowEdge> = {}): WorkflowEdge {
  const [source = '', sourcePort = 'out'] = from.split(':');
  return { id: extra.id ?? `e${edgeCounter++}`, source, sourcePort, target: to, ...extra };
}

export function workflow(nodes: WorkflowNode[], edges: WorkflowEdge[], extra: Partial<Workflow> = {}): Workflow {
  return { format: 'baton.workflow', schemaVersion: 2, id: 'wf', name: 'test', nodes, edges, ...extra };
}

/** Half-width of a 95% normal interval for a proportion p from n draws (for closed-form comparisons). */
export function binomialHalfWidth(p: number, n: number): number {
  return 1.96 * Math.sqrt((p * (1 - p)) / n);
}
