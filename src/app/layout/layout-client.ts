/** The page's side of the layout worker: one worker, created on first use, requests matched by id. */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Position, Workflow } from '../../domain/index.ts';
import { positionsFromElk, toElkGraph } from './elk-graph.ts';
import type { LayoutRequest, LayoutResponse } from './elk-worker.ts';

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
  w.onerror = (event) => {
    // A crashed worker fails every waiting request; the next request starts a fresh worker.
    for (const p of pending.values()) p.reject(new Error(event.message || 'the layout worker failed'));
    pending.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

export function layoutInWorker(doc: Workflow): Promise<Map<string, Position>> {
  const requestId = ++seq;
  const request: LayoutRequest = { requestId, graph: toElkGraph(doc) };
  return new Promise<ElkNode>((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    getWorker().postMessage(request);
  }).then((graph) => positionsFromElk(doc, graph));
}
