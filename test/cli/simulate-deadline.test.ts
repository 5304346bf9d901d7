/** `baton simulate --format json` prints deadlineMetRate when the profile states a deadline, and only then. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { main } from '../../src/cli/main.ts';
import { edge, fixed, output, tool, trigger, workflow } from '../simulator/helpers.ts';

const kpis = z.object({ kpis: z.record(z.string(), z.object({ mean: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable() })) });

async function simulate(slaSeconds: number | undefined, format: 'json' | 'text'): Promise<string> {
  const doc = workflow([trigger(), tool('a', { ok: 1 }, { latency: fixed(30) }), output('o')], [edge('t', 'a'), edge('a', 'o')], slaSeconds !== undefined ? { profile: { slaSeconds } } : {});
  const path = join(await mkdtemp(join(tmpdir(), 'baton-deadline-')), 'd.json');
  await writeFile(path, JSON.stringify(doc));
  let out = '';
  await main(['simulate', path, '--cases', '50', '--replications', '2', '--format', format], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => undefined } });
  return out;
}

describe('baton simulate: deadlineMetRate', () => {
  it('is in the JSON with a deadline: every 30 s case meets a 60 s deadline, none a 20 s one', async () => {
    expect(kpis.parse(JSON.parse(await simulate(60, 'json'))).kpis.deadlineMetRate).toEqual({ mean: 1, ci95: [1, 1] });
    expect(kpis.parse(JSON.parse(await simulate(20, 'json'))).kpis.deadlineMetRate?.mean).toBe(0);
    expect(await simulate(60, 'text')).toMatch(/deadlineMetRate\s+1\b/);
  });

  it('is not in the JSON without one', async () => {
    expect(kpis.parse(JSON.parse(await simulate(undefined, 'json'))).kpis).not.toHaveProperty('deadlineMetRate');
  });
});
