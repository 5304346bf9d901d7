/**
 * Applying a finding's quick fix from the editor: the analyzer's pure transform, committed as ONE undo entry,
 * so Undo puts the design back exactly as it was. A fix offered from an analysis that no longer fits the
 * document (the design changed under it) is refused with a message instead of throwing into React.
 */
import type { Finding } from '../analyzer/index.ts';
import type { Workflow } from '../domain/index.ts';
import type { EditorStore } from './types.ts';

/**
 * Apply `finding.quickFix` to the store's document. Returns true when the document changed.
 * The analyzer's code is in the store whenever a finding is on screen (findings come from it); a fix asked
 * for without it is refused with a message.
 * @example applyQuickFix(store, selectAnalysis(store.getState())!.findings[0]) // one undo entry
 */
export function applyQuickFix(store: EditorStore, finding: Finding): boolean {
  const s = store.getState();
  if (finding.quickFix === undefined) return false;
  const analyzer = s.analyzer;
  if (!analyzer) {
    s.showMessage('Could not apply the fix: the analyzer has not loaded yet. Try again in a moment.', 'error');
    return false;
  }
  let next: Workflow;
  try {
    next = analyzer.applyQuickFix(s.doc, finding);
  } catch (err) {
    s.showMessage(`Could not apply the fix: ${err instanceof Error ? err.message : String(err)}`, 'error');
    return false;
  }
  if (next === s.doc) return false;
  s.commit(next);
  // Keep the fixed nodes selected (those that survive the fix), so the person sees what changed.
  s.select(finding.nodeIds.filter((id) => next.nodes.some((n) => n.id === id)));
  // Said in words, on the step it changed: the rule's id means nothing to most people (its page keeps it).
  const first = next.nodes.find((n) => n.id === finding.nodeIds[0]);
  const where = first ? ` on “${first.label.trim() || first.id}”` : '';
  s.showMessage(`${analyzer.QUICK_FIX_WORDS[finding.quickFix].done}${where}. Undo reverts it.`, 'success');
  return true;
}
