/**
 * Golden reports: the same seed gives the same report, byte for byte, across changes to the engine's code.
 *
 * Each hash is the SHA-256 of `reportJson(runBatch(...))` (what `baton simulate --format json` prints) for a
 * frozen document, or of a debug run's event stream. They were recorded before the engine's speed work (issue 12)
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
import { reportJson, type Scenario, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../src/domain/index.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { createDebugRun } from '../../src/simulator/debug.ts';
import { baselineScenario, runBatch } from '../../src/simulator/report.ts';
import { ai, check, fixed, human, join, output, router, tool, trigger, workflow } from './helpers.ts';

const sha = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

function load(path: string): Workflow {
  const r = importWorkflow(readFileSync(new URL(path, import.meta.url)));
  if (!r.ok) throw new Error(`${path}: not a workflow`);
  return r.doc;
}

function reportHash(doc: Workflow, scenario: Scenario | undefined, cases: number, replications: number): string {
  const r = runBatch(doc, scenario, { cases, replications, seed: scenario?.seed ?? 1 });
  if (!r) throw new Error('no report');
  return sha(reportJson(r));
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
      return reportHash(doc, doc.scenarios?.[0], m === 'C' ? 1500 : 4000, 2);
    });
    expect(got).toEqual(['6a6ee3b12db4a6f7', '9ae14b7899bacf81', '25048f032755c64d']);
  });

  it('the templates (frozen), each scenario and the baseline', () => {
    const docs = z.array(z.unknown()).parse(JSON.parse(readFileSync(new URL('../fixtures/sim-golden/templates.json', import.meta.url), 'utf8')));
    const got: Record<string, string> = {};
    for (const raw of docs) {
      const r = importWorkflow(new TextEncoder().encode(JSON.stringify(raw)));
      if (!r.ok) throw new Error('template fixture does not parse');
      const doc = r.doc;
      for (const s of doc.scenarios ?? []) got[`${doc.id}/${s.id}`] = reportHash(doc, s, 300, 3);
      got[`${doc.id}/baseline`] = reportHash(doc, baselineScenario(doc.scenarios?.[0]), 300, 2);
    }
    expect(got).toEqual({
      'code-review-ci/analyzer-broken': '8287e0a03fb94595',
      'code-review-ci/baseline': '84dcb5ccd17ec505',
      'code-review-ci/model-degraded': '5c3bcc6cebf32ab1',
      'invoice-extraction/baseline': 'eb59da1adf95d86d',
      'invoice-extraction/erp-maintenance': '3643df82dfe76e7f',
      'invoice-extraction/month-end': '11e06fa314c9cebd',
      'kyc-onboarding/baseline': 'd79e13d8f64aa2b4',
      'kyc-onboarding/launch-surge': '93409467ee2f7552',
      'kyc-onboarding/sanctions-outage': '60262e658d651f97',
      'law-firm-intake/baseline': 'a39f7dbd03aac387',
      'law-firm-intake/llm-outage': '13b54b09d8f71d89',
      'law-firm-intake/monday-backlog': 'c1daf59785022a46',
      'marketing-campaign/baseline': '17fefcd0bf50bbb3',
      'marketing-campaign/filter-spike': '7fa1026363ba3274',
      'marketing-campaign/social-rate-limit': '02a377a671cf667a',
      'meeting-notes-over-engineered/baseline': 'e67c7cd51873d0bd',
      'meeting-notes-over-engineered/one-step-targets': 'be1475633d182748',
      'patient-scheduling/baseline': '6266c3a611b6b78c',
      'patient-scheduling/clearinghouse-outage': '01efc5f480af666e',
      'patient-scheduling/llm-rate-limited': 'e4b1972d05718c23',
      'patient-scheduling/weekday': 'ecd86446ff0d8d83',
      'support-triage/baseline': '2c0f0c1494843bd6',
      'support-triage/incident-surge': '9e51b8f836ded0a6',
      'support-triage/kb-down': 'ac4d8adb0bd5eed4',
      'weekly-reporting/baseline': '30dc3390cbfbd8cb',
      'weekly-reporting/crm-token-expired': '06adbe1ff7acc222',
      'weekly-reporting/slow-warehouse': '1d9854ac02562128',
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
    const report = sha(r ? reportJson(r) : null);
    const run = createDebugRun(doc, s, 9, { cases: 60 });
    const events: unknown[] = [];
    for (let ev = run.step(); ev; ev = run.step()) events.push(ev);
    expect({ report, events: events.length, trace: sha(events) }).toEqual({ report: '445fac4b276f61df', events: 2951, trace: 'c7616c143feac2e0' });
  });
});
