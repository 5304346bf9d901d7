/**
 * What a new node of each kind holds when it is dropped on the canvas. The stubs are chosen to simulate
 * sensibly out of the box, from what such steps typically do in production:
 *
 * - AI step: lognormal latency, median 2 s and p95 8 s (LLM APIs have long tails); 93% ok, 4% wrong (a plausible
 *   but incorrect answer, the silent error), 1% each rate-limited, timed out, malformed output. Confidence is
 *   beta(9,1) when right and beta(4,3) when wrong: informative but overlapping, as real confidence scores are.
 *   One retry budget of 3 tries on transient errors with exponential backoff, and a 30 s per-try timeout.
 * - Tool: median 0.3 s, p95 1.5 s; 99% ok, 0.5% communication errors, 0.5% timeouts; a 10 s per-try timeout.
 * - Human gate: one reviewer on business hours; median 5 min, p95 20 min per item; approves 85% of correct items,
 *   rejects 5%, sends 10% back; catches 70% of wrong items; $40/h.
 * - Quality check: a schema check, fast and cheap, catching 60% of wrong items and rejecting 1% of good ones.
 * - Data step: a local "set fields" transform taking 10 ms that never fails and has no policy: nothing outside
 *   is called, so there is nothing to time out or retry.
 * - Loop: one item per pass; a case brings 5 items in the median and 20 at the 95th percentile.
 */
import type { Distribution } from './distribution.schema.ts';
import type { NodeKind, NodeOfKind, Position, WorkflowNode } from './node.schema.ts';
import { KIND_LABELS } from './node.schema.ts';
import type { Retrier, Timeouts } from './policy.schema.ts';
import { CURRENT_SCHEMA_VERSION, WORKFLOW_FORMAT, type Workflow } from './workflow.schema.ts';

export const DEFAULT_AI_LATENCY: Distribution = { type: 'lognormal', median: 2, p95: 8 };
export const DEFAULT_TOOL_LATENCY: Distribution = { type: 'lognormal', median: 0.3, p95: 1.5 };
export const DEFAULT_REVIEW_TIME: Distribution = { type: 'lognormal', median: 300, p95: 1200 };
export const DEFAULT_DATA_LATENCY: Distribution = { type: 'fixed', value: 0.01 };
export const DEFAULT_LOOP_ITEMS: Distribution = { type: 'lognormal', median: 5, p95: 20 };

export const DEFAULT_TRANSIENT_RETRY: Retrier = {
  errorEquals: ['rate_limited', 'timeout', 'communication'],
  maximumAttempts: 3,
  initialIntervalSeconds: 1,
  backoffCoefficient: 2,
  maximumIntervalSeconds: 30,
  jitter: 'full',
  honorRetryAfter: true,
};

const AI_TIMEOUTS: Timeouts = { startToCloseSeconds: 30 };
const TOOL_TIMEOUTS: Timeouts = { startToCloseSeconds: 10 };

type NodeInit = { id: string; position: Position; label?: string };

/** Build a fresh node of one kind, holding the defaults above. */
export function createNode<K extends NodeKind>(kind: K, init: NodeInit): NodeOfKind<K>;
export function createNode(kind: NodeKind, init: NodeInit): WorkflowNode {
  const base = { id: init.id, position: init.position, label: init.label ?? defaultLabel(kind) };
  switch (kind) {
    case 'trigger':
      return { ...base, kind, config: { type: 'manual' } };
    case 'ai':
      return {
        ...base,
        kind,
        config: { capability: 'llm', model: '', purpose: '' },
        stub: {
          latency: DEFAULT_AI_LATENCY,
          costPerCall: 0.002,
          outcomes: { ok: 0.93, wrong: 0.04, rate_limited: 0.01, timeout: 0.01, malformed_output: 0.01 },
          confidence: { correct: { type: 'beta', alpha: 9, beta: 1 }, wrong: { type: 'beta', alpha: 4, beta: 3 } },
          retryAfterSeconds: 2,
        },
        policy: { timeouts: AI_TIMEOUTS, retry: [DEFAULT_TRANSIENT_RETRY] },
      };
    case 'tool':
      return {
        ...base,
        kind,
        config: { type: 'http', sideEffect: 'none', idempotent: true },
        stub: { latency: DEFAULT_TOOL_LATENCY, costPerCall: 0, outcomes: { ok: 0.99, communication: 0.005, timeout: 0.005 } },
        policy: { timeouts: TOOL_TIMEOUTS, retry: [DEFAULT_TRANSIENT_RETRY] },
      };
    case 'data':
      return { ...base, kind, config: { operation: 'set' }, stub: { latency: DEFAULT_DATA_LATENCY } };
    case 'loop':
      return { ...base, kind, config: { batchSize: 1 }, stub: { items: DEFAULT_LOOP_ITEMS } };
    case 'human':
      return {
        ...base,
        kind,
        config: { type: 'approval', reviewers: 1, calendar: 'business-hours', slaSeconds: 4 * 3600 },
        stub: { serviceTime: DEFAULT_REVIEW_TIME, costPerHour: 40, outcomes: { approve: 0.85, reject: 0.05, revise: 0.1 }, detectionRate: 0.7 },
      };
    case 'check':
      return {
        ...base,
        kind,
        config: { type: 'schema', onFail: 'route' },
        stub: { latency: { type: 'fixed', value: 0.05 }, costPerCall: 0, detectionRate: 0.6, falseRejectRate: 0.01 },
      };
    case 'router':
      return { ...base, kind, config: { mode: 'exclusive' } };
    case 'join':
      return { ...base, kind, config: { mode: 'all' } };
    case 'output':
      return { ...base, kind, config: { type: 'deliver', outcome: 'success' } };
    case 'note':
      return { ...base, label: init.label ?? '', kind, config: { text: 'Write a note…' } };
  }
}

/** A label that says what to do next ("Name this AI step") would be noise; the kind's name is neutral. */
export function defaultLabel(kind: NodeKind): string {
  return kind === 'note' ? '' : KIND_LABELS[kind];
}

/** An empty document, ready to edit. */
export function createWorkflow(init: { id: string; name: string; now?: string }): Workflow {
  const now = init.now ?? new Date(0).toISOString();
  return {
    format: WORKFLOW_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: init.id,
    name: init.name,
    nodes: [],
    edges: [],
    meta: { createdAt: now, updatedAt: now, generator: 'baton 0.1.0' },
  };
}

/**
 * A short random id with a prefix, unique against `taken`. Ids need not be secret, only distinct:
 * Math.random is enough and works the same in Node, workers and the page.
 * @example makeId('n', new Set(['n_abc12'])) // "n_k3x9q"
 */
export function makeId(prefix: string, taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    const candidate = `${prefix}_${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Whether a step runs, and is estimated, with its kind's default failure rates: an AI step or tool with no stub
 * (the simulator fills in createNode's stub). A step made in Baton carries those defaults in its stub, where the
 * conductor sees and edits them; a step imported from n8n (which has no such field) has none.
 * @example usesDefaultRates(createNode('tool', { id: 't', position: { x: 0, y: 0 } })) // false: its stub states them
 */
export function usesDefaultRates(node: WorkflowNode): boolean {
  return (node.kind === 'ai' || node.kind === 'tool') && node.stub === undefined;
}
