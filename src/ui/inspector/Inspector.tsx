/**
 * The inspector region: edits every field of the selected node or edge; with nothing selected, the workflow's
 * name, profile and scenarios; with several selected, offers to delete them.
 *
 * Each form is keyed by what it edits, so switching the selection never carries a half-typed draft from one
 * node's field into another's.
 */
import { selectDoc, selectSelection, selectSingleSelectedEdge, selectSingleSelectedNode } from '../../store/selectors.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { EdgeInspector } from './EdgeInspector.tsx';
import './inspector.css';
import { NodeInspector } from './NodeInspector.tsx';
import { WorkflowInspector } from './WorkflowInspector.tsx';

export function Inspector() {
  const store = useEditorStoreApi();
  const node = useEditorStore(selectSingleSelectedNode);
  const edge = useEditorStore(selectSingleSelectedEdge);
  const selection = useEditorStore(selectSelection);
  const doc = useEditorStore(selectDoc);
  const count = selection.nodeIds.size + selection.edgeIds.size;

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
