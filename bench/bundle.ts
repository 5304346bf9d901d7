/**
 * What the first page loads: the JavaScript the built index.html asks for (its module script and modulepreload
 * links) and every chunk those import statically, with raw and gzip sizes, against the first-load budget of
 * 250 KB gzip (docs/architecture.md, "First load"). Chunks behind a dynamic import() load on first use and are
 * listed apart.
 *
 *   npx tsx bench/bundle.ts                # builds the app into a private folder, then measures it
 *   npx tsx bench/bundle.ts --dist dist    # measures an existing build
 *   npx tsx bench/bundle.ts --check        # exits 1 when the first load is over the budget (npm test)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The first-load budget (the target), in bytes of gzip (level 9, as Vite reports it). */
export const FIRST_LOAD_BUDGET = 250 * 1024;
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Script and modulepreload URLs of an index.html, in document order. */
export function entryUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) if (m[1]) urls.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) if (m[1]) urls.push(m[1]);
  return urls;
}

/** Relative specifiers a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) if (m[1]) out.push(m[1]);
  return out;
}

/** Relative specifiers a chunk loads on first use (`import("./x.js")`). */
export function dynamicImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)) if (m[1]) out.push(m[1]);
  return out;
}

export interface Chunk {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

/** The first-load chunks of a build (path relative to `dist`), following static imports from the entries. */
export function firstLoad(dist: string): { first: Chunk[]; lazy: Chunk[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const measure = (file: string): Chunk => {
    const code = readFileSync(join(dist, file));
    return { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
  };
  const seen = new Set<string>();
  const queue = entryUrls(html).map((u) => u.replace(/^\//, ''));
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === undefined || seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const spec of staticImports(code)) queue.push(posix.join(posix.dirname(file), spec));
  }
  const first = [...seen].map(measure);
  // What a first use loads: each dynamic import's target and the chunks it imports statically (an import()
  // often lands on a small facade that imports the real chunk), outside the first load.
  const lazy = new Set<string>();
  const pending: string[] = [];
  for (const file of seen) {
    for (const spec of dynamicImports(readFileSync(join(dist, file), 'utf8'))) pending.push(posix.join(posix.dirname(file), spec));
  }
  while (pending.length > 0) {
    const file = pending.shift();
    if (file === undefined || seen.has(file) || lazy.has(file) || !file.endsWith('.js')) continue;
    lazy.add(file);
    for (const spec of staticImports(readFileSync(join(dist, file), 'utf8'))) pending.push(posix.join(posix.dirname(file), spec));
  }
  return { first, lazy: [...lazy].map(measure) };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function main(): void {
  const args = process.argv.slice(2);
  const distArg = args.indexOf('--dist');
  let dist = distArg >= 0 ? args[distArg + 1] : undefined;
  if (dist === undefined) {
    // A private folder: dist/ is shared with whoever else builds in this tree.
    dist = join(tmpdir(), `baton-bundle-bench-${process.pid}`);
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], { cwd: repo, stdio: 'inherit' });
  }
  const { first, lazy } = firstLoad(dist);
  const total = first.reduce((s, c) => s + c.gzip, 0);
  const css = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css'));
  const cssGzip = css.reduce((s, f) => s + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length, 0);
  console.log(`First load of ${relative(repo, dist) || dist} (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores; sizes do not depend on it)`);
  for (const c of [...first].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${c.file.padEnd(48)} ${kb(c.bytes).padStart(10)} ${kb(c.gzip).padStart(10)} gzip`);
  console.log(`  ${'JavaScript, first load'.padEnd(48)} ${''.padStart(10)} ${kb(total).padStart(10)} gzip   target ${kb(FIRST_LOAD_BUDGET)}: ${(total / FIRST_LOAD_BUDGET).toFixed(2)}x, ${total <= FIRST_LOAD_BUDGET ? `${kb(FIRST_LOAD_BUDGET - total)} to spare` : `${kb(total - FIRST_LOAD_BUDGET)} OVER`}`);
  console.log(`  ${'CSS (all of it, loaded with the page)'.padEnd(48)} ${''.padStart(10)} ${kb(cssGzip).padStart(10)} gzip`);
  const lazyTotal = lazy.reduce((s, c) => s + c.gzip, 0);
  console.log(`Loaded on first use (dynamic imports of the first-load chunks, with what those import): ${lazy.length} chunks, ${kb(lazyTotal)} gzip; the largest:`);
  for (const c of [...lazy].sort((a, b) => b.gzip - a.gzip).slice(0, 8)) console.log(`  ${c.file.padEnd(48)} ${kb(c.bytes).padStart(10)} ${kb(c.gzip).padStart(10)} gzip`);
  if (total > FIRST_LOAD_BUDGET) console.log(`Over the ${kb(FIRST_LOAD_BUDGET)} target: load what the first paint does not need on first use (docs/architecture.md, "First load").`);
  if (args.includes('--check') && total > FIRST_LOAD_BUDGET) {
    console.error(`First load is ${kb(total)} gzip, over the ${kb(FIRST_LOAD_BUDGET)} budget: load what the first paint does not need on first use (docs/architecture.md, "First load").`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
