/**
 * Undo history over documents. Documents are immutable, so a snapshot is just a reference: structural sharing
 * keeps 500 entries cheap. Every store action declares one of three modes (ARCHITECTURE.md convention 3):
 *
 * - record:    one entry per call (optionally merged with the previous call of the same `coalesceKey` within
 *              COALESCE_MS, so typing "Verify insurance" in a field is one entry, not sixteen);
 * - ignore:    the document changes without an entry (loading a design);
 * - transient: a gesture (a drag) marks its start, changes the document freely, and becomes ONE entry at its
 *              end; a cancelled gesture restores the start and leaves no entry at all.
 *
 * Selection and viewport are not documents and never reach this file.
 */
export const HISTORY_DEPTH = 500;
const COALESCE_MS = 1000;

export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
  /** The document as it was when the running transient gesture began. */
  readonly gestureStart: T | null;
  readonly lastKey: string | null;
  readonly lastAt: number;
}

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], gestureStart: null, lastKey: null, lastAt: 0 };
}

/**
 * Record that `previous` was replaced. Returns the new history.
 * @example record(emptyHistory(), docA, { now: 0 }).past // [docA]
 */
export function record<T>(h: History<T>, previous: T, opts: { coalesceKey?: string; now: number }): History<T> {
  const key = opts.coalesceKey ?? null;
  if (key !== null && key === h.lastKey && opts.now - h.lastAt < COALESCE_MS && h.past.length > 0) {
    // Same field edited again a moment later: the entry already recorded holds the state before the first edit.
    return { ...h, future: [], lastAt: opts.now };
  }
  const past = h.past.length >= HISTORY_DEPTH ? [...h.past.slice(h.past.length - HISTORY_DEPTH + 1), previous] : [...h.past, previous];
  return { past, future: [], gestureStart: h.gestureStart, lastKey: key, lastAt: opts.now };
}

/** Step back: returns the document to show and the new history, or null when there is nothing to undo. */
export function undo<T>(h: History<T>, current: T): { doc: T; history: History<T> } | null {
  const doc = h.past[h.past.length - 1];
  if (doc === undefined) return null;
  return { doc, history: { past: h.past.slice(0, -1), future: [current, ...h.future], gestureStart: null, lastKey: null, lastAt: 0 } };
}

export function redo<T>(h: History<T>, current: T): { doc: T; history: History<T> } | null {
  const doc = h.future[0];
  if (doc === undefined) return null;
  return { doc, history: { past: [...h.past, current], future: h.future.slice(1), gestureStart: null, lastKey: null, lastAt: 0 } };
}
