/**
 * "No file in src/ over 600 lines" (docs/architecture.md, "Files a newcomer can find"): a module that grows past it
 * is split along lines a newcomer can find, not left to grow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 600;

const repo = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Lines of text; a last line without a newline counts too (`wc -l` would miss it). */
function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('file size', () => {
  it('counts lines, a last one without a newline too', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
  });

  it(`no file in src/ has more than ${MAX_LINES} lines`, () => {
    const files = sourceFiles(join(repo, 'src'));
    expect(files.length).toBeGreaterThan(100);
    const over = files
      .map((f) => ({ file: relative(repo, f), lines: lineCount(readFileSync(f, 'utf8')) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(over, 'split these along lines a newcomer can find (docs/architecture.md, "Files a newcomer can find")').toEqual([]);
  });
});
