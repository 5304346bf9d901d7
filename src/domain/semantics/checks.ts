/**
 * Checks: when an item leaves a check by `fail`.
 *
 * - a threshold check fails the item when the case's last confidence is below its threshold (an item no step
 *   gave a confidence to is judged like any other check's);
 * - schema, rule and llm-grader checks (and threshold checks without a confidence) fail a wrong item with
 *   `detectionRate` and a correct one with `falseRejectRate`;
 * - a sample audit sends `sampleRate` of the items that reach it out by `fail`, chosen at random whatever their
 *   correctness: `fail` leads to the person who audits them (a human gate: its reviewers, service time and
 *   detectionRate are the audit, and its workload is that share). The others pass unaudited. Its stub's
 *   detectionRate and falseRejectRate are not used, and `onFail: reask` does not apply.
 */
import type { CHECK_TYPES } from '../node.schema.ts';

export type CheckType = (typeof CHECK_TYPES)[number];

/** What the rule reads of a check. */
export interface CheckRule {
  readonly type: CheckType;
  readonly threshold?: number | undefined;
  readonly sampleRate?: number | undefined;
  readonly detectionRate: number;
  readonly falseRejectRate: number;
}

/**
 * The chance an item leaves the check by `fail`. `confidence`: the case's last confidence, undefined when no step
 * reported one.
 * @example failProbability({ type: 'sample-audit', sampleRate: 0.05, detectionRate: 0.9, falseRejectRate: 0 }, { wrong: false }) // 0.05
 * @example failProbability({ type: 'threshold', threshold: 0.8, detectionRate: 0.5, falseRejectRate: 0 }, { wrong: false, confidence: 0.7 }) // 1
 */
export function failProbability(check: CheckRule, item: { readonly wrong: boolean; readonly confidence?: number | undefined }): number {
  if (check.type === 'sample-audit') return check.sampleRate ?? 1;
  if (check.type === 'threshold' && check.threshold !== undefined && item.confidence !== undefined) return item.confidence < check.threshold ? 1 : 0;
  return item.wrong ? check.detectionRate : check.falseRejectRate;
}

/** Does a failed item go back to its producer? Only with `onFail: reask`, and never out of a sample audit. */
export function reasksOnFail(check: { readonly type: CheckType; readonly onFail: 'route' | 'reask' }): boolean {
  return check.onFail === 'reask' && check.type !== 'sample-audit';
}
