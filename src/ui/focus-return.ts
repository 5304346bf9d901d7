/**
 * Where keyboard focus goes when a dialog closes (the WAI-ARIA dialog pattern): back to the element that opened
 * it; if that is gone, hidden, disabled or was never focused (a dialog that opened by itself), to the canvas, so
 * the next key acts on the design instead of the page body. One place for every dialog: the shared Modal, the
 * <dialog> Overlay (removed from the page before it closes, so the browser's own restore never runs) and the
 * small report dialogs.
 */
import { useEffect, useState, type RefObject } from 'react';

/** Chosen at close time: where focus goes instead of the opener (null: the opener). */
export type FocusRedirect = RefObject<(() => HTMLElement | null) | null>;

/** Marks the element that takes focus when nothing better is left: the canvas region (data-focus-home in Canvas.tsx). */
export const FOCUS_HOME_ATTRIBUTE = 'data-focus-home';

function focusedElement(): HTMLElement | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

/** The canvas, or the found node on it when it is rendered (React Flow renders only what is in view). */
export function canvasFocusTarget(nodeId?: string): HTMLElement | null {
  const home = document.querySelector<HTMLElement>(`[${FOCUS_HOME_ATTRIBUTE}]`);
  const nodes = nodeId === undefined || !home ? [] : [...home.querySelectorAll<HTMLElement>('.react-flow__node')];
  return nodes.find((n) => n.dataset['id'] === nodeId) ?? home;
}

/**
 * Focus `target`, else the canvas, but only if focus was lost (it is on the body): a dialog whose own action
 * moved focus somewhere on purpose keeps that.
 */
export function restoreFocus(target: HTMLElement | null): void {
  if (!focusedElement()) moveFocus(target);
}

/**
 * Focus `target`, else the canvas. The browser refuses focus to what is removed, hidden, disabled or inert, so
 * trying and checking covers all of those.
 */
export function moveFocus(target: HTMLElement | null): void {
  for (const el of [target, canvasFocusTarget()]) {
    if (!el?.isConnected) continue;
    el.focus();
    if (document.activeElement === el) return;
  }
}

/**
 * For a dialog component: remembers what had focus when it first rendered (before anything inside took it) and
 * gives focus back there when it unmounts, or to what `redirect` names by then (Find: the node it jumped to).
 */
export function useReturnFocus(redirect?: FocusRedirect): void {
  const [opener] = useState(focusedElement);
  useEffect(() => () => restoreFocus(redirect?.current ? redirect.current() : opener), [opener, redirect]);
}
