/**
 * The inspector region: edits the selected node or edge; with nothing selected, the workflow itself.
 * Each field commits on every keystroke with a coalescing key, so typing a label is one undo entry.
 */
import { KIND_LABELS } from '../../domain/index.ts';
import { selectDoc, selectSelection, selectSingleSelectedEdge, selectSingleSelectedNode } from '../../store/selectors.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';

export function Inspector() {
  const store = useEditorStoreApi();
  const node = useEditorStore(selectSingleSelectedNode);
  const edge = useEditorStore(selectSingleSelectedEdge);
  const selection = useEditorStore(selectSelection);
  const doc = useEditorStore(selectDoc);
  const count = selection.nodeIds.size + selection.edgeIds.size;

  let body: React.ReactNode;
  if (node) {
    body = (
      <>
        <p className="muted">
          {KIND_LABELS[node.kind]} <code>{node.id}</code>
        </p>
        <label className="field">
          <span>Label</span>
          <input value={node.label} onChange={(e) => store.getState().updateNode(node.id, (n) => ({ ...n, label: e.target.value }), { coalesceKey: `${node.id}.label` })} />
        </label>
        <label className="field">
          <span>Description</span>
          <textarea
            value={node.description ?? ''}
            onChange={(e) => store.getState().updateNode(node.id, (n) => ({ ...n, description: e.target.value || undefined }), { coalesceKey: `${node.id}.description` })}
          />
        </label>
      </>
    );
  } else if (edge) {
    body = (
      <p>
        Edge from <code>{edge.source}</code> ({edge.sourcePort}) to <code>{edge.target}</code>
      </p>
    );
  } else if (count > 1) {
    body = <p>{count} items selected.</p>;
  } else {
    body = (
      <>
        <p className="muted">Workflow</p>
        <label className="field">
          <span>Name</span>
          <input value={doc.name} onChange={(e) => store.getState().updateWorkflow((d) => ({ ...d, name: e.target.value }), { coalesceKey: 'workflow.name' })} />
        </label>
        <label className="field">
          <span>Description</span>
          <textarea
            value={doc.description ?? ''}
            onChange={(e) => store.getState().updateWorkflow((d) => ({ ...d, description: e.target.value || undefined }), { coalesceKey: 'workflow.description' })}
          />
        </label>
      </>
    );
  }
  return (
    <section className="inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      {body}
    </section>
  );
}
