/**
 * `baton convert`, in-process through main() with string buffers, and once through the real binary.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { createNode, createWorkflow } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { getTemplate } from '../../src/templates/index.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'baton-convert-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['convert', ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const minimal = fileURLToPath(new URL('../../docs/examples/minimal.baton.json', import.meta.url));

describe('baton convert --to (in-process)', () => {
  it('exit 0 and the Mermaid text on stdout when nothing is lost', async () => {
    const r = await run(minimal, '--to', 'mermaid');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^%% "Summarise support emails", exported from Baton\nflowchart LR\n/);
  });

  it('writes BPMN to --out and nothing to stdout', async () => {
    const out = join(dir, 'minimal.bpmn');
    const r = await run(minimal, '--to', 'bpmn', '--out', out);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<bpmn:definitions /);
  });

  it('exit 1 with one "note:" line per thing not carried over, on stderr; the output is still written', async () => {
    const template = getTemplate('code-review-ci');
    if (!template) throw new Error('no template');
    const r = await run(file('code-review.baton.json', exportWorkflow(template.doc)), '--to=asl');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ StartAt: expect.any(String) });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1).every((l) => l.startsWith('note: '))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^note: Join "Wait for analyses": its 15 min timeout has no Step Functions equivalent/));
    expect(lines.at(-1)).toMatch(/converted to asl with \d+ thing\(s\) not carried over exactly/);
  });

  it('exit 2 with one line naming the node when the target cannot express the design', async () => {
    const doc = createWorkflow({ id: 'wf', name: 'Inclusive' });
    doc.nodes = [
      createNode('trigger', { id: 't', position: { x: 0, y: 0 } }),
      { ...createNode('router', { id: 'pick', position: { x: 200, y: 0 }, label: 'Pick channels' }), config: { mode: 'inclusive' } },
      createNode('output', { id: 'a', position: { x: 400, y: 0 } }),
      createNode('output', { id: 'b', position: { x: 400, y: 100 } }),
    ];
    doc.edges = [
      { id: 'e1', source: 't', sourcePort: 'out', target: 'pick' },
      { id: 'e2', source: 'pick', sourcePort: 'out', target: 'a' },
      { id: 'e3', source: 'pick', sourcePort: 'out', target: 'b' },
    ];
    const path = file('inclusive.baton.json', exportWorkflow(doc));
    const r = await run(path, '--to', 'asl');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${path}: cannot convert to asl: Router "Pick channels" is inclusive (every branch whose condition holds); Step Functions has no such state. Make it exclusive or parallel to export.\n`);
  });

  it('exit 2 for unusable input, a workflow with problems or an unknown format', async () => {
    expect(await run(fixture('unusable/not-json.baton.json'), '--to', 'bpmn')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/: not usable: /) });
    expect(await run(fixture('invalid/three-problems.baton.json'), '--to', 'bpmn')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/: not a valid workflow \(3 problem\(s\); run "baton validate" for all\): \$\.nodes\[0\]\.colour/),
    });
    expect(await run(minimal, '--to', 'visio')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^baton convert: --to takes one of baton, n8n, bpmn, asl, mermaid\./) });
    expect(await run(join(dir, 'missing.json'), '--to', 'bpmn')).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read the file/) });
  });

  it('--to baton (the default) writes the workflow JSON again, byte for byte', async () => {
    const r = await run(minimal, '--to', 'baton');
    expect(r).toEqual({ code: 0, stdout: readFileSync(minimal, 'utf8'), stderr: '' });
    expect(await run(minimal)).toEqual(r);
  });
});

describe('baton convert (the real binary)', () => {
  it('runs through node bin/baton.mjs', async () => {
    const exec = promisify(execFile);
    const r = await exec(process.execPath, ['bin/baton.mjs', 'convert', minimal, '--to', 'mermaid'], { cwd: repo });
    expect(r.stdout).toMatch(/^%% "Summarise support emails"/);
  });
});
