/**
 * One finding in the Problems list: the message, what to do, the rule (expandable: what it catches, how to
 * fix, where its documentation lives) and a Fix button when the analyzer marks a fix safe to apply. The item
 * itself is focusable: click, Enter or Space selects and centres what the finding names.
 */
import { memo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Finding } from '../../analyzer/index.ts';
import type { Analyzer } from '../../store/analyzer-loader.ts';
import { evidenceText } from './finding-view.ts';
import { hasRuleDoc } from './rule-docs.ts';
import { RuleDocsDialog } from './RuleDocsDialog.tsx';

const ICONS = { error: '⨯', warning: '!', info: 'i' } as const;

/** The severity icon, shared with folded groups. */
export function ProblemIcon({ severity }: { severity: Finding['severity'] }) {
  return (
    <span className="problem__icon" aria-hidden="true">
      {ICONS[severity]}
    </span>
  );
}

/** The message, with its severity for screen readers. */
export function ProblemMessage({ severity, message }: { severity: Finding['severity']; message: string }) {
  return (
    <p className="problem__message">
      <span className="problem__sr">{severity}: </span>
      {message}
    </p>
  );
}

/** Enter or Space on the item itself (not on its controls) activates it. */
export function activateOnKey(activate: () => void): (e: KeyboardEvent<HTMLLIElement>) => void {
  return (e) => {
    if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault(); // Space would scroll the list
    activate();
  };
}

interface Props {
  readonly finding: Finding;
  /** The analyzer's catalog and fix wording (the item exists only once the analyzer's code has loaded). */
  readonly analyzer: Pick<Analyzer, 'ruleById' | 'QUICK_FIX_WORDS'>;
  readonly onActivate: (f: Finding) => void;
  readonly onFix: (f: Finding) => void;
  /** Shown for suppressed findings: why the team accepted it. */
  readonly reason?: string | undefined;
}

/** Clicks on the item's own controls (Fix, the rule's details) must not also activate the item. */
const stop = (e: MouseEvent | KeyboardEvent): void => e.stopPropagation();

function FindingItemImpl({ finding: f, analyzer, onActivate, onFix, reason }: Props) {
  const rule = analyzer.ruleById(f.ruleId);
  const [docsOpen, setDocsOpen] = useState(false);
  const onKeyDown = activateOnKey(() => onActivate(f));
  return (
    <li
      className={`problem problem--${f.severity}`}
      data-rule-id={f.ruleId}
      data-severity={f.severity}
      data-suppressed={reason !== undefined ? 'true' : undefined}
      tabIndex={0} onClick={() => onActivate(f)} onKeyDown={onKeyDown}>
      <ProblemIcon severity={f.severity} />
      <div className="problem__body">
        <ProblemMessage severity={f.severity} message={f.message} />
        {f.fix !== undefined && <p className="problem__fix">{f.fix}</p>}
        {reason !== undefined && <p className="problem__reason">Suppressed: {reason}</p>}
        <details className="problem__rule" onClick={stop} onKeyDown={stop}>
          <summary>{f.ruleId}</summary>
          {rule && <p>{rule.meta.description}</p>}
          {f.fix !== undefined && (
            <p>
              <strong>How to fix:</strong> {f.fix}
            </p>
          )}
          {f.evidence && (
            <p className="problem__evidence">
              {evidenceText(f.evidence)}
            </p>
          )}
          {hasRuleDoc(f.ruleId) ? (
            <button type="button" className="problem__docs" onClick={() => setDocsOpen(true)}>
              Read the rule's page
            </button>
          ) : (
            <p className="muted">
              Documentation: <code>{f.docs}</code> in the Baton repository.
            </p>
          )}
        </details>
        {docsOpen && (
          // Inside the item's DOM, so clicks and keys in the dialog must not reach the item's own handlers.
          <div onClick={stop} onKeyDown={stop}>
            <RuleDocsDialog ruleId={f.ruleId} onClose={() => setDocsOpen(false)} />
          </div>
        )}
      </div>
      {f.quickFix !== undefined && reason === undefined && (
        <button
          type="button"
          className="problem__fixbtn"
          title={`${analyzer.QUICK_FIX_WORDS[f.quickFix].action}; Undo reverts it`}
          onClick={(e) => {
            stop(e);
            onFix(f);
          }}
          onKeyDown={stop}
        >
          Fix
        </button>
      )}
    </li>
  );
}

export const FindingItem = memo(FindingItemImpl);
