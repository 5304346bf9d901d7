/**
 * Global keyboard shortcuts and the system clipboard. The keys come from the command registry
 * (commands/commands.ts): a keydown is matched against each command's bindings and runs it when enabled. Never
 * while the person is typing in a field (unless the command says otherwise): Ctrl+Z there is the field's own
 * undo, Backspace deletes a character.
 *
 * The clipboard goes through copy/cut/paste EVENTS rather than navigator.clipboard: the events carry the data
 * synchronously and need no permission prompt. What is pasted is foreign text and is validated by
 * services.parseFragment before any of it reaches the document.
 */
import { useEffect } from 'react';
import { PASTE_OFFSET } from '../store/clipboard.ts';
import { useCommandContext } from './commands/command-context.tsx';
import { COMMANDS, isTypingTarget } from './commands/commands.ts';
import { matchesBinding, parseBinding, type KeyBinding } from './commands/keys.ts';

export { isTypingTarget };

/** The person selected text on the page (in a panel, a message): copy that, not nodes. */
function hasTextSelection(): boolean {
  const sel = window.getSelection();
  return !!sel && !sel.isCollapsed && sel.toString().length > 0;
}

/** Every keyboard binding of the registry, parsed once. */
const BINDINGS: readonly { command: (typeof COMMANDS)[number]; binding: KeyBinding }[] = COMMANDS.filter((c) => c.run && !c.viaClipboard).flatMap((command) =>
  (command.keys ?? []).map((k) => ({ command, binding: parseBinding(k) })),
);

export function useEditorShortcuts(): void {
  const ctx = useCommandContext();

  useEffect(() => {
    const { store, services } = ctx;
    const overlayOpen = (): boolean => {
      const { ui } = store.getState();
      return ui.findOpen || ui.helpOpen || ui.addStepFrom !== null;
    };

    const onKey = (e: KeyboardEvent): void => {
      // Overlays handle their own keys (they hold focus), Escape included.
      if (overlayOpen() || e.defaultPrevented) return;
      const typing = isTypingTarget(e.target);
      const hit = BINDINGS.find(({ command, binding }) => (!typing || command.whileTyping) && matchesBinding(binding, e));
      if (!hit) return;
      const { command } = hit;
      if (command.enabled && !command.enabled(store.getState())) return;
      // Escape stays the page's too (a menu or a field may close on it); everything else is ours alone. Capture
      // phase + stopPropagation: React Flow's node wrapper would otherwise move nodes on arrows as a separate
      // undo entry per press; ours coalesces a run of presses into one entry.
      if (command.id !== 'escape') {
        e.preventDefault();
        e.stopPropagation();
      }
      void command.run?.(ctx, e);
    };

    const writeSelection = (e: ClipboardEvent): boolean => {
      if (isTypingTarget(e.target) || hasTextSelection() || overlayOpen() || !e.clipboardData) return false;
      const fragment = store.getState().copySelection();
      if (!fragment) return false;
      e.clipboardData.setData('text/plain', services.exportJson(fragment));
      e.preventDefault();
      return true;
    };
    const onCopy = (e: ClipboardEvent): void => {
      if (writeSelection(e)) pasteRun = 0;
    };
    const onCut = (e: ClipboardEvent): void => {
      if (!writeSelection(e)) return;
      // A cut pastes back where it was cut from.
      pasteRun = -1;
      store.getState().removeSelection();
    };
    // Pasting the same copy again steps further out, so copies never hide under each other.
    let pasteRun = 0;
    const onPaste = (e: ClipboardEvent): void => {
      if (isTypingTarget(e.target) || overlayOpen() || !e.clipboardData) return;
      e.preventDefault();
      const text = e.clipboardData.getData('text/plain');
      // parseFragment never rejects: a refusal comes back as a message, shown below.
      void services.parseFragment(text).then((result) => {
        const s = store.getState();
        if (!result.ok) {
          s.showMessage(result.message, 'error');
          return;
        }
        pasteRun += 1;
        const d = PASTE_OFFSET * pasteRun;
        s.paste(result.fragment, { x: d, y: d });
      });
    };

    // Capture: see the arrow keys before React Flow's node handlers do.
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [ctx]);
}
