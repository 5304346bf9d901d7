/**
 * A text field drawn in place of a label while it is edited (node name, note text, branch condition). The
 * caller commits ONCE when editing ends, so one edit session is one undo entry however long the typing.
 * Enter (Mod+Enter when multiline) or leaving the field commits; Escape cancels. A refused text keeps the
 * field open on Enter and is dropped on leaving it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface InlineEditorProps {
  readonly initial: string;
  readonly label: string;
  readonly multiline?: boolean;
  readonly className?: string;
  readonly placeholder?: string;
  /** Return false to keep the editor open (the text was refused and the caller said why). */
  onCommit(text: string): boolean | void;
  onCancel(): void;
}

export function InlineEditor({ initial, label, multiline = false, className, placeholder, onCommit, onCancel }: InlineEditorProps) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Blur after Escape or Enter must not commit a second time.
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = (): boolean => {
    if (done.current) return true;
    if (onCommit(text) === false) return false;
    done.current = true;
    return true;
  };
  const onBlur = (): void => {
    // Leaving a refused text closes the editor with nothing changed (the message already said why).
    if (!commit()) {
      done.current = true;
      onCancel();
    }
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    // Keys typed here belong to the field, not to the canvas (React Flow, the editor shortcuts).
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      done.current = true;
      onCancel();
    } else if (e.key === 'Enter' && (!multiline || e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      commit();
    }
  };
  const common = {
    ref,
    value: text,
    'aria-label': label,
    placeholder,
    className: `inline-editor nodrag nopan nowheel${className ? ` ${className}` : ''}`,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onKeyDown,
    onBlur,
    // A double-click inside the field selects a word; it must not reach the node and restart editing.
    onDoubleClick: (e: { stopPropagation(): void }) => e.stopPropagation(),
  };
  return multiline ? <textarea {...common} /> : <input type="text" {...common} />;
}
