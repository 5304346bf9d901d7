/**
 * bench/bundle.ts decides what "the first load" is for the 250 KB budget that `npm test` checks (docs/architecture.md,
 * "First load"): the built index.html's entries and every chunk they import statically; what sits behind an import()
 * (with what that imports) loads on first use. Checked here on a small build of known shape.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamicImports, firstLoad, staticImports } from '../../bench/bundle.ts';

const dist = mkdtempSync(join(tmpdir(), 'baton-first-load-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function file(path: string, text: string): void {
  mkdirSync(join(dist, path, '..'), { recursive: true });
  writeFileSync(join(dist, path), text);
}

file('index.html', '<script type="module" crossorigin src="/assets/index-a.js"></script><link rel="modulepreload" crossorigin href="/assets/zod-b.js">');
file('assets/index-a.js', 'import{a as e}from"./zod-b.js";import"./store-c.js";const t=()=>import(`./analyzer-d.js`);export{e,t};');
file('assets/zod-b.js', 'export const a=1;');
file('assets/store-c.js', 'import{a}from"./zod-b.js";export const s=a;');
// An import() often lands on a small facade that imports the real chunk statically.
file('assets/analyzer-d.js', 'export*from"./analyzer-e.js";');
file('assets/analyzer-e.js', 'import{a}from"./zod-b.js";export const analyze=a;'.repeat(40));

describe('first load (bench/bundle.ts)', () => {
  it('reads static and dynamic imports apart', () => {
    const code = 'import{a}from"./x.js";import"./y.js";export{b}from"./z.js";const l=()=>import("./lazy.js");';
    expect(staticImports(code)).toEqual(['./x.js', './y.js', './z.js']);
    expect(dynamicImports(code)).toEqual(['./lazy.js']);
  });

  it('counts the entries and their static imports; a dynamic import and what it imports load on first use', () => {
    const { first, lazy } = firstLoad(dist);
    expect(first.map((c) => c.file).sort()).toEqual(['assets/index-a.js', 'assets/store-c.js', 'assets/zod-b.js']);
    expect(lazy.map((c) => c.file).sort()).toEqual(['assets/analyzer-d.js', 'assets/analyzer-e.js']);
    for (const c of [...first, ...lazy]) expect(c.gzip).toBeGreaterThan(0);
  });
});
