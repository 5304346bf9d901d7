/**
 * Autosave: a framework-free controller between the editor and a save function.
 *
 * - Debounce (300 ms, as Excalidraw and tldraw do) so a burst of edits is ONE write; `maxWaitMs` bounds the delay
 *   when edits never pause.
 * - Never two writes at once: a write that becomes due while one is in flight waits for it, then writes the
 *   newest document only (the ones in between are superseded, not queued).
 * - A failed write keeps its document pending (unless a newer one arrived) and is retried with backoff; nothing
 *   the user did is dropped because the disk was full for a moment.
 * - A save that answers "conflict" (another tab saved first) halts autosave with the document still pending: only
 *   the user may decide between their version and the other tab's (design-session.ts).
 * - `flush()` writes now; the app calls it on visibilitychange (hidden) and pagehide.
 */
import { classifyStorageError } from './storage-errors.ts';

export type AutosaveStatus =
  | { readonly state: 'saved'; readonly at?: number }
  /** Changes wait for the debounce. */
  | { readonly state: 'pending' }
  | { readonly state: 'saving' }
  /** The last write failed; `reason` is for the person, the retry happens by itself. */
  | { readonly state: 'error'; readonly reason: string; readonly retryInMs: number }
  /** The save function refused to overwrite; writes stop until resume() or discardPending(). */
  | { readonly state: 'conflict' };

export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: 'conflict' };

export interface AutosaveOptions<D> {
  /** Writes one document. Throwing (rejecting) means a storage failure: retried later. */
  readonly save: (doc: D) => Promise<WriteOutcome>;
  readonly debounceMs?: number;
  /** Longest a pending document waits while edits keep coming. */
  readonly maxWaitMs?: number;
  /** First retry delay after a failure; doubles per consecutive failure up to maxRetryMs. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  readonly onStatus?: (status: AutosaveStatus) => void;
  /** Turns a thrown error into the status line's sentence. */
  readonly describeError?: (error: unknown) => string;
  readonly now?: () => number;
}

export interface Autosave<D> {
  /** The editor's document changed: save it soon. */
  schedule(doc: D): void;
  /** Write the pending document now (waiting for a write in flight); resolves when storage has answered. */
  flush(): Promise<void>;
  status(): AutosaveStatus;
  /** A document not yet acknowledged by storage exists (pending, failed, halted or being written). */
  hasUnsavedChanges(): boolean;
  /** The newest document not yet saved, if any (for "keep mine as a copy"). */
  pendingDocument(): D | undefined;
  /** Forget the pending document (for "load theirs") and leave the conflict state. */
  discardPending(): void;
  /** Leave the conflict state and save the pending document (after the save target changed). */
  resume(): void;
  /** Stop timers; later schedule() calls are ignored. Call flush() first to keep the pending document. */
  dispose(): void;
}

export function createAutosave<D>(options: AutosaveOptions<D>): Autosave<D> {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const retryMs = options.retryMs ?? 2000;
  const maxRetryMs = options.maxRetryMs ?? 60_000;
  const describe = options.describeError ?? ((e: unknown) => classifyStorageError(e).message);
  const now = options.now ?? Date.now;

  // `pending` holds a document only when `hasPending`: D itself may legitimately be undefined-like.
  let pending: { doc: D } | undefined;
  let inFlight: { doc: D; done: Promise<void> } | undefined;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let halted = false;
  let disposed = false;
  let current: AutosaveStatus = { state: 'saved' };

  const setStatus = (s: AutosaveStatus): void => {
    current = s;
    options.onStatus?.(s);
  };

  const clearTimers = (): void => {
    clearTimeout(debounceTimer);
    clearTimeout(maxWaitTimer);
    clearTimeout(retryTimer);
    debounceTimer = maxWaitTimer = retryTimer = undefined;
  };

  const fire = (): void => {
    // write() never rejects: a failed save becomes the 'error' status (shown to the user) and a retry timer.
    void write();
  };

  async function write(): Promise<void> {
    clearTimers();
    while (inFlight) await inFlight.done;
    if (!pending || halted || disposed) return;
    const doc = pending.doc;
    pending = undefined;
    setStatus({ state: 'saving' });
    const done = (async () => {
      try {
        const outcome = await options.save(doc);
        if (outcome.ok) {
          failures = 0;
          setStatus(pending ? { state: 'pending' } : { state: 'saved', at: now() });
        } else {
          halted = true;
          clearTimers();
          // A newer document supersedes the refused one; otherwise the refused one is what must not be lost.
          pending ??= { doc };
          setStatus({ state: 'conflict' });
        }
      } catch (error) {
        pending ??= { doc };
        failures++;
        const delay = Math.min(retryMs * 2 ** (failures - 1), maxRetryMs);
        setStatus({ state: 'error', reason: describe(error), retryInMs: delay });
        if (!disposed && !halted) {
          clearTimers();
          retryTimer = setTimeout(fire, delay);
        }
      }
    })();
    inFlight = { doc, done };
    try {
      await done;
    } finally {
      inFlight = undefined;
    }
  }

  return {
    schedule(doc) {
      if (disposed) return;
      pending = { doc };
      if (halted) return;
      // After a failure the error stays visible until a write succeeds: the work is still not stored.
      if (current.state !== 'error' && current.state !== 'saving') setStatus({ state: 'pending' });
      clearTimeout(debounceTimer);
      debounceTimer = setTimeout(fire, debounceMs);
      maxWaitTimer ??= setTimeout(fire, maxWaitMs);
    },
    flush: () => write(),
    status: () => current,
    hasUnsavedChanges: () => pending !== undefined || inFlight !== undefined,
    pendingDocument: () => pending?.doc ?? inFlight?.doc,
    discardPending() {
      pending = undefined;
      halted = false;
      failures = 0;
      clearTimers();
      if (!inFlight) setStatus({ state: 'saved', at: now() });
    },
    resume() {
      if (!halted) return;
      halted = false;
      if (pending) fire();
      else setStatus({ state: 'saved', at: now() });
    },
    dispose() {
      disposed = true;
      clearTimers();
    },
  };
}
