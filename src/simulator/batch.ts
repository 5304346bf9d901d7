/**
 * Running a batch: compile once (`prepareBatch`), run replications [from, to) anywhere (`runReplications`: the
 * page, a worker, Node), and `runBatch`, which runs a whole batch in this thread (with or without a stopping rule)
 * and builds its report.
 *
 * Replications are independent (own random streams, own clock), so a batch can be split across workers and merged
 * by concatenation; the report is computed from the replications sorted by index, so it does not depend on how
 * they were split.
 */
import type { Scenario, Workflow } from '../domain/index.ts';
import { buildReport, buildReportFromSummaries } from './build-report.ts';
import { compileGraph, type CompiledGraph } from './compile.ts';
import { compileArrival, compileAttributes, compileFaults, DEFAULT_SCENARIO, type CompiledArrival, type CompiledAttributes, type CompiledFaults } from './compile-scenario.ts';
import { runReplication, type ReplicationResult } from './engine.ts';
import { fixedShape } from './fixed-shape.ts';
import type { SimulationReport, StoppingRule } from './report-types.ts';
import { firstWave, precise, resolveStopping } from './stopping.ts';
import { reportContext, summariseForReport, summaryKpi, type ReplicationSummary } from './summaries.ts';


export interface BatchOptions {
  readonly cases: number;
  readonly replications: number;
  readonly seed: number;
  readonly onProgress?: (p: { readonly done: number; readonly total: number }) => void;
  readonly shouldCancel?: () => boolean;
  readonly visitLimit?: number;
  /** Keep adding replications until the main KPI is precise enough (see StoppingRule). */
  readonly stopping?: StoppingRule;
}

/** What the engine needs to run replications anywhere (the page, a worker, Node): all plain data. */
export interface PreparedBatch {
  readonly graph: CompiledGraph;
  readonly faults: CompiledFaults;
  readonly arrival: CompiledArrival;
  readonly attributes: CompiledAttributes;
}

/**
 * Compile a document and scenario once; the result can be posted to workers.
 * @example const prepared = prepareBatch(doc, scenario)
 */
export function prepareBatch(doc: Workflow, scenario: Scenario | undefined): PreparedBatch {
  const graph = compileGraph(doc);
  return { graph, faults: compileFaults(graph, doc, scenario?.faults ?? []), arrival: compileArrival(scenario, doc.profile), attributes: compileAttributes(scenario) };
}

/**
 * Run replications [from, to) of a prepared batch: what one worker does. Returns null when cancelled.
 * @example runReplications(prepareBatch(doc, s), { seed: 1, cases: 1000, from: 0, to: 5 })
 */
export function runReplications(
  p: PreparedBatch,
  o: { seed: number; cases: number; from: number; to: number; visitLimit?: number; onReplication?: (r: ReplicationResult) => void; shouldCancel?: () => boolean },
): ReplicationResult[] | null {
  const out: ReplicationResult[] = [];
  for (let r = o.from; r < o.to; r++) {
    if (o.shouldCancel?.()) return null;
    const res = runReplication(p.graph, p.faults, fixedShape({ seed: o.seed, replication: r, cases: o.cases, arrival: p.arrival, attributes: p.attributes, ...(o.visitLimit !== undefined ? { visitLimit: o.visitLimit } : {}) }), o.shouldCancel);
    if (!res) return null;
    out.push(res);
    o.onReplication?.(res);
  }
  return out;
}

/**
 * Pick the scenario to run: by id, else the document's first, else DEFAULT_SCENARIO.
 * @example resolveScenario(doc, 's1')?.id // "s1"
 */
export function resolveScenario(doc: Workflow, id?: string): Scenario | undefined {
  if (id !== undefined) return doc.scenarios?.find((s) => s.id === id);
  return doc.scenarios?.[0] ?? DEFAULT_SCENARIO;
}

/**
 * The baseline of a design: the profile's arrivals with no faults (what the analyzer's estimate describes). It
 * keeps the seed, cases, replications and case attributes of `from` (a scenario of the document, else the
 * default) and drops its arrival, faults and hypothesis.
 * @example baselineScenario(doc.scenarios?.[0]) // { id: 'baseline', name: 'Baseline', seed, cases, ... }
 */
export function baselineScenario(from: Scenario | undefined): Scenario {
  const base = from ?? DEFAULT_SCENARIO;
  return {
    id: 'baseline',
    name: 'Baseline (profile arrivals, no faults)',
    seed: base.seed,
    cases: base.cases,
    ...(base.replications !== undefined ? { replications: base.replications } : {}),
    ...(base.attributes !== undefined ? { attributes: base.attributes } : {}),
  };
}

/**
 * Run a whole batch synchronously and report. Pure: same inputs, same report.
 * @example runBatch(doc, scenario, { cases: 1000, replications: 10, seed: 1 }).kpis.successRate.mean
 * @returns null when cancelled through `shouldCancel`.
 */
export function runBatch(doc: Workflow, scenario: Scenario | undefined, opts: BatchOptions): SimulationReport | null {
  if (opts.stopping) return runUntilPrecise(doc, scenario, opts, opts.stopping);
  const prepared = prepareBatch(doc, scenario);
  let done = 0;
  const reps = runReplications(prepared, {
    seed: opts.seed,
    cases: opts.cases,
    from: 0,
    to: opts.replications,
    ...(opts.visitLimit !== undefined ? { visitLimit: opts.visitLimit } : {}),
    onReplication: () => opts.onProgress?.({ done: ++done, total: opts.replications }),
    ...(opts.shouldCancel ? { shouldCancel: opts.shouldCancel } : {}),
  });
  if (!reps) return null;
  return buildReport(doc, scenario, prepared, reps, opts.seed);
}

/**
 * runBatch under a stopping rule: `opts.replications` (at least 2) first, then one more at a time until the
 * main KPI is precise enough or the cap is reached. Each replication's KPI values are computed once, as it comes.
 */
function runUntilPrecise(doc: Workflow, scenario: Scenario | undefined, opts: BatchOptions, rule: StoppingRule): SimulationReport | null {
  const prepared = prepareBatch(doc, scenario);
  const { kpi, relativeHalfWidth, maxReplications } = resolveStopping(rule, scenario);
  const ctx = reportContext(doc, prepared);
  const reps: ReplicationSummary[] = [];
  const values: (number | null)[] = [];
  let state = { halfWidth: null as number | null, met: false };
  let next = firstWave(opts.replications, maxReplications);
  while (reps.length < maxReplications) {
    const got = runReplications(prepared, {
      seed: opts.seed,
      cases: opts.cases,
      from: reps.length,
      to: next,
      ...(opts.visitLimit !== undefined ? { visitLimit: opts.visitLimit } : {}),
      onReplication: (r) => {
        const summary = summariseForReport(prepared.graph, r, ctx);
        reps.push(summary);
        values.push(summaryKpi(summary, kpi));
        opts.onProgress?.({ done: values.length, total: maxReplications });
      },
      ...(opts.shouldCancel ? { shouldCancel: opts.shouldCancel } : {}),
    });
    if (!got) return null;
    state = precise(values, relativeHalfWidth);
    if (state.met) break;
    next = reps.length + 1;
  }
  return buildReportFromSummaries(doc, scenario, prepared, reps, opts.seed, { kpi, relativeHalfWidth, maxReplications, halfWidth: state.halfWidth, met: state.met });
}

/**
 * Merge replication results from several workers: order by replication index, so any split gives the same list.
 * @example mergeReplications([worker1Results, worker2Results])
 */
export function mergeReplications(parts: readonly (readonly ReplicationResult[])[]): ReplicationResult[] {
  return parts.flat().sort((a, b) => a.replication - b.replication);
}
