/**
 * Baton against SimPy on the same three models: `npm run bench:peers` (optionally `-- --against REF`).
 *
 * Models (bench/peers/models, copied from the team's shared bench-models): A, an M/M/1 queue; B, six steps with a
 * check, retries and a two-reviewer gate; C, about fifty activities of parallel and exclusive splits and joins
 * with gates that queue. Each is run, in one run of this script, by:
 *   - Baton's command line, `node bin/baton.mjs simulate MODEL --format json` as `npm install` builds it (whole
 *     process: start, read and validate the file, simulate, build and print the report);
 *   - Baton's engine in a fresh Node process (engine-child.mjs): the simulation alone, cold (first run in the
 *     process) and warm (best of the runs after it);
 *   - a SimPy script of the same model (simpy_models.py, Debian's python3-simpy3, installed with apt-get when
 *     missing): the whole process, and the simulation alone as the script times it.
 * Rounds are interleaved (SimPy, CLI, engine, rotating) and each figure is the median of the rounds, so a burst of
 * load on the shared machine hits every contender alike. The load average is printed before and after.
 *
 * An "event" is the same thing on both sides: a case arrival, or the end of one timed activity (a step's try, a
 * retry's backoff, a check's judgement, a reviewer's service). Baton's engine counts exactly these (its event
 * queue holds nothing else for these models); the SimPy scripts count them explicitly. The bench checks the two
 * counts agree (exactly for A and C, whose counts are fixed by the model; B's depend on the draws).
 *
 * Results must agree: per model, the mean cycle time (95% batch-means intervals, 20 batches of consecutive cases),
 * the mean reviewer seconds per case (same) and every outcome's share (95% binomial intervals) of Baton and SimPy
 * must have overlapping intervals; the verdict is printed. The two use different random numbers, so they agree
 * statistically, not exactly. The CLI's report must equal the in-process engine's (same seed, same numbers).
 *
 * `--against REF` also builds the engine and the command line of git revision REF (git archive; the command line
 * with REF's own build script, bench/cli-build.ts) and runs them
 * interleaved with the current ones: before/after figures of a speed change measured in the same run.
 *
 * Environment: PEERS_ROUNDS (default 3), PEERS_WARM (warm engine runs per process, default 3), PYTHON (default
 * /usr/bin/python3, Debian's, where python3-simpy3 installs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import * as z from 'zod';
import { buildCli } from '../cli-build.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const MODELS = ['A', 'B', 'C'] as const;
type Model = (typeof MODELS)[number];
const ROUNDS = Number(process.env.PEERS_ROUNDS ?? 3);
const WARM = Number(process.env.PEERS_WARM ?? 3);
const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
/** Closed forms from the models' README (A: M/M/1; B: Erlang C for the gate), for reference. */
const CLOSED_FORM: Partial<Record<Model, string>> = { A: 'mean cycle 360 s', B: 'mean cycle 278.5 s; ok 0.630, escalated 0.270, rejected 0.100, error 0.000113' };

const modelFile = (m: Model): string => join(here, 'models', `${m}.baton.json`);

function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  }
}

/** Debian's python3-simpy3, installed with apt-get when missing (as root, or with sudo when there is one). */
function ensureSimpy(): string {
  const probe = (): string | null => {
    const r = spawnSync(PYTHON, ['-c', 'import simpy; print(simpy.__version__)'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const have = probe();
  if (have) return have;
  console.log(`SimPy is not importable by ${PYTHON}: installing Debian's python3-simpy3 with apt-get`);
  const asRoot = process.getuid?.() === 0;
  const apt = (args: string[]): number | null => (asRoot ? spawnSync('apt-get', args, { stdio: 'inherit' }) : spawnSync('sudo', ['-n', 'apt-get', ...args], { stdio: 'inherit' })).status;
  if (apt(['install', '-y', '--no-install-recommends', 'python3-simpy3']) !== 0) {
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', 'python3-simpy3']);
  }
  const now = probe();
  if (!now) throw new Error(`SimPy is still not importable by ${PYTHON}: install python3-simpy3 (apt-get install python3-simpy3) or set PYTHON`);
  return now;
}

interface Contender {
  readonly label: string;
  /** Bundle exporting importWorkflow, prepareBatch and runReplications. */
  readonly engine: string;
  /** The command line's bin/baton.mjs. */
  readonly cli: string;
}

/**
 * Bundle the engine of the sources under `srcRoot` (the worktree, or an archive of REF), and build the command
 * line of the worktree or of REF as `npm install` does (bench/cli-build.ts): the whole-process figures are those
 * of `node bin/baton.mjs simulate`, start-up included.
 */
async function buildContender(label: string, srcRoot: string, out: string, ref: string | undefined): Promise<Contender> {
  mkdirSync(out, { recursive: true });
  const entry = join(out, 'engine-entry.ts');
  writeFileSync(entry, `export { prepareBatch, runReplications } from ${JSON.stringify(join(srcRoot, 'src/simulator/report.ts'))};\nexport { importWorkflow } from ${JSON.stringify(join(srcRoot, 'src/interop/import.ts'))};\n`);
  const common: BuildOptions = { bundle: true, format: 'esm', platform: 'node', target: 'node20.19', logLevel: 'warning', nodePaths: [join(root, 'node_modules')] };
  await build({ ...common, entryPoints: [entry], outfile: join(out, 'engine.mjs') });
  return { label, engine: pathToFileURL(join(out, 'engine.mjs')).href, cli: buildCli(root, ref, join(out, 'cli')) };
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
let timeFile = '';

/**
 * Run a command; wall-clock milliseconds from spawn to exit, and (when GNU time is there) the process's CPU
 * milliseconds, user + system: on a loaded machine the CPU figure is the one that does not depend on how much of a
 * core the process got. GNU time's own start (~1 ms) is inside the wall clock of every contender alike.
 */
function timed(cmd: string, args: readonly string[]): { ms: number; cpuMs: number; stdout: string } {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, cmd, ...args]] : [cmd, [...args]];
  const t0 = performance.now();
  const r = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [user = NaN, sys = NaN] = GNU_TIME ? readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number) : [];
  return { ms, cpuMs: (user + sys) * 1000, stdout: r.stdout };
}

const simpyOut = z.object({ simSeconds: z.number(), simCpuSeconds: z.number(), events: z.number(), meanCycle: z.number(), meanCycleHalfWidth: z.number(), humanSecondsPerCase: z.number(), outcomes: z.record(z.string(), z.number()), cases: z.number() });
const engineOut = z.object({ coldMs: z.number(), warmMs: z.number(), coldCpuMs: z.number(), warmCpuMs: z.number(), sameWhenRepeated: z.boolean(), events: z.number(), cycle: z.array(z.number()), human: z.array(z.number()), outcomes: z.record(z.string(), z.number()) });
const cliOut = z.object({ events: z.number(), kpis: z.object({ meanCycleSeconds: z.object({ mean: z.number() }) }), outcomeMix: z.record(z.string(), z.number()) });

type SimpyRun = z.infer<typeof simpyOut> & { wholeMs: number; wholeCpuMs: number };
type EngineRun = z.infer<typeof engineOut>;
type CliRun = z.infer<typeof cliOut> & { wholeMs: number; wholeCpuMs: number };

function runSimpy(m: Model): SimpyRun {
  const r = timed(PYTHON, [join(here, 'simpy_models.py'), m]);
  return { ...simpyOut.parse(JSON.parse(r.stdout)), wholeMs: r.ms, wholeCpuMs: r.cpuMs };
}

function runEngine(c: Contender, m: Model): EngineRun {
  const r = timed(process.execPath, [join(here, 'engine-child.mjs'), c.engine, modelFile(m), String(WARM)]);
  return engineOut.parse(JSON.parse(r.stdout));
}

function runCli(c: Contender, m: Model): CliRun {
  const r = timed(process.execPath, [c.cli, 'simulate', modelFile(m), '--format', 'json']);
  return { ...cliOut.parse(JSON.parse(r.stdout)), wholeMs: r.ms, wholeCpuMs: r.cpuMs };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? (s[k] ?? NaN) : ((s[k - 1] ?? NaN) + (s[k] ?? NaN)) / 2;
};

/** Mean and 95% half-width by batch means over consecutive cases (20 batches, t with 19 df), as simpy_models.py. */
function batchMeans(xs: readonly number[], batches = 20): { mean: number; half: number } {
  const n = Math.floor(xs.length / batches);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = b * n; i < (b + 1) * n; i++) s += xs[i] ?? 0;
    means.push(s / n);
  }
  const m = means.reduce((a, b) => a + b, 0) / batches;
  const v = means.reduce((a, b) => a + (b - m) ** 2, 0) / (batches - 1);
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, half: 2.093024054408309 * Math.sqrt(v / batches) };
}

interface Comparison {
  readonly metric: string;
  readonly baton: string;
  readonly simpy: string;
  readonly agree: boolean;
}

const f = (x: number, d = 1): string => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const interval = (m: number, h: number, d = 1): string => `${f(m, d)} ± ${f(h, d)}`;
const overlap = (a: number, ha: number, b: number, hb: number): boolean => Math.abs(a - b) <= ha + hb + 1e-12;

function compare(e: EngineRun, s: SimpyRun): Comparison[] {
  const out: Comparison[] = [];
  const cy = batchMeans(e.cycle);
  out.push({ metric: 'mean cycle s', baton: interval(cy.mean, cy.half), simpy: interval(s.meanCycle, s.meanCycleHalfWidth), agree: overlap(cy.mean, cy.half, s.meanCycle, s.meanCycleHalfWidth) });
  const hu = batchMeans(e.human);
  // SimPy's reviewer seconds: its script prints the mean only; its interval is taken as Baton's width (same model,
  // same number of cases).
  out.push({ metric: 'reviewer s per case', baton: interval(hu.mean, hu.half), simpy: f(s.humanSecondsPerCase), agree: overlap(hu.mean, hu.half, s.humanSecondsPerCase, hu.half) });
  const n = e.cycle.length;
  for (const o of new Set([...Object.keys(e.outcomes), ...Object.keys(s.outcomes)])) {
    const pb = (e.outcomes[o] ?? 0) / n;
    const ps = (s.outcomes[o] ?? 0) / s.cases;
    const hb = 1.96 * Math.sqrt((pb * (1 - pb)) / n);
    const hs = 1.96 * Math.sqrt((ps * (1 - ps)) / s.cases);
    // Rare outcomes (a handful of cases) are judged by their counts' Poisson spread instead.
    const rare = Math.min(e.outcomes[o] ?? 0, s.outcomes[o] ?? 0) < 20;
    const agree = rare ? Math.abs((e.outcomes[o] ?? 0) - (s.outcomes[o] ?? 0)) <= 1.96 * Math.sqrt((e.outcomes[o] ?? 0) + (s.outcomes[o] ?? 0) + 1) : overlap(pb, hb, ps, hs);
    out.push({ metric: `share ${o}`, baton: interval(pb, hb, 4), simpy: interval(ps, hs, 4), agree });
  }
  return out;
}

async function main(): Promise<void> {
  const againstIdx = process.argv.indexOf('--against');
  const against = againstIdx >= 0 ? process.argv[againstIdx + 1] : undefined;
  console.log(`bench/peers: Baton vs SimPy on models A, B, C; ${ROUNDS} interleaved rounds, medians; node ${process.version}`);
  console.log(`load before: ${uptime()}`);
  const simpyVersion = ensureSimpy();
  const python = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const dir = mkdtempSync(join(tmpdir(), 'baton-peers-'));
  timeFile = join(dir, 'time.txt');
  const contenders = [await buildContender('Baton', root, join(dir, 'current'), undefined)];
  if (against) {
    const src = join(dir, 'against-src');
    mkdirSync(src);
    execFileSync('sh', ['-c', `git -C ${JSON.stringify(root)} archive ${JSON.stringify(against)} src | tar -x -C ${JSON.stringify(src)}`]);
    contenders.push(await buildContender(`Baton@${against}`, src, join(dir, 'against'), against));
  }

  const simpy = new Map<Model, SimpyRun[]>(MODELS.map((m) => [m, []]));
  const engine = new Map<string, EngineRun[]>();
  const cli = new Map<string, CliRun[]>();
  const key = (c: Contender, m: Model): string => `${c.label}/${m}`;
  for (let round = 0; round < ROUNDS; round++) {
    for (const m of MODELS) {
      const jobs: (() => void)[] = [() => simpy.get(m)?.push(runSimpy(m))];
      for (const c of contenders) {
        jobs.push(() => engine.set(key(c, m), [...(engine.get(key(c, m)) ?? []), runEngine(c, m)]));
        jobs.push(() => cli.set(key(c, m), [...(cli.get(key(c, m)) ?? []), runCli(c, m)]));
      }
      // Rotate the order each round so that no contender always runs first (or right after SimPy's big heap).
      for (let j = 0; j < jobs.length; j++) jobs[(j + round) % jobs.length]?.();
    }
  }

  console.log(`SimPy ${simpyVersion} on ${python}`);
  const verdicts: string[] = [];
  let allAgree = true;
  for (const m of MODELS) {
    const sp = simpy.get(m) ?? [];
    const s0 = sp[0];
    if (!s0) continue;
    const spSim = median(sp.map((r) => r.simSeconds * 1000));
    const spSimCpu = median(sp.map((r) => r.simCpuSeconds * 1000));
    const spWhole = median(sp.map((r) => r.wholeMs));
    const spWholeCpu = median(sp.map((r) => r.wholeCpuMs));
    console.log(`\nmodel ${m}: ${s0.cases.toLocaleString('en-US')} cases${CLOSED_FORM[m] ? ` (closed form: ${CLOSED_FORM[m]})` : ''}`);
    const ms = (x: number): string => (Number.isFinite(x) ? `${f(x, 0)} ms` : 'n/a');
    const ratio = (a: number, b: number, d = 1): string => (Number.isFinite(a / b) ? `${f(a / b, d)} x` : 'n/a');
    const rows: string[][] = [['', 'sim. wall', 'sim. CPU', 'events', 'M events/s (CPU)', 'whole wall', 'whole CPU', 'sim. speed-up wall / CPU', 'whole speed-up wall / CPU']];
    rows.push(['SimPy', ms(spSim), ms(spSimCpu), s0.events.toLocaleString('en-US'), f(s0.events / spSimCpu / 1000, 2), ms(spWhole), ms(spWholeCpu), '1.0 x / 1.0 x', '1.0 x / 1.0 x']);
    for (const c of contenders) {
      const es = engine.get(key(c, m)) ?? [];
      const cs = cli.get(key(c, m)) ?? [];
      const e0 = es[0];
      const c0 = cs[0];
      if (!e0 || !c0) continue;
      const cold = median(es.map((r) => r.coldMs));
      const coldCpu = median(es.map((r) => r.coldCpuMs));
      const warm = median(es.map((r) => r.warmMs));
      const warmCpu = median(es.map((r) => r.warmCpuMs));
      const whole = median(cs.map((r) => r.wholeMs));
      const wholeCpu = median(cs.map((r) => r.wholeCpuMs));
      rows.push([`${c.label} cold`, ms(cold), ms(coldCpu), e0.events.toLocaleString('en-US'), f(e0.events / coldCpu / 1000, 2), `${ms(whole)} (CLI)`, ms(wholeCpu), `${ratio(spSim, cold)} / ${ratio(spSimCpu, coldCpu)}`, `${ratio(spWhole, whole, 2)} / ${ratio(spWholeCpu, wholeCpu, 2)}`]);
      rows.push([`${c.label} warm`, ms(warm), ms(warmCpu), '', f(e0.events / warmCpu / 1000, 2), '', '', `${ratio(spSim, warm)} / ${ratio(spSimCpu, warmCpu)}`, '']);
      // The command line's report and the engine's are the same simulation (same seed): they must match exactly.
      const engineMean = e0.cycle.reduce((a, b) => a + b, 0) / e0.cycle.length;
      const cliSame = Math.abs(c0.kpis.meanCycleSeconds.mean - engineMean) <= 1e-9 * engineMean && c0.events === e0.events && es.every((r) => r.sameWhenRepeated);
      if (!cliSame) {
        allAgree = false;
        console.log(`  ${c.label}: the CLI's report (${c0.kpis.meanCycleSeconds.mean}, ${c0.events} events) differs from the engine's (${engineMean}, ${e0.events} events)`);
      }
      if (c === contenders[0]) {
        const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
        verdicts.push(
          `model ${m}: whole process ${ratio(spWhole, whole, 2)} SimPy's speed by wall clock, ${ratio(spWholeCpu, wholeCpu, 2)} by CPU (target > 1): ${met(whole < spWhole)} / ${met(wholeCpu < spWholeCpu)}; ` +
            `simulation alone, cold: ${ratio(spSim, cold)} wall, ${ratio(spSimCpu, coldCpu)} CPU, warm: ${ratio(spSim, warm)} wall, ${ratio(spSimCpu, warmCpu)} CPU (target >= 10 x): cold ${met(spSim / cold >= 10)} / ${met(spSimCpu / coldCpu >= 10)}, warm ${met(spSim / warm >= 10)} / ${met(spSimCpu / warmCpu >= 10)}` +
            (m === 'C' ? `; engine ${f(e0.events / warm / 1000, 2)} M events/s warm by wall clock, ${f(e0.events / warmCpu / 1000, 2)} M by CPU (target >= 3): ${met(e0.events / warm / 1000 >= 3)} / ${met(e0.events / warmCpu / 1000 >= 3)}` : ''),
        );
      }
    }
    const [now, before] = contenders;
    if (now && before) {
      const pick = (c: Contender, f2: (r: EngineRun) => number): number => median((engine.get(key(c, m)) ?? []).map(f2));
      const cliCpu = (c: Contender): number => median((cli.get(key(c, m)) ?? []).map((r) => r.wholeCpuMs));
      const cliWall = (c: Contender): number => median((cli.get(key(c, m)) ?? []).map((r) => r.wholeMs));
      console.log(
        `  ${now.label} against ${before.label} (same run; > 1 is faster now): engine warm ${ratio(pick(before, (r) => r.warmMs), pick(now, (r) => r.warmMs), 2)} wall, ${ratio(pick(before, (r) => r.warmCpuMs), pick(now, (r) => r.warmCpuMs), 2)} CPU; ` +
          `cold ${ratio(pick(before, (r) => r.coldMs), pick(now, (r) => r.coldMs), 2)} wall, ${ratio(pick(before, (r) => r.coldCpuMs), pick(now, (r) => r.coldCpuMs), 2)} CPU; CLI ${ratio(cliWall(before), cliWall(now), 2)} wall, ${ratio(cliCpu(before), cliCpu(now), 2)} CPU`,
      );
    }
    const widths = rows[0]?.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length))) ?? [];
    for (const r of rows) console.log('  ' + r.map((x, j) => (j === 0 ? x.padEnd(widths[j] ?? 0) : x.padStart(widths[j] ?? 0))).join('  '));
    const e0 = engine.get(key(contenders[0] ?? { label: '', engine: '', cli: '' }, m))?.[0];
    if (!e0) continue;
    const eventsAgree = m === 'B' ? Math.abs(e0.events - s0.events) <= 0.02 * s0.events : e0.events === s0.events;
    console.log(`  events counted alike: Baton ${e0.events.toLocaleString('en-US')}, SimPy ${s0.events.toLocaleString('en-US')}: ${eventsAgree ? 'agree' : 'DIFFER'}`);
    allAgree &&= eventsAgree;
    console.log('  results (95% intervals; Baton and SimPy use different random numbers):');
    for (const cmp of compare(e0, s0)) {
      allAgree &&= cmp.agree;
      console.log(`    ${cmp.metric.padEnd(20)} Baton ${cmp.baton.padStart(20)}   SimPy ${cmp.simpy.padStart(20)}   ${cmp.agree ? 'agree' : 'DIFFER'}`);
    }
  }
  console.log(`\nverdict: results ${allAgree ? 'agree (every interval overlaps; the CLI and the engine give the same report)' : 'DO NOT agree (see DIFFER above)'}`);
  for (const v of verdicts) console.log(`  ${v}`);
  console.log(`load after: ${uptime()}`);
  if (!allAgree) process.exitCode = 1;
}

await main();
