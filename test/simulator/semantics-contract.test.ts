/**
 * The simulator follows the shared semantics (src/domain/semantics): each rule is run through the engine and the
 * result compared with the rule's own figures (shares within binomial intervals, exact counts where the run is
 * deterministic).
 */
import { describe, expect, it } from 'vitest';
import type { WorkflowEdge } from '../../src/domain/index.ts';
import { DEFAULT_VISIT_LIMIT, expectedBranchShares, maxTries, type BranchMode } from '../../src/domain/semantics/index.ts';
import { prepareBatch, runBatch, runReplications } from '../../src/simulator/report.ts';
import { binomialHalfWidth, edge, fixed, join, output, router, tool, trigger, workflow } from './helpers.ts';

const CASES = 4000;
const REPLICATIONS = 4;

/** Cases reaching each of a router's outputs o0, o1, ... (a case can reach several out of an inclusive router). */
function branchShares(mode: BranchMode, branches: readonly Partial<WorkflowEdge>[]): number[] {
  const outs = branches.map((_, i) => output(`o${i}`));
  const edges = branches.map((b, i) => edge('r', `o${i}`, b));
  const r = runBatch(workflow([trigger(), router('r', mode), ...outs], [edge('t', 'r'), ...edges]), undefined, { cases: CASES, replications: REPLICATIONS, seed: 1 });
  if (!r) throw new Error('cancelled');
  return outs.map((o) => r.nodes[o.id]?.reachedShare ?? 0);
}

function expectShares(mode: BranchMode, branches: readonly Partial<WorkflowEdge>[]): void {
  const expected = expectedBranchShares(mode, branches);
  const got = branchShares(mode, branches);
  got.forEach((g, i) => {
    const e = expected[i] ?? NaN;
    expect({ edge: i, got: g, expected: e, inside: Math.abs(g - e) <= binomialHalfWidth(e, CASES * REPLICATIONS) + 1e-12 }).toMatchObject({ inside: true });
  });
}

describe('the simulator follows src/domain/semantics', () => {
  it('exclusive routers split by expectedBranchShares: weights under 1 with a default, over 1, without a default', () => {
    expectShares('exclusive', [{ probability: 0.3 }, { probability: 0.2 }, { isDefault: true }]);
    expectShares('exclusive', [{ probability: 3 }, { probability: 1 }, { isDefault: true }]);
    expectShares('exclusive', [{ probability: 0.3 }, { probability: 0.1 }, {}]);
    expectShares('exclusive', [{}, { isDefault: true }]);
  });

  it('inclusive routers fire each edge with its own chance, the default only when none did', () => {
    expectShares('inclusive', [{ probability: 0.5 }, { probability: 0.4 }, { isDefault: true }]);
    expectShares('inclusive', [{ probability: 0.7 }, {}]);
  });

  it('the visit guard ends a case that loops for ever on its 26th entry, as stuck', () => {
    const doc = workflow([trigger(), tool('a', { ok: 1 }), output('o')], [edge('t', 'a'), edge('a', 'a')]);
    const r = runBatch(doc, undefined, { cases: 10, replications: 1, seed: 1 });
    expect(r?.kpis.stuckRate.mean).toBe(1);
    expect(r?.nodes['a']?.guardHits).toBe(10);
    expect(r?.nodes['a']?.visits).toBe(10 * (DEFAULT_VISIT_LIMIT + 1));
  });

  it('maximumAttempts counts per retrier: tries end when one error has used up its own retrier', () => {
    // Every try fails: timeout or communication, half and half. Timeout's retrier allows 3 tries, communication's 2,
    // so a case makes 2 to maxTries = 4 tries. Expected tries by enumerating the sequences.
    const retry = [
      { errorEquals: ['timeout' as const], maximumAttempts: 3, initialIntervalSeconds: 1, jitter: 'none' as const },
      { errorEquals: ['communication' as const], maximumAttempts: 2, initialIntervalSeconds: 1, jitter: 'none' as const },
    ];
    const expectedTries = (t: number, c: number): number => (t === 3 || c === 2 ? 0 : 1 + 0.5 * expectedTries(t + 1, c) + 0.5 * expectedTries(t, c + 1));
    // The first try is made whatever happens; the counts are tries so far of each error.
    const e = expectedTries(0, 0);
    const doc = workflow([trigger(), tool('a', { timeout: 0.5, communication: 0.5 }, { policy: { retry }, cost: 1 }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const r = runBatch(doc, undefined, { cases: CASES, replications: 4, seed: 3 });
    expect(r?.kpis.failedRate.mean).toBe(1);
    const [lo = NaN, hi = NaN] = r?.kpis.costPerCase.ci95 ?? [];
    expect({ lo, hi, e, inside: lo <= e && e <= hi }).toMatchObject({ inside: true });
    expect(maxTries(retry)).toBe(4);
    // No case makes more than maxTries tries, and some make that many.
    const p = prepareBatch(doc, undefined);
    const tries = runReplications(p, { seed: 3, cases: 500, from: 0, to: 1 })?.[0]?.results.tries ?? new Float64Array();
    expect(Math.max(...tries)).toBe(maxTries(retry));
    expect(Math.min(...tries)).toBe(2);
  });

  it("a join's timeout starts when the group's first branch arrives", () => {
    // Branches arrive at 10 s and 100 s; timeout 50 s from the first arrival fires at 60 s.
    const doc = workflow(
      [trigger(), router('r', 'parallel'), tool('fast', { ok: 1 }, { latency: fixed(10) }), tool('slow', { ok: 1 }, { latency: fixed(100) }), join('j', 'all', 50), output('o')],
      [edge('t', 'r'), edge('r', 'fast'), edge('r', 'slow'), edge('fast', 'j'), edge('slow', 'j'), edge('j', 'o')],
    );
    const r = runBatch(doc, undefined, { cases: 3, replications: 1, seed: 1 });
    expect(r?.kpis.meanCycleSeconds.mean).toBe(60);
    expect(r?.kpis.successRate.mean).toBe(1);
  });

  it('a case reaching several outputs ends with the most severe', () => {
    const doc = workflow(
      [trigger(), router('r', 'parallel'), output('ok'), output('no', 'rejected'), output('esc', 'escalated')],
      [edge('t', 'r'), edge('r', 'ok'), edge('r', 'no'), edge('r', 'esc')],
    );
    const r = runBatch(doc, undefined, { cases: 5, replications: 1, seed: 1 });
    expect(r?.outcomeMix).toMatchObject({ rejected: 5, success: 0, escalated: 0 });
  });
});
