/**
 * The keys of a toolbar menu (WAI-ARIA menu button pattern): arrows move between the items and wrap, Home and
 * End go to the first and the last, Escape closes it (focus back on its button, which `close` does).
 * @example <div role="menu" onKeyDown={(e) => onMenuKeyDown(e, close)}>
 */
import type { KeyboardEvent } from 'react';

export function onMenuKeyDown(e: KeyboardEvent<HTMLElement>, close: () => void): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])')];
  const at = items.findIndex((b) => b === document.activeElement);
  const move = (to: number): void => items[(to + items.length) % items.length]?.focus();
  if (e.key === 'Escape') {
    e.stopPropagation();
    close();
  } else if (e.key === 'ArrowDown') {
    e.preventDefault();
    move(at + 1);
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    move(at < 0 ? -1 : at - 1);
  } else if (e.key === 'Home') {
    e.preventDefault();
    move(0);
  } else if (e.key === 'End') {
    e.preventDefault();
    move(items.length - 1);
  }
}
