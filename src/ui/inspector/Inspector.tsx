/**
 * The inspector region: edits every field of the selected node or edge; with nothing selected, the workflow's
 * name, profile and scenarios; with several selected, offers to delete them.
 *
 * Each form is keyed by what it edits, so switching the selection never carries a half-typed draft from one
 * node's field into another's.
 */
import { selectDocIgnoringMoves, selectSelectionCount, selectSingleSelectedEdge, selectSingleSelectedNodeIgnoringMoves } from '../../store/selectors.ts';
import { useEffect } from 'react';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { lazyView } from '../lazy-view.tsx';
import './inspector.css';
import { WorkflowInspector } from './WorkflowInspector.tsx';

// The node and edge forms (policies, stubs, distributions, conditions) are not needed before something is
// selected: they load after the first paint (docs/architecture.md, "First load").
const NodeInspector = lazyView(() => import('./NodeInspector.tsx').then((m) => m.NodeInspector));
const EdgeInspector = lazyView(() => import('./EdgeInspector.tsx').then((m) => m.EdgeInspector));

/** Load the node and edge forms now (the app does it once the first paint is done; tests before they select). */
export function preloadInspectors(): Promise<void> {
  return Promise.all([NodeInspector.preload(), EdgeInspector.preload()]).then(() => undefined);
}

/** After the first paint, in the browser's idle time: by the first click on a node the form is usually there. */
const PRELOAD_AFTER_MS = 1500;

export function Inspector() {
  const store = useEditorStoreApi();
  // Nothing here shows a position: these stay the same objects while nodes move, so a drag (of any node,
  // the selected one included) does not re-render or re-validate the form.
  const node = useEditorStore(selectSingleSelectedNodeIgnoringMoves);
  const edge = useEditorStore(selectSingleSelectedEdge);
  const count = useEditorStore(selectSelectionCount);
  const doc = useEditorStore(selectDocIgnoringMoves);
  useEffect(() => {
    const t = setTimeout(() => {
      // A failed preload is not an error yet: the form tries again (and says so) when something is selected.
      preloadInspectors().catch(() => undefined);
    }, PRELOAD_AFTER_MS);
    return () => clearTimeout(t);
  }, []);

  let body: React.ReactNode;
  if (node) body = <NodeInspector key={node.id} node={node} />;
  else if (edge) body = <EdgeInspector key={edge.id} edge={edge} />;
  else if (count > 1) {
    body = (
      <div className="inspector-multi">
        <p>{count} items selected.</p>
        <button type="button" onClick={() => store.getState().removeSelection()}>
          Delete selected
        </button>
      </div>
    );
  } else body = <WorkflowInspector key={doc.id} doc={doc} />;
  return (
    <section className="inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      {body}
    </section>
  );
}
