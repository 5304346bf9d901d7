/** A rule's documentation page (what it catches, why it matters, how to fix, its options and source), in a dialog. */
import { useEffect, useState } from 'react';
import { loadMarkdown } from '../overlays/use-markdown.ts';
import { Overlay } from '../overlays/Overlay.tsx';
import { loadRuleDoc } from './rule-docs.ts';

export function RuleDocsDialog({ ruleId, onClose }: { ruleId: string; onClose: () => void }) {
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.all([loadRuleDoc(ruleId), loadMarkdown()]).then(
      ([md, render]) => {
        // The page is our own markdown, but it goes through the same sanitizer as notes: one path for all HTML.
        if (live) setHtml(md === undefined ? '' : render(md));
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [ruleId]);
  return (
    <Overlay label={`Rule ${ruleId}`} className="rule-docs" onClose={onClose}>
      {failed ? <p role="alert">The rule's page could not be loaded. Check the connection and open it again.</p> : html === null ? <p className="muted">Loading…</p> : html === '' ? <p>This rule has no documentation page.</p> : <div className="rule-docs__body" dangerouslySetInnerHTML={{ __html: html }} />}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </Overlay>
  );
}
