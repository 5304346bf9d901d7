/**
 * The page's side of batch simulation: a pool of Web Workers (one per core, up to navigator.hardwareConcurrency),
 * the compiled design sent to each once per wave, replications split into contiguous ranges. Each worker reduces
 * its replications to summaries (report.ts, `ReplicationSummary`), so what reaches the page is a few typed arrays
 * per replication, checked by shape only, and the page's merge (`buildReportFromSummaries`) costs
 * O(replications x nodes), not O(cases): no long task on the main thread however many cases run. Because every
 * replication has its own random streams, the report is the same whatever the number of workers, and the same as
 * `runBatch` in Node for the same seed.
 *
 * Under a stopping rule the pool runs waves: the first `replications` (at least 2), then one replication per
 * worker at a time, checking the rule on each prefix in replication order; the replications past the one where the
 * rule holds are dropped, so the report equals runBatch's with the same rule.
 *
 * @example
 * const client = createSimulationClient();
 * const job = client.run(doc, scenario, { cases: 1000, replications: 20, seed: 42, onProgress: (p) => bar(p.fraction) });
 * const report = await job.result; // null when cancelled
 * job.cancel();
 */
import type { Scenario, Workflow } from '../domain/index.ts';
import { fromWorkerSchema, type ToWorker } from './protocol.ts';
import {
  buildReportFromSummaries,
  firstWave,
  precise,
  prepareBatch,
  reportContext,
  resolveStopping,
  summaryKpi,
  type ReplicationSummary,
  type SimulationReport,
  type StoppingResult,
  type StoppingRule,
} from './report.ts';

/** What the pool needs of a worker; a browser Worker, a Node worker_threads adapter or a test double. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  terminate(): void;
}

export interface Progress {
  /** Replications finished, over all workers. */
  readonly done: number;
  /** The batch's replications; under a stopping rule, its cap (as runBatch reports it). */
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
  /** Add replications until the main KPI is precise enough (report.ts, StoppingRule); `replications` run first. */
  readonly stopping?: StoppingRule;
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
  /**
   * Run replications [from, to) over the pool: resolves with their summaries (in any order), or null when
   * cancelled. `onDone` gets the number finished so far in this wave.
   */
  const wave = (
    jobId: string,
    base: Omit<Extract<ToWorker, { type: 'run' }>, 'jobId' | 'from' | 'to'>,
    from: number,
    to: number,
    onDone: (doneInWave: number) => void,
    setCancel: (cancel: () => void) => void,
  ): Promise<ReplicationSummary[] | null> => {
    const ranges = splitRange(to - from, size).map(([a, b]): [number, number] => [from + a, from + b]);
    while (pool.length < ranges.length) pool.push(create());
    const doneBy = new Array<number>(ranges.length).fill(0);
    const parts: ReplicationSummary[][] = [];
    return new Promise((resolve, reject) => {
      let settled = false;
      let finished = 0;
      const stop = (value: ReplicationSummary[] | null, error?: Error): void => {
        if (settled) return;
        settled = true;
        ranges.forEach((_, i) => {
          const w = pool[i];
          if (w) w.onmessage = null;
        });
        if (error) reject(error);
        else resolve(value);
      };
      setCancel(() => {
        ranges.forEach((_, i) => pool[i]?.postMessage({ type: 'cancel', jobId }));
        stop(null);
      });
      ranges.forEach(([a, b], i) => {
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
            onDone(doneBy.reduce((x, y) => x + y, 0));
            return;
          }
          parts[i] = msg.summaries;
          if (++finished === ranges.length) stop(parts.flat());
        };
        w.postMessage({ ...base, type: 'run', jobId, from: a, to: b });
      });
    });
  };

  return {
    run(doc, scenario, opts) {
      const prepared = prepareBatch(doc, scenario);
      const base = {
        type: 'run' as const,
        batch: prepared,
        context: reportContext(doc, prepared),
        seed: opts.seed,
        cases: opts.cases,
        ...(opts.visitLimit !== undefined ? { visitLimit: opts.visitLimit } : {}),
      };
      const rule = opts.stopping ? resolveStopping(opts.stopping, scenario) : null;
      const total = rule ? rule.maxReplications : opts.replications;
      const started = now();
      const summaries: ReplicationSummary[] = [];
      let cancelled = false;
      let cancelWave = (): void => {};

      const runWave = async (from: number, to: number): Promise<ReplicationSummary[] | null> => {
        if (cancelled) return null;
        const got = await wave(
          `job${nextJob++}`,
          base,
          from,
          to,
          (inWave) => {
            const done = from + inWave;
            const elapsed = (now() - started) / 1000;
            opts.onProgress?.({ done, total, fraction: done / total, secondsLeft: done > 0 ? (elapsed / done) * (total - done) : null });
          },
          (c) => (cancelWave = c),
        );
        return got && !cancelled ? got.sort((a, b) => a.replication - b.replication) : null;
      };

      const result = (async (): Promise<SimulationReport | null> => {
        if (!rule) {
          const all = await runWave(0, opts.replications);
          return all ? buildReportFromSummaries(doc, scenario, prepared, all, opts.seed) : null;
        }
        const values: (number | null)[] = [];
        const first = await runWave(0, firstWave(opts.replications, rule.maxReplications));
        if (!first) return null;
        for (const s of first) {
          summaries.push(s);
          values.push(summaryKpi(s, rule.kpi));
        }
        let state = precise(values, rule.relativeHalfWidth);
        while (!state.met && summaries.length < rule.maxReplications) {
          const more = await runWave(summaries.length, Math.min(rule.maxReplications, summaries.length + size));
          if (!more) return null;
          // As runBatch: one replication at a time, the rule checked after each; later ones in the wave are dropped.
          for (const s of more) {
            summaries.push(s);
            values.push(summaryKpi(s, rule.kpi));
            state = precise(values, rule.relativeHalfWidth);
            if (state.met) break;
          }
        }
        const stopping: StoppingResult = { ...rule, halfWidth: state.halfWidth, met: state.met };
        return buildReportFromSummaries(doc, scenario, prepared, summaries, opts.seed, stopping);
      })();
      return {
        result,
        cancel: () => {
          cancelled = true;
          cancelWave();
        },
      };
    },
    dispose() {
      for (const w of pool.splice(0)) w.terminate();
    },
  };
}
