/**
 * Which config fields apply to a node as it is configured (issue 11: a threshold check showed re-asks and a
 * sample rate). A field that does not apply is hidden, unless it holds a value, so nothing in the document is
 * ever invisible.
 */
import type { WorkflowNode } from '../../domain/index.ts';

/** @example configFieldApplies(thresholdCheck, 'sampleRate') // false */
export function configFieldApplies(node: WorkflowNode, key: string): boolean {
  if (node.kind !== 'check') return true;
  const c = node.config;
  const set = (v: unknown): boolean => v !== undefined;
  switch (key) {
    case 'threshold':
      return c.type === 'threshold' || set(c.threshold);
    case 'sampleRate':
      return c.type === 'sample-audit' || set(c.sampleRate);
    case 'maxReasks':
      return c.onFail === 'reask' || set(c.maxReasks);
    default:
      return true;
  }
}

/** Words in an output's label that say which outcome it stands for. */
const OUTCOME_WORDS: readonly { readonly outcome: 'rejected' | 'escalated' | 'error' | 'success'; readonly pattern: RegExp }[] = [
  { outcome: 'rejected', pattern: /\b(reject|rejected|decline|declined|deny|denied|refuse|refused)\b/i },
  { outcome: 'escalated', pattern: /\b(escalat\w*|hand(ed)?\s*off|manual review)\b/i },
  { outcome: 'error', pattern: /\b(error|fail(ed|ure)?|alert|incident)\b/i },
  { outcome: 'success', pattern: /\b(approve|approved|accept(ed)?|done|complete(d)?|success|deliver(ed)?|sent|open(ed)?)\b/i },
];

/**
 * The outcome an output's label suggests, when it disagrees with the one set (issue 11: an output labelled
 * "Rejected" counted as a success).
 * @example suggestedOutcome({ kind: 'output', label: 'Rejected', config: { outcome: 'success' } }) // 'rejected'
 */
export function suggestedOutcome(node: WorkflowNode): 'rejected' | 'escalated' | 'error' | 'success' | null {
  if (node.kind !== 'output') return null;
  const hit = OUTCOME_WORDS.find((w) => w.pattern.test(node.label));
  return hit && hit.outcome !== node.config.outcome ? hit.outcome : null;
}
