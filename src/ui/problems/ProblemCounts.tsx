/** The toolbar's finding counts ("2 errors, 5 warnings"): a button that takes focus to the Problems panel. */
import { selectErrorCount, selectInfoCount, selectWarningCount } from '../../store/analysis.ts';
import { useEditorStore } from '../editor-context.tsx';
import { summaryText } from './finding-view.ts';

/** The Problems region's element id (ProblemsPanel sets it; the region takes programmatic focus). */
export const PROBLEMS_PANEL_ID = 'problems-panel';

export function focusProblemsPanel(): void {
  const panel = document.getElementById(PROBLEMS_PANEL_ID);
  // Focus scrolls the panel into view; the region's first control is one Tab away.
  panel?.focus();
}

export function ProblemCounts() {
  const error = useEditorStore(selectErrorCount);
  const warning = useEditorStore(selectWarningCount);
  const info = useEditorStore(selectInfoCount);
  const worst = error > 0 ? 'error' : warning > 0 ? 'warning' : info > 0 ? 'info' : 'none';
  const text = summaryText({ error, warning, info });
  return (
    <button type="button" className={`problem-counts problem-counts--${worst}`} onClick={focusProblemsPanel} title="Show the Problems panel" aria-label={`Problems: ${text}`}>
      {text}
    </button>
  );
}
