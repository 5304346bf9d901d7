import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/engine.ts';
import { estimate } from '../../src/analyzer/estimates.ts';
import { outOfRange } from '../../src/analyzer/out-of-range.ts';
import type { Workflow, WorkflowNode } from '../../src/domain/index.ts';
import { getTemplate, TEMPLATES } from '../../src/templates/index.ts';

const FIGURES = ['success', 'costPerCase', 'p50Seconds', 'p95Seconds'] as const;

/** support-triage: 'classify' is the AI step "Classify ticket", 'agent' the person "Resolve ticket as agent". */
const triage = (): Workflow => getTemplate('support-triage')!.doc;

/** The document with one node's stub or config edited as the Inspector keeps a value out of range. */
function withNode(doc: Workflow, id: string, edit: (n: WorkflowNode) => WorkflowNode): Workflow {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? edit(n) : n)) };
}

function withStub(doc: Workflow, id: string, stub: Record<string, unknown>): Workflow {
  return withNode(doc, id, (n) => ({ ...n, stub: { ...(n as { stub: object }).stub, ...stub } }) as WorkflowNode);
}

describe('estimates of a design holding a value out of its schema range', () => {
  it('declines the cost per case with the step and field named, not "$-2.98" from a cost of -28 an hour', () => {
    const valid = analyze(triage()).estimates;
    const e = analyze(withStub(triage(), 'agent', { costPerHour: -28 })).estimates;
    expect(Number.isFinite(e.costPerCase)).toBe(false);
    expect(e.notEstimated.costPerCase).toBe("'Resolve ticket as agent' has cost per hour below 0 (stub.costPerHour is -28); fix the value in the Inspector");
    // A cost feeds no time and no outcome: those figures stand, exactly as for the valid design.
    expect([e.success, e.p50Seconds, e.p95Seconds]).toEqual([valid.success, valid.p50Seconds, valid.p95Seconds]);
    expect(e.notEstimated.success).toBeUndefined();
    expect(e.notEstimated.p95Seconds).toBeUndefined();
  });

  it('declines the cost for an AI step whose cost per call is -1 (it made the cost look $1 cheaper)', () => {
    const e = estimate(withStub(triage(), 'classify', { costPerCall: -1 }));
    expect(e.costPerCase).toBeNaN();
    expect(e.notEstimated.costPerCase).toContain("'Classify ticket' has cost per call below 0 (stub.costPerCall is -1)");
  });

  it.each([
    ['a negative latency', 'classify', { latency: { type: 'fixed', value: -500 } }, "'Classify ticket' has latency value below 0 (stub.latency.value is -500)"],
    ['an ok share above 1', 'classify', { outcomes: { ok: 1.3, runtime: -0.3 } }, "'Classify ticket' has outcomes ok above 1 (stub.outcomes.ok is 1.3)"],
    ['a failure share below 0', 'classify', { outcomes: { ok: 0.9, runtime: -0.1, timeout: 0.2 } }, "'Classify ticket' has outcomes runtime below 0 (stub.outcomes.runtime is -0.1)"],
    ['outcome shares that do not sum to 1', 'classify', { outcomes: { ok: 0.5, runtime: 0.2 } }, "'Classify ticket' has outcomes where outcome probabilities must sum to 1, but they sum to 0.7"],
    ['a service time median of 0 or less', 'agent', { serviceTime: { type: 'lognormal', median: -1, p95: 10 } }, "'Resolve ticket as agent' has service time median of 0 or less (stub.serviceTime.median is -1)"],
  ])('declines every figure for %s, naming the step and the field', (_what, id, stub, reason) => {
    const e = estimate(withStub(triage(), id, stub));
    for (const f of FIGURES) {
      expect(e[f]).toBeNaN();
      expect(e.notEstimated[f]).toContain(reason);
    }
  });

  it('declines every figure for a negative reviewer count (it gave a p50 of 8 hours)', () => {
    const doc = withNode(triage(), 'agent', (n) => (n.kind === 'human' ? { ...n, config: { ...n.config, reviewers: -2 } } : n));
    const a = analyze(doc);
    expect(a.estimates.notEstimated.p95Seconds).toBe("'Resolve ticket as agent' has reviewers below 1 (config.reviewers is -2); fix the value in the Inspector");
    expect(a.metrics.p95Seconds).toBeNaN();
    expect(a.leverage.ratio).toBeNull();
  });

  it('names the branch for an edge probability above 1, and the run for a scenario with negative arrivals', () => {
    const doc = triage();
    const i = doc.edges.findIndex((e) => e.source === 'route');
    const edge = doc.edges[i]!;
    const bad = { ...doc, edges: doc.edges.map((e, k) => (k === i ? { ...e, probability: 1.4 } : e)) };
    const target = doc.nodes.find((n) => n.id === edge.target)!.label;
    expect(estimate(bad).notEstimated.success).toBe(`the branch from 'Route by category and urgency' to '${target}' has probability above 1 (probability is 1.4); fix the value in the Inspector`);
    const run = estimate(doc, { cases: 100, arrival: { type: 'poisson', perHour: -3 } });
    expect(run.success).toBeNaN();
    expect(run.notEstimated.success).toMatch(/^the scenario has per hour/);
  });

  it('declines on a negative runs per day in the profile; a negative effort only takes the leverage away', () => {
    const doc = triage();
    expect(analyze({ ...doc, profile: { ...doc.profile, runsPerDay: -5 } }).estimates.notEstimated.success).toMatch(/^the task profile has runs per day below 0/);
    const effort = analyze({ ...doc, profile: { ...doc.profile, runsPerDay: 100, effortMinutes: -5 } });
    expect(effort.estimates.notEstimated).toEqual({});
    expect(effort.leverage.ratio).toBeNull();
  });

  it('a label too long declines nothing: no figure reads it', () => {
    const doc = withNode(triage(), 'classify', (n) => ({ ...n, label: 'x'.repeat(300) }));
    expect(outOfRange(doc)).toEqual({});
    expect(estimate(doc).notEstimated).toEqual({});
  });

  it('the figures come back once the value is fixed (the remembered estimate is not reused)', () => {
    expect(estimate(withStub(triage(), 'classify', { costPerCall: -1 })).notEstimated.costPerCase).toBeDefined();
    const fixed = estimate(withStub(triage(), 'classify', { costPerCall: 0.001 }));
    expect(fixed.notEstimated).toEqual({});
    expect(fixed.costPerCase).toBeGreaterThan(0);
  });

  it('every template is in range: nothing declined on its account', () => {
    for (const t of TEMPLATES) expect(outOfRange(t.doc), t.id).toEqual({});
  });
});
