/**
 * The page's side of batch simulation: a pool of Web Workers (one per core, up to navigator.hardwareConcurrency),
 * the compiled design sent to each once per run, replications split into contiguous ranges, results merged by
 * replication index. Because every replication has its own random streams, the report is the same whatever the
 * number of workers, and the same as `runBatch` in Node for the same seed.
 *
 * @example
 * const client = createSimulationClient();
 * const job = client.run(doc, scenario, { cases: 1000, replications: 20, seed: 42, onProgress: (p) => bar(p.fraction) });
 * const report = await job.result; // null when cancelled
 * job.cancel();
 */
import type { Scenario, Workflow } from '../domain/index.ts';
import type { ReplicationResult } from './engine.ts';
import { fromWorkerSchema, type ToWorker } from './protocol.ts';
import { buildReport, mergeReplications, prepareBatch, type SimulationReport } from './report.ts';

/** What the pool needs of a worker; a browser Worker, a Node worker_threads adapter or a test double. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  terminate(): void;
}

export interface Progress {
  /** Replications finished, over all workers. */
  readonly done: number;
  readonly total: number;
  readonly fraction: number;
  /** Estimated seconds left, from the pace so far; null before the first replication ends. */
  readonly secondsLeft: number | null;
}

export interface RunOptions {
  readonly cases: number;
  readonly replications: number;
  readonly seed: number;
  readonly visitLimit?: number;
  readonly onProgress?: (p: Progress) => void;
}

export interface SimulationJob {
  /** The report, or null when cancelled. Rejects when a worker reports an error. */
  readonly result: Promise<SimulationReport | null>;
  cancel(): void;
}

export interface SimulationClient {
  run(doc: Workflow, scenario: Scenario | undefined, opts: RunOptions): SimulationJob;
  /** Stop every worker. */
  dispose(): void;
}

function defaultWorker(): WorkerLike {
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return w as unknown as WorkerLike;
}

/**
 * Split [0, total) into at most `parts` contiguous, near-equal ranges (no empty ones).
 * @example splitRange(10, 3) // [[0, 4], [4, 7], [7, 10]]
 */
export function splitRange(total: number, parts: number): [number, number][] {
  const k = Math.max(1, Math.min(parts, total));
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(total / k) + (i < total % k ? 1 : 0);
    out.push([from, from + size]);
    from += size;
  }
  return out;
}

/**
 * @param o.workers pool size; default navigator.hardwareConcurrency (or 2 when unknown).
 * @param o.createWorker how to start a worker; default the module worker next to this file.
 * @param o.now clock in milliseconds for the time-left estimate.
 */
export function createSimulationClient(o: { workers?: number; createWorker?: () => WorkerLike; now?: () => number } = {}): SimulationClient {
  const size = Math.max(1, o.workers ?? (typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2));
  const create = o.createWorker ?? defaultWorker;
  const now = o.now ?? (() => Date.now());
  const pool: WorkerLike[] = [];
  let nextJob = 0;

  return {
    run(doc, scenario, opts) {
      const prepared = prepareBatch(doc, scenario);
      const ranges = splitRange(opts.replications, size);
      while (pool.length < ranges.length) pool.push(create());
      const jobId = `job${nextJob++}`;
      const started = now();
      const doneBy = new Array<number>(ranges.length).fill(0);
      const parts: ReplicationResult[][] = [];
      let settled = false;
      let cancel = (): void => {};
      const result = new Promise<SimulationReport | null>((resolve, reject) => {
        let finished = 0;
        const stop = (value: SimulationReport | null, error?: Error): void => {
          if (settled) return;
          settled = true;
          ranges.forEach((_, i) => {
            const w = pool[i];
            if (w) w.onmessage = null;
          });
          if (error) reject(error);
          else resolve(value);
        };
        cancel = () => {
          ranges.forEach((_, i) => pool[i]?.postMessage({ type: 'cancel', jobId }));
          stop(null);
        };
        ranges.forEach(([from, to], i) => {
          const w = pool[i];
          if (!w) return;
          w.onmessage = (event) => {
            const parsed = fromWorkerSchema.safeParse(event.data);
            if (!parsed.success) return stop(null, new Error(`unexpected message from a simulation worker: ${parsed.error.issues[0]?.message ?? ''}`));
            const msg = parsed.data;
            if (msg.jobId !== jobId) return;
            if (msg.type === 'error') return stop(null, new Error(msg.message));
            if (msg.type === 'cancelled') return stop(null);
            if (msg.type === 'progress') {
              doneBy[i] = msg.done;
              const done = doneBy.reduce((a, b) => a + b, 0);
              const elapsed = (now() - started) / 1000;
              opts.onProgress?.({ done, total: opts.replications, fraction: done / opts.replications, secondsLeft: done > 0 ? (elapsed / done) * (opts.replications - done) : null });
              return;
            }
            parts[i] = msg.replications;
            if (++finished === ranges.length) stop(buildReport(doc, scenario, prepared, mergeReplications(parts), opts.seed));
          };
          w.postMessage({ type: 'run', jobId, batch: prepared, seed: opts.seed, cases: opts.cases, from, to, ...(opts.visitLimit !== undefined ? { visitLimit: opts.visitLimit } : {}) });
        });
      });
      return { result, cancel: () => cancel() };
    },
    dispose() {
      for (const w of pool.splice(0)) w.terminate();
    },
  };
}
