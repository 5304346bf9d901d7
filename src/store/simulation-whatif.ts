/**
 * What-if helpers, pure: which parameters of a design a sweep can vary, the values of a range, a COPY of the
 * document with one parameter changed (the open design is never touched: a sweep point is not an edit), and the
 * difference of two KPI figures with an interval (paired across replications when both runs share their streams).
 */
import { ERROR_TYPES, isReportKpi, meanInterval, reportKpi, type AiOutcomes, type KpiValue, type Workflow, type WorkflowNode } from '../domain/index.ts';
import type { SimReport, SweepParam, SweepParamKind, SweepRange } from './simulation-store.ts';

export interface SweepParamOption {
  readonly param: SweepParam;
  /** e.g. "Confidence check: threshold". */
  readonly label: string;
  /** The value in the document now, and a sensible range around it. */
  readonly current: number;
  readonly range: SweepRange;
  /** Whole numbers only (reviewers, attempts). */
  readonly integer: boolean;
}

const KIND_LABEL: Record<SweepParamKind, string> = {
  'check-threshold': 'threshold',
  'human-reviewers': 'reviewers',
  'retry-max-attempts': 'maximumAttempts (first retrier)',
  'ai-ok-rate': 'ok rate',
};

/**
 * Every parameter of `doc` a sweep can vary, in document order.
 * @example sweepOptions(doc).map((o) => o.label) // ["Review: reviewers", "Extract: ok rate", ...]
 */
export function sweepOptions(doc: Workflow): SweepParamOption[] {
  const out: SweepParamOption[] = [];
  const add = (node: WorkflowNode, kind: SweepParamKind, current: number, range: SweepRange, integer: boolean): void => {
    out.push({ param: { kind, nodeId: node.id }, label: `${node.label || node.id}: ${KIND_LABEL[kind]}`, current, range, integer });
  };
  for (const n of doc.nodes) {
    if (n.kind === 'check' && n.config.type === 'threshold') add(n, 'check-threshold', n.config.threshold ?? 0.5, { from: 0.5, to: 0.95, steps: 6 }, false);
    if (n.kind === 'human') add(n, 'human-reviewers', n.config.reviewers, { from: 1, to: Math.max(4, n.config.reviewers * 2), steps: 4 }, true);
    if ((n.kind === 'ai' || n.kind === 'tool') && n.policy?.retry?.[0]) add(n, 'retry-max-attempts', n.policy.retry[0].maximumAttempts, { from: 1, to: 5, steps: 5 }, true);
    if (n.kind === 'ai' && n.stub) add(n, 'ai-ok-rate', n.stub.outcomes.ok ?? 0, { from: 0.8, to: 0.99, steps: 5 }, false);
  }
  return out;
}

/**
 * The values of a range, ends included; rounded to whole numbers (and de-duplicated) when `integer`.
 * @example sweepValues({ from: 1, to: 3, steps: 3 }, true) // [1, 2, 3]
 */
export function sweepValues(range: SweepRange, integer = false): number[] {
  const steps = Math.max(1, Math.floor(range.steps));
  const raw = steps === 1 ? [range.from] : Array.from({ length: steps }, (_, i) => range.from + ((range.to - range.from) * i) / (steps - 1));
  const vals = raw.map((v) => (integer ? Math.round(v) : Number(v.toPrecision(10))));
  return [...new Set(vals)];
}

/**
 * A copy of `doc` with the parameter set to `value` (clamped to what the schema allows). Nodes other than the
 * target keep their identity; the input is never mutated.
 * @example applySweepParam(doc, { kind: 'human-reviewers', nodeId: 'review' }, 3)
 */
export function applySweepParam(doc: Workflow, param: SweepParam, value: number): Workflow {
  const nodes = doc.nodes.map((n): WorkflowNode => {
    if (n.id !== param.nodeId) return n;
    switch (param.kind) {
      case 'check-threshold':
        return n.kind === 'check' ? { ...n, config: { ...n.config, threshold: clamp(value, 0, 1) } } : n;
      case 'human-reviewers':
        return n.kind === 'human' ? { ...n, config: { ...n.config, reviewers: Math.round(clamp(value, 1, 10_000)) } } : n;
      case 'retry-max-attempts': {
        if ((n.kind !== 'ai' && n.kind !== 'tool') || !n.policy?.retry?.[0]) return n;
        const [first, ...rest] = n.policy.retry;
        return { ...n, policy: { ...n.policy, retry: [{ ...first, maximumAttempts: Math.round(clamp(value, 1, 1000)) }, ...rest] } };
      }
      case 'ai-ok-rate':
        return n.kind === 'ai' && n.stub ? { ...n, stub: { ...n.stub, outcomes: withOkRate(n.stub.outcomes, clamp(value, 0, 1)) } } : n;
    }
  });
  return { ...doc, nodes };
}

/** Set `ok` and scale every other outcome so the table still sums to 1 (their mix is kept). */
function withOkRate(o: AiOutcomes, ok: number): AiOutcomes {
  const keys = ['wrong', ...ERROR_TYPES] as const;
  let others = 0;
  for (const k of keys) others += o[k] ?? 0;
  const next: AiOutcomes = { ...o, ok };
  for (const k of keys) {
    const v = o[k];
    if (v !== undefined && others > 0) next[k] = (v / others) * (1 - ok);
  }
  if (others === 0 && ok < 1) next.wrong = 1 - ok;
  return next;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** One KPI's per-replication values in runs A and B (SimReport.replicationKpis), replication by replication. */
export interface PairedValues {
  readonly a: readonly (number | null)[];
  readonly b: readonly (number | null)[];
}

export type KpiDifference = KpiValue & {
  /** The interval excludes 0. */
  readonly clear: boolean;
  /** The interval is the paired one (common random numbers), not the conservative one. */
  readonly paired: boolean;
};

/**
 * B - A for one KPI with a 95% interval.
 *
 * With `paired` (both runs' per-replication values, same seed and cases, so replication i of A and of B drew from
 * the same random streams: common random numbers), the interval is the paired Student-t one on the differences
 * B_i - A_i: what the design change did, with the luck both runs shared taken out. It needs the same number of
 * replications in both and at least two where both define the KPI; otherwise, and without `paired`, the halves
 * combine as for independent runs, which is conservative with common random numbers (a difference it calls clear
 * is clear).
 * @example kpiDifference({ mean: 0.9, ci95: [0.88, 0.92] }, { mean: 0.95, ci95: [0.94, 0.96] }) // { mean: 0.05, ci95: [~0.028, ~0.072], paired: false }
 * @example kpiDifference(ka, kb, { a: [0.9, 0.92, 0.88], b: [0.95, 0.96, 0.94] }) // { mean: 0.05, ci95: [0.025, 0.075], paired: true }
 */
export function kpiDifference(a: KpiValue | undefined, b: KpiValue | undefined, paired?: PairedValues): KpiDifference {
  const p = paired ? pairedDifference(paired) : null;
  if (p) return p;
  if (!a || !b || a.mean === null || b.mean === null) return { mean: null, ci95: null, clear: false, paired: false };
  const mean = b.mean - a.mean;
  if (!a.ci95 || !b.ci95) return { mean, ci95: null, clear: false, paired: false };
  const half = Math.hypot((a.ci95[1] - a.ci95[0]) / 2, (b.ci95[1] - b.ci95[0]) / 2);
  const ci95: [number, number] = [mean - half, mean + half];
  return { mean, ci95, clear: ci95[0] > 0 || ci95[1] < 0, paired: false };
}

/** What a difference needs of a report (a report from before per-replication values has none). */
export type ComparableReport = Pick<SimReport, 'kpis' | 'seed' | 'cases'> & { readonly replicationKpis?: SimReport['replicationKpis'] };

/**
 * B - A for one KPI of two reports: paired when both carry per-replication values and ran with the same seed and
 * number of cases (the what-if comparison runs both so), else the conservative interval.
 * @example reportKpiDifference(compare.a.report, compare.b.report, 'successRate')
 */
export function reportKpiDifference(a: ComparableReport | undefined, b: ComparableReport | undefined, kpi: string): KpiDifference {
  const ka = a && reportKpi(a.kpis, kpi);
  const kb = b && reportKpi(b.kpis, kpi);
  const va = isReportKpi(kpi) ? a?.replicationKpis?.[kpi] : undefined;
  const vb = isReportKpi(kpi) ? b?.replicationKpis?.[kpi] : undefined;
  const common = a && b && va && vb && a.seed === b.seed && a.cases === b.cases;
  return kpiDifference(ka, kb, common ? { a: va, b: vb } : undefined);
}

/** The paired t interval, or null when the values cannot be paired (unequal lengths, fewer than two pairs). */
function pairedDifference({ a, b }: PairedValues): KpiDifference | null {
  if (a.length !== b.length) return null;
  const d: number[] = [];
  a.forEach((x, i) => {
    const y = b[i];
    if (x !== null && y !== null && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) d.push(y - x);
  });
  if (d.length < 2) return null;
  const { mean, ci95 } = meanInterval(d);
  if (mean === null || ci95 === null) return null;
  return { mean, ci95, clear: ci95[0] > 0 || ci95[1] < 0, paired: true };
}
