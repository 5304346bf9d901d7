/**
 * The real binary, node bin/baton.mjs, as a CI script runs it: the bundled command line (dist-cli/, built by
 * test/global-setup.ts) loaded with its code cache, and an exit as soon as the output is flushed. Whatever the
 * start-up path, stdout, stderr and the exit code are those of the command run in-process through main().
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const valid = fileURLToPath(new URL('../fixtures/valid/all-kinds.baton.json', import.meta.url));
const modelC = fileURLToPath(new URL('../../bench/peers/models/C.baton.json', import.meta.url));

async function inProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

function binary(argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/baton.mjs', ...argv], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('node bin/baton.mjs', () => {
  it('prints exactly what the command prints in-process, with its exit code (lint with findings over --max-warnings: 1)', async () => {
    const argv = ['lint', valid, '--max-warnings', '0'];
    const expected = await inProcess(argv);
    expect(expected.code).toBe(1);
    expect(binary(argv)).toEqual(expected);
  });

  it('writes a long output through a pipe in full before it exits (convert to BPMN, over 64 KB)', async () => {
    const argv = ['convert', modelC, '--to', 'bpmn'];
    const expected = await inProcess(argv);
    expect(expected.stdout.length).toBeGreaterThan(64 * 1024);
    const got = binary(argv);
    expect(got).toEqual(expected);
  });
});
