/** A workflow node on the canvas: icon, kind, label, key facts, policy badges, and one handle per port. Double-click renames. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useEditorStoreApi } from '../editor-context.tsx';
import { InlineEditor } from './InlineEditor.tsx';
import { KIND_LABELS, outputPorts, hasInput } from '../../domain/index.ts';
import { INPUT_HANDLE, type FlowNode } from './flow-adapter.ts';
import { KIND_APPEARANCE } from './node-appearance.ts';
import { nodeFacts, policyBadges } from './node-facts.ts';
import { NodeSimOverlay } from '../simulation/NodeSimOverlay.tsx';
import { NodeIssueBadge } from '../problems/NodeIssueBadge.tsx';
import { addStepName } from './add-step.ts';
import { KindIcon } from './KindIcon.tsx';

function WorkflowNodeViewImpl({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  const ports = outputPorts(node.kind);
  const badges = policyBadges(node);
  const facts = nodeFacts(node);
  const store = useEditorStoreApi();
  const [renaming, setRenaming] = useState(false);
  const rename = (label: string): void => {
    setRenaming(false);
    const next = label.trim();
    // One rename = one undo entry, however many keys were typed.
    if (next !== node.label) store.getState().updateNode(node.id, (n) => ({ ...n, label: next }));
  };
  return (
    <div
      className={`wf-node wf-node--${node.kind}${ports.length > 1 ? ' wf-node--ports' : ''}${selected ? ' is-selected' : ''}`}
      style={{ ['--accent' as string]: KIND_APPEARANCE[node.kind].color }}
      data-node-id={node.id}
      onDoubleClick={() => setRenaming(true)}
    >
      <NodeSimOverlay nodeId={node.id} label={node.label} />
      {hasInput(node.kind) && <Handle type="target" position={Position.Left} id={INPUT_HANDLE} className="wf-handle wf-handle--in" />}
      <div className="wf-node__head">
        <span className="wf-node__icon">
          <KindIcon kind={node.kind} />
        </span>
        <span className="wf-node__kind">{KIND_LABELS[node.kind]}</span>
        <NodeIssueBadge nodeId={node.id} />
      </div>
      {renaming ? (
        <InlineEditor initial={node.label} label="Node name" className="wf-node__rename" onCommit={rename} onCancel={() => setRenaming(false)} />
      ) : (
        <div className="wf-node__label" title={node.label}>
          {node.label || <em>Unnamed</em>}
        </div>
      )}
      {facts && <div className="wf-node__facts">{facts}</div>}
      {badges.length > 0 && (
        <div className="wf-node__badges">
          {badges.map((b) => (
            <span key={b} className="wf-badge">
              {b}
            </span>
          ))}
        </div>
      )}
      {ports.map((port, i) => (
        <Handle
          key={port}
          type="source"
          position={Position.Right}
          id={port}
          className={`wf-handle wf-handle--out wf-handle--${port}`}
          style={{ top: `${((i + 1) / (ports.length + 1)) * 100}%` }}
          title={port}
          aria-label={`${port} port`}
        >
          {ports.length > 1 && <span className="wf-handle__label">{port}</span>}
        </Handle>
      ))}
      {selected &&
        ports.map((port, i) => (
          <button
            key={port}
            type="button"
            className="wf-add-step nodrag nopan"
            style={{ top: `${((i + 1) / (ports.length + 1)) * 100}%` }}
            aria-label={addStepName(node, port)}
            title={`${addStepName(node, port)}: pick a step; it is placed to the right, connected`}
            onClick={(e) => {
              e.stopPropagation();
              store.getState().setAddStepFrom({ nodeId: node.id, port });
            }}
          >
            +
          </button>
        ))}
    </div>
  );
}

export const WorkflowNodeView = memo(WorkflowNodeViewImpl);
