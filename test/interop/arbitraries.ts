/**
 * fast-check arbitraries for VALID workflow documents: every node kind, every distribution, every policy field,
 * scenarios, lint config, profile and meta, with unique ids, legal connections and outcome tables that sum to 1.
 * Other areas reuse `arbWorkflow` (analyzer, simulator, persistence); keep it valid by construction: the
 * round-trip property in import-export.property.test.ts fails the moment it produces a document import refuses.
 *
 * Optional fields are either present or absent, never `undefined` (what a parsed file can hold).
 */
import * as fc from 'fast-check';
import {
  AI_CAPABILITIES,
  CALENDARS,
  CHECK_ON_FAIL,
  CHECK_TYPES,
  CONDITION_OPS,
  ERROR_TYPES,
  HUMAN_TYPES,
  JITTER_MODES,
  JOIN_MODES,
  KPI_NAMES,
  LINT_PRESETS,
  MAX_COORDINATE,
  MAX_COUNT,
  MAX_SECONDS,
  MAX_USD,
  NODE_KINDS,
  OUTPUT_OUTCOMES,
  OUTPUT_PORTS,
  OUTPUT_TYPES,
  RISK_LEVELS,
  ROUTER_MODES,
  SEVERITIES,
  SIDE_EFFECTS,
  TOOL_TYPES,
  TRIGGER_TYPES,
  CURRENT_SCHEMA_VERSION,
  DATA_OPERATIONS,
  WORKFLOW_FORMAT,
  type Distribution,
  type ErrorMatcher,
  type LintConfig,
  type Meta,
  type Profile,
  type Scenario,
  type Workflow,
  type WorkflowEdge,
  type WorkflowNode,
} from '../../src/domain/index.ts';

/** A finite double in [min, max] with -0 folded to 0 (JSON cannot tell them apart, so neither can a round trip). */
export function num(min: number, max: number, opts: { minExcluded?: boolean } = {}): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true, ...opts }) },
    // Round numbers are what people type; they also hit the bounds exactly.
    { weight: 1, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }).filter((v) => !opts.minExcluded || v > min) },
  ).map((v) => (Object.is(v, -0) ? 0 : v));
}

const prob = num(0, 1);
const seconds = num(0, MAX_SECONDS);
const positiveSeconds = num(0, MAX_SECONDS, { minExcluded: true });
const usd = num(0, MAX_USD);

/** Text a person typed: ASCII or any Unicode, up to `max` UTF-16 units. */
export function text(max: number, min = 0): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'binary', minLength: min, maxLength: Math.floor(max / 2) })).filter((s) => s.length >= min && s.length <= max);
}

/** Ids: short and readable mostly, sometimes odd or as long as the limit allows (128). */
export const arbId: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/) },
  { weight: 1, arbitrary: text(128, 1) },
  { weight: 1, arbitrary: fc.string({ minLength: 120, maxLength: 128 }) },
);

export const arbDistribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc.record({ type: fc.constant('fixed' as const), value: seconds }),
  fc.tuple(seconds, seconds).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.record({ type: fc.constant('normal' as const), mean: seconds, sd: seconds }),
  fc.tuple(positiveSeconds, positiveSeconds).map(([a, b]) => ({ type: 'lognormal' as const, median: Math.min(a, b), p95: Math.max(a, b) })),
  fc.record({ type: fc.constant('exponential' as const), mean: positiveSeconds }),
  fc.tuple(seconds, seconds, seconds).map((xs) => {
    const [min = 0, mode = 0, max = 0] = [...xs].sort((a, b) => a - b);
    return { type: 'triangular' as const, min, mode, max };
  }),
  fc.record({ type: fc.constant('beta' as const), alpha: num(0, 10_000, { minExcluded: true }), beta: num(0, 10_000, { minExcluded: true }) }),
);

/** A probability table over some of `keys` that sums to 1 (integer weights, so the float sum is within 1e-15). */
function arbOutcomes<K extends string>(keys: readonly K[]): fc.Arbitrary<Partial<Record<K, number>>> {
  return fc
    .uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: keys.length })
    .chain((chosen) => fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: chosen.length, maxLength: chosen.length }).map((w) => ({ chosen, w })))
    .map(({ chosen, w }) => {
      const weights = w.some((x) => x > 0) ? w : w.map((_, i) => (i === 0 ? 1 : 0));
      const total = weights.reduce((a, b) => a + b, 0);
      const out: Partial<Record<K, number>> = {};
      chosen.forEach((k, i) => (out[k] = (weights[i] ?? 0) / total));
      return out;
    });
}

const errorMatchers: readonly ErrorMatcher[] = [...ERROR_TYPES, 'ALL'];
const arbMatchers = fc.array(fc.constantFrom(...errorMatchers), { minLength: 1, maxLength: 5 });

const arbTimeouts = fc.record({ startToCloseSeconds: positiveSeconds, scheduleToCloseSeconds: positiveSeconds }, { requiredKeys: [] });

const arbRetrier = fc.record(
  {
    errorEquals: arbMatchers,
    maximumAttempts: fc.integer({ min: 1, max: 1000 }),
    initialIntervalSeconds: seconds,
    backoffCoefficient: num(0, 100, { minExcluded: true }),
    maximumIntervalSeconds: seconds,
    jitter: fc.constantFrom(...JITTER_MODES),
    honorRetryAfter: fc.boolean(),
  },
  { requiredKeys: ['errorEquals', 'maximumAttempts'] },
);

/** A step policy; catchers name a port the kind really has (ai and tool: out, error). */
const arbStepPolicy = fc.record(
  {
    timeouts: arbTimeouts,
    retry: fc.array(arbRetrier, { maxLength: 3 }),
    catch: fc.array(fc.record({ errorEquals: arbMatchers, port: fc.constantFrom('error', 'out') }), { maxLength: 3 }),
    circuitBreaker: fc.record({
      failureRateThreshold: prob,
      windowSize: fc.integer({ min: 1, max: 10_000 }),
      minimumCalls: fc.integer({ min: 1, max: 10_000 }),
      openSeconds: positiveSeconds,
    }),
  },
  { requiredKeys: [] },
);

const arbPosition = fc.record({ x: num(-MAX_COORDINATE, MAX_COORDINATE), y: num(-MAX_COORDINATE, MAX_COORDINATE) });
const base = { id: fc.constant('placeholder'), label: text(200), position: arbPosition, description: text(300) };
const baseRequired = ['id', 'label', 'position', 'kind', 'config'] as const;

const aiStub = fc.record(
  {
    latency: arbDistribution,
    costPerCall: usd,
    inputTokens: arbDistribution,
    outputTokens: arbDistribution,
    pricePerInputToken: usd,
    pricePerOutputToken: usd,
    outcomes: arbOutcomes(['ok', 'wrong', ...ERROR_TYPES] as const),
    confidence: fc.record({ correct: arbDistribution, wrong: arbDistribution }),
    retryAfterSeconds: num(0, MAX_COUNT),
  },
  { requiredKeys: ['latency', 'outcomes'] },
);

/** One arbitrary per kind; ids are filled in by arbWorkflow so they come out unique. */
export const arbNodeByKind: { readonly [K in WorkflowNode['kind']]: fc.Arbitrary<Extract<WorkflowNode, { kind: K }>> } = {
  trigger: fc.record({ ...base, kind: fc.constant('trigger' as const), config: fc.record({ type: fc.constantFrom(...TRIGGER_TYPES) }) }, { requiredKeys: [...baseRequired] }),
  ai: fc.record(
    {
      ...base,
      kind: fc.constant('ai' as const),
      config: fc.record(
        {
          capability: fc.constantFrom(...AI_CAPABILITIES),
          model: text(200),
          purpose: text(300),
          outputContract: text(300),
          tools: fc.array(
            fc.record({ name: text(200, 1), type: fc.constantFrom(...TOOL_TYPES), sideEffect: fc.constantFrom(...SIDE_EFFECTS), description: text(300) }, { requiredKeys: ['name', 'sideEffect'] }),
            { maxLength: 4 },
          ),
        },
        { requiredKeys: ['capability'] },
      ),
      stub: aiStub,
      policy: arbStepPolicy,
    },
    { requiredKeys: [...baseRequired] },
  ),
  tool: fc.record(
    {
      ...base,
      kind: fc.constant('tool' as const),
      config: fc.record(
        { type: fc.constantFrom(...TOOL_TYPES), sideEffect: fc.constantFrom(...SIDE_EFFECTS), idempotent: fc.boolean(), purpose: text(300) },
        { requiredKeys: ['type', 'sideEffect', 'idempotent'] },
      ),
      stub: fc.record(
        { latency: arbDistribution, costPerCall: usd, outcomes: arbOutcomes(['ok', 'wrong', ...ERROR_TYPES] as const), retryAfterSeconds: num(0, MAX_COUNT) },
        { requiredKeys: ['latency', 'outcomes'] },
      ),
      policy: arbStepPolicy,
    },
    { requiredKeys: [...baseRequired] },
  ),
  data: fc.record(
    {
      ...base,
      kind: fc.constant('data' as const),
      config: fc.record({ operation: fc.constantFrom(...DATA_OPERATIONS), delaySeconds: num(0, MAX_SECONDS), purpose: text(300) }, { requiredKeys: ['operation'] }),
      stub: fc.record({ latency: arbDistribution, outcomes: arbOutcomes(['ok', 'wrong', ...ERROR_TYPES] as const) }, { requiredKeys: ['latency'] }),
      policy: arbStepPolicy,
    },
    { requiredKeys: [...baseRequired] },
  ),
  loop: fc.record(
    {
      ...base,
      kind: fc.constant('loop' as const),
      config: fc.record({ batchSize: fc.integer({ min: 1, max: 1_000_000 }), purpose: text(300) }, { requiredKeys: [] }),
      stub: fc.record({ items: arbDistribution }),
    },
    { requiredKeys: [...baseRequired] },
  ),
  human: fc.record(
    {
      ...base,
      kind: fc.constant('human' as const),
      config: fc.record(
        { type: fc.constantFrom(...HUMAN_TYPES), reviewers: fc.integer({ min: 1, max: 10_000 }), calendar: fc.constantFrom(...CALENDARS), slaSeconds: positiveSeconds },
        { requiredKeys: ['type', 'reviewers', 'calendar'] },
      ),
      stub: fc.record(
        { serviceTime: arbDistribution, costPerHour: usd, outcomes: arbOutcomes(['approve', 'reject', 'revise'] as const), detectionRate: prob },
        { requiredKeys: ['serviceTime', 'outcomes'] },
      ),
      policy: fc.record({ timeouts: arbTimeouts }, { requiredKeys: [] }),
    },
    { requiredKeys: [...baseRequired] },
  ),
  check: fc.record(
    {
      ...base,
      kind: fc.constant('check' as const),
      config: fc.record(
        { type: fc.constantFrom(...CHECK_TYPES), onFail: fc.constantFrom(...CHECK_ON_FAIL), maxReasks: fc.integer({ min: 0, max: 100 }), threshold: prob, sampleRate: prob },
        { requiredKeys: ['type', 'onFail'] },
      ),
      stub: fc.record({ latency: arbDistribution, costPerCall: usd, detectionRate: prob, falseRejectRate: prob }, { requiredKeys: ['latency', 'detectionRate', 'falseRejectRate'] }),
    },
    { requiredKeys: [...baseRequired] },
  ),
  router: fc.record({ ...base, kind: fc.constant('router' as const), config: fc.record({ mode: fc.constantFrom(...ROUTER_MODES) }) }, { requiredKeys: [...baseRequired] }),
  join: fc.record(
    { ...base, kind: fc.constant('join' as const), config: fc.record({ mode: fc.constantFrom(...JOIN_MODES), timeoutSeconds: positiveSeconds }, { requiredKeys: ['mode'] }) },
    { requiredKeys: [...baseRequired] },
  ),
  output: fc.record(
    { ...base, kind: fc.constant('output' as const), config: fc.record({ type: fc.constantFrom(...OUTPUT_TYPES), outcome: fc.constantFrom(...OUTPUT_OUTCOMES) }) },
    { requiredKeys: [...baseRequired] },
  ),
  note: fc.record(
    { ...base, kind: fc.constant('note' as const), config: fc.record({ text: text(2000), width: num(40, 4000), height: num(20, 4000) }, { requiredKeys: ['text'] }) },
    { requiredKeys: [...baseRequired] },
  ),
};

export const arbNode: fc.Arbitrary<WorkflowNode> = fc.oneof(...NODE_KINDS.map((k): fc.Arbitrary<WorkflowNode> => arbNodeByKind[k]));

const arbCondition = fc.record({
  field: fc.oneof(fc.constantFrom('confidence', 'attempt', 'visits'), text(64, 1)),
  op: fc.constantFrom(...CONDITION_OPS),
  value: fc.oneof(num(-1e9, 1e9), text(200), fc.boolean()),
});

function withUniqueIds<T extends { id: string }>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.uniqueArray(arbId, { minLength: items.length, maxLength: items.length }).map((ids) => items.map((item, i) => ({ ...item, id: ids[i] ?? `id${i}` })));
}

/** Legal edges among `nodes`: real ports, never out of an output or into a trigger, no notes, no repeats. */
function arbEdges(nodes: readonly WorkflowNode[], maxEdges: number): fc.Arbitrary<WorkflowEdge[]> {
  const sources = nodes.filter((n) => OUTPUT_PORTS[n.kind].length > 0);
  const targets = nodes.filter((n) => n.kind !== 'note' && n.kind !== 'trigger');
  if (sources.length === 0 || targets.length === 0 || maxEdges === 0) return fc.constant([]);
  const spec = fc.record(
    {
      s: fc.nat(),
      p: fc.nat(),
      t: fc.nat(),
      label: text(200),
      condition: arbCondition,
      probability: prob,
      isDefault: fc.boolean(),
    },
    { requiredKeys: ['s', 'p', 't'] },
  );
  return fc
    .array(spec, { maxLength: maxEdges })
    .map((specs) => {
      const seen = new Set<string>();
      const edges: WorkflowEdge[] = [];
      for (const { s, p, t, ...extra } of specs) {
        const source = sources[s % sources.length];
        const target = targets[t % targets.length];
        if (!source || !target) continue;
        const ports = OUTPUT_PORTS[source.kind];
        const sourcePort = ports[p % ports.length] ?? 'out';
        const key = JSON.stringify([source.id, sourcePort, target.id]);
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ id: 'placeholder', source: source.id, sourcePort, target: target.id, ...extra });
      }
      return edges;
    })
    .chain(withUniqueIds);
}

function arbScenario(nodeIds: readonly string[]): fc.Arbitrary<Scenario> {
  const target = fc.oneof(
    ...(nodeIds.length > 0 ? [fc.constantFrom(...nodeIds).map((node) => ({ node }))] : []),
    fc.constantFrom(...NODE_KINDS).map((kind) => ({ kind })),
    fc.constantFrom(...AI_CAPABILITIES).map((capability) => ({ capability })),
  );
  const fault = fc
    .record(
      {
        target,
        error: fc.constantFrom(...ERROR_TYPES),
        probability: prob,
        latencyMultiplier: num(0, 1000, { minExcluded: true }),
        window: fc.record({ startSeconds: seconds, durationSeconds: positiveSeconds }),
        afterCalls: fc.integer({ min: 0, max: 1_000_000_000 }),
      },
      { requiredKeys: ['target'] },
    )
    // A fault must change something: an error, a latency multiplier, or both.
    .filter((f) => f.error !== undefined || f.latencyMultiplier !== undefined);
  return fc.record(
    {
      id: fc.constant('placeholder'),
      name: text(200),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      cases: fc.integer({ min: 1, max: 1_000_000 }),
      replications: fc.integer({ min: 1, max: 1000 }),
      arrival: fc.oneof(
        fc.record({ type: fc.constant('poisson' as const), perHour: num(0, 1_000_000, { minExcluded: true }) }),
        fc.record({ type: fc.constant('fixed' as const), everySeconds: positiveSeconds }),
      ),
      faults: fc.array(fault, { maxLength: 3 }),
      hypothesis: fc.array(fc.record({ metric: fc.constantFrom(...KPI_NAMES), op: fc.constantFrom(...CONDITION_OPS), value: num(-1e9, 1e9) }), { maxLength: 3 }),
    },
    { requiredKeys: ['id', 'name', 'seed', 'cases'] },
  );
}

/** Keys of records (rule options) must not be the refused prototype keys. */
const safeKey = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,20}$/).filter((k) => k !== 'constructor' && k !== 'prototype');
const ruleId = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((k) => k !== 'constructor' && k !== 'prototype');
const severity = fc.constantFrom(...SEVERITIES);

const arbLint = fc.record(
  {
    preset: fc.constantFrom(...LINT_PRESETS),
    rules: fc.dictionary(ruleId, fc.oneof(severity, fc.tuple(severity, fc.dictionary(safeKey, fc.oneof(num(-1e6, 1e6), text(200), fc.boolean()), { maxKeys: 3, noNullPrototype: true }))), { maxKeys: 4, noNullPrototype: true }),
    suppressions: fc.array(fc.record({ ruleId, nodeId: arbId, edgeId: arbId, reason: text(500, 1) }, { requiredKeys: ['ruleId', 'reason'] }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const arbProfile = fc.record(
  {
    effortMinutes: num(0, 100_000),
    risk: fc.constantFrom(...RISK_LEVELS),
    runsPerDay: num(0, MAX_COUNT),
    slaSeconds: positiveSeconds,
    budgetPerRun: usd,
    outputs: fc.integer({ min: 1, max: 1000 }),
    inputModalities: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: [] },
);

const arbMeta = fc.record({ createdAt: text(64), updatedAt: text(64), generator: text(200) }, { requiredKeys: [] });

export interface ArbWorkflowOptions {
  readonly minNodes?: number;
  readonly maxNodes?: number;
  /** Upper bound on edges (duplicates are dropped, so there may be fewer). Default: twice maxNodes. */
  readonly maxEdges?: number;
  /** Generate scenarios, lint config, profile and meta too (default true). */
  readonly extras?: boolean;
}

/**
 * A valid workflow document.
 * @example fc.assert(fc.property(arbWorkflow({ maxNodes: 20 }), (doc) => importWorkflow(exportWorkflow(doc)).ok))
 */
export function arbWorkflow(options: ArbWorkflowOptions = {}): fc.Arbitrary<Workflow> {
  const { minNodes = 0, maxNodes = 8, extras = true } = options;
  const maxEdges = options.maxEdges ?? maxNodes * 2;
  return fc
    .array(arbNode, { minLength: minNodes, maxLength: maxNodes })
    .chain(withUniqueIds)
    .chain((nodes) => {
      const ids = nodes.map((n) => n.id);
      return fc.record(
        {
          format: fc.constant(WORKFLOW_FORMAT),
          schemaVersion: fc.constant(CURRENT_SCHEMA_VERSION),
          id: arbId,
          name: text(200),
          description: text(500),
          profile: extras ? arbProfile : fc.constant<Profile>({}),
          nodes: fc.constant(nodes),
          edges: arbEdges(nodes, maxEdges),
          scenarios: extras ? fc.array(arbScenario(ids), { maxLength: 2 }).chain(withUniqueIds) : fc.constant<Scenario[]>([]),
          lint: extras ? arbLint : fc.constant<LintConfig>({}),
          meta: extras ? arbMeta : fc.constant<Meta>({}),
        },
        { requiredKeys: ['format', 'schemaVersion', 'id', 'name', 'nodes', 'edges'] },
      );
    })
    // fast-check builds some objects without a prototype; a parsed file never has those, so neither do we.
    .map((doc): Workflow => structuredClone(doc));
}
