/**
 * A modal dialog shell: labelled, focus moved inside on open and given back on close (to the opener, else the canvas), Escape closes, Tab stays
 * inside. A div with role=dialog rather than <dialog>.showModal(), so it behaves the same under jsdom.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useReturnFocus } from '../focus-return.ts';

export function Modal({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Given back on close to the opener, or to the canvas when the opener is gone (focus-return.ts).
  useReturnFocus();
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button, input, [tabindex="0"]')?.focus();
  }, []);
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>('button:not([disabled]), input, select, [tabindex="0"]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="designs-modal__backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} className={`designs-modal ${className ?? ''}`} onKeyDown={onKeyDown}>
        <header className="designs-modal__head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
