/**
 * A sticky note: its text rendered as sanitized markdown. Double-click edits the text in place; the edit is
 * committed once when editing ends, so one edit session is one undo entry.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useEditorStoreApi } from '../editor-context.tsx';
import { useMarkdownHtml } from '../overlays/use-markdown.ts';
import type { FlowNode } from './flow-adapter.ts';
import { InlineEditor } from './InlineEditor.tsx';

function NoteNodeViewImpl({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  const store = useEditorStoreApi();
  const [editing, setEditing] = useState(false);
  const text = node.kind === 'note' ? node.config.text : '';
  const html = useMarkdownHtml(text);
  if (node.kind !== 'note') return null;
  const commit = (next: string): void => {
    setEditing(false);
    if (next === text) return;
    store.getState().updateNode(node.id, (n) => (n.kind === 'note' ? { ...n, config: { ...n.config, text: next } } : n));
  };
  return (
    <div className={`wf-note${selected ? ' is-selected' : ''}`} data-node-id={node.id} onDoubleClick={() => setEditing(true)}>
      {editing ? (
        <InlineEditor initial={text} label="Note text" multiline className="wf-note__editor" onCommit={commit} onCancel={() => setEditing(false)} />
      ) : html === null ? (
        <div className="wf-note__body">{text}</div>
      ) : (
        // Safe: renderNoteMarkdown sanitizes against an allowlist (overlays/markdown.ts, tested).
        <div className="wf-note__body" dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </div>
  );
}

export const NoteNodeView = memo(NoteNodeViewImpl);
