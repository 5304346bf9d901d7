/**
 * Whole-process time of the command line, as a CI script sees it: `node bin/baton.mjs validate`, `lint` and
 * `simulate --cases 20000`, next to `node -e 0` (the process-start floor) measured in the same run, interleaved,
 * so load from other processes hits every command alike.
 *
 * Targets: validate and lint within 0.15 s of the floor; simulate --cases 20000 of a 6-step model (bench model B,
 * `../shared/bench-models/B.baton.json`) under 0.4 s end to end.
 *
 *   npm run bench:cli            (builds the bundle first)
 *   npx tsx bench/cli.ts [--runs N] [--source] [--against REF]
 *
 * --source also times BATON_CLI_SOURCE=1 (the tsx path); --against REF also builds git revision REF's command
 * line as its own build script does (bench/cli-build.ts) and times its commands interleaved with these, so a
 * before/after pair is measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportWorkflow } from '../src/interop/export.ts';
import { getTemplate } from '../src/templates/index.ts';
import { buildCli } from './cli-build.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 15;
const withSource = args.includes('--source');
const againstArg = args.indexOf('--against');
const against = againstArg >= 0 ? args[againstArg + 1] : undefined;

if (!existsSync(join(repo, 'dist-cli/baton.js'))) {
  console.error('No bundle in dist-cli/: run `npm run build:cli` (or `npm run bench:cli`, which builds it).');
  process.exit(2);
}

/** Bench model B (six steps) lives in the team's shared folder, beside the repository or its worktree. */
function findModelB(): string | undefined {
  const candidates = [process.env.BATON_BENCH_MODELS, join(repo, '../shared/bench-models'), join(repo, '../../shared/bench-models')];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'B.baton.json'))) return join(dir, 'B.baton.json');
  return undefined;
}

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-cli-'));
const template = getTemplate('patient-scheduling');
if (!template) throw new Error('template patient-scheduling is missing');
const templateFile = join(dir, 'patient-scheduling.baton.json');
writeFileSync(templateFile, exportWorkflow(template.doc));
const modelB = findModelB();

interface Case {
  readonly name: string;
  readonly argv: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Seconds over the floor (or absolute, for simulate) that the target allows. */
  readonly target?: { readonly overFloor?: number; readonly total?: number };
}

const bin = join(repo, 'bin/baton.mjs');
const cases: Case[] = [
  { name: 'node -e 0 (floor)', argv: ['-e', '0'] },
  { name: 'baton --help', argv: [bin, '--help'] },
  { name: 'baton validate (template, 19 nodes)', argv: [bin, 'validate', templateFile], target: { overFloor: 0.15 } },
  { name: 'baton lint (template, 19 nodes)', argv: [bin, 'lint', templateFile], target: { overFloor: 0.15 } },
];
if (modelB) cases.push({ name: 'baton simulate --cases 20000 (model B, 6 steps)', argv: [bin, 'simulate', modelB, '--cases', '20000'], target: { total: 0.4 } });
else console.log('Bench model B not found (set BATON_BENCH_MODELS to the folder holding B.baton.json); simulate skipped.');
const beforeBin = against !== undefined ? buildCli(repo, against, join(dir, 'against')) : undefined;
if (beforeBin !== undefined) {
  const now = cases.filter((c) => c.argv[0] === bin && c.argv[1] !== '--help');
  for (const c of now) cases.push({ name: c.name.replace(/^baton/, `baton@${against ?? ''}`).replace(/ \(.*\)$/, ''), argv: [beforeBin, ...c.argv.slice(1)] });
}
if (withSource) {
  cases.push({ name: 'validate from source (BATON_CLI_SOURCE=1, tsx)', argv: [bin, 'validate', templateFile], env: { BATON_CLI_SOURCE: '1' } });
}

/**
 * GNU time reports the child's CPU seconds (user + system), which a busy machine inflates far less than wall
 * time: on a shared 2-core box both are printed.
 */
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function once(c: Case): { wall: number; cpu: number } {
  const [cmd, argv] = gnuTime ? [gnuTime, ['-f', 'cpu %U %S', process.execPath, ...c.argv]] : [process.execPath, [...c.argv]];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd: repo, env: { ...process.env, ...c.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = (performance.now() - t0) / 1000;
  // lint exits 1 on findings at error level; anything else means the command did not run.
  if (r.status === null || r.status > 1) throw new Error(`${c.name} exited ${String(r.status)}: ${r.stderr.toString()}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.toString());
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

// One warm-up round (file cache), then RUNS interleaved rounds.
for (const c of cases) once(c);
const samples = cases.map(() => [] as Array<{ wall: number; cpu: number }>);
for (let r = 0; r < RUNS; r++) cases.forEach((c, i) => samples[i]?.push(once(c)));

const wallFloor = median((samples[0] ?? []).map((x) => x.wall));
const cpuFloor = median((samples[0] ?? []).map((x) => x.cpu));
console.log(`Load average ${(loadavg()[0] ?? NaN).toFixed(2)} on ${availableParallelism()} cores; ${RUNS} interleaved runs each, medians (wall clock, and CPU user+system).`);
console.log(`${'command'.padEnd(50)}${'wall s'.padStart(8)}${'fastest'.padStart(9)}${'over floor'.padStart(12)}${'CPU s'.padStart(8)}${'over floor'.padStart(12)}   target (wall)`);
cases.forEach((c, i) => {
  const xs = samples[i] ?? [];
  const wall = median(xs.map((x) => x.wall));
  const cpu = median(xs.map((x) => x.cpu));
  const over = wall - wallFloor;
  let verdict = '';
  if (c.target?.overFloor !== undefined) verdict = `${over <= c.target.overFloor ? 'met' : 'MISSED'} (<= ${c.target.overFloor} s over the floor)`;
  if (c.target?.total !== undefined) verdict = `${wall <= c.target.total ? 'met' : 'MISSED'} (< ${c.target.total} s end to end)`;
  const fastest = Math.min(...xs.map((x) => x.wall));
  const cols = [wall.toFixed(3).padStart(8), fastest.toFixed(3).padStart(9), (i === 0 ? '' : over.toFixed(3)).padStart(12), cpu.toFixed(2).padStart(8), (i === 0 ? '' : (cpu - cpuFloor).toFixed(2)).padStart(12)];
  console.log(`${c.name.padEnd(50)}${cols.join('')}   ${verdict}`);
});
if (beforeBin !== undefined) {
  // Each command against the same command of REF: time over the floor (wall, then CPU), before -> now.
  const overFloor = (i: number): { wall: number; cpu: number } => ({ wall: median((samples[i] ?? []).map((x) => x.wall)) - wallFloor, cpu: median((samples[i] ?? []).map((x) => x.cpu)) - cpuFloor });
  cases.forEach((c, i) => {
    const j = cases.findIndex((d) => d.argv[0] === beforeBin && d.argv.slice(1).join(' ') === c.argv.slice(1).join(' '));
    if (c.argv[0] !== bin || c.env !== undefined || j < 0) return;
    const [now, before] = [overFloor(i), overFloor(j)];
    console.log(`${c.argv[1] ?? ''} over the floor, ${against ?? ''} -> now: wall ${before.wall.toFixed(3)} -> ${now.wall.toFixed(3)} s, CPU ${before.cpu.toFixed(3)} -> ${now.cpu.toFixed(3)} s`);
  });
}
console.log(`Load average at the end ${(loadavg()[0] ?? NaN).toFixed(2)}.`);
