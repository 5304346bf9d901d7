/** The node kinds as the palettes offer them: what each is for, and a search over names and purposes. */
import { KIND_LABELS, NODE_KINDS, type NodeKind } from '../../domain/index.ts';

/** What each kind is for: shown under its name and searched. */
export const KIND_HINTS: Record<NodeKind, string> = {
  trigger: 'Where a case starts: manual, schedule, webhook, event, chat',
  ai: 'LLM, classifier, extractor, OCR, transcription, speech, image generation, agent',
  tool: 'API, database, automation, notification, script, subworkflow',
  data: 'Local transform: set fields, code, merge, split, aggregate, filter, wait',
  human: 'Approval, review or escalation by people',
  check: 'Schema, rule, threshold, LLM grader, sample audit',
  router: 'Exclusive, parallel or inclusive decision',
  loop: 'For each item: a body per item, then done',
  join: 'Merge branches: all, first, any',
  output: 'Where a case ends: deliver, store, notify, alert',
  note: 'A sticky note for the team',
};

/** The kinds whose name, purpose or id match a search, in palette order. */
export function matchKinds(query: string, kinds: readonly NodeKind[] = NODE_KINDS): NodeKind[] {
  const q = query.trim().toLowerCase();
  return kinds.filter((k) => !q || KIND_LABELS[k].toLowerCase().includes(q) || KIND_HINTS[k].toLowerCase().includes(q) || k.includes(q));
}
