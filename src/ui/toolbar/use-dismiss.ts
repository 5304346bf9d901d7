/**
 * Close a popup when the pointer goes down outside it: the toolbar's menus all behave this way.
 * @example useDismissOnOutsidePointer(open, rootRef, () => setOpen(false))
 */
import { useEffect, type RefObject } from 'react';

export function useDismissOnOutsidePointer(open: boolean, root: RefObject<HTMLElement | null>, dismiss: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent): void => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) dismiss();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, root, dismiss]);
}
