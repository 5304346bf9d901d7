/** A modal listing problems (import errors) with their JSON paths. Closes on Escape or the button; focus goes back. */
import { useEffect, useRef } from 'react';
import { useReturnFocus } from '../focus-return.ts';

export function ProblemListDialog({ title, intro, lines, onClose }: { title: string; intro: string; lines: readonly string[]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  // The browser restores focus after Escape, but not after the Close button: React removes the open dialog.
  useReturnFocus();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      <p>{intro}</p>
      <ul className="dialog__problems">
        {lines.map((l, i) => (
          <li key={i}>
            <code>{l}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
