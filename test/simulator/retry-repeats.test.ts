/**
 * Which errors a retry repeats (repeatProbabilities, src/domain/semantics/retries.ts), against closed forms:
 * with repeat probability r, a retry after error e fails with e again with probability r, else draws afresh.
 * Three tries of a step failing with q per fresh try: P(all fail) = q (r + (1 - r) q)^2.
 */
import { describe, expect, it } from 'vitest';
import type { KpiValue, StepPolicy } from '../../src/domain/index.ts';
import { DEFAULT_REPEAT } from '../../src/domain/semantics/index.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { ai, edge, output, tool, trigger, workflow } from './helpers.ts';

function expectInside(k: KpiValue, expected: number): void {
  const [lo = NaN, hi = NaN] = k.ci95 ?? [];
  expect({ lo, hi, expected, inside: lo <= expected && expected <= hi }).toMatchObject({ inside: true });
}

const retryAll: StepPolicy = { retry: [{ errorEquals: ['ALL'], maximumAttempts: 3, initialIntervalSeconds: 1, jitter: 'none' }] };
const run = (doc: ReturnType<typeof workflow>, scenario?: Parameters<typeof runBatch>[1]) => {
  const r = runBatch(doc, scenario, { cases: 4000, replications: 10, seed: 21 });
  if (!r) throw new Error('cancelled');
  return r;
};

describe('retries repeat errors as AI steps and tools really fail', () => {
  it('an AI step malformed 30% of the time, retried 3 times: a retry mostly draws a new answer (r = 0.2)', () => {
    const q = 0.3;
    const r = DEFAULT_REPEAT.ai.malformed_output;
    expect(r).toBe(0.2);
    const rep = run(workflow([trigger(), ai('a', { ok: 1 - q, malformed_output: q }, { policy: retryAll, cost: 1 }), output('o')], [edge('t', 'a'), edge('a', 'o')]));
    const s = r + (1 - r) * q;
    expectInside(rep.kpis.failedRate, q * s * s);
    expectInside(rep.kpis.costPerCase, 1 + q + q * s);
  });

  it("the stub's repeatOnRetry overrides the default: malformed output that always comes back is not helped by retrying", () => {
    const q = 0.3;
    const doc = workflow([trigger(), ai('a', { ok: 1 - q, malformed_output: q }, { policy: retryAll }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const node = doc.nodes[1];
    if (node?.kind !== 'ai' || !node.stub) throw new Error('no ai stub');
    node.stub.repeatOnRetry = { malformed_output: 1 };
    expectInside(run(doc).kpis.failedRate, q);
  });

  it("a tool's validation error belongs to the input: retries never help", () => {
    const q = 0.2;
    const rep = run(workflow([trigger(), tool('a', { ok: 1 - q, validation: q }, { policy: retryAll }), output('o')], [edge('t', 'a'), edge('a', 'o')]));
    expectInside(rep.kpis.failedRate, q);
    expect(DEFAULT_REPEAT.tool.validation).toBe(1);
    expect(DEFAULT_REPEAT.tool.timeout).toBe(0);
  });

  it('a fault fails each try with its own probability, whatever its error type: an injected validation error does not stick', () => {
    const doc = workflow([trigger(), tool('a', { ok: 1 }, { policy: retryAll }), output('o')], [edge('t', 'a'), edge('a', 'o')]);
    const rep = run(doc, { id: 's', name: 's', seed: 21, cases: 4000, faults: [{ target: { node: 'a' }, error: 'validation', probability: 0.5 }] });
    expectInside(rep.kpis.failedRate, 0.5 ** 3);
  });
});
