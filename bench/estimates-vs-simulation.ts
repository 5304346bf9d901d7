/**
 * The analyzer's closed-form estimates beside the simulator's figures on every template's baseline (issue 9):
 * scenarios removed, so arrivals follow the profile (poisson at runsPerDay / 24 an hour) and nothing is faulted;
 * `analyze(doc).metrics` is what `baton lint --format json` prints, `runBatch` what
 * `baton simulate --cases 2000 --replications 10` prints.
 *
 * Run: npx tsx bench/estimates-vs-simulation.ts [--cases 2000] [--replications 10] [--seed 1] [--markdown] [--lint]
 * Each cell is "estimate / simulated"; a `*` marks a figure outside the tolerance (success 0.02 absolute,
 * cost 5%, p50 and p95 30% of the simulated mean); "n/e" is a figure the analyzer declines to estimate.
 * The estimate is the one for the same run (arrivals from Monday 00:00 for cases x gap, as the simulator runs
 * them); with --lint it is the steady-state figure `baton lint` prints, which is what a run of many weeks sees.
 */
import { analyze, estimate } from '../src/analyzer/index.ts';
import { runBatch } from '../src/simulator/report.ts';
import { TEMPLATES } from '../src/templates/index.ts';
import { baselineOf, compareFigures, TOLERANCES, type FigureComparison } from '../test/contract/compare.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}
const cases = arg('--cases', 2000);
const replications = arg('--replications', 10);
const seed = arg('--seed', 1);
const markdown = process.argv.includes('--markdown');
const lint = process.argv.includes('--lint');

function cell(c: FigureComparison, digits: number): string {
  const f = (x: number | null): string => (x === null ? 'n/e' : x >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits));
  return `${f(c.estimate)} / ${f(c.simulated)}${c.within ? '' : ' *'}`;
}

const { loadavg } = await import('node:os');
console.log(`cases ${cases} x replications ${replications}, seed ${seed}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const header = ['template', 'success', 'cost per case', 'p50 (s)', 'p95 (s)'];
if (markdown) console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
let outside = 0;
const started = performance.now();
for (const t of TEMPLATES) {
  const doc = baselineOf(t.doc);
  const e = lint ? analyze(doc).estimates : estimate(doc, { cases });
  const report = runBatch(doc, undefined, { cases, replications, seed });
  if (!report) throw new Error('batch cancelled');
  const cmp = compareFigures(e, report, TOLERANCES.template);
  outside += cmp.filter((c) => !c.within).length;
  const [s, c, p50, p95] = cmp;
  const row = [t.id, cell(s!, 3), cell(c!, 2), cell(p50!, 0), cell(p95!, 0)];
  console.log(markdown ? `| ${row.join(' | ')} |` : row.map((x, i) => x.padEnd(i === 0 ? 32 : 22)).join(''));
}
console.log(`${outside} figure(s) outside tolerance; ${((performance.now() - started) / 1000).toFixed(1)} s`);
