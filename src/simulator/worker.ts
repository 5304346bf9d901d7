/**
 * The simulation Web Worker: a thin shell over protocol.ts. Started by client.ts with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 */
// First, before protocol.ts builds its schemas: the same no-eval zod as the page (docs/architecture.md,
// "Content Security Policy").
import '../domain/zod-jitless.ts';
import { createWorkerHandler } from './protocol.ts';

/** The parts of DedicatedWorkerGlobalScope used here (the project's lib settings type `self` as a Window). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createWorkerHandler((msg, transfer) => scope.postMessage(msg, transfer));
scope.onmessage = (event) => {
  // The handler answers every message itself, failures included (an 'error' message to the page).
  void handle(event.data);
};
