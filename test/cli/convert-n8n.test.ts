/**
 * `baton convert --from n8n`: an n8n export to a Baton workflow on stdout (or --out), the approximations on
 * stderr or in --report FILE, exit 0 / 1 / 2 as the issue asks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { conversionReportSchema } from '../../src/domain/index.ts';
import { importWorkflow } from '../../src/interop/import.ts';

const n8nFixture = fileURLToPath(new URL('../fixtures/n8n/0966_HTTP_Discord_Import_Scheduled.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'baton-convert-n8n-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['convert', ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/** Trigger -> Set: nothing to approximate. */
const exact = JSON.stringify({
  name: 'Exact',
  nodes: [
    { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { name: 'Shape', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0], parameters: {} },
  ],
  connections: { Start: { main: [[{ node: 'Shape', type: 'main', index: 0 }]] } },
  settings: { executionOrder: 'v1' },
});

describe('baton convert --from n8n', () => {
  it('exit 0 and a valid Baton workflow on stdout when nothing was approximated', async () => {
    const r = await run(file('exact.json', exact), '--from', 'n8n');
    expect(r.code).toBe(0);
    expect(importWorkflow(r.stdout)).toMatchObject({ ok: true, doc: { name: 'Exact' } });
    expect(r.stderr).toBe('');
  });

  it('exit 1 with one note line per approximation on stderr; the document is still written', async () => {
    const r = await run(n8nFixture, '--from', 'n8n');
    expect(r.code).toBe(1);
    expect(importWorkflow(r.stdout).ok).toBe(true);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('note: "IF": branch shares unknown (which branch a case takes depends on its data; the branches are given even shares (their probabilities) until you set your own)');
    expect(lines.at(-1)).toMatch(/converted to baton with 1 thing\(s\) not carried over exactly \(listed above\)\.$/);
  });

  it('--out writes the file and --report the JSON report (a ConversionReport), with one summary line', async () => {
    const out = join(dir, 'out.baton.json');
    const report = join(dir, 'report.json');
    const r = await run(n8nFixture, '--from=n8n', '--out', out, '--report', report);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(importWorkflow(readFileSync(out, 'utf8')).ok).toBe(true);
    const parsed = conversionReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
    expect(parsed).toMatchObject({ from: 'n8n', sourceNodes: 6, approximations: [{ node: 'IF', what: 'branch shares unknown' }] });
  });

  it('detects an n8n export without --from', async () => {
    const r = await run(file('detected.json', exact), '--to', 'baton');
    expect(r.code).toBe(0);
    expect(importWorkflow(r.stdout).ok).toBe(true);
  });

  it('exit 2 with one line for a file that is not an n8n workflow, or a hostile one', async () => {
    const notN8n = await run(file('baton.json', readFileSync(fileURLToPath(new URL('../../docs/examples/minimal.baton.json', import.meta.url)), 'utf8')), '--from', 'n8n');
    expect(notN8n).toMatchObject({ code: 2, stdout: '' });
    expect(notN8n.stderr).toMatch(/: not usable: \$: not an n8n workflow: it is already a Baton workflow\n$/);
    const hostile = await run(file('hostile.json', '{"nodes":[],"connections":{"constructor":{}}}'), '--from', 'n8n');
    expect(hostile).toMatchObject({ code: 2, stdout: '' });
    expect(hostile.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(hostile.stderr).toMatch(/the key "constructor" is refused/);
  });
});
