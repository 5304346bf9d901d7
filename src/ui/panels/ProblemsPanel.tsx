/**
 * The Problems region: the analyzer's findings for the document being edited, live. Grouped by severity with
 * counts, filtered by severity toggles and a text search; each finding activates (selects and centres what it
 * names), explains its rule and offers a one-click fix where the analyzer marks one safe. Suppressed findings
 * wait, collapsed, with the reasons the team gave. A score card heads the list.
 *
 * Long lists are capped per group with "Show more" rather than virtualised: every item stays in the
 * accessibility tree and findable with the browser's search, and 100 items render in a few milliseconds.
 *
 * The analyzer's code loads after the first paint (store/analysis.ts): until then the panel says "Analysing…"
 * and lists nothing, never "No problems found"; if it cannot load, the panel says why and offers to try again.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Finding, FindingGroup as Group, FindingSeverity } from '../../analyzer/index.ts';
import { attachAnalyzer, selectAnalysis, selectAnalysisPending, selectAnalyzer, selectAnalyzerFailure, selectFindingCounts } from '../../store/analysis.ts';
import type { Analyzer } from '../../store/analyzer-loader.ts';
import { applyQuickFix } from '../../store/quick-fix.ts';
import { selectDocIgnoringMoves } from '../../store/selectors.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { FindingGroupItem } from '../problems/FindingGroupItem.tsx';
import { FindingItem } from '../problems/FindingItem.tsx';
import { filterFindings, findingKey, GROUP_TITLES, groupBySeverity, SEVERITY_ORDER, summaryText, suppressionReason } from '../problems/finding-view.ts';
import { PROBLEMS_PANEL_ID } from '../problems/ProblemCounts.tsx';
import { ScoreCard } from '../problems/ScoreCard.tsx';
import { useActivateFinding } from '../problems/use-activate-finding.ts';
import '../problems/problems.css';

/** Items rendered per group before "Show more". */
export const PAGE_SIZE = 100;

const ALL_SEVERITIES: ReadonlySet<FindingSeverity> = new Set(SEVERITY_ORDER);

function FindingGroup({ severity, findings, analyzer, onActivate, onFix }: { severity: FindingSeverity; findings: readonly Finding[]; analyzer: Analyzer; onActivate: (f: Finding) => void; onFix: (f: Finding) => void }) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const headingId = `problems-group-${severity}`;
  // A rule's many findings fold into one line (grouping.ts), after the filter, so a search still finds each one.
  const lines: readonly Group[] = useMemo(() => analyzer.groupFindings(findings, undefined, (id) => analyzer.ruleById(id)?.meta.description), [findings, analyzer]);
  return (
    <section className={`problems__group problems__group--${severity}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="problems__group-title">
        {GROUP_TITLES[severity]} <span className="problems__count">({findings.length})</span>
      </h3>
      <ul className="problems__list">
        {lines.slice(0, shown).map((g, i) =>
          g.folded ? (
            <FindingGroupItem key={`group:${g.ruleId}`} group={g} analyzer={analyzer} onActivate={onActivate} onFix={onFix} />
          ) : (
            <FindingItem key={findingKey(g.findings[0]!, i)} finding={g.findings[0]!} analyzer={analyzer} onActivate={onActivate} onFix={onFix} />
          ),
        )}
      </ul>
      {lines.length > shown && (
        <button type="button" className="problems__more" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          Show {Math.min(PAGE_SIZE, lines.length - shown)} more of {lines.length - shown}
        </button>
      )}
    </section>
  );
}

export function ProblemsPanel() {
  const store = useEditorStoreApi();
  const analysis = useEditorStore(selectAnalysis);
  const analyzer = useEditorStore(selectAnalyzer);
  const counts = useEditorStore(selectFindingCounts);
  const pending = useEditorStore(selectAnalysisPending);
  const failure = useEditorStore(selectAnalyzerFailure);
  // Labels and suppressions only: a drag must not re-render the panel (nor rebuild the label map) every frame.
  const doc = useEditorStore(selectDocIgnoringMoves);
  const activate = useActivateFinding();
  const [severities, setSeverities] = useState<ReadonlySet<FindingSeverity>>(ALL_SEVERITIES);
  const [text, setText] = useState('');

  const onFix = useCallback((f: Finding) => void applyQuickFix(store, f), [store]);
  const toggle = (s: FindingSeverity): void =>
    setSeverities((cur) => {
      const next = new Set(cur);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  const nodes = doc.nodes;
  const groups = useMemo(() => {
    const labels = new Map(nodes.map((n) => [n.id, n.label] as const));
    return groupBySeverity(filterFindings(analysis?.findings ?? [], { severities, text }, (id) => labels.get(id)));
  }, [analysis, nodes, severities, text]);
  const shownCount = SEVERITY_ORDER.reduce((n, s) => n + groups[s].length, 0);
  const suppressions = doc.lint?.suppressions ?? [];

  return (
    <section className="panel problems" aria-label="Problems" id={PROBLEMS_PANEL_ID} tabIndex={-1}>
      <header className="problems__head">
        <h2 className="panel-title">Problems</h2>
        <span className="problems__summary" aria-live="polite">
          {counts ? summaryText(counts) : ''}
        </span>
        {pending && (
          <span className="problems__pending" role="status">
            Analysing…
          </span>
        )}
      </header>
      <ScoreCard />
      <div className="problems__filter" role="group" aria-label="Filter problems">
        {SEVERITY_ORDER.map((s) => (
          <button key={s} type="button" className={`problems__toggle problems__toggle--${s}`} aria-pressed={severities.has(s)} onClick={() => toggle(s)}>
            {GROUP_TITLES[s]} {counts?.[s] ?? '…'}
          </button>
        ))}
        <input type="search" className="problems__search" aria-label="Search problems" placeholder="Search messages, rules, nodes" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {failure !== null ? (
        <p className="problems__failure" role="alert">
          No analysis: {failure}.{' '}
          <button type="button" onClick={() => void attachAnalyzer(store)}>
            Try again
          </button>
        </p>
      ) : analysis === null || analyzer === null ? (
        <p className="muted">The analysis appears here in a moment.</p>
      ) : analysis.findings.length === 0 ? (
        <p className="muted">No problems found.</p>
      ) : shownCount === 0 ? (
        <p className="muted">No problems match the filter.</p>
      ) : (
        SEVERITY_ORDER.map((s) => groups[s].length > 0 && <FindingGroup key={s} severity={s} findings={groups[s]} analyzer={analyzer} onActivate={activate} onFix={onFix} />)
      )}
      {analysis && analyzer && analysis.suppressed.length > 0 && (
        <details className="problems__suppressed">
          <summary>Suppressed ({analysis.suppressed.length})</summary>
          <ul className="problems__list">
            {analysis.suppressed.map((f, i) => (
              <FindingItem key={findingKey(f, i)} finding={f} analyzer={analyzer} onActivate={activate} onFix={onFix} reason={suppressionReason(f, suppressions) ?? 'no reason given'} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
