/**
 * The page's side of the save worker (save-worker.ts): an OffThreadSave for the designs repository.
 *
 * Main-thread cost of a save through it: encoding (incremental, stored-document.ts) and one postMessage of the
 * text. Any failure in the worker (storage error, closed connection, the worker itself failing) resolves
 * `undefined` after nothing was written, and the repository writes on the page's connection as before: quota
 * errors, conflicts and versionchange keep their handling there. After the worker's connection closed or the
 * worker failed, every later save stays on the page.
 *
 * A page that is being left (pagehide) or hidden writes on its own connection too: the browser may stop a
 * dedicated worker with its document before the worker's transaction commits, while a request the page itself
 * issued is already on its way. The flushes on pagehide and visibilitychange therefore never go through here.
 */
import type { OffThreadSave } from './designs-repository.ts';
import type { EncodedDesign, SaveResult } from './save-transaction.ts';

export interface SaveRequest {
  readonly seq: number;
  readonly dbName: string;
  readonly id: string;
  readonly encoded: EncodedDesign;
  readonly expectedRevision: number;
  readonly now: number;
}

export type SaveReply = { readonly seq: number; readonly ok: true; readonly result: SaveResult } | { readonly seq: number; readonly ok: false; readonly closed: boolean };

/** What the client needs of a worker: a browser Worker or a test double. */
export interface SaveWorkerLike {
  postMessage(message: SaveRequest): void;
  onmessage: ((e: MessageEvent<SaveReply>) => void) | null;
  onerror: ((e: unknown) => void) | null;
  terminate(): void;
}

function createSaveWorker(): SaveWorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./save-worker.ts', import.meta.url), { type: 'module', name: 'baton-save' }) as unknown as SaveWorkerLike;
  } catch {
    return undefined;
  }
}

/** What tells the client the page is going away; the page's globals by default. */
export interface PageLifecycle {
  /** True while the page is hidden or being left: saves then stay on the page. */
  leaving(): boolean;
  dispose(): void;
}

function pageLifecycle(): PageLifecycle {
  if (typeof window === 'undefined' || typeof document === 'undefined') return { leaving: () => false, dispose: () => undefined };
  // pagehide fires while visibilityState is still 'visible' (the spec hides the document after it).
  let left = false;
  const onHide = (): void => {
    left = true;
  };
  const onShow = (): void => {
    left = false;
  };
  // Capture, and registered when storage opens: before the app's own pagehide listener that flushes.
  window.addEventListener('pagehide', onHide, true);
  window.addEventListener('pageshow', onShow, true);
  return {
    leaving: () => left || document.visibilityState === 'hidden',
    dispose() {
      window.removeEventListener('pagehide', onHide, true);
      window.removeEventListener('pageshow', onShow, true);
    },
  };
}

export interface OffThreadSaver {
  readonly save: OffThreadSave;
  /** Stop the worker (persistence closed). */
  close(): void;
}

/**
 * @example const saver = createOffThreadSave('baton'); createDesignsRepository(backend, { offThreadSave: saver.save });
 */
export function createOffThreadSave(
  dbName: string,
  makeWorker: () => SaveWorkerLike | undefined = createSaveWorker,
  page: PageLifecycle = pageLifecycle(),
): OffThreadSaver {
  let worker: SaveWorkerLike | undefined;
  let broken = false;
  let seq = 0;
  const waiting = new Map<number, (result: SaveResult | undefined) => void>();

  function giveUp(): void {
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  }

  function started(): SaveWorkerLike | undefined {
    if (broken) return undefined;
    if (!worker) {
      worker = makeWorker();
      if (!worker) {
        broken = true;
        return undefined;
      }
      worker.onmessage = (e) => {
        const reply = e.data;
        const resolve = waiting.get(reply.seq);
        waiting.delete(reply.seq);
        if (reply.ok) resolve?.(reply.result);
        else {
          resolve?.(undefined);
          if (reply.closed) giveUp();
        }
      };
      worker.onerror = () => giveUp();
    }
    return worker;
  }

  const save: OffThreadSave = (id, encoded, expectedRevision, now) => {
    const w = page.leaving() ? undefined : started();
    if (!w) return Promise.resolve(undefined);
    const n = ++seq;
    return new Promise((resolve) => {
      waiting.set(n, resolve);
      try {
        w.postMessage({ seq: n, dbName, id, encoded, expectedRevision, now });
      } catch {
        waiting.delete(n);
        resolve(undefined);
      }
    });
  };
  return {
    save,
    close() {
      giveUp();
      page.dispose();
    },
  };
}
