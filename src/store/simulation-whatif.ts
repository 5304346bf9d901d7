/**
 * What-if helpers, pure: which parameters of a design a sweep can vary, the values of a range, a COPY of the
 * document with one parameter changed (the open design is never touched: a sweep point is not an edit), and the
 * difference of two KPI figures with an interval.
 */
import { ERROR_TYPES, type AiOutcomes, type Workflow, type WorkflowNode } from '../domain/index.ts';
import type { KpiFigure, SweepParam, SweepParamKind, SweepRange } from './simulation-store.ts';

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

/**
 * B - A for one KPI with a 95% interval. The halves combine as for independent runs; with common random
 * numbers the true interval is narrower, so this one is conservative (a difference it calls clear is clear).
 * @example kpiDifference({ mean: 0.9, ci95: [0.88, 0.92] }, { mean: 0.95, ci95: [0.94, 0.96] }) // { mean: 0.05, ci95: [~0.028, ~0.072] }
 */
export function kpiDifference(a: KpiFigure | undefined, b: KpiFigure | undefined): KpiFigure & { readonly clear: boolean } {
  if (!a || !b || a.mean === null || b.mean === null) return { mean: null, ci95: null, clear: false };
  const mean = b.mean - a.mean;
  if (!a.ci95 || !b.ci95) return { mean, ci95: null, clear: false };
  const half = Math.hypot((a.ci95[1] - a.ci95[0]) / 2, (b.ci95[1] - b.ci95[0]) / 2);
  const ci95: [number, number] = [mean - half, mean + half];
  return { mean, ci95, clear: ci95[0] > 0 || ci95[1] < 0 };
}
