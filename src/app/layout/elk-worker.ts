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

function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return elk;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { requestId, graph } = event.data;
  let response: LayoutResponse;
  try {
    response = { requestId, ok: true, graph: await (await loadElk()).layout(graph) };
  } catch (err) {
    response = { requestId, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(response);
};
