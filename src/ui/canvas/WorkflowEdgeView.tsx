/** An edge, with its condition / probability / default shown as a label; failure ports draw dashed. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { FAILURE_PORTS } from '../../domain/index.ts';
import { edgeCaption, type FlowEdge } from './flow-adapter.ts';

function WorkflowEdgeViewImpl(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const edge = data?.edge;
  const caption = edge ? edgeCaption(edge) : '';
  const failure = edge ? FAILURE_PORTS.includes(edge.sourcePort) : false;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`wf-edge${failure ? ' wf-edge--failure' : ''}${selected ? ' is-selected' : ''}`} />
      {caption && (
        <EdgeLabelRenderer>
          <div className="wf-edge-label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {caption}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const WorkflowEdgeView = memo(WorkflowEdgeViewImpl);
