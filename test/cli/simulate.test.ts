import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { main } from '../../src/cli/main.ts';
import { simulationReportSchema, type Workflow } from '../../src/domain/index.ts';
import { edge, human, output, tool, trigger, workflow } from '../simulator/helpers.ts';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

const kpi = z.object({ mean: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable() });
const outputSchema = z.object({
  scenario: z.string(),
  seed: z.number(),
  cases: z.number(),
  replications: z.number(),
  kpis: z.record(z.string(), kpi),
  nodes: z.record(z.string(), z.object({ visits: z.number(), failures: z.record(z.string(), z.number()), utilisation: z.number().optional(), meanWaitSeconds: z.number().optional() })),
  hypothesis: z.array(z.object({ metric: z.string(), op: z.string(), value: z.number(), actual: z.number().nullable(), pass: z.boolean() })),
});

let dir = '';
const file = async (name: string, doc: Workflow | string): Promise<string> => {
  const p = join(dir, name);
  await writeFile(p, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return p;
};

const design = (hypothesis: number) =>
  workflow([trigger(), tool('a', { ok: 0.9, runtime: 0.1 }), output('o')], [edge('t', 'a', { id: 'e1' }), edge('a', 'o', { id: 'e2' })], {
    scenarios: [{ id: 's1', name: 'base', seed: 4, cases: 500, replications: 4, hypothesis: [{ metric: 'successRate', op: '>=', value: hypothesis }] }],
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-sim-'));
});

describe('baton simulate', () => {
  it('prints the JSON contract with every KPI of interfaces.md; exit 0 when the hypothesis holds', async () => {
    const { code, out } = await cli(['simulate', await file('ok.json', design(0.8)), '--format', 'json']);
    expect(code).toBe(0);
    const parsed = outputSchema.parse(JSON.parse(out));
    for (const name of ['successRate', 'rejectedRate', 'escalatedRate', 'errorRate', 'failedRate', 'stuckRate', 'silentErrorRate', 'cycleSecondsP50', 'cycleSecondsP95', 'cycleSecondsP99', 'meanCycleSeconds', 'costPerCase', 'triesPerSuccess', 'humanHoursPerDay', 'leverage']) {
      expect(parsed.kpis).toHaveProperty(name);
    }
    expect(parsed).toMatchObject({ scenario: 's1', seed: 4, cases: 500, replications: 4 });
    expect(parsed.nodes.a?.visits).toBe(2000);
    expect(parsed.nodes.a?.failures.runtime).toBeGreaterThan(100);
    expect(parsed.hypothesis[0]?.pass).toBe(true);
  });

  it('exit 1 when a hypothesis line fails', async () => {
    const { code, out } = await cli(['simulate', await file('fail.json', design(0.99))]);
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL successRate >= 0.99/);
  });

  it('options override the scenario; the same seed gives the same output', async () => {
    const f = await file('seed.json', design(0.5));
    const a = await cli(['simulate', f, '--cases', '200', '--replications', '3', '--seed', '9', '--format=json']);
    const b = await cli(['simulate', f, '--cases', '200', '--replications', '3', '--seed', '9', '--format=json']);
    const c = await cli(['simulate', f, '--cases', '200', '--replications', '3', '--seed', '10', '--format=json']);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
    expect(outputSchema.parse(JSON.parse(a.out))).toMatchObject({ cases: 200, replications: 3, seed: 9 });
  });

  it('uses the default scenario when the document has none', async () => {
    const doc = workflow([trigger(), output('o')], [edge('t', 'o')]);
    const { code, out } = await cli(['simulate', await file('plain.json', doc), '--format', 'json']);
    expect(code).toBe(0);
    expect(outputSchema.parse(JSON.parse(out))).toMatchObject({ scenario: 'default', cases: 1000, replications: 10, seed: 1 });
  });

  it('exit 2 with one line on stderr for unusable input', async () => {
    const cases: string[][] = [
      ['simulate', join(dir, 'missing.json')],
      ['simulate', await file('bad.json', '{ not json')],
      ['simulate', await file('notrigger.json', workflow([output('o')], []))],
      ['simulate', await file('scen.json', design(0.5)), '--scenario', 'nope'],
      ['simulate', await file('opt.json', design(0.5)), '--cases', 'many'],
      ['simulate'],
    ];
    for (const args of cases) {
      const { code, err, out } = await cli(args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--format json prints the whole report: what the text prints, and more', async () => {
    // A tool with a breaker and a catch route, a gate with an SLA route, a loop that can hit the visit guard.
    const t = tool('a', { ok: 0.7, timeout: 0.3 }, { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }], circuitBreaker: { failureRateThreshold: 0.5, windowSize: 10, minimumCalls: 5, openSeconds: 60 } } });
    const doc = workflow(
      [trigger(), t, human('h', { reviewers: 1, service: { type: 'exponential', mean: 90 }, sla: 120 }), output('o'), output('late', 'escalated'), output('x', 'error')],
      [edge('t', 'a'), edge('a', 'h'), edge('a:error', 'x'), edge('h:approve', 'o'), edge('h:timeout', 'late')],
      { scenarios: [{ id: 's', name: 's', seed: 3, cases: 300, replications: 3 }] },
    );
    const f = await file('full.json', doc);
    const json = await cli(['simulate', f, '--format', 'json']);
    const text = await cli(['simulate', f]);
    const raw: unknown = JSON.parse(json.out);
    const report = simulationReportSchema.parse(raw);
    expect(outputSchema.parse(raw).nodes.h?.utilisation).toBe(report.nodes.h?.gate?.utilisation);
    const gate = report.nodes.h?.gate;
    const tool_ = report.nodes.a;
    if (!gate || !tool_) throw new Error('missing nodes');
    expect(gate.timeouts).toBeGreaterThan(0);
    expect(tool_.fallbacks).toBeGreaterThan(0);
    expect(tool_.breakerOpens).toBeGreaterThan(0);
    // Every figure the text report prints is in the JSON.
    expect(text.out).toContain(`Outcomes (cases, all replications): ${Object.entries(report.outcomeMix).map(([o, n]) => `${o} ${n}`).join(', ')}`);
    expect(text.out).toContain(`SLA breaches ${gate.slaBreaches}, timeouts ${gate.timeouts}`);
    expect(text.out).toContain(`fallbacks ${tool_.fallbacks}`);
    expect(text.out).toContain(`opened ${tool_.breakerOpens ?? NaN} times`);
    expect(report.loops).toEqual({ iterationsPerCase: 0, guardHits: 0 });
    expect(report.replicationKpis.successRate).toHaveLength(3);
  });

  it('--baseline runs the profile arrivals with no faults and no hypothesis, even when the file has scenarios', async () => {
    const doc = workflow([trigger(), tool('a', { ok: 0.9, runtime: 0.1 }), human('h', { service: { type: 'fixed', value: 10 } }), output('o')], [edge('t', 'a'), edge('a', 'h'), edge('h:approve', 'o')], {
      profile: { runsPerDay: 2400 },
      scenarios: [
        {
          id: 'outage',
          name: 'outage',
          seed: 4,
          cases: 400,
          replications: 4,
          arrival: { type: 'fixed', everySeconds: 1 },
          faults: [{ target: { node: 'a' }, error: 'timeout' }],
          hypothesis: [{ metric: 'successRate', op: '>=', value: 0.99 }],
        },
      ],
    });
    const f = await file('baseline.json', doc);
    const faulty = outputSchema.parse(JSON.parse((await cli(['simulate', f, '--format', 'json'])).out));
    expect(faulty.kpis.failedRate?.mean).toBe(1);
    const { code, out } = await cli(['simulate', f, '--baseline', '--format', 'json']);
    expect(code).toBe(0);
    const base = simulationReportSchema.parse(JSON.parse(out));
    expect(base).toMatchObject({ scenario: 'baseline', seed: 4, cases: 400, replications: 4, hypothesis: [] });
    const failed = base.kpis.failedRate.ci95 ?? [NaN, NaN];
    expect(failed[0] <= 0.1 && 0.1 <= failed[1]).toBe(true);
    // Profile arrivals, 2,400 a day (one every 36 s on average), keep the 10-second review nearly free of waiting; the
    // scenario's one a second would queue hundreds of cases.
    expect(base.kpis.meanCycleSeconds.mean ?? NaN).toBeGreaterThan(11);
    expect(base.kpis.meanCycleSeconds.mean ?? NaN).toBeLessThan(20);
    const text = await cli(['simulate', f, '--baseline']);
    expect(text.out).toMatch(/^Scenario baseline: 400 cases x 4 replications, seed 4/);
  });
});
