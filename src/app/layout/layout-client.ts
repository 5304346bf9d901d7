/** The page's side of the layout worker: one worker, created on first use, requests matched by id. */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Position, Workflow } from '../../domain/index.ts';
import { positionsFromElk, toElkGraph } from './elk-graph.ts';
import type { LayoutRequest, LayoutResponse } from './elk-worker.ts';

/** A layout that takes longer than this has hung (ELK lays out 1,000 nodes in about a second): give up and say so. */
export const LAYOUT_TIMEOUT_MS = 20_000;

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve: (g: ElkNode) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./elk-worker.ts', import.meta.url), { type: 'module', name: 'baton-layout' });
  w.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const r = event.data;
    const p = pending.get(r.requestId);
    if (!p) return;
    pending.delete(r.requestId);
    if (r.ok) p.resolve(r.graph);
    else p.reject(new Error(r.error));
  };
  w.onerror = (event) => failAll(w, event.message || 'the layout worker failed');
  worker = w;
  return w;
}

/** A crashed or hung worker fails every waiting request; the next request starts a fresh worker. */
function failAll(w: Worker, message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
  w.terminate();
  if (worker === w) worker = null;
}

export function layoutInWorker(doc: Workflow): Promise<Map<string, Position>> {
  const requestId = ++seq;
  const request: LayoutRequest = { requestId, graph: toElkGraph(doc) };
  return new Promise<ElkNode>((resolve, reject) => {
    const w = getWorker();
    const timer = setTimeout(() => failAll(w, `no answer within ${LAYOUT_TIMEOUT_MS / 1000} s`), LAYOUT_TIMEOUT_MS);
    pending.set(requestId, {
      resolve: (g) => {
        clearTimeout(timer);
        resolve(g);
      },
      reject: (e) => {
        clearTimeout(timer);
        reject(e);
      },
    });
    w.postMessage(request);
  }).then((graph) => positionsFromElk(doc, graph));
}
