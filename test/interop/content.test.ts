/**
 * Content checks of import: every node kind, every distribution, every policy field (valid and invalid),
 * connection legality and integrity. Each invalid case changes one field of a valid sample and expects a
 * problem at exactly that path, with a sentence a person understands.
 */
import { describe, expect, it } from 'vitest';
import { checkConnection, createNode, NODE_KINDS, type Distribution, type WorkflowNode } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { at, importEdited, problemsOf, sampleWorkflow } from './sample.ts';

type Obj = Record<string, unknown>;
const obj = (tree: unknown, ...path: (string | number)[]): Obj => at(tree, ...path) as Obj;
/** Node indexes in the sample. */
const AI = 1;
const CHECK = 2;
const HUMAN = 3;
const TOOL = 5;

function expectProblem(edit: (t: Obj) => void, path: (string | number)[], message: RegExp | string, code?: string) {
  const r = importEdited(edit);
  expect(r).toMatchObject({ ok: false, unusable: false });
  const problems = problemsOf(r);
  const hit = problems.find((p) => JSON.stringify(p.path) === JSON.stringify(path));
  expect(hit, `no problem at ${JSON.stringify(path)}; got ${JSON.stringify(problems)}`).toBeDefined();
  if (typeof message === 'string') expect(hit?.message).toBe(message);
  else expect(hit?.message).toMatch(message);
  if (code) expect(hit?.code).toBe(code);
}

describe('the sample', () => {
  it('imports cleanly and holds one node of every kind', () => {
    const r = importWorkflow(exportWorkflow(sampleWorkflow()));
    expect(r.ok).toBe(true);
    if (r.ok) expect(new Set(r.doc.nodes.map((n) => n.kind))).toEqual(new Set(NODE_KINDS));
  });
});

describe('node kinds', () => {
  it.each(NODE_KINDS)('a new %s node (defaults) is valid', (kind) => {
    const doc = sampleWorkflow();
    doc.nodes.push(createNode(kind, { id: 'fresh', position: { x: 0, y: 0 } }));
    expect(importWorkflow(exportWorkflow(doc)).ok).toBe(true);
  });

  const invalid: [string, number, (string | number)[], unknown, RegExp][] = [
    ['trigger type', 0, ['config', 'type'], 'cron', /^"cron" is not a type; use one of: manual, schedule, webhook, event, chat, called$/],
    ['ai capability', AI, ['config', 'capability'], 'gpt', /^"gpt" is not a capability; use one of: llm, classifier, extractor, ocr/],
    ['ai model over 200 characters', AI, ['config', 'model'], 'm'.repeat(201), /^is 201 characters long; the limit is 200$/],
    ['tool side effect', TOOL, ['config', 'sideEffect'], 'maybe', /^"maybe" is not a side effect; use one of: none, reversible, irreversible$/],
    ['tool idempotent', TOOL, ['config', 'idempotent'], 'yes', /^expected true or false, got the text "yes"$/],
    ['human reviewers zero', HUMAN, ['config', 'reviewers'], 0, /^0 is too small; the smallest allowed is 1$/],
    ['human reviewers fractional', HUMAN, ['config', 'reviewers'], 1.5, /^1.5 is not a whole number$/],
    ['human calendar', HUMAN, ['config', 'calendar'], 'weekends', /is not a calendar; use one of: always, business-hours/],
    ['check onFail', CHECK, ['config', 'onFail'], 'retry', /is not an on fail; use one of: route, reask/],
    ['check maxReasks', CHECK, ['config', 'maxReasks'], 101, /^101 is too large; the largest allowed is 100$/],
    ['router mode', 4, ['config', 'mode'], 'random', /is not a mode; use one of: exclusive, parallel, inclusive/],
    ['join mode', 6, ['config', 'mode'], 'some', /is not a mode; use one of: all, first, any/],
    ['join timeout zero', 6, ['config', 'timeoutSeconds'], 0, /^0 is too small; it must be greater than 0$/],
    ['output outcome', 7, ['config', 'outcome'], 'ok', /is not an outcome; use one of: success, rejected, escalated, error/],
    ['note text missing', 9, ['config', 'text'], undefined, /^is required but missing; expected text$/],
    ['position out of the canvas', 0, ['position', 'x'], 1e8, /^100000000 is too large; the largest allowed is 10000000$/],
    ['label not text', 0, ['label'], 7, /^expected text, got 7$/],
  ];
  it.each(invalid)('%s is reported at its path', (_name, index, path, value, message) => {
    const parent = path.slice(0, -1);
    const key = path[path.length - 1] ?? '';
    expectProblem(
      (t) => {
        const target = obj(t, 'nodes', index, ...parent);
        if (value === undefined) delete target[key];
        else target[key] = value;
      },
      ['nodes', index, ...path],
      message,
    );
  });

  it('an unknown kind names the kinds', () => {
    expectProblem((t) => (obj(t, 'nodes', 0).kind = 'robot'), ['nodes', 0, 'kind'], /^the text "robot" is not a known kind; use one of: trigger, ai, tool, data, human, check, router, loop, join, output, note$/);
  });

  it('a node without kind says kind is missing', () => {
    expectProblem((t) => delete obj(t, 'nodes', 0).kind, ['nodes', 0, 'kind'], /^is required but missing; use one of: trigger/, 'missing');
  });

  it('a field of another kind is an unknown field, listing the allowed ones', () => {
    expectProblem((t) => (obj(t, 'nodes', 0).stub = {}), ['nodes', 0, 'stub'], 'unknown field "stub"; allowed here: id, label, position, description, reads, inlineSecrets, kind, config', 'unknown-key');
  });
});

describe('distributions', () => {
  const valid: Distribution[] = [
    { type: 'fixed', value: 3 },
    { type: 'uniform', min: 1, max: 1 },
    { type: 'normal', mean: 5, sd: 0 },
    { type: 'lognormal', median: 2, p95: 2 },
    { type: 'exponential', mean: 0.5 },
    { type: 'triangular', min: 1, mode: 1, max: 4 },
    { type: 'beta', alpha: 0.5, beta: 10_000 },
  ];
  it.each(valid)('accepts $type', (d) => {
    expect(importEdited((t) => (obj(t, 'nodes', AI, 'stub').latency = d)).ok).toBe(true);
  });

  const invalid: [string, unknown, (string | number)[], RegExp][] = [
    ['fixed negative', { type: 'fixed', value: -1 }, ['value'], /^-1 is too small; the smallest allowed is 0$/],
    ['uniform min > max', { type: 'uniform', min: 5, max: 1 }, ['max'], /^min must not be greater than max$/],
    ['normal sd as text', { type: 'normal', mean: 1, sd: 'wide' }, ['sd'], /^expected a number, got the text "wide"$/],
    ['lognormal p95 < median', { type: 'lognormal', median: 5, p95: 1 }, ['p95'], /^p95 must be at least the median$/],
    ['lognormal median 0', { type: 'lognormal', median: 0, p95: 1 }, ['median'], /must be greater than 0/],
    ['exponential mean 0', { type: 'exponential', mean: 0 }, ['mean'], /must be greater than 0/],
    ['triangular mode outside', { type: 'triangular', min: 1, mode: 9, max: 4 }, ['mode'], /^needs min <= mode <= max$/],
    ['beta alpha 0', { type: 'beta', alpha: 0, beta: 1 }, ['alpha'], /must be greater than 0/],
    ['unknown type', { type: 'weibull', k: 1 }, ['type'], /^the text "weibull" is not a known type; use one of: fixed, uniform, normal, lognormal, exponential, triangular, beta$/],
    ['extra parameter', { type: 'fixed', value: 1, sd: 2 }, ['sd'], /^unknown field "sd"; allowed here: type, value$/],
    ['over ten years', { type: 'fixed', value: 4e8 }, ['value'], /is too large; the largest allowed is 315360000/],
  ];
  it.each(invalid)('refuses %s at its path', (_name, d, sub, message) => {
    expectProblem((t) => (obj(t, 'nodes', AI, 'stub').latency = d), ['nodes', AI, 'stub', 'latency', ...sub], message);
  });
});

describe('outcome probabilities', () => {
  it('refuses ai outcomes that do not sum to 1, saying the actual sum', () => {
    expectProblem((t) => (obj(t, 'nodes', AI, 'stub', 'outcomes').ok = 0.5), ['nodes', AI, 'stub', 'outcomes'], 'outcome probabilities must sum to 1, but they sum to 0.57');
  });
  it('refuses human outcomes that do not sum to 1', () => {
    expectProblem((t) => (obj(t, 'nodes', HUMAN, 'stub').outcomes = { approve: 0.9, reject: 0.2 }), ['nodes', HUMAN, 'stub', 'outcomes'], /sum to 1, but they sum to 1.1$/);
  });
  it('accepts rounding within the tolerance of a hand-edited file', () => {
    expect(importEdited((t) => (obj(t, 'nodes', HUMAN, 'stub').outcomes = { approve: 0.3333333, reject: 0.3333333, revise: 0.3333334 })).ok).toBe(true);
  });
  it('refuses a probability above 1 and an unknown outcome name', () => {
    expectProblem((t) => (obj(t, 'nodes', CHECK, 'stub').detectionRate = 1.2), ['nodes', CHECK, 'stub', 'detectionRate'], /^1.2 is too large; the largest allowed is 1$/);
    expectProblem((t) => (obj(t, 'nodes', TOOL, 'stub', 'outcomes').crashed = 0), ['nodes', TOOL, 'stub', 'outcomes', 'crashed'], /^unknown field "crashed"; allowed here: ok, wrong, timeout/);
  });
});

describe('policy fields', () => {
  it('accepts every field at once', () => {
    const r = importEdited((t) => {
      obj(t, 'nodes', AI).policy = {
        timeouts: { startToCloseSeconds: 30, scheduleToCloseSeconds: 300 },
        retry: [{ errorEquals: ['rate_limited', 'ALL'], maximumAttempts: 50, initialIntervalSeconds: 0, backoffCoefficient: 0.5, maximumIntervalSeconds: 60, jitter: 'equal', honorRetryAfter: false }],
        catch: [{ errorEquals: ['ALL'], port: 'error' }],
        circuitBreaker: { failureRateThreshold: 0.5, windowSize: 20, minimumCalls: 10, openSeconds: 60 },
      };
      obj(t, 'nodes', HUMAN).policy = { timeouts: { startToCloseSeconds: 3600 } };
    });
    expect(r.ok).toBe(true);
  });

  const P = ['nodes', AI, 'policy'];
  const invalid: [string, (p: Obj) => void, (string | number)[], RegExp][] = [
    ['timeouts.startToCloseSeconds 0', (p) => (obj(p, 'timeouts').startToCloseSeconds = 0), ['timeouts', 'startToCloseSeconds'], /must be greater than 0/],
    ['timeouts.scheduleToCloseSeconds text', (p) => (obj(p, 'timeouts').scheduleToCloseSeconds = '5m'), ['timeouts', 'scheduleToCloseSeconds'], /expected a number, got the text "5m"/],
    ['retry.maximumAttempts 0', (p) => (obj(p, 'retry', 0).maximumAttempts = 0), ['retry', 0, 'maximumAttempts'], /^0 is too small; the smallest allowed is 1$/],
    ['retry.errorEquals empty', (p) => (obj(p, 'retry', 0).errorEquals = []), ['retry', 0, 'errorEquals'], /^needs at least 1 item$/],
    ['retry.errorEquals unknown', (p) => (obj(p, 'retry', 0).errorEquals = ['oops']), ['retry', 0, 'errorEquals', 0], /^"oops" is not an error type; use one of: timeout, .*, ALL$/],
    ['retry.initialIntervalSeconds negative', (p) => (obj(p, 'retry', 0).initialIntervalSeconds = -1), ['retry', 0, 'initialIntervalSeconds'], /smallest allowed is 0/],
    ['retry.backoffCoefficient 0', (p) => (obj(p, 'retry', 0).backoffCoefficient = 0), ['retry', 0, 'backoffCoefficient'], /must be greater than 0/],
    ['retry.maximumIntervalSeconds null', (p) => (obj(p, 'retry', 0).maximumIntervalSeconds = null), ['retry', 0, 'maximumIntervalSeconds'], /^expected a number, got null$/],
    ['retry.jitter', (p) => (obj(p, 'retry', 0).jitter = 'half'), ['retry', 0, 'jitter'], /is not a jitter; use one of: none, full, equal/],
    ['retry.honorRetryAfter', (p) => (obj(p, 'retry', 0).honorRetryAfter = 1), ['retry', 0, 'honorRetryAfter'], /^expected true or false, got 1$/],
    ['catch.port empty', (p) => (p.catch = [{ errorEquals: ['ALL'], port: '' }]), ['catch', 0, 'port'], /^must not be empty$/],
    ['circuitBreaker.failureRateThreshold', (p) => (p.circuitBreaker = { failureRateThreshold: 1.5, windowSize: 20, minimumCalls: 10, openSeconds: 60 }), ['circuitBreaker', 'failureRateThreshold'], /largest allowed is 1/],
    ['circuitBreaker.windowSize', (p) => (p.circuitBreaker = { failureRateThreshold: 0.5, windowSize: 0, minimumCalls: 10, openSeconds: 60 }), ['circuitBreaker', 'windowSize'], /smallest allowed is 1/],
    ['circuitBreaker.minimumCalls', (p) => (p.circuitBreaker = { failureRateThreshold: 0.5, windowSize: 1, minimumCalls: 2.5, openSeconds: 60 }), ['circuitBreaker', 'minimumCalls'], /is not a whole number/],
    ['circuitBreaker.openSeconds', (p) => (p.circuitBreaker = { failureRateThreshold: 0.5, windowSize: 1, minimumCalls: 1 }), ['circuitBreaker', 'openSeconds'], /^is required but missing; expected a number$/],
  ];
  it.each(invalid)('refuses %s at its path', (_name, edit, sub, message) => {
    expectProblem((t) => edit(obj(t, ...P)), [...P, ...sub], message);
  });

  it('refuses a catcher whose port the node does not have', () => {
    expectProblem((t) => (obj(t, ...P).catch = [{ errorEquals: ['ALL'], port: 'approve' }]), [...P, 'catch', 0, 'port'], 'an AI tool node has no port "approve" (its ports: out, error)', 'unknown-port');
  });

  it('refuses retry on a human gate (people are not retried)', () => {
    expectProblem((t) => (obj(t, 'nodes', HUMAN).policy = { retry: [] }), ['nodes', HUMAN, 'policy', 'retry'], /^unknown field "retry"; allowed here: timeouts$/);
  });
});

describe('connections (checkConnection, through import)', () => {
  const cases: [string, { source: string; sourcePort: string; target: string }, string, string][] = [
    ['out of an output', { source: 'done', sourcePort: 'out', target: 'tool' }, 'sourcePort', 'out-of-output'],
    ['into a trigger', { source: 'ai', sourcePort: 'out', target: 'trigger' }, 'target', 'into-trigger'],
    ['to a note', { source: 'ai', sourcePort: 'out', target: 'note' }, 'target', 'note'],
    ['from a port the kind lacks', { source: 'check', sourcePort: 'out', target: 'tool' }, 'sourcePort', 'unknown-port'],
  ];
  it.each(cases)('refuses an edge %s, with checkConnection\'s reason', (_name, req, field, code) => {
    const doc = sampleWorkflow();
    const verdict = checkConnection(new Map(doc.nodes.map((n): [string, WorkflowNode] => [n.id, n])), doc.edges, req);
    expect(verdict).toMatchObject({ ok: false, code });
    const reason = verdict.ok ? '' : verdict.reason;
    expectProblem((t) => (t.edges as unknown[]).push({ id: 'bad', ...req }), ['edges', 11, field], `edge "bad": ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, code);
  });

  it('accepts a self-loop (a retry loop may point back at its own step)', () => {
    expect(importEdited((t) => (t.edges as unknown[]).push({ id: 'loop', source: 'ai', sourcePort: 'error', target: 'ai' })).ok).toBe(true);
  });

  it('refuses the same connection twice', () => {
    expectProblem((t) => (t.edges as unknown[]).push({ id: 'again', source: 'trigger', sourcePort: 'out', target: 'ai' }), ['edges', 11], /repeats another edge/, 'duplicate-edge');
  });

  it('accepts conditions, probabilities and defaults, and refuses code in a condition', () => {
    expect(importEdited((t) => Object.assign(obj(t, 'edges', 4), { condition: { field: 'confidence', op: '>=', value: 0.8 }, probability: 0.5, isDefault: false, label: 'sure' })).ok).toBe(true);
    expectProblem((t) => (obj(t, 'edges', 4).condition = 'confidence > 0.8'), ['edges', 4, 'condition'], /^expected an object, got the text "confidence > 0.8"$/);
    expectProblem((t) => (obj(t, 'edges', 4).condition = { field: 'x', op: '=~', value: 1 }), ['edges', 4, 'condition', 'op'], /is not a comparison operator; use one of: <, <=, >, >=, ==, !=/);
    expectProblem((t) => (obj(t, 'edges', 4).condition = { field: 'x', op: '==', value: null }), ['edges', 4, 'condition', 'value'], /^does not match any allowed form: expected a number, or text, or true or false, got null$/);
  });
});

describe('integrity', () => {
  it('reports duplicate node, edge and scenario ids at the second occurrence', () => {
    expectProblem((t) => (obj(t, 'nodes', 2).id = 'ai'), ['nodes', 2, 'id'], 'node id "ai" is used by more than one node', 'duplicate-id');
    expectProblem((t) => (obj(t, 'edges', 1).id = 'e1'), ['edges', 1, 'id'], 'edge id "e1" is used by more than one edge', 'duplicate-id');
    expectProblem((t) => (t.scenarios as unknown[]).push({ id: 's1', name: 'again', seed: 1, cases: 1 }), ['scenarios', 1, 'id'], /used by more than one scenario/, 'duplicate-id');
  });

  it('reports dangling edges at source or target', () => {
    expectProblem((t) => (obj(t, 'edges', 0).source = 'ghost'), ['edges', 0, 'source'], 'edge "e1" starts at "ghost", which is not a node', 'dangling-edge');
    expectProblem((t) => (obj(t, 'edges', 0).target = 'ghost'), ['edges', 0, 'target'], 'edge "e1" points to "ghost", which is not a node', 'dangling-edge');
  });

  it('reports a node that reads a node that does not exist', () => {
    expectProblem((t) => (obj(t, 'nodes', AI).reads = ['ghost']), ['nodes', AI, 'reads', 0], /reads "ghost", which is not a node/, 'dangling-read');
  });

  it('still reports a dangling edge when another part of the file is broken', () => {
    const r = importEdited((t) => {
      obj(t, 'nodes', AI, 'config').capability = 'gpt';
      obj(t, 'edges', 0).target = 'ghost';
    });
    expect(problemsOf(r).map((p) => p.code)).toEqual(['invalid_value', 'dangling-edge']);
  });

  it('reports a fault aimed at a node that does not exist', () => {
    expectProblem(
      (t) => (obj(t, 'scenarios', 0).faults = [{ target: { node: 'ghost' }, error: 'timeout' }]),
      ['scenarios', 0, 'faults', 0, 'target', 'node'],
      'fault targets node "ghost", which is not a node',
      'dangling-fault',
    );
  });

  it('explains a fault target that names two things, and a fault that changes nothing', () => {
    expectProblem((t) => (obj(t, 'scenarios', 0).faults = [{ target: { node: 'ai', kind: 'ai' }, error: 'timeout' }]), ['scenarios', 0, 'faults', 0, 'target'], /expected an object with exactly one of the fields "node", "kind", "capability"/);
    expectProblem((t) => (obj(t, 'scenarios', 0).faults = [{ target: { kind: 'ai' } }]), ['scenarios', 0, 'faults', 0], 'a fault needs an error, a latencyMultiplier, or both');
  });
});

describe('scenarios, lint, profile', () => {
  it('names an unknown hypothesis metric and a bad severity', () => {
    expectProblem((t) => (obj(t, 'scenarios', 0).hypothesis = [{ metric: 'speed', op: '<', value: 1 }]), ['scenarios', 0, 'hypothesis', 0, 'metric'], /is not a metric; use one of: successRate/);
    expectProblem((t) => (t.lint = { rules: { 'missing-timeout': ['warn', {}] } }), ['lint', 'rules', 'missing-timeout', 0], /^"warn" is not a severity; use one of: off, info, warning, error$/);
    expectProblem((t) => (t.lint = { rules: { MissingTimeout: 'off' } }), ['lint', 'rules', 'MissingTimeout'], /^"MissingTimeout" is not a valid name here: rule ids are kebab-case/);
  });

  it('refuses a risk level and a fractional output count in the profile', () => {
    expectProblem((t) => (t.profile = { risk: 'extreme' }), ['profile', 'risk'], /is not a risk; use one of: low, medium, high/);
    expectProblem((t) => (t.profile = { outputs: 1.5 }), ['profile', 'outputs'], /is not a whole number/);
  });

  it('refuses an unknown top-level field', () => {
    expectProblem((t) => (t.version = 2), ['version'], /^unknown field "version"; allowed here: format, schemaVersion, id, name/, 'unknown-key');
  });
});
