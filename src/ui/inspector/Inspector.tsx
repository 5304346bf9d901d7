/**
 * The inspector region: edits every field of the selected node or edge; with nothing selected, the workflow's
 * name, profile and scenarios; with several selected, offers to delete them.
 *
 * Each form is keyed by what it edits, so switching the selection never carries a half-typed draft from one
 * node's field into another's.
 */
import { selectDocIgnoringMoves, selectSelectionCount, selectSingleSelectedEdge, selectSingleSelectedNodeIgnoringMoves } from '../../store/selectors.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { EdgeInspector } from './EdgeInspector.tsx';
import './inspector.css';
import { NodeInspector } from './NodeInspector.tsx';
import { WorkflowInspector } from './WorkflowInspector.tsx';

export function Inspector() {
  const store = useEditorStoreApi();
  // Nothing here shows a position: these stay the same objects while nodes move, so a drag (of any node,
  // the selected one included) does not re-render or re-validate the form.
  const node = useEditorStore(selectSingleSelectedNodeIgnoringMoves);
  const edge = useEditorStore(selectSingleSelectedEdge);
  const count = useEditorStore(selectSelectionCount);
  const doc = useEditorStore(selectDocIgnoringMoves);

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
