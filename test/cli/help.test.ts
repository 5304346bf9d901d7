/**
 * `baton --help` lists every command with its usage line. The overview keeps its own copy of each line (command
 * modules load only when their command runs), so this test holds the two together: a flag added to a command
 * shows in the overview too.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

async function run(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const sink = { write: (s: string) => (stdout += s) };
  const code = await main(argv, { stdout: sink, stderr: sink });
  return { code, stdout };
}

describe('baton --help', () => {
  it("shows each command's own usage line, flag for flag", async () => {
    const overview = await run('--help');
    expect(overview.code).toBe(0);
    const listed = overview.stdout.split('\n').filter((l) => l.startsWith('  baton ')).map((l) => l.trim());
    expect(listed.map((l) => l.split(' ')[1])).toEqual(['validate', 'lint', 'simulate', 'convert']);
    for (const line of listed) {
      const name = line.split(' ')[1] ?? '';
      const own = await run(name, '--help');
      expect(own.code).toBe(0);
      expect(own.stdout.split('\n')[0]).toBe(`Usage: ${line}`);
    }
  });
  it('names the n8n import in the convert line', async () => {
    expect((await run('--help')).stdout).toMatch(/baton convert FILE \[--from baton\|n8n\]/);
  });
});
