/**
 * Import and full analysis of every real n8n workflow in the corpus (shared/corpus/n8n beside the repository):
 * per file, the time from the file's bytes to an imported Baton document (importAnyWorkflow: n8n conversion,
 * schema check, integrity) plus its full analysis (every rule, metrics, score, estimates). Prints median, p95 and
 * max per file and the total, against the targets (median < 5 ms, max < 100 ms, no file over 1 s), beside a
 * baseline measured in the same run: JSON.parse of the same bytes, the least any import must do.
 *
 * Each file is measured `RUNS` times and its fastest run kept (on a shared machine the fastest run is the best
 * estimate of the uncontended cost); the first round (cold, one run per file) is printed apart: no file may take
 * over 1 s even then.
 *
 * `--against REF` also measures the analyzer of commit REF (its src/ unpacked under node_modules/.cache), each
 * run of a file alternating between REF and this tree, so both see the same load; it prints REF's figures and
 * the ratio beside this tree's.
 *
 *   npx tsx bench/corpus.ts [--against REF]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as here from '../src/analyzer/index.ts';
import * as hereImport from '../src/interop/importers.ts';
import { corpusFiles, findCorpus } from '../scripts/n8n-corpus.ts';

const RUNS = 5;
const dir = findCorpus();
if (dir === undefined) {
  console.log('bench/corpus: no n8n corpus found beside the repository (set BATON_N8N_CORPUS); skipped.');
  process.exit(0);
}
const files = corpusFiles(dir).map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));

/** What one analyzer build offers the bench. */
interface Build {
  analyze: (doc: never) => unknown;
  forgetEstimates: () => void;
  importAnyWorkflow: (bytes: Uint8Array) => { ok: true; doc: { nodes: readonly unknown[] } } | { ok: false };
}
const current = { analyze: here.analyze, forgetEstimates: here.forgetEstimates, importAnyWorkflow: hereImport.importAnyWorkflow } as unknown as Build;

/** The analyzer of commit `ref`: its src/ unpacked once under node_modules/.cache (so its imports resolve). */
async function buildAt(ref: string): Promise<{ sha: string; build: Build }> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const out = join(root, 'node_modules', '.cache', 'baton-bench', sha);
  if (!existsSync(join(out, 'src'))) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', sha, 'src'], { cwd: root, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', out], { input: tar });
  }
  // Under node_modules a .ts file without a module package.json is compiled to CommonJS, whose every imported
  // binding is a getter call: REF ran about 3x slower than the same code in this tree.
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  const a = (await import(pathToFileURL(join(out, 'src', 'analyzer', 'index.ts')).href)) as Record<string, unknown>;
  const i = (await import(pathToFileURL(join(out, 'src', 'interop', 'importers.ts')).href)) as Record<string, unknown>;
  return { sha: sha.slice(0, 7), build: { analyze: a['analyze'], forgetEstimates: a['forgetEstimates'], importAnyWorkflow: i['importAnyWorkflow'] } as Build };
}
const at = process.argv.indexOf('--against');
const against = at >= 0 ? await buildAt(process.argv[at + 1] ?? 'main') : undefined;

interface Row {
  name: string;
  nodes: number;
  importMs: number;
  analyzeMs: number;
  parseMs: number;
}

/** One run of a file through a build: import, then a full analysis (estimates forgotten first). */
function once(b: Build, bytes: Buffer): { nodes: number; importMs: number; analyzeMs: number } {
  let t0 = performance.now();
  const imported = b.importAnyWorkflow(bytes);
  const importMs = performance.now() - t0;
  if (!imported.ok) return { nodes: 0, importMs, analyzeMs: 0 };
  // Each run is a full analysis: the estimates remembered from the run before would otherwise answer it.
  b.forgetEstimates();
  t0 = performance.now();
  b.analyze(imported.doc as never);
  return { nodes: imported.doc.nodes.length, importMs, analyzeMs: performance.now() - t0 };
}

/** The fastest of `runs` runs of a file, for this tree and (alternating with it, run by run) the other build. */
function measure(file: { name: string; bytes: Buffer }, runs = RUNS): { row: Row; base?: Row } {
  const empty = (): Row => ({ name: file.name, nodes: 0, importMs: Infinity, analyzeMs: Infinity, parseMs: Infinity });
  const best = empty();
  const base = against ? empty() : undefined;
  const text = file.bytes.toString('utf8');
  const keep = (into: Row, r: { nodes: number; importMs: number; analyzeMs: number }, parseMs: number): void => {
    if (r.importMs + r.analyzeMs < into.importMs + into.analyzeMs) Object.assign(into, r);
    into.parseMs = Math.min(parseMs, into.parseMs);
  };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    JSON.parse(text);
    const parseMs = performance.now() - t0;
    // Which build goes first alternates too (the second may pay for the first's garbage).
    if (base && against && i % 2 === 0) keep(base, once(against.build, file.bytes), parseMs);
    keep(best, once(current, file.bytes), parseMs);
    if (base && against && i % 2 === 1) keep(base, once(against.build, file.bytes), parseMs);
  }
  return { row: best, base };
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(2)} ms`;

// The first round, cold (the JIT has not seen the code yet): what one `baton lint` of one file costs at worst.
const coldRounds = files.map((f) => measure(f, 1));
const cold = coldRounds.map((r) => r.row.importMs + r.row.analyzeMs);
const load = loadavg()[0] ?? NaN;
const t0 = performance.now();
const measured = files.map((f) => measure(f));
const wall = performance.now() - t0;
const rows = measured.map((m) => m.row);
const total = rows.map((r) => r.importMs + r.analyzeMs);
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

console.log(`Load average ${load.toFixed(1)} on ${availableParallelism()} cores (${loadavg()[0]?.toFixed(1)} after); ${files.length} files, fastest of ${RUNS} runs each${against ? `, alternating with ${against.sha}` : ''}.`);
console.log('per file            median     p95        max        total');
const line = (what: string, xs: number[]): void => console.log(`${what.padEnd(18)}  ${ms(quantile(xs, 0.5)).padEnd(9)}  ${ms(quantile(xs, 0.95)).padEnd(9)}  ${ms(Math.max(...xs)).padEnd(9)}  ${ms(sum(xs))}`);
line('import + analyze', total);
line('  import', rows.map((r) => r.importMs));
line('  analyze', rows.map((r) => r.analyzeMs));
line('JSON.parse (base)', rows.map((r) => r.parseMs));
line('first round, cold', cold);
console.log(`ratio to the baseline (medians): ${(quantile(total, 0.5) / quantile(rows.map((r) => r.parseMs), 0.5)).toFixed(0)}x; whole round ${(wall / 1000).toFixed(1)} s for ${RUNS} runs of every file${against ? ' (both builds)' : ''}`);
const slowestOf = (rs: Row[]): string => [...rs].sort((a, b) => b.importMs + b.analyzeMs - (a.importMs + a.analyzeMs)).slice(0, 3).map((r) => `${r.name} (${r.nodes} nodes, ${ms(r.importMs)} + ${ms(r.analyzeMs)})`).join('; ');
console.log(`slowest: ${slowestOf(rows)}`);
if (against) {
  const baseRows = measured.map((m) => m.base!);
  const baseTotal = baseRows.map((r) => r.importMs + r.analyzeMs);
  const baseCold = coldRounds.map((r) => r.base!.importMs + r.base!.analyzeMs);
  line(`${against.sha}: i + a`, baseTotal);
  line(`${against.sha}: cold`, baseCold);
  const ratio = (f: (xs: number[]) => number): string => (f(total) / f(baseTotal)).toFixed(2);
  console.log(`this tree / ${against.sha}: median ${ratio((xs) => quantile(xs, 0.5))}, p95 ${ratio((xs) => quantile(xs, 0.95))}, max ${ratio((xs) => Math.max(...xs))}, total ${ratio(sum)}`);
  console.log(`slowest at ${against.sha}: ${slowestOf(baseRows)}`);
}
const median = quantile(total, 0.5);
const max = Math.max(...total);
const overSecond = cold.filter((x) => x > 1000).length;
console.log(`targets: median < 5 ms ${median < 5 ? 'met' : 'MISSED'}; max < 100 ms ${max < 100 ? 'met' : 'MISSED'}; files over 1 s (cold round): ${overSecond}`);
