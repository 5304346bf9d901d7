/**
 * Every command reads its input file through one helper (src/cli/read-input.ts): a file that cannot be read
 * gets the same line on stderr, in words, and exit 2, whichever command was asked.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('reading the input file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-read-'));
  const missing = join(dir, 'missing.baton.json');
  it.each([['validate'], ['lint'], ['simulate'], ['convert']])('%s: a missing file or a directory is said in words, exit 2', async (command) => {
    const extra = command === 'convert' ? ['--to', 'mermaid'] : [];
    expect(await run(command, missing, ...extra)).toEqual({ code: 2, stdout: '', stderr: `${missing}: cannot read the file: no such file\n` });
    expect(await run(command, dir, ...extra)).toEqual({ code: 2, stdout: '', stderr: `${dir}: cannot read the file: it is a directory\n` });
  });
});
