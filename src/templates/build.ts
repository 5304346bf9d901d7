/**
 * Small builders shared by the gallery templates. They only remove repetition (kind tags, positions on a grid,
 * edge ids, the document envelope); every number that describes behaviour stays in the template file, next to
 * the comment that says where it comes from.
 */
import {
  CURRENT_SCHEMA_VERSION,
  WORKFLOW_FORMAT,
  type AiNode,
  type CheckNode,
  type CircuitBreaker,
  type Condition,
  type Distribution,
  type ErrorType,
  type HumanNode,
  type JoinNode,
  type OutputNode,
  type Position,
  type Profile,
  type Retrier,
  type RouterNode,
  type Scenario,
  type StepPolicy,
  type ToolNode,
  type TriggerNode,
  type Workflow,
  type WorkflowEdge,
  type WorkflowNode,
} from '../domain/index.ts';

/** A gallery entry: a complete document plus the words the gallery shows about it. */
export interface Template {
  /** Stable id; also the document's id, so a template opened twice is recognisable. */
  readonly id: string;
  readonly name: string;
  /** One line for the gallery card. */
  readonly summary: string;
  /** One paragraph on the real situation the workflow serves. */
  readonly situation: string;
  readonly tags: readonly string[];
  /** Deliberately over-built: the analyzer's over-engineering rules must catch it. */
  readonly overEngineered?: boolean;
  readonly doc: Workflow;
}

/**
 * Grid pitch. Nodes are drawn up to 240 x 110 (a human gate with four ports), so 320 x 160 leaves 80 px between
 * columns for edge labels and never overlaps (issue 11: at 240 x 140 labels clipped under the next node).
 */
export const COLUMN_WIDTH = 320;
export const ROW_HEIGHT = 160;

/** Position of grid cell (column, row); row 0 is the main path, negative rows sit above it. */
export function at(column: number, row = 0): Position {
  return { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT };
}

// ---------------------------------------------------------------- distributions

export function lognormal(median: number, p95: number): Distribution {
  return { type: 'lognormal', median, p95 };
}

export function beta(alpha: number, betaParam: number): Distribution {
  return { type: 'beta', alpha, beta: betaParam };
}

export function fixed(value: number): Distribution {
  return { type: 'fixed', value };
}

export function triangular(min: number, mode: number, max: number): Distribution {
  return { type: 'triangular', min, mode, max };
}

// ---------------------------------------------------------------- policies

/**
 * Retry transient errors only (timeout, rate limit, connection): a refusal or a validation error stays what it
 * is on the next try, so retrying it only burns money (analyzer formula 1 - q_d - q_t^k).
 */
export function transientRetry(maximumAttempts = 3, initialIntervalSeconds = 1, maximumIntervalSeconds = 30): Retrier {
  return {
    errorEquals: ['rate_limited', 'timeout', 'communication'],
    maximumAttempts,
    initialIntervalSeconds,
    backoffCoefficient: 2,
    maximumIntervalSeconds,
    jitter: 'full',
    honorRetryAfter: true,
  };
}

export interface StepPolicyInit {
  /** Limit for one try. */
  readonly timeoutSeconds: number;
  /** Limit for the whole step, retries and backoff included. */
  readonly totalSeconds?: number;
  /** All tries on transient errors (1 = no retry). */
  readonly attempts?: number;
  readonly initialIntervalSeconds?: number;
  readonly maximumIntervalSeconds?: number;
  /** Errors that leave by the error port; default ALL, so nothing fails the case unhandled. */
  readonly catchErrors?: readonly ErrorType[];
  readonly circuitBreaker?: CircuitBreaker;
}

/** Timeout, transient retry, catch -> error port, optional circuit breaker: the careful default for a step. */
export function stepPolicy(init: StepPolicyInit): StepPolicy {
  const attempts = init.attempts ?? 3;
  const policy: StepPolicy = {
    timeouts: init.totalSeconds === undefined ? { startToCloseSeconds: init.timeoutSeconds } : { startToCloseSeconds: init.timeoutSeconds, scheduleToCloseSeconds: init.totalSeconds },
    catch: [{ errorEquals: init.catchErrors ? [...init.catchErrors] : ['ALL'], port: 'error' }],
  };
  if (attempts > 1) policy.retry = [transientRetry(attempts, init.initialIntervalSeconds, init.maximumIntervalSeconds)];
  if (init.circuitBreaker) policy.circuitBreaker = init.circuitBreaker;
  return policy;
}

/**
 * A breaker for a dependency known to have bad hours (payer gateways, ERPs in maintenance): after half of the
 * last 20 calls failed, stop calling for a minute so queued cases fail fast to their fallback instead of each
 * waiting out its own timeout and retries.
 */
export function breaker(openSeconds = 60): CircuitBreaker {
  return { failureRateThreshold: 0.5, windowSize: 20, minimumCalls: 10, openSeconds };
}

// ---------------------------------------------------------------- nodes

interface NodeInit {
  readonly id: string;
  readonly label: string;
  readonly at: Position;
  readonly description?: string;
}

function base(init: NodeInit): { id: string; label: string; position: Position; description?: string } {
  return init.description === undefined
    ? { id: init.id, label: init.label, position: init.at }
    : { id: init.id, label: init.label, position: init.at, description: init.description };
}

export function trigger(init: NodeInit & { type: TriggerNode['config']['type'] }): TriggerNode {
  return { ...base(init), kind: 'trigger', config: { type: init.type } };
}

export function ai(init: NodeInit & { config: AiNode['config']; stub: NonNullable<AiNode['stub']>; policy: StepPolicy }): AiNode {
  return { ...base(init), kind: 'ai', config: init.config, stub: init.stub, policy: init.policy };
}

export function tool(init: NodeInit & { config: ToolNode['config']; stub: NonNullable<ToolNode['stub']>; policy: StepPolicy }): ToolNode {
  return { ...base(init), kind: 'tool', config: init.config, stub: init.stub, policy: init.policy };
}

export function human(init: NodeInit & { config: HumanNode['config']; stub: NonNullable<HumanNode['stub']> }): HumanNode {
  return { ...base(init), kind: 'human', config: init.config, stub: init.stub };
}

export function check(init: NodeInit & { config: CheckNode['config']; stub: NonNullable<CheckNode['stub']> }): CheckNode {
  return { ...base(init), kind: 'check', config: init.config, stub: init.stub };
}

export function router(init: NodeInit & { mode: RouterNode['config']['mode'] }): RouterNode {
  return { ...base(init), kind: 'router', config: { mode: init.mode } };
}

export function join(init: NodeInit & { mode: JoinNode['config']['mode']; timeoutSeconds?: number }): JoinNode {
  const config: JoinNode['config'] = init.timeoutSeconds === undefined ? { mode: init.mode } : { mode: init.mode, timeoutSeconds: init.timeoutSeconds };
  return { ...base(init), kind: 'join', config };
}

export function output(init: NodeInit & { type: OutputNode['config']['type']; outcome: OutputNode['config']['outcome'] }): OutputNode {
  return { ...base(init), kind: 'output', config: { type: init.type, outcome: init.outcome } };
}

/** The handled-failure end every template has: people are told, the case ends as `error`, nothing is lost silently. */
export function alert(init: NodeInit): OutputNode {
  return output({ ...init, type: 'alert', outcome: 'error' });
}

// ---------------------------------------------------------------- edges

export interface EdgeInit {
  /** Source port; `out` unless said. */
  readonly port?: string;
  readonly label?: string;
  readonly condition?: Condition;
  readonly probability?: number;
  readonly isDefault?: boolean;
}

/**
 * An edge with a readable, deterministic id (source.port->target); integrity forbids a second edge with the same
 * source, port and target, so the id is unique whenever the document is valid.
 */
export function edge(source: string, target: string, init: EdgeInit = {}): WorkflowEdge {
  const port = init.port ?? 'out';
  const e: WorkflowEdge = { id: `${source}.${port}->${target}`, source, sourcePort: port, target };
  if (init.label !== undefined) e.label = init.label;
  if (init.condition !== undefined) e.condition = init.condition;
  if (init.probability !== undefined) e.probability = init.probability;
  if (init.isDefault !== undefined) e.isDefault = init.isDefault;
  return e;
}

/** `out` edges along a straight run of nodes: chain('a', 'b', 'c') is a->b, b->c. */
export function chain(...ids: readonly string[]): WorkflowEdge[] {
  const edges: WorkflowEdge[] = [];
  for (let i = 1; i < ids.length; i++) {
    const from = ids[i - 1];
    const to = ids[i];
    if (from !== undefined && to !== undefined) edges.push(edge(from, to));
  }
  return edges;
}

/** The same port of several nodes to one target, e.g. every `error` port to the alert output. */
export function fanIn(sources: readonly string[], target: string, port = 'error', label?: string): WorkflowEdge[] {
  return sources.map((s) => edge(s, target, label === undefined ? { port } : { port, label }));
}

// ---------------------------------------------------------------- document

/** Fixed timestamps keep templates byte-stable, so exporting one twice gives the same file. */
const TEMPLATE_TIMESTAMP = '2026-11-23T00:00:00Z';

export function workflow(init: {
  id: string;
  name: string;
  description: string;
  profile: Profile;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  scenarios: Scenario[];
}): Workflow {
  return {
    format: WORKFLOW_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: init.id,
    name: init.name,
    description: init.description,
    profile: init.profile,
    nodes: init.nodes,
    edges: init.edges,
    scenarios: init.scenarios,
    meta: { createdAt: TEMPLATE_TIMESTAMP, updatedAt: TEMPLATE_TIMESTAMP, generator: 'baton 0.1.0 (template)' },
  };
}

/** Words the gallery shows about a document; id and name come from the document so they cannot drift apart. */
export interface TemplateWords {
  readonly summary: string;
  readonly situation: string;
  readonly tags: readonly string[];
  readonly overEngineered?: boolean;
}

export function template(doc: Workflow, words: TemplateWords): Template {
  return { id: doc.id, name: doc.name, ...words, doc };
}

export interface ScenarioInit {
  readonly id: string;
  readonly name: string;
  readonly seed: number;
  readonly cases: number;
  /** Poisson arrivals per hour, or one case every `everySeconds` (weekly jobs). */
  readonly arrival: { readonly perHour: number } | { readonly everySeconds: number };
  readonly faults: NonNullable<Scenario['faults']>;
  readonly hypothesis: NonNullable<Scenario['hypothesis']>;
  /** Independent replications; 10 gives stable p95s at a few thousand cases. */
  readonly replications?: number;
}

/** A scenario with the gallery's conventions: several replications, arrivals stated as a rate or a period. */
export function scenario(init: ScenarioInit): Scenario {
  return {
    id: init.id,
    name: init.name,
    seed: init.seed,
    cases: init.cases,
    replications: init.replications ?? 10,
    arrival: 'perHour' in init.arrival ? { type: 'poisson', perHour: init.arrival.perHour } : { type: 'fixed', everySeconds: init.arrival.everySeconds },
    faults: init.faults,
    hypothesis: init.hypothesis,
  };
}
