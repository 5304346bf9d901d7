/** A sticky note. Its text is shown as plain text here; rendered markdown (sanitized) comes with the notes feature. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode } from './flow-adapter.ts';

function NoteNodeViewImpl({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  if (node.kind !== 'note') return null;
  return (
    <div className={`wf-note${selected ? ' is-selected' : ''}`} data-node-id={node.id}>
      {node.config.text}
    </div>
  );
}

export const NoteNodeView = memo(NoteNodeViewImpl);
