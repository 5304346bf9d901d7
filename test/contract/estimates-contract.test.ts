/**
 * The analyzer/simulator contract (issue 9): the analyzer's closed-form estimates and the simulator's results tell
 * one story about a design.
 * - Every template's baseline (profile arrivals, no faults), estimated for the same run (cases from Monday 00:00):
 *   success within 0.02, cost per case within 5%, p50 and p95 cycle time within 30% of the simulated mean.
 * - Generated designs with no human gates: each estimate inside the simulator's 95% interval. With hundreds of
 *   figures some fall outside by chance (5% each); so at most 10% of each figure may sit outside, none by more
 *   than three half-widths. A quantile is read off the estimate's time grid (cells 7.5% wide), so it may differ
 *   by 1% besides; where the simulated quantile is one exact value in every replication (a fixed latency, a
 *   timeout cut), by the grid's 5%. A share the simulator saw in none of its cases has the rule of three's
 *   interval (3 / cases).
 * - Generated designs with human gates (queues, business hours, SLAs): the templates' tolerances, or inside the
 *   simulated 95% interval where the replications themselves disagree by more (a p50 between the cases answered at
 *   once and those left for the morning).
 * - Every template scenario (its arrivals and faults), estimated under the same scenario (the score card's like for
 *   like): success within 0.02 and cost per case within 10% (a fault window is taken evenly over the run).
 * Figures the analyzer declines (`notEstimated`) are not compared, and may be at most 15% of them.
 */
import { describe, expect, it } from 'vitest';
import { estimate, type EstimateFigure, type Estimates } from '../../src/analyzer/index.ts';
import { runBatch } from '../../src/simulator/report.ts';
import { TEMPLATES } from '../../src/templates/index.ts';
import { baselineOf, compareFigures, TOLERANCES } from './compare.ts';
import { generateDesign } from './generate.ts';

const KPI = { success: 'successRate', costPerCase: 'costPerCase', p50Seconds: 'cycleSecondsP50', p95Seconds: 'cycleSecondsP95' } as const satisfies Record<EstimateFigure, string>;
const FIGURES = Object.keys(KPI) as EstimateFigure[];

function simulate(doc: Parameters<typeof runBatch>[0], cases: number, replications: number, seed: number, scenario?: Parameters<typeof runBatch>[1]) {
  const r = runBatch(doc, scenario, { cases, replications, seed });
  if (!r) throw new Error('batch cancelled');
  return r;
}

describe('estimates against the simulator', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: the baseline agrees within the issue tolerances', (_id, t) => {
    const doc = baselineOf(t.doc);
    const cases = 2000;
    const e = estimate(doc, { cases });
    const r = simulate(doc, cases, 8, 1);
    const off = compareFigures(e, r, TOLERANCES.template).filter((c) => !c.within);
    expect(off.map((c) => `${c.figure}: estimate ${c.estimate} vs simulated ${c.simulated}`)).toEqual([]);
  });

  it.each(TEMPLATES.filter((t) => (t.doc.scenarios ?? []).length > 0).map((t) => [t.id, t] as const))('%s: each scenario beside the estimate under its own arrivals and faults', (_id, t) => {
    const off: string[] = [];
    for (const s of t.doc.scenarios ?? []) {
      const cases = Math.min(s.cases ?? 1000, 1000);
      const e = estimate(t.doc, { cases, ...(s.arrival ? { arrival: s.arrival } : {}), ...(s.faults ? { faults: s.faults } : {}) });
      const r = simulate(t.doc, cases, 4, 3, s);
      for (const c of compareFigures(e, r, { ...TOLERANCES.template, cost: 0.1 })) {
        if ((c.figure === 'success' || c.figure === 'costPerCase') && !c.within) off.push(`${s.id} ${c.figure}: estimate ${c.estimate}, simulated ${c.simulated}`);
      }
    }
    expect(off).toEqual([]);
  });

  // The generated designs go in chunks (each a test of its own, so no one test runs long on a busy machine); the
  // last test judges them together.
  const NO_GATE_DESIGNS = 160;
  const CHUNK = 20;
  const outside: Record<EstimateFigure, string[]> = { success: [], costPerCase: [], p50Seconds: [], p95Seconds: [] };
  const far: string[] = [];
  const tally = { compared: 0, declined: 0, designs: 0 };
  const chunks = Array.from({ length: NO_GATE_DESIGNS / CHUNK }, (_, i) => 1000 + i * CHUNK);

  it.each(chunks)('generated designs %i.. with no human gates: estimates beside the simulated 95% intervals', (from) => {
    const cases = 300;
    const replications = 8;
    for (let seed = from; seed < from + CHUNK; seed++) {
      const doc = generateDesign(seed);
      const e: Estimates = estimate(doc, { cases });
      const r = simulate(doc, cases, replications, 5);
      tally.designs++;
      for (const f of FIGURES) {
        if (e.notEstimated[f] !== undefined) {
          tally.declined++;
          continue;
        }
        const k = r.kpis[KPI[f]];
        if (k.mean === null || k.ci95 === null) continue;
        tally.compared++;
        const est = e[f];
        const quantile = f === 'p50Seconds' || f === 'p95Seconds';
        let hw = (k.ci95[1] - k.ci95[0]) / 2;
        let grid = quantile ? 0.01 * Math.abs(k.mean) : 1e-9;
        if (quantile && hw < 1e-9 * Math.max(1, Math.abs(k.mean))) grid = 0.05 * Math.abs(k.mean);
        if (f === 'success' && hw < 1e-9) hw = 3 / (cases * replications);
        const z = Math.max(0, Math.abs(est - k.mean) - grid) / Math.max(hw, 1e-12);
        const line = `design ${seed} ${f}: estimate ${est.toPrecision(4)}, simulated ${k.mean.toPrecision(4)} [${k.ci95[0].toPrecision(4)}, ${k.ci95[1].toPrecision(4)}]`;
        if (z > 1) outside[f].push(line);
        if (z > 3) far.push(line);
      }
    }
    expect(far).toEqual([]);
  });

  it('generated designs with no human gates: at most 10% of each figure outside its interval, at most 15% declined', () => {
    expect(tally.designs).toBe(NO_GATE_DESIGNS);
    for (const f of FIGURES) expect({ figure: f, outside: outside[f].length, lines: outside[f] }).toMatchObject({ outside: expect.toSatisfy((n: number) => n <= 0.1 * NO_GATE_DESIGNS) });
    expect(tally.declined).toBeLessThanOrEqual(0.15 * (tally.compared + tally.declined));
  });

  // A p50 that sits between the cases a reviewer answers at once and those left for the morning differs from one
  // replication to the next by more than 30%: there the estimate must sit inside the simulated 95% interval.
  it.each([2000, 2010, 2020])('generated designs %i.. with human gates: within the template tolerances or the simulated interval', (from) => {
    const off: string[] = [];
    for (let seed = from; seed < from + 10; seed++) {
      const doc = generateDesign(seed, { gates: true });
      const cases = 600;
      const e = estimate(doc, { cases });
      const r = simulate(doc, cases, 6, 9);
      const inside = compareFigures(e, r, TOLERANCES.template, true);
      compareFigures(e, r, TOLERANCES.template).forEach((c, i) => {
        if (!c.within && !inside[i]!.within) off.push(`design ${seed} ${c.figure}: estimate ${c.estimate}, simulated ${c.simulated} [${c.ci95?.join(', ')}]`);
      });
    }
    expect(off).toEqual([]);
  });
});
