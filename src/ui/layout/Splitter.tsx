/**
 * A WAI-ARIA window splitter (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/): a focusable
 * role="separator" whose value is the size in pixels of the pane it controls. Drag it, or focus it and press
 * the arrow keys (Shift for bigger steps), Home and End for the limits, Enter to collapse or restore the pane.
 *
 * Hand-written rather than react-resizable-panels: that library is ~16 KB gzip of first-load JavaScript (its v4
 * bundles grids and tabs), against a 250 KB budget; this is the pattern's whole behaviour in a screenful.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export const SPLITTER_STEP = 10;
export const SPLITTER_BIG_STEP = 50;

export interface SplitterProps {
  /** "vertical": a vertical bar between side-by-side panes (changes a width); "horizontal": changes a height. */
  readonly orientation: 'vertical' | 'horizontal';
  /** Accessible name, e.g. "Resize Inspector". */
  readonly label: string;
  /** Id of the pane whose size this is (aria-controls). */
  readonly controls: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /**
   * +1 when moving the splitter right/down grows the pane (the pane is before it), -1 when it shrinks it (the
   * pane is after it: the inspector to the right, the dock below).
   */
  readonly direction: 1 | -1;
  onChange(size: number): void;
  /** Enter: collapse the pane, or restore it. */
  onToggle?(): void;
}

const GROW_VERTICAL: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowLeft: -1 };
const GROW_HORIZONTAL: Readonly<Record<string, number>> = { ArrowDown: 1, ArrowUp: -1 };

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function Splitter({ orientation, label, controls, value, min, max, direction, onChange, onToggle }: SplitterProps) {
  const drag = useRef<{ start: number; size: number } | null>(null);
  const vertical = orientation === 'vertical';
  const set = (v: number): void => onChange(Math.round(clamp(v, min, Math.max(min, max))));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? SPLITTER_BIG_STEP : SPLITTER_STEP;
    const sign = (vertical ? GROW_VERTICAL : GROW_HORIZONTAL)[e.key];
    if (sign !== undefined) set(value + sign * direction * step);
    else if (e.key === 'Home') set(min);
    else if (e.key === 'End') set(max);
    else if (e.key === 'Enter' && onToggle) onToggle();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: vertical ? e.clientX : e.clientY, size: value };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (!d) return;
    set(d.size + ((vertical ? e.clientX : e.clientY) - d.start) * direction);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>): void => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-controls={controls}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={Math.max(min, Math.round(max))}
      aria-valuetext={`${Math.round(value)} pixels`}
      className={`splitter splitter--${orientation}`}
      title={`${label}: drag, or focus and use the arrow keys; Enter collapses`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onToggle}
    />
  );
}
