/**
 * Global keyboard shortcuts and the system clipboard (listed for users in overlays/shortcuts.ts). Never while
 * the person is typing in a field: Ctrl+Z there is the field's own undo, Backspace deletes a character.
 *
 * The clipboard goes through copy/cut/paste EVENTS rather than navigator.clipboard: the events carry the data
 * synchronously and need no permission prompt. What is pasted is foreign text and is validated by
 * services.parseFragment before any of it reaches the document.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { PASTE_OFFSET } from '../store/clipboard.ts';
import { GRID } from './canvas/node-appearance.ts';
import { useEditorStoreApi } from './editor-context.tsx';
import { useEditorServices } from './services.tsx';

/** Shift+arrow moves this far; with snap to grid on, one grid step. */
export const NUDGE_LARGE = 10;

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** The person selected text on the page (in a panel, a message): copy that, not nodes. */
function hasTextSelection(): boolean {
  const sel = window.getSelection();
  return !!sel && !sel.isCollapsed && sel.toString().length > 0;
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function useEditorShortcuts(): void {
  const store = useEditorStoreApi();
  const services = useEditorServices();
  const { fitView } = useReactFlow();

  useEffect(() => {
    const overlayOpen = (): boolean => {
      const { ui } = store.getState();
      return ui.findOpen || ui.helpOpen;
    };

    const onKey = (e: KeyboardEvent): void => {
      const s = store.getState();
      if (e.key === 'Escape') {
        // Overlays handle their own Escape (they hold focus); this is the canvas's.
        if (overlayOpen()) return;
        if (s.history.gestureStart !== null) s.cancelGesture();
        else if (!isTypingTarget(e.target)) s.clearSelection();
        return;
      }
      if (isTypingTarget(e.target) || overlayOpen()) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const arrow = ARROWS[e.key];
      if (arrow && !mod && !e.altKey) {
        if (s.selection.nodeIds.size === 0) return;
        // Capture phase + stopPropagation: React Flow's node wrapper would otherwise move the nodes too, as a
        // separate undo entry per press. Ours coalesces a run of presses into one entry.
        e.preventDefault();
        e.stopPropagation();
        const step = e.shiftKey ? (s.ui.snapToGrid ? GRID : NUDGE_LARGE) : 1;
        s.nudgeSelection(arrow[0] * step, arrow[1] * step);
      } else if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        s.undo();
      } else if ((mod && key === 'z' && e.shiftKey) || (e.ctrlKey && key === 'y')) {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 'a') {
        e.preventDefault();
        s.selectAll();
      } else if (mod && key === 'd') {
        e.preventDefault(); // the browser would bookmark the page
        s.duplicateSelection();
      } else if (mod && key === 'k') {
        e.preventDefault();
        s.setFindOpen(true);
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault();
        s.removeSelection();
      } else if (!mod && e.key === '?') {
        e.preventDefault();
        s.setHelpOpen(true);
      } else if (!mod && e.shiftKey && e.code === 'Digit1') {
        e.preventDefault();
        // React Flow's viewport promise only says when the animation ends; nothing waits for it.
        void fitView({ duration: 200 });
      }
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
      const s = store.getState();
      const result = services.parseFragment(text);
      if (!result.ok) {
        s.showMessage(result.message, 'error');
        return;
      }
      pasteRun += 1;
      const d = PASTE_OFFSET * pasteRun;
      s.paste(result.fragment, { x: d, y: d });
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
  }, [store, services, fitView]);
}
