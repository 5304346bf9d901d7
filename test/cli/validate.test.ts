/**
 * `baton validate`, in-process through main() with string buffers, and once through the real binary to prove
 * that `npx baton` works: bin/baton.mjs runs the bundle in dist-cli/ (built by test/global-setup.ts), or the
 * TypeScript sources through tsx with BATON_CLI_SOURCE=1.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('baton validate (in-process)', () => {
  it('exit 0 and one line for a valid workflow', async () => {
    const file = fixture('valid/all-kinds.baton.json');
    expect(await run(file)).toEqual({ code: 0, stdout: `${file}: valid workflow "All kinds" (12 nodes, 11 edges)\n`, stderr: '' });
  });

  it('exit 1 with a count and one "$.path: message" line per problem, on stdout', async () => {
    const file = fixture('invalid/three-problems.baton.json');
    const r = await run(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      `${file}: 3 problems in this workflow`,
      '$.nodes[0].colour: unknown field "colour"; allowed here: id, label, position, description, reads, inlineSecrets, kind, config',
      '$.nodes[1].config.capability: "gpt" is not a capability; use one of: llm, classifier, extractor, ocr, transcription, speech, image-generation, embedding, agent',
      '$.edges[0].target: edge "e1" points to "ghost", which is not a node',
      '',
    ]);
  });

  it.each([
    ['unusable/newer-version.baton.json', /: not usable: \$\.schemaVersion: .*made by a newer Baton; update/],
    ['unusable/not-json.baton.json', /: not usable: \$: not valid JSON: line 6, column 3: /],
    ['unusable/proto-key.baton.json', /: not usable: \$\.meta\.__proto__: the key "__proto__" is refused/],
  ])('exit 2 and ONE line on stderr for %s', async (name, message) => {
    const r = await run(fixture(name));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('exit 2 for a file that is not there, or a directory', async () => {
    expect(await run('/no/such/file.json')).toEqual({ code: 2, stdout: '', stderr: '/no/such/file.json: cannot read the file: no such file\n' });
    const dir = fixture('valid');
    expect((await run(dir)).stderr).toBe(`${dir}: cannot read the file: it is a directory\n`);
  });

  it('exit 2 for wrong usage', async () => {
    expect((await run()).stderr).toMatch(/^baton validate: a FILE is required\. Usage: baton validate FILE/);
    expect((await run('a.json', 'b.json')).code).toBe(2);
    expect((await run('--strict', 'a.json')).stderr).toMatch(/unknown option "--strict"/);
  });

  it('exit 2 for a file over a count limit, naming the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-validate-'));
    const file = join(dir, 'huge.baton.json');
    writeFileSync(file, JSON.stringify({ format: 'baton.workflow', schemaVersion: 2, id: 'x', name: 'x', nodes: Array.from({ length: 10_001 }, () => ({})), edges: [] }));
    const r = await run(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${file}: not usable: $.nodes: the workflow has 10,001 nodes; the limit is 10,000 nodes\n`);
  });

  it('documents the exit codes in its help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit 0: valid\. Exit 1: .*\nExit 2: unusable input/);
  });
});

describe('baton validate (the real binary)', () => {
  it('runs through node bin/baton.mjs with the documented exit codes', async () => {
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, ['bin/baton.mjs', 'validate', fixture('valid/all-kinds.baton.json')], { cwd: repo });
    expect(ok.stdout).toMatch(/: valid workflow "All kinds" \(12 nodes, 11 edges\)\n$/);
    const bad = await exec(process.execPath, ['bin/baton.mjs', 'validate', fixture('unusable/newer-version.baton.json')], { cwd: repo }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(String((bad as { stderr?: unknown }).stderr)).toMatch(/made by a newer Baton; update/);
  });

  it('runs the same command from the TypeScript sources with BATON_CLI_SOURCE=1', async () => {
    const exec = promisify(execFile);
    const env = { ...process.env, BATON_CLI_SOURCE: '1' };
    const ok = await exec(process.execPath, ['bin/baton.mjs', 'validate', fixture('valid/all-kinds.baton.json')], { cwd: repo, env });
    expect(ok.stdout).toMatch(/: valid workflow "All kinds" \(12 nodes, 11 edges\)\n$/);
  });
});
