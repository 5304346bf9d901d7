/**
 * Golden reports: the same seed gives the same report, byte for byte, across changes to the engine's code.
 *
 * Each hash is the SHA-256 of what the engine computes for a frozen document (every replication's per-case results
 * and per-node statistics, the fields named below: the report is a function of them), or of a debug run's event
 * stream (time, type, case, node, edge of each event). They were recorded before the engine's speed work (issue 12)
 * and guard it: an optimisation may change how the engine computes, never what it draws or reports. A hash that
 * changes means results changed: update it only for a deliberate change of the simulator's semantics (say so in
 * the commit), never to make a speed change pass.
 *
 * Documents: the three peer-comparison models of bench/peers (an M/M/1 queue; six steps with retries, a check and
 * a two-reviewer gate; fifty activities of parallel and exclusive splits and joins with queueing gates), the
 * templates as they were when the hashes were recorded (test/fixtures/sim-golden/templates.json, frozen so that a
 * template's recalibration does not move these hashes), and a tour of what neither covers (join first and
 * timeout, inclusive routers, loops, data steps, case attributes, breakers, faults).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type Scenario, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../src/domain/index.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { createDebugRun } from '../../src/simulator/debug.ts';
import { baselineScenario, prepareBatch, runBatch, runReplications } from '../../src/simulator/report.ts';
import { ai, check, fixed, human, join, output, router, tool, trigger, workflow } from './helpers.ts';

const sha = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

function load(path: string): Workflow {
  const r = importWorkflow(readFileSync(new URL(path, import.meta.url)));
  if (!r.ok) throw new Error(`${path}: not a workflow`);
  return r.doc;
}

/** What the engine computes, field by field (named, so that a field added later does not move the hashes). */
const RESULT_FIELDS = ['outcome', 'wrong', 'fallback', 'cycle', 'cost', 'tries', 'humanSeconds', 'backoffSeconds'] as const;
const STAT_FIELDS = ['visits', 'reached', 'calls', 'failures', 'caseFailures', 'stuck', 'guardHits', 'loopIterations', 'cost', 'fallbacks', 'breakerOpenSeconds', 'breakerOpens', 'gateArrivals', 'gateWaitSum', 'gateWaitCount', 'gateQueueArea', 'gateBusySeconds', 'gateSlaBreaches', 'gateTimeouts'] as const;

function resultsHash(doc: Workflow, scenario: Scenario | undefined, cases: number, replications: number): string {
  const reps = runReplications(prepareBatch(doc, scenario), { seed: scenario?.seed ?? 1, cases, from: 0, to: replications });
  if (!reps) throw new Error('cancelled');
  return sha(
    reps.map((r) => ({
      events: r.events,
      endTime: r.endTime,
      results: RESULT_FIELDS.map((k) => Array.from(r.results[k])),
      stats: STAT_FIELDS.map((k) => Array.from(r.stats[k])),
    })),
  );
}

const at = { x: 0, y: 0 };
let k = 0;
const e = (from: string, to: string, extra: Partial<WorkflowEdge> = {}): WorkflowEdge => {
  const [source = '', sourcePort = 'out'] = from.split(':');
  return { id: `g${k++}`, source, sourcePort, target: to, ...extra };
};

/** What the models and templates leave out: join first / timeout, inclusive routers, loops, data steps, attributes. */
function tour(): Workflow {
  k = 0;
  const nodes: WorkflowNode[] = [
    trigger(),
    ai('draft', { ok: 0.9, wrong: 0.05, rate_limited: 0.05 }, { latency: { type: 'lognormal', median: 3, p95: 12 }, cost: 0.01, confidence: { correct: { type: 'beta', alpha: 8, beta: 2 }, wrong: { type: 'beta', alpha: 3, beta: 3 } }, policy: { retry: [{ errorEquals: ['rate_limited'], maximumAttempts: 3, jitter: 'full' }] } }),
    router('fan', 'parallel'),
    tool('fast', { ok: 0.8, communication: 0.2 }, { latency: { type: 'exponential', mean: 2 }, policy: { retry: [{ errorEquals: ['communication'], maximumAttempts: 2, jitter: 'equal' }], circuitBreaker: { failureRateThreshold: 0.5, windowSize: 10, minimumCalls: 5, openSeconds: 60 } } }),
    { id: 'wait', kind: 'data', label: 'wait', position: at, config: { operation: 'wait', delaySeconds: 5 }, stub: { latency: { type: 'uniform', min: 0, max: 4 } } },
    join('race', 'first'),
    router('pick', 'inclusive'),
    check('qc', 0.7, 0.05, { onFail: 'reask', maxReasks: 2 }),
    human('gate', { reviewers: 1, service: { type: 'triangular', min: 20, mode: 50, max: 120 }, sla: 120, outcomes: { approve: 0.8, reject: 0.1, revise: 0.1 }, detection: 0.5, costPerHour: 30 }),
    join('meet', 'all', 200),
    { id: 'each', kind: 'loop', label: 'each', position: at, config: { batchSize: 2 }, stub: { items: { type: 'normal', mean: 4, sd: 2 } } },
    tool('item', { ok: 0.95, runtime: 0.05 }, { latency: fixed(1), policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }),
    router('tier'),
    output('ok'),
    output('vip', 'escalated'),
    output('no', 'rejected'),
    output('err', 'error'),
  ];
  const edges = [
    e('t', 'draft'),
    e('draft', 'fan'),
    e('fan', 'fast'),
    e('fan', 'wait'),
    e('fast', 'race'),
    e('fast:error', 'err'),
    e('wait', 'race'),
    e('race', 'pick'),
    e('pick', 'qc', { probability: 0.7 }),
    e('pick', 'gate', { probability: 0.6 }),
    e('pick', 'meet', { isDefault: true }),
    e('qc:pass', 'meet'),
    e('qc:fail', 'no'),
    e('gate:approve', 'meet'),
    e('gate:reject', 'no'),
    e('gate:revise', 'no'),
    e('gate:timeout', 'meet'),
    e('meet', 'each'),
    e('each:each', 'item'),
    e('item', 'each'),
    e('item:error', 'err'),
    e('each:done', 'tier'),
    e('tier', 'vip', { condition: { field: 'tier', op: '==', value: 'gold' } }),
    e('tier', 'ok', { isDefault: true }),
  ];
  const scenario: Scenario = {
    id: 's',
    name: 's',
    seed: 5,
    cases: 400,
    arrival: { type: 'poisson', perHour: 120 },
    attributes: { tier: { type: 'table', values: [{ value: 'gold', probability: 0.2 }, { value: 'std', probability: 0.8 }] } },
    faults: [{ target: { node: 'fast' }, error: 'communication', probability: 0.5, window: { startSeconds: 3600, durationSeconds: 1800 } }],
  };
  return workflow(nodes, edges, { scenarios: [scenario] });
}

describe('golden reports (same seed, same bytes)', () => {
  it('the peer-comparison models', () => {
    const got = (['A', 'B', 'C'] as const).map((m) => {
      const doc = load(`../../bench/peers/models/${m}.baton.json`);
      return resultsHash(doc, doc.scenarios?.[0], m === 'C' ? 1500 : 4000, 2);
    });
    expect(got).toEqual(['760a10b8ba51dea4', '49191d9e882a78c3', 'fe0c6b2693e09941']);
  });

  it('the templates (frozen), each scenario and the baseline', () => {
    const docs = z.array(z.unknown()).parse(JSON.parse(readFileSync(new URL('../fixtures/sim-golden/templates.json', import.meta.url), 'utf8')));
    const got: Record<string, string> = {};
    for (const raw of docs) {
      const r = importWorkflow(new TextEncoder().encode(JSON.stringify(raw)));
      if (!r.ok) throw new Error('template fixture does not parse');
      const doc = r.doc;
      for (const s of doc.scenarios ?? []) got[`${doc.id}/${s.id}`] = resultsHash(doc, s, 300, 3);
      got[`${doc.id}/baseline`] = resultsHash(doc, baselineScenario(doc.scenarios?.[0]), 300, 2);
    }
    expect(got).toEqual({
      'code-review-ci/analyzer-broken': '91e7ad1948b57a9f',
      'code-review-ci/baseline': '31fb323f6f161f90',
      'code-review-ci/model-degraded': '964c1658b8b16fb7',
      'invoice-extraction/baseline': '1bb7107f950b2241',
      'invoice-extraction/erp-maintenance': '906d5d33aa1fdd1c',
      'invoice-extraction/month-end': '4fedd9f96d9ffef4',
      'kyc-onboarding/baseline': '57913b4d506574a5',
      'kyc-onboarding/launch-surge': '6de4360c7963c83d',
      'kyc-onboarding/sanctions-outage': 'f18a126430071467',
      'law-firm-intake/baseline': 'ed54ff9cc2438c75',
      'law-firm-intake/llm-outage': '693d45243f945a21',
      'law-firm-intake/monday-backlog': '52eb22370453b9e8',
      'marketing-campaign/baseline': '3f45a88195500b6f',
      'marketing-campaign/filter-spike': '1a16effc1462b26f',
      'marketing-campaign/social-rate-limit': '5842076f9a6ec866',
      'meeting-notes-over-engineered/baseline': '62f2b282a94b6f04',
      'meeting-notes-over-engineered/one-step-targets': '8c81da9cc2df3535',
      'patient-scheduling/baseline': '52ab2a61334f45cd',
      'patient-scheduling/clearinghouse-outage': '7e307dbce0cef940',
      'patient-scheduling/llm-rate-limited': 'a8ed3c056bf63120',
      'patient-scheduling/weekday': '0037cd2bca0ff3db',
      'support-triage/baseline': 'c369e810496bc7d8',
      'support-triage/incident-surge': 'a4118f5caea173b1',
      'support-triage/kb-down': 'eb2c0a597febe973',
      'weekly-reporting/baseline': '8b3144ac70017e1d',
      'weekly-reporting/crm-token-expired': '6d5c1895e58f8dd1',
      'weekly-reporting/slow-warehouse': '9c2ddd93ab7d0ec0',
    });
  });

  it('the tour of the remaining features, and its debug event stream', () => {
    const doc = tour();
    const s = doc.scenarios?.[0];
    const r = runBatch(doc, s, { cases: 400, replications: 3, seed: 5 });
    // The tour must reach what it is for: every outcome, the loop, the breaker, the gate's timeout.
    const mix = r?.outcomeMix;
    expect([mix?.success, mix?.escalated, mix?.rejected, mix?.error].every((n) => (n ?? 0) > 0)).toBe(true);
    expect(r?.loops.iterationsPerCase ?? 0).toBeGreaterThan(0);
    expect(r?.nodes.fast?.breakerOpens ?? 0).toBeGreaterThan(0);
    expect(r?.nodes.gate?.gate?.timeouts ?? 0).toBeGreaterThan(0);
    const results = resultsHash(doc, s, 400, 3);
    const run = createDebugRun(doc, s, 9, { cases: 60 });
    const events: unknown[] = [];
    for (let ev = run.step(); ev; ev = run.step()) events.push([ev.time, ev.type, ev.caseId, ev.nodeId, ev.edgeId]);
    expect({ results, events: events.length, trace: sha(events) }).toEqual({ results: '7f63c5b99b5e8c94', events: 2951, trace: '16651b6f7b1c16be' });
  });
});
