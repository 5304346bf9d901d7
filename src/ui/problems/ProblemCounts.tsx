/** The toolbar's finding counts ("2 errors, 5 warnings"): a button that takes focus to the Problems panel. */
import { selectAnalyzerFailure, selectErrorCount, selectInfoCount, selectWarningCount } from '../../store/analysis.ts';
import type { EditorStore } from '../../store/editor-store.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { summaryText } from './finding-view.ts';

/** The Problems region's element id (ProblemsPanel sets it; the region takes programmatic focus). */
export const PROBLEMS_PANEL_ID = 'problems-panel';

/**
 * Take the person to the findings (issue 11: clicking the counts "changed nothing visible"): expand the Problems
 * panel if it was collapsed, bring the findings into view, focus the region and flash it so the eye follows.
 */
export function focusProblemsPanel(store: EditorStore): void {
  store.getState().setPanelOpen('problems', true);
  requestAnimationFrame(() => {
    const panel = document.getElementById(PROBLEMS_PANEL_ID);
    if (!panel) return;
    // Focus the region (its first control is one Tab away) and scroll its findings, not the score card, into view.
    panel.focus({ preventScroll: true });
    const findings = panel.querySelector<HTMLElement>('.problems__group, .problems__filter');
    // The region is its own scroller (its pane is the offset parent of what is inside).
    if (findings) panel.scrollTop = Math.max(0, findings.offsetTop - 8);
    panel.classList.remove('is-flashing');
    void panel.offsetWidth; // restart the animation on a second click
    panel.classList.add('is-flashing');
  });
}

export function ProblemCounts() {
  const error = useEditorStore(selectErrorCount);
  const warning = useEditorStore(selectWarningCount);
  const info = useEditorStore(selectInfoCount);
  const failed = useEditorStore(selectAnalyzerFailure) !== null;
  const store = useEditorStoreApi();
  // Null counts: the analyzer's code is still loading (or failed to); say so rather than "No problems".
  const known = error !== null && warning !== null && info !== null;
  const worst = !known ? 'pending' : error > 0 ? 'error' : warning > 0 ? 'warning' : info > 0 ? 'info' : 'none';
  const text = known ? summaryText({ error, warning, info }) : failed ? 'No analysis' : 'Analysing…';
  return (
    <button type="button" className={`problem-counts problem-counts--${worst}`} aria-busy={!known && !failed} onClick={() => focusProblemsPanel(store)} title="Show the Problems panel" aria-label={`Problems: ${text}`}>
      {text}
    </button>
  );
}
