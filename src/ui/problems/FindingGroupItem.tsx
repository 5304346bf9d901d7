/**
 * A folded group in the Problems list: a rule with more findings of one severity than fit one per line (every
 * step of a 200-node import without a timeout). It says how many and what the rule catches; activating it
 * selects every step it names; expanding it lists the findings themselves, each activatable and fixable as usual.
 */
import { memo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Finding, FindingGroup } from '../../analyzer/index.ts';
import type { Analyzer } from '../../store/analyzer-loader.ts';
import { activateOnKey, FindingItem, ProblemIcon, ProblemMessage } from './FindingItem.tsx';
import { hasRuleDoc } from './rule-docs.ts';
import { RuleDocsDialog } from './RuleDocsDialog.tsx';

interface Props {
  readonly group: FindingGroup;
  readonly analyzer: Pick<Analyzer, 'ruleById' | 'QUICK_FIX_WORDS'>;
  readonly onActivate: (f: Finding) => void;
  readonly onFix: (f: Finding) => void;
}

const stop = (e: MouseEvent | KeyboardEvent): void => e.stopPropagation();

/** The group as one finding naming all its steps, for activation (select and centre them all). */
function asFinding(g: FindingGroup): Finding {
  return { ruleId: g.ruleId, severity: g.severity, message: g.message, nodeIds: g.nodeIds, edgeIds: g.edgeIds, docs: g.docs };
}

function FindingGroupItemImpl({ group: g, analyzer, onActivate, onFix }: Props) {
  const [open, setOpen] = useState(false);
  const [docsOpen, setDocsOpen] = useState(false);
  const onKeyDown = activateOnKey(() => onActivate(asFinding(g)));
  return (
    <li className={`problem problem--${g.severity} problem--group`} data-group-rule-id={g.ruleId} data-severity={g.severity} data-count={g.count} tabIndex={0} onClick={() => onActivate(asFinding(g))} onKeyDown={onKeyDown}>
      <ProblemIcon severity={g.severity} />
      <div className="problem__body">
        <ProblemMessage severity={g.severity} message={g.message} />
        {g.fix !== undefined && <p className="problem__fix">{g.fix}</p>}
        <details className="problem__rule" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} onClick={stop} onKeyDown={stop}>
          <summary>
            {g.ruleId}: show the {g.count} findings
          </summary>
          {hasRuleDoc(g.ruleId) && (
            <button type="button" className="problem__docs" onClick={() => setDocsOpen(true)}>
              Read the rule's page
            </button>
          )}
          {/* Rendered only when open: a folded group of 300 findings must not cost 300 items while closed. */}
          {open && (
            <ul className="problems__list problems__list--nested">
              {g.findings.map((f, i) => (
                <FindingItem key={`${i}:${f.nodeIds.join(',')}`} finding={f} analyzer={analyzer} onActivate={onActivate} onFix={onFix} />
              ))}
            </ul>
          )}
        </details>
        {docsOpen && (
          <div onClick={stop} onKeyDown={stop}>
            <RuleDocsDialog ruleId={g.ruleId} onClose={() => setDocsOpen(false)} />
          </div>
        )}
      </div>
    </li>
  );
}

export const FindingGroupItem = memo(FindingGroupItemImpl);
