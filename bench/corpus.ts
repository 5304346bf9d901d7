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
 *   npx tsx bench/corpus.ts
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { analyze, forgetEstimates } from '../src/analyzer/index.ts';
import { importAnyWorkflow } from '../src/interop/importers.ts';
import { corpusFiles, findCorpus } from '../scripts/n8n-corpus.ts';

const RUNS = 5;
const dir = findCorpus();
if (dir === undefined) {
  console.log('bench/corpus: no n8n corpus found beside the repository (set BATON_N8N_CORPUS); skipped.');
  process.exit(0);
}
const files = corpusFiles(dir).map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));

interface Row {
  name: string;
  nodes: number;
  importMs: number;
  analyzeMs: number;
  parseMs: number;
}

function measure(file: { name: string; bytes: Buffer }, runs = RUNS): Row {
  let best: Row = { name: file.name, nodes: 0, importMs: Infinity, analyzeMs: Infinity, parseMs: Infinity };
  const text = file.bytes.toString('utf8');
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    JSON.parse(text);
    const parseMs = performance.now() - t0;
    t0 = performance.now();
    const imported = importAnyWorkflow(file.bytes);
    const importMs = performance.now() - t0;
    let analyzeMs = 0;
    let nodes = 0;
    if (imported.ok) {
      nodes = imported.doc.nodes.length;
      // Each run is a full analysis: the estimates remembered from the run before would otherwise answer it.
      forgetEstimates();
      t0 = performance.now();
      analyze(imported.doc);
      analyzeMs = performance.now() - t0;
    }
    if (importMs + analyzeMs < best.importMs + best.analyzeMs) best = { name: file.name, nodes, importMs, analyzeMs, parseMs: Math.min(parseMs, best.parseMs) };
    else best.parseMs = Math.min(parseMs, best.parseMs);
  }
  return best;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(2)} ms`;

// The first round, cold (the JIT has not seen the code yet): what one `baton lint` of one file costs at worst.
const cold = files.map((f) => measure(f, 1)).map((r) => r.importMs + r.analyzeMs);
const load = loadavg()[0] ?? NaN;
const t0 = performance.now();
const rows = files.map((f) => measure(f));
const wall = performance.now() - t0;
const total = rows.map((r) => r.importMs + r.analyzeMs);
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

console.log(`Load average ${load.toFixed(1)} on ${availableParallelism()} cores; ${files.length} files, fastest of ${RUNS} runs each.`);
console.log('per file            median     p95        max        total');
const line = (what: string, xs: number[]): void => console.log(`${what.padEnd(18)}  ${ms(quantile(xs, 0.5)).padEnd(9)}  ${ms(quantile(xs, 0.95)).padEnd(9)}  ${ms(Math.max(...xs)).padEnd(9)}  ${ms(sum(xs))}`);
line('import + analyze', total);
line('  import', rows.map((r) => r.importMs));
line('  analyze', rows.map((r) => r.analyzeMs));
line('JSON.parse (base)', rows.map((r) => r.parseMs));
line('first round, cold', cold);
console.log(`ratio to the baseline (medians): ${(quantile(total, 0.5) / quantile(rows.map((r) => r.parseMs), 0.5)).toFixed(0)}x; whole round ${(wall / 1000).toFixed(1)} s for ${RUNS} runs of every file`);
const slowest = [...rows].sort((a, b) => b.importMs + b.analyzeMs - (a.importMs + a.analyzeMs)).slice(0, 3);
console.log(`slowest: ${slowest.map((r) => `${r.name} (${r.nodes} nodes, ${ms(r.importMs)} + ${ms(r.analyzeMs)})`).join('; ')}`);
const median = quantile(total, 0.5);
const max = Math.max(...total);
const overSecond = cold.filter((x) => x > 1000).length;
console.log(`targets: median < 5 ms ${median < 5 ? 'met' : 'MISSED'}; max < 100 ms ${max < 100 ? 'met' : 'MISSED'}; files over 1 s (cold round): ${overSecond}`);
