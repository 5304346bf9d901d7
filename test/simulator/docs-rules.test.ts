/**
 * Rules docs/simulator.md and docs/workflow-format.md state about timeouts, each run through the engine
 * (deterministic designs: fixed service times, so the figures are exact).
 */
import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from '../../src/domain/index.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { edge, fixed, human, output, trigger, workflow } from './helpers.ts';

function gate(timeouts: { startToCloseSeconds?: number }, sla?: number): WorkflowNode {
  const h = human('h', { service: fixed(100), ...(sla !== undefined ? { sla } : {}) });
  return h.kind === 'human' ? { ...h, policy: { timeouts } } : h;
}

const run = (nodes: WorkflowNode[], withTimeoutEdge: boolean, everySeconds = 1000) => {
  const edges = [edge('t', 'h'), edge('h:approve', 'o'), ...(withTimeoutEdge ? [edge('h:timeout', 'late')] : [])];
  const r = runBatch(workflow([trigger(), ...nodes, output('o'), output('late', 'escalated')], edges), { id: 's', name: 's', seed: 1, cases: 3, arrival: { type: 'fixed', everySeconds } }, { cases: 3, replications: 1, seed: 1 });
  if (!r) throw new Error('cancelled');
  return r;
};

describe('human gate timeouts, as the docs say', () => {
  it("startToCloseSeconds cuts a reviewer's work and sends the item out by timeout, when timeout has an edge", () => {
    const r = run([gate({ startToCloseSeconds: 30 })], true);
    expect(r.kpis.escalatedRate.mean).toBe(1);
    expect(r.kpis.meanCycleSeconds.mean).toBe(30);
    expect(r.nodes['h']?.gate?.timeouts).toBe(3);
  });

  it('without a timeout edge startToCloseSeconds takes nothing out: the work runs to its end', () => {
    const r = run([gate({ startToCloseSeconds: 30 })], false);
    expect(r.kpis.successRate.mean).toBe(1);
    expect(r.kpis.meanCycleSeconds.mean).toBe(100);
    expect(r.nodes['h']?.gate?.timeouts).toBe(0);
  });

  it('without a timeout edge the SLA only counts breaches', () => {
    // One reviewer, three cases arriving a minute apart: the second and third wait, and finish past a 150 s SLA.
    const r = run([gate({}, 150)], false, 60);
    expect(r.kpis.successRate.mean).toBe(1);
    // Arrivals at 0, 60, 120 s; done at 100, 200, 300 s: the third took 180 s.
    expect(r.nodes['h']?.gate?.slaBreaches).toBe(1);
    expect(r.nodes['h']?.gate?.timeouts).toBe(0);
  });
});
