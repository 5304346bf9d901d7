/**
 * The layout worker: a thin shell that runs ELK off the main thread. elkjs's bundled build is loaded on the
 * first request (dynamic import), so the app pays for its ~1.5 MB only when someone presses "Auto layout".
 * The bundled build runs ELK in this thread (it would only spawn a worker if given a workerUrl).
 */
/// <reference lib="webworker" />
import type { ElkNode } from 'elkjs/lib/elk-api.js';

export interface LayoutRequest {
  readonly requestId: number;
  readonly graph: ElkNode;
}
export type LayoutResponse = { readonly requestId: number; readonly ok: true; readonly graph: ElkNode } | { readonly requestId: number; readonly ok: false; readonly error: string };

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<Elk> | null = null;

const scope = self as unknown as DedicatedWorkerGlobalScope;

function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => {
    // The bundled build believes it is ELK's own worker and assigns `self.onmessage` when it loads; left there,
    // it swallowed every request after the first (issue 11: auto layout worked once per page load). We listen
    // with addEventListener and clear what it installed.
    scope.onmessage = null;
    return new m.default();
  });
  return elk;
}

scope.addEventListener('message', (event: MessageEvent<LayoutRequest>) => void answer(event));

async function answer(event: MessageEvent<LayoutRequest>): Promise<void> {
  const { requestId, graph } = event.data;
  let response: LayoutResponse;
  try {
    response = { requestId, ok: true, graph: await (await loadElk()).layout(graph) };
  } catch (err) {
    response = { requestId, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(response);
}
