import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type AutosaveStatus, type WriteOutcome } from '../../src/persistence/autosave.ts';
import { STORAGE_MESSAGES } from '../../src/persistence/storage-errors.ts';

/** A save function the test controls: every call waits until the test resolves or rejects it. */
function controlledSave() {
  const calls: { doc: string; resolve: (o: WriteOutcome) => void; reject: (e: unknown) => void }[] = [];
  let active = 0;
  let maxActive = 0;
  const save = (doc: string) =>
    new Promise<WriteOutcome>((resolve, reject) => {
      active++;
      maxActive = Math.max(maxActive, active);
      const done = <T>(f: (v: T) => void) => (v: T) => {
        active--;
        f(v);
      };
      calls.push({ doc, resolve: done(resolve), reject: done(reject) });
    });
  return { save, calls, maxActive: () => maxActive };
}

const quotaError = () => Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createAutosave', () => {
  it('coalesces a burst of edits into one write of the last document, 300 ms after the last edit', async () => {
    const { save, calls } = controlledSave();
    const statuses: AutosaveStatus['state'][] = [];
    const a = createAutosave({ save, onStatus: (s) => statuses.push(s.state) });
    a.schedule('v1');
    await vi.advanceTimersByTimeAsync(200);
    a.schedule('v2');
    await vi.advanceTimersByTimeAsync(200);
    a.schedule('v3');
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toHaveLength(0);
    expect(a.hasUnsavedChanges()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.doc)).toEqual(['v3']);
    calls[0]?.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(a.status().state).toBe('saved');
    expect(a.hasUnsavedChanges()).toBe(false);
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'saving', 'saved']);
  });

  it('writes at most maxWaitMs after the first edit when edits never pause', async () => {
    const { save, calls } = controlledSave();
    const a = createAutosave({ save, debounceMs: 300, maxWaitMs: 1000 });
    for (let t = 0; t < 1000; t += 100) {
      a.schedule(`v${t}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(calls.map((c) => c.doc)).toEqual(['v900']);
  });

  it('never runs two writes at once: edits during a write are written after it, newest only', async () => {
    const { save, calls, maxActive } = controlledSave();
    const a = createAutosave({ save, debounceMs: 300 });
    a.schedule('v1');
    await vi.advanceTimersByTimeAsync(300);
    a.schedule('v2');
    a.schedule('v3');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls.map((c) => c.doc)).toEqual(['v1']);
    expect(a.pendingDocument()).toBe('v3');
    calls[0]?.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.doc)).toEqual(['v1', 'v3']);
    calls[1]?.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(maxActive()).toBe(1);
    expect(a.status().state).toBe('saved');
  });

  it('flush() writes at once and resolves after storage answered', async () => {
    const { save, calls } = controlledSave();
    const a = createAutosave({ save });
    a.schedule('v1');
    let flushed = false;
    const f = a.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.doc)).toEqual(['v1']);
    expect(flushed).toBe(false);
    calls[0]?.resolve({ ok: true });
    await f;
    expect(a.status().state).toBe('saved');
    // Nothing pending: flush writes nothing.
    await a.flush();
    expect(calls).toHaveLength(1);
  });

  it('after a failure shows why, keeps the document, and retries with backoff until it is stored', async () => {
    const { save, calls } = controlledSave();
    const a = createAutosave({ save, retryMs: 1000, maxRetryMs: 4000 });
    a.schedule('v1');
    await vi.advanceTimersByTimeAsync(300);
    calls[0]?.reject(quotaError());
    await vi.advanceTimersByTimeAsync(0);
    expect(a.status()).toEqual({ state: 'error', reason: STORAGE_MESSAGES.quota, retryInMs: 1000 });
    expect(a.pendingDocument()).toBe('v1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((c) => c.doc)).toEqual(['v1', 'v1']);
    calls[1]?.reject(new Error('boom'));
    await vi.advanceTimersByTimeAsync(0);
    expect(a.status()).toMatchObject({ state: 'error', retryInMs: 2000, reason: STORAGE_MESSAGES.unknown });
    // A newer edit while failing: the error stays visible, and the retry writes the newer document.
    a.schedule('v2');
    expect(a.status().state).toBe('error');
    await vi.advanceTimersByTimeAsync(300);
    expect(calls.map((c) => c.doc)).toEqual(['v1', 'v1', 'v2']);
    calls[2]?.resolve({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(a.status().state).toBe('saved');
    expect(a.hasUnsavedChanges()).toBe(false);
  });

  it('does not drop an edit made while a failing write was in flight', async () => {
    const { save, calls } = controlledSave();
    const a = createAutosave({ save, retryMs: 1000 });
    a.schedule('v1');
    await vi.advanceTimersByTimeAsync(300);
    a.schedule('v2');
    calls[0]?.reject(quotaError());
    await vi.advanceTimersByTimeAsync(0);
    expect(a.pendingDocument()).toBe('v2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.at(-1)?.doc).toBe('v2');
  });

  it('halts on a conflict with the document kept, until discardPending() or resume()', async () => {
    const { save, calls } = controlledSave();
    const a = createAutosave({ save });
    a.schedule('mine');
    await vi.advanceTimersByTimeAsync(300);
    calls[0]?.resolve({ ok: false, reason: 'conflict' });
    await vi.advanceTimersByTimeAsync(0);
    expect(a.status().state).toBe('conflict');
    expect(a.pendingDocument()).toBe('mine');
    a.schedule('mine, edited further');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(a.pendingDocument()).toBe('mine, edited further');
    a.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.doc)).toEqual(['mine', 'mine, edited further']);
    calls[1]?.resolve({ ok: false, reason: 'conflict' });
    await vi.advanceTimersByTimeAsync(0);
    a.discardPending();
    expect(a.status().state).toBe('saved');
    expect(a.hasUnsavedChanges()).toBe(false);
  });

  it('ignores edits after dispose()', async () => {
    const { save, calls } = controlledSave();
    const a = createAutosave({ save });
    a.dispose();
    a.schedule('late');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(0);
  });
});
