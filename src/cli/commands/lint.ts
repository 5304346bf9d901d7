/**
 * `baton lint FILE [--preset recommended|strict|structure] [--format text|json] [--max-warnings N]`
 *
 * Exit codes (interfaces.md): 0 fine; 1 a finding at error level, or more warnings than --max-warnings;
 * 2 unusable input (unreadable, not a workflow, over a limit, or a workflow that fails validation: the
 * analyzer only judges valid documents; `baton validate` lists the problems), with one line on stderr.
 */
import { tuneForAnalysis } from '../v8-tuning.ts';
import { readInputFile } from '../read-input.ts';
import { analyze, type Analysis } from '../../analyzer/index.ts';
import { formatProblem, formatSeconds, LINT_PRESETS, type LintPreset } from '../../domain/index.ts';
import { importWorkflow } from '../../interop/import.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo, type Command } from '../io.ts';

const USAGE = 'baton lint FILE [--preset recommended|strict|structure] [--format text|json] [--max-warnings N]';
const SUMMARY = 'Lint a workflow: structure, over-engineering, fragility, human gates, cost and naming; metrics and a complexity score.';

interface LintArgs {
  readonly file: string;
  readonly preset: LintPreset | undefined;
  readonly format: 'text' | 'json';
  readonly maxWarnings: number;
}

function isPreset(s: string): s is LintPreset {
  return (LINT_PRESETS as readonly string[]).includes(s);
}

/** Parse the arguments, or say in one line what is wrong. */
export function parseLintArgs(args: readonly string[]): LintArgs | string {
  const files: string[] = [];
  let preset: LintPreset | undefined;
  let format: 'text' | 'json' = 'text';
  let maxWarnings = Infinity;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--preset') {
      const v = value();
      if (v === undefined || !isPreset(v)) return `--preset takes one of ${LINT_PRESETS.join(', ')}`;
      preset = v;
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return '--format takes text or json';
      format = v;
    } else if (flag === '--max-warnings') {
      const v = value();
      const n = v === undefined ? NaN : Number(v);
      if (!Number.isInteger(n) || n < 0) return '--max-warnings takes a whole number of at least 0';
      maxWarnings = n;
    } else if (a.startsWith('-')) {
      return `unknown option "${a}"`;
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) return files.length === 0 ? 'a FILE is required' : 'exactly one FILE is expected';
  return { file: files[0]!, preset, format, maxWarnings };
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The JSON shape of interfaces.md (findings, metrics, score, overEngineering), plus suppressed, estimates and
 * `groups`: the findings as the text output and the Problems panel show them, a rule's many findings folded into
 * one group, each naming its findings by index into `findings` (grouping.ts).
 */
export function lintJson(a: Analysis): unknown {
  const m = a.metrics;
  const at = new Map(a.findings.map((f, i) => [f, i] as const));
  return {
    findings: a.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, nodeIds: f.nodeIds, edgeIds: f.edgeIds, ...(f.fix !== undefined ? { fix: f.fix } : {}) })),
    groups: a.groups.map((g) => ({ ruleId: g.ruleId, severity: g.severity, message: g.message, count: g.count, nodeIds: g.nodeIds, edgeIds: g.edgeIds, ...(g.fix !== undefined ? { fix: g.fix } : {}), findings: g.findings.map((f) => at.get(f) ?? -1) })),
    suppressed: a.suppressed.length,
    metrics: {
      nodes: m.nodes,
      workNodes: m.workNodes,
      longestPath: m.longestPath,
      cfc: m.cfc,
      maxDegree: m.maxDegree,
      estimatedSuccess: round(m.estimatedSuccess, 4),
      p50Seconds: round(m.p50Seconds, 2),
      p95Seconds: round(m.p95Seconds, 2),
      costPerCase: round(m.costPerCase, 6),
      arcs: m.arcs,
      density: round(m.density, 4),
      cnc: round(m.cnc, 4),
      cyclomatic: m.cyclomatic,
      depth: m.depth,
      structuredness: round(m.structuredness, 4),
      byKind: m.byKind,
    },
    score: { value: a.score.value, band: a.score.band },
    overEngineering: { ratio: a.overEngineering.ratio, needed: a.overEngineering.needed, used: a.overEngineering.used, band: a.overEngineering.band, surplus: a.overEngineering.surplus, surplusSteps: a.overEngineering.surplusSteps },
    leverage: a.leverage.ratio === null || !Number.isFinite(a.leverage.ratio) ? null : round(a.leverage.ratio, 2),
    estimates: estimatesJson(a),
  };
}

/**
 * The closed-form estimates (steady state: arrivals at the profile's rate, no faults), each figure null where the
 * analyzer declines it, with the reason in `notEstimated` and what the figures leave out in `approximations`.
 */
function estimatesJson(a: Analysis): unknown {
  const e = a.estimates;
  const known = (x: number, digits: number): number | null => (Number.isFinite(x) ? round(x, digits) : null);
  const no = e.notEstimated;
  const outcomes = Object.fromEntries(Object.entries(e.outcomes).map(([k, v]) => [k, known(v, 4)]));
  return {
    success: no.success !== undefined ? null : known(e.success, 4),
    completion: no.success !== undefined ? null : known(e.completion, 4),
    p50Seconds: no.p50Seconds !== undefined ? null : known(e.p50Seconds, 2),
    p95Seconds: no.p95Seconds !== undefined ? null : known(e.p95Seconds, 2),
    costPerCase: no.costPerCase !== undefined ? null : known(e.costPerCase, 6),
    outcomes: no.success !== undefined ? null : outcomes,
    notEstimated: no,
    approximations: e.approximations,
  };
}

/** A figure for the text output, or "not estimated". */
function figure(x: number, declined: string | undefined, show: (x: number) => string): string {
  return declined !== undefined || !Number.isFinite(x) ? 'not estimated' : show(x);
}

/** Node ids listed after a folded group's line before "and N more". */
const LISTED_IDS = 12;

function lintText(file: string, a: Analysis): string {
  const lines: string[] = [];
  for (const g of a.groups) {
    const ids = g.nodeIds.length > LISTED_IDS ? [...g.nodeIds.slice(0, LISTED_IDS), `and ${g.nodeIds.length - LISTED_IDS} more`] : g.nodeIds;
    const where = ids.length > 0 ? ` [${ids.join(', ')}]` : '';
    lines.push(`${file}: ${g.severity} ${g.ruleId}: ${g.message}${where}`);
    if (g.fix !== undefined) lines.push(`    fix: ${g.fix}`);
  }
  const count = (s: string): number => a.findings.filter((f) => f.severity === s).length;
  const m = a.metrics;
  const no = a.estimates.notEstimated;
  lines.push(
    `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info(s)${a.suppressed.length > 0 ? `, ${a.suppressed.length} suppressed` : ''}`,
    `metrics: ${m.nodes} nodes, ${m.workNodes} work nodes, longest path ${m.longestPath}, CFC ${m.cfc}, max degree ${m.maxDegree}, estimated success ${figure(m.estimatedSuccess, no.success, (x) => `${(x * 100).toFixed(1)}%`)}, p95 ${figure(m.p95Seconds, no.p95Seconds, formatSeconds)}, cost ${figure(m.costPerCase, no.costPerCase, (x) => `$${x.toFixed(4)}/case`)}`,
    `complexity: ${a.score.value} (${a.score.band}); over-engineering: ${a.overEngineering.usedText} for ~${a.overEngineering.needed} needed, ratio ${a.overEngineering.ratio}, ${a.overEngineering.surplus} surplus (${a.overEngineering.band})`,
  );
  const reasons = [...new Set(Object.values(no))];
  if (reasons.length > 0) lines.push(`not estimated: ${reasons.join('; ')}`);
  return lines.join('\n') + '\n';
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseLintArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`baton lint: ${parsed}. Usage: ${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  const bytes = await readInputFile(parsed.file, io);
  if (!bytes) return EXIT_UNUSABLE;
  const result = importWorkflow(bytes);
  if (!result.ok) {
    const first = result.problems[0];
    const what = result.unusable ? 'not usable' : `not a valid workflow (${result.problems.length} problem(s); run "baton validate" for all)`;
    io.stderr.write(`${parsed.file}: ${what}: ${first ? formatProblem(first) : 'unknown problem'}\n`);
    return EXIT_UNUSABLE;
  }
  if (io.oneShot === true) tuneForAnalysis();
  const analysis = analyze(result.doc, parsed.preset !== undefined ? { preset: parsed.preset } : {});
  io.stdout.write(parsed.format === 'json' ? `${JSON.stringify(lintJson(analysis), null, 2)}\n` : lintText(parsed.file, analysis));
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  const warnings = analysis.findings.filter((f) => f.severity === 'warning').length;
  return errors > 0 || warnings > parsed.maxWarnings ? EXIT_FINDINGS : EXIT_OK;
}

export const command: Command = { name: 'lint', usage: USAGE, summary: SUMMARY, run };
