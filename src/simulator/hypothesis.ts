/**
 * Hypotheses: a scenario's expected KPI values ("successRate >= 0.9"), judged on the KPIs' means.
 */
import type { ConditionOp, Hypothesis } from '../domain/index.ts';
import type { HypothesisResult, KpiValue } from './report-types.ts';

function compare(actual: number, op: ConditionOp, value: number): boolean {
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '==':
      return actual === value;
    case '!=':
      return actual !== value;
  }
}

/**
 * Judge each hypothesis line on the KPI's mean across replications.
 * @example judgeHypothesis([{ metric: 'successRate', op: '>=', value: 0.9 }], kpis)[0].pass
 */
export function judgeHypothesis(lines: readonly Hypothesis[], kpis: Readonly<Record<string, KpiValue>>): HypothesisResult[] {
  return lines.map((h) => {
    const actual = kpis[h.metric]?.mean ?? null;
    return { metric: h.metric, op: h.op, value: h.value, actual, pass: actual !== null && compare(actual, h.op, h.value) };
  });
}
