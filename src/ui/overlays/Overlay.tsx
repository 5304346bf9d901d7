/**
 * A modal overlay on the native <dialog>: focus is trapped by the browser, Escape closes it (the "cancel"
 * event), and the page behind is inert for screen readers. Focus is given back by useReturnFocus, not by the
 * browser: React removes the dialog from the page before the effect below closes it, and a removed dialog
 * restores nothing. `focusOnClose` lets the content send it elsewhere (Find: to the found node).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useReturnFocus, type FocusRedirect } from '../focus-return.ts';

export function Overlay({
  label,
  className,
  onClose,
  children,
  focusOnClose,
}: {
  label: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
  focusOnClose?: FocusRedirect;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus(focusOnClose);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog overlay${className ? ` ${className}` : ''}`}
      aria-label={label}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === ref.current) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
