/**
 * A modal overlay on the native <dialog>: focus is trapped and restored by the browser, Escape closes it
 * (the "cancel" event), and the page behind is inert for screen readers.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Overlay({ label, className, onClose, children }: { label: string; className?: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
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
