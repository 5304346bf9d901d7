import { describe, expect, it } from 'vitest';
import { createNode, createWorkflow, type Workflow } from '../../../src/domain/index.ts';
import { resultsSummary, shareInWords } from '../../../src/ui/simulation/results-summary.ts';
import { nodeFixture, reportFixture } from './sim-fixtures.ts';

const kv = (mean: number | null) => ({ mean, ci95: null });

/** A KYC-like design: two rejected outputs (screening down, sanctions hit), one approved, one review gate. */
function kyc(profile: Workflow['profile'], scenarios = 2): Workflow {
  const doc = createWorkflow({ id: 'wf_kyc', name: 'KYC' });
  const out = (id: string, label: string, outcome: 'success' | 'rejected') => {
    const n = createNode('output', { id, position: { x: 0, y: 0 }, label });
    return n.kind === 'output' ? { ...n, config: { ...n.config, outcome } } : n;
  };
  return {
    ...doc,
    profile,
    nodes: [out('approve', 'Approve', 'success'), out('down', 'Reject: screening down', 'rejected'), out('hit', 'Reject: sanctions hit', 'rejected'), createNode('human', { id: 'review', position: { x: 0, y: 0 }, label: 'Manual review' })],
    scenarios: [
      { id: 'base', name: 'Normal day', seed: 1, cases: 100, replications: 2 },
      { id: 'outage', name: 'Sanctions outage', seed: 1, cases: 100, replications: 2 },
    ].slice(0, scenarios),
  };
}

describe('shareInWords', () => {
  it('says "N in 10" when that is within 2 points, a percent otherwise, all and none only when exact', () => {
    expect(shareInWords(0.9)).toBe('9 in 10');
    expect(shareInWords(0.915)).toBe('9 in 10');
    expect(shareInWords(0.937)).toBe('93.7%');
    expect(shareInWords(0.5)).toBe('5 in 10');
    expect(shareInWords(0.999)).toBe('99.9%');
    expect(shareInWords(0.004)).toBe('0.4%');
    expect(shareInWords(1)).toBe('all');
    expect(shareInWords(0)).toBe('none');
  });
});

describe('resultsSummary', () => {
  it('an outage: most cases in time, most rejected, and where; the scenario named', () => {
    const report = reportFixture({
      scenario: 'outage',
      kpis: { deadlineMetRate: kv(0.9), cycleSecondsP90: kv(80_000), silentErrorRate: kv(0) },
      outcomeMix: { success: 50, rejected: 950, escalated: 0, error: 0, failed: 0, stuck: 0 },
      nodes: { down: nodeFixture({ kind: 'output', visits: 900 }), hit: nodeFixture({ kind: 'output', visits: 50 }), approve: nodeFixture({ kind: 'output', visits: 50 }) },
    });
    expect(resultsSummary(report, kyc({ slaSeconds: 86_400 }))).toBe('9 in 10 cases finish within the 24 h deadline; under “Sanctions outage”, 95% are rejected, mostly at “Reject: screening down” and 5% succeed.');
  });

  it('puts SLA breaches in the sentence when they happen, and how late cases are when many miss the deadline', () => {
    const report = reportFixture({
      scenario: 'base',
      kpis: { deadlineMetRate: kv(0.6), cycleSecondsP90: kv(158_400), silentErrorRate: kv(0.02) },
      outcomeMix: { success: 938, rejected: 62, escalated: 0, error: 0, failed: 0, stuck: 0 },
      nodes: { review: nodeFixture({ kind: 'human', gate: { arrivals: 400, meanQueueLength: 3, meanWaitSeconds: 90_000, utilisation: 1, slaBreaches: 400, timeouts: 0, reviewerHoursPerDay: 8 } }) },
    });
    expect(resultsSummary(report, kyc({ slaSeconds: 86_400 }, 1))).toBe(
      '6 in 10 cases finish within the 24 h deadline (9 in 10 within 44 h); 93.8% succeed and 6.2% are rejected; 400 of 400 items at “Manual review” (100%) missed its SLA; 2% end as a success with a wrong result (silent errors).',
    );
  });

  it('without a deadline says the median and p90; names stuck cases; leaves out shares under 1%', () => {
    const report = reportFixture({
      kpis: { cycleSecondsP50: kv(90), cycleSecondsP90: kv(600), silentErrorRate: kv(0.001) },
      outcomeMix: { success: 0, rejected: 5, escalated: 0, error: 0, failed: 0, stuck: 995 },
    });
    expect(resultsSummary(report, kyc(undefined, 1))).toBe('Half the cases finish within 1.5 min and 9 in 10 within 10 min; 99.5% get stuck.');
  });

  it('says so when no case finished', () => {
    expect(resultsSummary(reportFixture(), kyc(undefined, 1))).toBe('No case finished in this run.');
  });
});
