/**
 * An edge, with its condition / probability / default shown as a label; failure ports draw dashed. A router's
 * branch label is edited in place on double-click (or Enter when focused): the text is parsed into structured
 * routing, and a text that does not parse shows why and changes nothing.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { FAILURE_PORTS } from '../../domain/index.ts';
import { nodeKindOf } from '../../store/selectors.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { formatEdgeRouting, parseEdgeRouting, withRouting } from './edge-routing-text.ts';
import { edgeCaption, type FlowEdge } from './flow-adapter.ts';
import { InlineEditor } from './InlineEditor.tsx';

function WorkflowEdgeViewImpl(props: EdgeProps<FlowEdge>) {
  const { id, source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const store = useEditorStoreApi();
  const fromRouter = useEditorStore((s) => nodeKindOf(s, source) === 'router');
  const [editing, setEditing] = useState(false);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const edge = data?.edge;
  const caption = edge ? edgeCaption(edge) : '';
  const failure = edge ? FAILURE_PORTS.includes(edge.sourcePort) : false;
  const editable = fromRouter && edge !== undefined;

  const commit = (text: string): boolean => {
    if (!edge) return true;
    const parsed = parseEdgeRouting(text);
    if (!parsed.ok) {
      store.getState().showMessage(parsed.message, 'error');
      return false;
    }
    // withRouting builds a new object even when nothing changed; compare text to keep history clean.
    if (formatEdgeRouting(parsed.routing) !== formatEdgeRouting(edge)) store.getState().updateEdge(edge.id, (e) => withRouting(e, parsed.routing));
    setEditing(false);
    return true;
  };

  let label: React.ReactNode = null;
  if (editing && edge) {
    label = <InlineEditor initial={formatEdgeRouting(edge)} label="Branch condition" placeholder="confidence < 0.8 · 30% · default" className="wf-edge-editor" onCommit={commit} onCancel={() => setEditing(false)} />;
  } else if (editable) {
    label = (
      <div
        className={`wf-edge-label wf-edge-label--editable${caption ? '' : ' wf-edge-label--empty'}`}
        role="button"
        tabIndex={0}
        aria-label={`Branch ${caption || 'without a condition'}: double-click or press Enter to edit`}
        title="Double-click to edit: a condition (confidence < 0.8), a share (30%) or default"
        onDoubleClick={(e) => {
          e.stopPropagation();
          setEditing(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            setEditing(true);
          }
        }}
      >
        {caption || '+ condition'}
      </div>
    );
  } else if (caption) {
    label = <div className="wf-edge-label">{caption}</div>;
  }

  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`wf-edge${failure ? ' wf-edge--failure' : ''}${selected ? ' is-selected' : ''}`} />
      {label && (
        <EdgeLabelRenderer>
          <div className="wf-edge-label-pos nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const WorkflowEdgeView = memo(WorkflowEdgeViewImpl);
