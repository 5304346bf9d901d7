/**
 * A trigger's type says who starts a case (workflow-format.md); the simulator starts cases as the scenario's
 * arrivals say, whoever starts them. A workflow another workflow calls (`called`) gets its cases from the
 * scenario like any other: the same seed gives the same report for every trigger type.
 */
import { describe, expect, it } from 'vitest';
import { TRIGGER_TYPES, type TriggerType, type Workflow } from '../../src/domain/index.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { ai, edge, output, tool, workflow } from './helpers.ts';

const startedBy = (type: TriggerType): Workflow =>
  workflow(
    [{ id: 't', kind: 'trigger', label: 't', position: { x: 0, y: 0 }, config: { type } }, ai('a', { ok: 0.9, rate_limited: 0.1 }), tool('b', { ok: 0.97, communication: 0.03 }), output('o')],
    [edge('t', 'a'), edge('a', 'b'), edge('b', 'o')],
    { scenarios: [{ id: 's', name: 's', seed: 3, cases: 200, replications: 3, arrival: { type: 'poisson', perHour: 30 } }] },
  );

const report = (type: TriggerType) => {
  const doc = startedBy(type);
  return runBatch(doc, doc.scenarios?.[0], { cases: 200, replications: 3, seed: 3 });
};

describe('trigger types in the simulator', () => {
  it('a called workflow gets its cases from the scenario, as every other trigger type does', () => {
    const manual = report('manual');
    // Cases really ran, and some failed, so the comparison says something.
    expect(manual?.cases).toBe(200);
    expect(manual?.kpis.failedRate.mean).toBeGreaterThan(0);
    for (const type of TRIGGER_TYPES) expect(JSON.stringify(report(type)), type).toBe(JSON.stringify(manual));
  });
});
