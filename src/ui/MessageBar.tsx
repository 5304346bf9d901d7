/** One line telling the user what just happened (a refused connection, an import). Errors are announced assertively. */
import { useEffect } from 'react';
import { selectMessage } from '../store/selectors.ts';
import { useEditorStore, useEditorStoreApi } from './editor-context.tsx';

const TIMEOUT_MS = 6000;

export function MessageBar() {
  const store = useEditorStoreApi();
  const message = useEditorStore(selectMessage);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => store.getState().dismissMessage(), message.tone === 'error' ? TIMEOUT_MS * 1.5 : TIMEOUT_MS);
    return () => clearTimeout(t);
  }, [message, store]);
  if (!message) return null;
  return (
    <div className={`message message--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
      <span>{message.text}</span>
      <button type="button" aria-label="Dismiss message" onClick={() => store.getState().dismissMessage()}>
        ×
      </button>
    </div>
  );
}
