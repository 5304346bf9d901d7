/**
 * The report the simulator produces is what the schema in src/domain says (the contract the store, the UI, saved
 * runs and `baton simulate --format json` read), on every template, through JSON and back.
 */
import { describe, expect, it } from 'vitest';
import { simulationReportSchema } from '../../src/domain/index.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { TEMPLATES } from '../../src/templates/index.ts';

describe('simulation report schema', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: the report parses, and survives JSON', (_id, t) => {
    const report = runBatch(t.doc, t.doc.scenarios?.[0], { cases: 200, replications: 3, seed: 2, stopping: { relativeHalfWidth: 0.5, maxReplications: 4 } });
    expect(simulationReportSchema.safeParse(report).error).toBeUndefined();
    const back = simulationReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(back).toEqual(report);
  });

  it('refuses a report with a missing KPI or a negative count, saying where', () => {
    const report = runBatch(TEMPLATES[0]?.doc ?? { format: 'baton.workflow', schemaVersion: 2, id: 'x', name: 'x', nodes: [], edges: [] }, undefined, { cases: 20, replications: 2, seed: 1 });
    if (!report) throw new Error('no report');
    const { successRate: _gone, ...kpis } = report.kpis;
    const missing = simulationReportSchema.safeParse({ ...report, kpis });
    expect(missing.error?.issues[0]?.path).toEqual(['kpis', 'successRate']);
    const negative = simulationReportSchema.safeParse({ ...report, outcomeMix: { ...report.outcomeMix, stuck: -1 } });
    expect(negative.error?.issues[0]?.path).toEqual(['outcomeMix', 'stuck']);
  });
});
