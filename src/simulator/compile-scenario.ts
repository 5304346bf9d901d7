/**
 * What a run adds to the compiled graph (src/simulator/compile.ts): the scenario's faults per node, its arrival
 * process, its case attributes, and the scenario used when a document has none. Plain data, posted to the workers
 * with the graph.
 */
import { ERROR_TYPES, type Fault, type Scenario, type Workflow } from '../domain/index.ts';
import { NEVER, type CompiledGraph } from './compile.ts';
import { encodeDistribution } from './distributions.ts';
import { fixedShape } from './fixed-shape.ts';

/** Faults compiled per node (CSR), with their activation parameters. */
export interface CompiledFaults {
  readonly start: Int32Array;
  readonly list: Int32Array;
  /** Error index (ERROR_TYPES), or -1 for a latency-only fault. */
  readonly error: Int8Array;
  readonly probability: Float64Array;
  readonly latencyMultiplier: Float64Array;
  readonly from: Float64Array;
  readonly until: Float64Array;
  readonly afterCalls: Float64Array;
}

/**
 * Compile a scenario's faults (plus any injected later by the debugger) against a compiled graph.
 * @example compileFaults(g, doc, [{ target: { kind: 'ai' }, latencyMultiplier: 3 }])
 */
export function compileFaults(g: CompiledGraph, doc: Pick<Workflow, 'nodes'>, faults: readonly Fault[]): CompiledFaults {
  const byNode: number[][] = Array.from({ length: g.nodeCount }, () => []);
  const kindOf = new Map(doc.nodes.map((x) => [x.id, x] as const));
  faults.forEach((f, k) => {
    for (let i = 0; i < g.nodeCount; i++) {
      const node = kindOf.get(g.nodeIds[i] ?? '');
      if (!node) continue;
      const t = f.target;
      const hit =
        ('node' in t && t.node === node.id) ||
        ('kind' in t && t.kind === node.kind) ||
        ('capability' in t && node.kind === 'ai' && node.config.capability === t.capability);
      if (hit) byNode[i]?.push(k);
    }
  });
  const start = new Int32Array(g.nodeCount + 1);
  const list: number[] = [];
  byNode.forEach((l, i) => {
    start[i] = list.length;
    list.push(...l);
  });
  start[g.nodeCount] = list.length;
  return fixedShape({
    start,
    list: Int32Array.from(list),
    error: Int8Array.from(faults.map((f) => (f.error ? ERROR_TYPES.indexOf(f.error) : -1))),
    probability: Float64Array.from(faults.map((f) => f.probability ?? 1)),
    latencyMultiplier: Float64Array.from(faults.map((f) => f.latencyMultiplier ?? 1)),
    from: Float64Array.from(faults.map((f) => f.window?.startSeconds ?? 0)),
    until: Float64Array.from(faults.map((f) => (f.window ? f.window.startSeconds + f.window.durationSeconds : NEVER))),
    afterCalls: Float64Array.from(faults.map((f) => f.afterCalls ?? 0)),
  });
}

/** Used when the document has no scenario (and the CLI was given no numbers). */
export const DEFAULT_SCENARIO: Scenario = { id: 'default', name: 'Default', seed: 1, cases: 1000, replications: 10 };
/** Replications of a scenario that does not say. */
export const DEFAULT_REPLICATIONS = 10;

/** Arrivals: mean gap in seconds and whether gaps are exponential (poisson) or fixed. */
export interface CompiledArrival {
  readonly poisson: boolean;
  readonly meanGapSeconds: number;
}

/** Arrival rate when neither the scenario nor the profile says: one case a minute on average (poisson). */
export const DEFAULT_ARRIVALS_PER_HOUR = 60;

/**
 * The scenario's arrival process; when it has none, poisson at profile.runsPerDay / 24 per hour, else 60 per hour.
 * @example compileArrival(undefined, { runsPerDay: 2400 }) // { poisson: true, meanGapSeconds: 36 }
 */
export function compileArrival(scenario: Pick<Scenario, 'arrival'> | undefined, profile: { runsPerDay?: number | undefined } | undefined): CompiledArrival {
  const a = scenario?.arrival;
  if (a?.type === 'fixed') return fixedShape({ poisson: false, meanGapSeconds: a.everySeconds });
  if (a?.type === 'poisson') return fixedShape({ poisson: true, meanGapSeconds: 3600 / a.perHour });
  const perDay = profile?.runsPerDay;
  const perHour = perDay !== undefined && perDay > 0 ? perDay / 24 : DEFAULT_ARRIVALS_PER_HOUR;
  return fixedShape({ poisson: true, meanGapSeconds: 3600 / perHour });
}

/** Case attributes compiled for the engine: each case draws one value per attribute when it arrives. */
export interface CompiledAttributes {
  readonly names: readonly string[];
  /** Distribution code per attribute (encodeDistribution), -1 for a table. */
  readonly code: Int8Array;
  /** Three distribution parameters per attribute. */
  readonly param: Float64Array;
  /** The table rows of attribute a are rowStart[a] .. rowStart[a+1]-1, with cumulative probabilities. */
  readonly rowStart: Int32Array;
  readonly rowCdf: Float64Array;
  readonly rowValue: readonly (number | string | boolean)[];
}

/**
 * A scenario's case attributes, in the order the document lists them (none: an empty list).
 * @example compileAttributes({ attributes: { tier: { type: 'table', values: [{ value: 'gold', probability: 1 }] } } }).names // ['tier']
 */
export function compileAttributes(scenario: Pick<Scenario, 'attributes'> | undefined): CompiledAttributes {
  const entries = Object.entries(scenario?.attributes ?? {});
  const code = new Int8Array(entries.length);
  const param = new Float64Array(entries.length * 3);
  const rowStart = new Int32Array(entries.length + 1);
  const rowCdf: number[] = [];
  const rowValue: (number | string | boolean)[] = [];
  entries.forEach(([, a], k) => {
    rowStart[k] = rowCdf.length;
    if (a.type === 'table') {
      code[k] = -1;
      const total = a.values.reduce((s, v) => s + v.probability, 0) || 1;
      let acc = 0;
      for (const v of a.values) {
        acc += v.probability / total;
        rowCdf.push(acc);
        rowValue.push(v.value);
      }
      // Guard the last row against rounding, as outcome tables do.
      rowCdf[rowCdf.length - 1] = 1;
      return;
    }
    const c = encodeDistribution(a);
    code[k] = c.code;
    param[k * 3] = c.p0;
    param[k * 3 + 1] = c.p1;
    param[k * 3 + 2] = c.p2;
  });
  rowStart[entries.length] = rowCdf.length;
  return fixedShape({ names: entries.map(([name]) => name), code, param, rowStart, rowCdf: Float64Array.from(rowCdf), rowValue });
}
