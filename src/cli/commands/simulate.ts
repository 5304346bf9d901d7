/**
 * `baton simulate FILE [--scenario ID] [--baseline] [--cases N] [--replications R] [--seed S] [--format text|json]`
 *
 * Runs the scenario (the one named, else the document's first, else the default: 1,000 cases x 10 replications,
 * seed 1) in this process, on one thread, and prints the KPIs with their 95% intervals and everything else the
 * report holds (outcome mix, gates, failures, fallbacks, breakers, loops, costs, bottlenecks, hypothesis).
 * `--baseline` runs the profile's arrivals with no faults (and no hypothesis), keeping that scenario's seed,
 * cases, replications and case attributes. Options override the scenario's numbers. `--format json` prints the
 * whole report (src/domain/simulation-report.schema.ts), plus each gate's utilisation and mean wait beside its
 * node's visits (the older contract of interfaces.md). Exit 0 when every hypothesis line holds (or there is none),
 * 1 when one fails, 2 when the input is unusable (unreadable, not a valid workflow, no trigger, unknown scenario,
 * a bad option), with one line on stderr.
 */
import { readInputFile } from '../read-input.ts';
import { formatProblem, MAX_CASES, MAX_REPLICATIONS, reportJson, type Scenario } from '../../domain/index.ts';
import { importWorkflow } from '../../interop/import.ts';
import { SimulationInputError } from '../../simulator/compile.ts';
import { baselineScenario, DEFAULT_REPLICATIONS, resolveScenario, runBatch, type KpiValue, type SimulationReport } from '../../simulator/report.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo, type Command } from '../io.ts';
import { plannedActivities, tuneForShortRun } from '../v8-tuning.ts';

const USAGE = 'baton simulate FILE [--scenario ID] [--baseline] [--cases N] [--replications R] [--seed S] [--format text|json]';
const SUMMARY = [
  'Dry-run a workflow: N cases x R replications of its scenario; KPIs with 95% intervals, per-node figures, hypothesis.',
  'Without a scenario in the file: 1,000 cases x 10 replications, seed 1. Exit 1 when a hypothesis line fails.',
  '--baseline: the profile\'s arrivals with no faults, even when the file has scenarios.',
].join('\n');

interface Options {
  file: string;
  scenario?: string;
  cases?: number;
  replications?: number;
  seed?: number;
  baseline: boolean;
  format: 'text' | 'json';
}

const INT_LIMITS = { '--cases': [1, MAX_CASES], '--replications': [1, MAX_REPLICATIONS], '--seed': [0, 2 ** 32 - 1] } as const;

function parseArgs(args: readonly string[]): Options | string {
  const files: string[] = [];
  const o: Partial<Options> = { format: 'text', baseline: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('-')) {
      files.push(a);
      continue;
    }
    if (a === '--baseline') {
      o.baseline = true;
      continue;
    }
    const [flag = '', inline] = a.split(/=(.*)/s, 2);
    const value = inline ?? args[++i];
    if (value === undefined) return `option ${flag} needs a value`;
    if (flag === '--scenario') o.scenario = value;
    else if (flag === '--format') {
      if (value !== 'text' && value !== 'json') return `--format must be text or json, not "${value}"`;
      o.format = value;
    } else if (flag === '--cases' || flag === '--replications' || flag === '--seed') {
      const [lo, hi] = INT_LIMITS[flag];
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < lo || n > hi) return `${flag} must be a whole number from ${lo} to ${hi}, not "${value}"`;
      if (flag === '--cases') o.cases = n;
      else if (flag === '--replications') o.replications = n;
      else o.seed = n;
    } else return `unknown option "${flag}"`;
  }
  if (files.length !== 1) return files.length === 0 ? 'a FILE is required' : 'exactly one FILE is expected';
  return { ...o, file: files[0] ?? '', format: o.format ?? 'text', baseline: o.baseline ?? false };
}


function fmt(x: number | null): string {
  if (x === null) return 'n/a';
  const a = Math.abs(x);
  if (a !== 0 && (a < 0.001 || a >= 1e7)) return x.toExponential(3);
  return Number(x.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function kpiLine(name: string, k: KpiValue): string {
  const ci = k.ci95 ? `  [${fmt(k.ci95[0])}, ${fmt(k.ci95[1])}]` : '';
  return `  ${name.padEnd(22)} ${fmt(k.mean).padStart(12)}${ci}`;
}

/** The text report: KPIs, outcome mix, gates, failures, fallbacks, breakers, loops, costs, bottlenecks, hypothesis. */
export function toText(r: SimulationReport): string {
  const lines = [`Scenario ${r.scenario}: ${r.cases.toLocaleString('en-US')} cases x ${r.replications} replications, seed ${r.seed} (${r.events.toLocaleString('en-US')} events)`, '', 'KPIs (mean, 95% interval across replications):'];
  for (const [name, k] of Object.entries(r.kpis)) lines.push(kpiLine(name, k));
  lines.push('', `Outcomes (cases, all replications): ${Object.entries(r.outcomeMix).map(([o, n]) => `${o} ${n}`).join(', ')}`);
  const nodes = Object.entries(r.nodes);
  const gates = nodes.filter(([, n]) => n.gate);
  if (gates.length > 0) {
    lines.push('', 'Human gates:');
    for (const [id, n] of gates) {
      const g = n.gate;
      if (g) lines.push(`  ${id}: arrivals ${g.arrivals}, utilisation ${fmt(g.utilisation)}, mean wait ${fmt(g.meanWaitSeconds)} s, mean queue ${fmt(g.meanQueueLength)}, SLA breaches ${g.slaBreaches}, timeouts ${g.timeouts}, reviewer hours/day ${fmt(g.reviewerHoursPerDay)}`);
    }
  }
  const failing = nodes.filter(([, n]) => Object.keys(n.failures).length > 0 || n.caseFailures > 0 || n.fallbacks > 0 || n.stuck > 0);
  if (failing.length > 0) {
    lines.push('', 'Failures (failed tries by error; cases failed here; errors caught to a fallback route; cases stuck here):');
    for (const [id, n] of failing) {
      const errs = Object.entries(n.failures).map(([e, c]) => `${e} ${c ?? 0}`).join(', ');
      lines.push(`  ${id}: ${errs || 'none'}; cases failed ${n.caseFailures}; fallbacks ${n.fallbacks}; stuck ${n.stuck}`);
    }
  }
  const breakers = nodes.filter(([, n]) => n.breakerOpens !== undefined);
  if (breakers.length > 0) {
    lines.push('', 'Circuit breakers:');
    for (const [id, n] of breakers) lines.push(`  ${id}: opened ${n.breakerOpens ?? 0} times, open ${fmt(n.breakerOpenSeconds ?? 0)} s per replication`);
  }
  if (r.loops.iterationsPerCase > 0 || r.loops.guardHits > 0) {
    lines.push('', `Loops: ${fmt(r.loops.iterationsPerCase)} iterations per case; visit-guard hits ${r.loops.guardHits}`);
    for (const [id, n] of nodes.filter(([, x]) => x.guardHits > 0)) lines.push(`  ${id}: guard hits ${n.guardHits}`);
  }
  if (r.costByNode.length > 0) {
    lines.push('', 'Cost per case by node:');
    for (const c of r.costByNode.slice(0, 5)) lines.push(`  ${c.node}: ${fmt(c.costPerCase)} USD (${fmt(c.share * 100)}%)`);
  }
  if (r.rarelyReached.length > 0) lines.push('', `Reached by fewer than 1% of cases: ${r.rarelyReached.join(', ')}`);
  const ranked = r.bottlenecks.filter((b) => b.score > 0);
  if (ranked.length > 0) {
    lines.push('', 'Bottlenecks (waiting share x utilisation):');
    for (const b of ranked) lines.push(`  ${b.node}: waiting share ${fmt(b.waitingShare)}, utilisation ${fmt(b.utilisation)}, score ${fmt(b.score)}`);
  }
  if (r.stopping) lines.push('', `Stopping rule: ${r.stopping.kpi} half-width ${fmt(r.stopping.halfWidth)} ${r.stopping.met ? 'met' : 'not met (cap reached)'} after ${r.replications} replications`);
  if (r.hypothesis.length > 0) {
    lines.push('', 'Hypothesis:');
    for (const h of r.hypothesis) lines.push(`  ${h.pass ? 'PASS' : 'FAIL'} ${h.metric} ${h.op} ${h.value} (actual ${fmt(h.actual)})`);
  }
  return lines.join('\n') + '\n';
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const o = parseArgs(args);
  if (typeof o === 'string') {
    io.stderr.write(`baton simulate: ${o}. Usage: ${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  const bytes = await readInputFile(o.file, io);
  if (!bytes) return EXIT_UNUSABLE;
  const imported = importWorkflow(bytes);
  if (!imported.ok) {
    const first = imported.problems[0];
    const count = imported.problems.length;
    io.stderr.write(`${o.file}: cannot simulate: ${first ? formatProblem(first) : 'not a workflow'}${count > 1 ? ` (and ${count - 1} more; run baton validate)` : ''}\n`);
    return EXIT_UNUSABLE;
  }
  const doc = imported.doc;
  const found = resolveScenario(doc, o.scenario);
  if (!found) {
    const ids = (doc.scenarios ?? []).map((s) => s.id).join(', ') || 'none';
    io.stderr.write(`${o.file}: no scenario "${o.scenario ?? ''}" (scenarios: ${ids})\n`);
    return EXIT_UNUSABLE;
  }
  const scenario: Scenario = o.baseline ? baselineScenario(o.scenario !== undefined ? found : doc.scenarios?.[0]) : found;
  const cases = o.cases ?? scenario.cases;
  const replications = o.replications ?? scenario.replications ?? DEFAULT_REPLICATIONS;
  const seed = o.seed ?? scenario.seed;
  let report: SimulationReport | null;
  if (io.oneShot === true) tuneForShortRun(plannedActivities(doc, cases, replications));
  try {
    report = runBatch(doc, scenario, { cases, replications, seed });
  } catch (e) {
    if (e instanceof SimulationInputError) {
      io.stderr.write(`${o.file}: cannot simulate: ${e.message}\n`);
      return EXIT_UNUSABLE;
    }
    throw e;
  }
  if (!report) return EXIT_UNUSABLE;
  io.stdout.write(o.format === 'json' ? JSON.stringify(reportJson(report), null, 2) + '\n' : toText(report));
  return report.hypothesis.every((h) => h.pass) ? EXIT_OK : EXIT_FINDINGS;
}

export const command: Command = { name: 'simulate', usage: USAGE, summary: SUMMARY, run };
