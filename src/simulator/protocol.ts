/**
 * The messages between the page and simulation workers, validated with zod on arrival at either side, and the
 * worker's side of the conversation (`createWorkerHandler`), kept here so it runs in-process in tests and in Node
 * worker_threads exactly as in a browser worker.
 *
 * page -> worker: `run` (a prepared batch, sent whole once per job, and a range of replications), `cancel`.
 * worker -> page: `progress` after each replication, then `result` (one ReplicationSummary per replication: the
 * per-case arrays are reduced in the worker, and what is left travels as typed arrays, transferred, not copied),
 * or `cancelled`, or `error`.
 *
 * Validation walks shapes, never contents: a typed array is checked by its class and, where its length is fixed,
 * by its length (O(1)); its numbers are trusted, since only this module's handler produces them.
 */
import * as z from 'zod';
import type { CompiledGraph } from './compile.ts';
import type { CompiledAttributes, CompiledFaults } from './compile-scenario.ts';
import { CASE_OUTCOMES } from '../domain/semantics/index.ts';
import type { CaseResults, NodeStats, ReplicationResult } from './engine.ts';
import { ANY_REPORT_KPIS, HISTOGRAM_BINS, runReplications, summariseForReport, type PreparedBatch, type ReplicationSummary, type ReportContext } from './report.ts';

const f64 = z.instanceof(Float64Array);
const i32 = z.instanceof(Int32Array);
const u8 = z.instanceof(Uint8Array);
const i8 = z.instanceof(Int8Array);

const conditionShape = z.object({ field: z.string(), op: z.enum(['<', '<=', '>', '>=', '==', '!=']), value: z.union([z.number(), z.string(), z.boolean()]) });

/** Field -> schema for every member of CompiledGraph; `satisfies` keeps it in step with the interface. */
const graphShape = {
  nodeCount: z.number().int().min(0),
  nodeIds: z.array(z.string()),
  edgeIds: z.array(z.string()),
  kind: u8,
  trigger: z.number().int(),
  outStart: i32,
  edgeTarget: i32,
  edgePort: u8,
  edgeProb: f64,
  edgeWeight: f64,
  edgeDefault: u8,
  edgeCond: i32,
  conditions: z.array(conditionShape),
  edgeDocIndex: i32,
  distCode: i8,
  distParam: f64,
  outcomeCdf: f64,
  costPerCall: f64,
  priceIn: f64,
  priceOut: f64,
  retryAfter: f64,
  repeatProbability: f64,
  capability: i8,
  startToClose: f64,
  scheduleToClose: f64,
  retryStart: i32,
  retryErrors: i32,
  retryMaxAttempts: i32,
  retryInitialSeconds: f64,
  retryCoefficient: f64,
  retryMaxIntervalSeconds: f64,
  retryJitter: u8,
  retryHonorsRetryAfter: u8,
  catchStart: i32,
  catchErrors: i32,
  catchPort: i32,
  breakerWindow: i32,
  breakerMinimumCalls: i32,
  breakerFailureRate: f64,
  breakerOpenPeriod: f64,
  reviewers: i32,
  calendar: u8,
  sla: f64,
  costPerHour: f64,
  humanOutcome: f64,
  detection: f64,
  falseReject: f64,
  checkThreshold: f64,
  sampleRate: f64,
  onFail: u8,
  maxReasks: i32,
  mode: u8,
  routerFallback: i32,
  routerDraws: u8,
  joinTimeout: f64,
  delay: f64,
  batchSize: i32,
  loopBodyStart: i32,
  loopBody: i32,
} satisfies Record<keyof CompiledGraph, z.ZodType>;

const faultsShape = {
  start: i32,
  list: i32,
  error: i8,
  probability: f64,
  latencyMultiplier: f64,
  from: f64,
  until: f64,
  afterCalls: f64,
} satisfies Record<keyof CompiledFaults, z.ZodType>;

const attributesShape = {
  names: z.array(z.string()),
  code: i8,
  param: f64,
  rowStart: i32,
  rowCdf: f64,
  rowValue: z.array(z.union([z.number(), z.string(), z.boolean()])),
} satisfies Record<keyof CompiledAttributes, z.ZodType>;

export const preparedBatchSchema = z.object({
  graph: z.object(graphShape),
  faults: z.object(faultsShape),
  arrival: z.object({ poisson: z.boolean(), meanGapSeconds: z.number().positive() }),
  attributes: z.object(attributesShape),
});

const resultsShape = {
  outcome: u8,
  wrong: u8,
  fallback: u8,
  cycle: f64,
  cost: f64,
  tries: f64,
  humanSeconds: f64,
  backoffSeconds: f64,
} satisfies Record<keyof CaseResults, z.ZodType>;

const statsShape = {
  visits: f64,
  reached: f64,
  calls: f64,
  failures: f64,
  caseFailures: f64,
  stuck: f64,
  guardHits: f64,
  loopIterations: f64,
  cost: f64,
  fallbacks: f64,
  breakerOpenSeconds: f64,
  breakerOpens: f64,
  gateArrivals: f64,
  gateWaitSum: f64,
  gateWaitCount: f64,
  gateQueueArea: f64,
  gateBusySeconds: f64,
  gateSlaBreaches: f64,
  gateTimeouts: f64,
} satisfies Record<keyof NodeStats, z.ZodType>;

export const replicationResultSchema = z.object({
  replication: z.number().int().min(0),
  cases: z.number().int().min(0),
  endTime: z.number(),
  events: z.number(),
  results: z.object(resultsShape),
  stats: z.object(statsShape),
});

/** A typed array of a fixed length (checked in O(1)). */
const sized = <T extends { length: number }>(schema: z.ZodType<T>, length: number, what: string): z.ZodType<T> =>
  schema.refine((a) => a.length === length, { message: `${what}: expected ${length} values` });

export const replicationSummarySchema = z.object({
  replication: z.number().int().min(0),
  cases: z.number().int().min(0),
  events: z.number(),
  endTime: z.number(),
  cycleSum: z.number(),
  histogram: sized(i32, HISTOGRAM_BINS, 'histogram'),
  outcomes: sized(i32, CASE_OUTCOMES.length, 'outcomes'),
  kpis: sized(f64, ANY_REPORT_KPIS.length, 'kpis'),
  stats: z.object(statsShape),
}) satisfies z.ZodType<ReplicationSummary>;

const reportContextSchema = z.object({ runsPerDay: z.number(), effortMinutes: z.number().optional(), slaSeconds: z.number().optional() });

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    jobId: z.string(),
    batch: preparedBatchSchema,
    context: reportContextSchema,
    seed: z.number().int().min(0),
    cases: z.number().int().min(1),
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    visitLimit: z.number().int().min(1).optional(),
  }),
  z.object({ type: z.literal('cancel'), jobId: z.string() }),
]);

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), jobId: z.string(), done: z.number().int(), total: z.number().int(), events: z.number() }),
  z.object({ type: z.literal('result'), jobId: z.string(), summaries: z.array(replicationSummarySchema) }),
  z.object({ type: z.literal('cancelled'), jobId: z.string() }),
  z.object({ type: z.literal('error'), jobId: z.string(), message: z.string() }),
]);

/**
 * What is sent (typed with the engine's own interfaces; the schemas above check what arrives and produce
 * structurally compatible values).
 */
export type ToWorker =
  | { type: 'run'; jobId: string; batch: PreparedBatch; context: ReportContext; seed: number; cases: number; from: number; to: number; visitLimit?: number }
  | { type: 'cancel'; jobId: string };
export type FromWorker =
  | { type: 'progress'; jobId: string; done: number; total: number; events: number }
  | { type: 'result'; jobId: string; summaries: ReplicationSummary[] }
  | { type: 'cancelled'; jobId: string }
  | { type: 'error'; jobId: string; message: string };

/** Posts a message with the buffers to transfer (worker `postMessage`, or a test double). */
export type Post = (msg: FromWorker, transfer: ArrayBuffer[]) => void;

/**
 * The ArrayBuffers of a replication's typed arrays (a full result or a summary), to transfer instead of copying.
 * @example post({ type: 'result', jobId, summaries }, summaries.flatMap(transferables))
 */
export function transferables(r: ReplicationResult | ReplicationSummary): ArrayBuffer[] {
  const views = 'results' in r ? [...Object.values(r.results), ...Object.values(r.stats)] : [r.histogram, r.outcomes, r.kpis, ...Object.values(r.stats)];
  const out: ArrayBuffer[] = [];
  for (const a of views as ArrayBufferView[]) {
    if (a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  }
  return out;
}

/** Hands control back to the event loop so a `cancel` message can arrive between replications. */
export type Yield = () => Promise<void>;
const macrotask: Yield = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The worker's message handler: validate, run the range of replications one at a time (yielding in between so
 * `cancel` can get through), summarise each for the report (here, off the page's thread), report progress, post
 * the summaries with their buffers transferred.
 * @example const onMessage = createWorkerHandler((m, t) => self.postMessage(m, t)); self.onmessage = (e) => onMessage(e.data);
 */
export function createWorkerHandler(post: Post, yieldNow: Yield = macrotask): (data: unknown) => Promise<void> {
  const cancelled = new Set<string>();
  return async (data) => {
    const parsed = toWorkerSchema.safeParse(data);
    if (!parsed.success) {
      const jobId = typeof data === 'object' && data !== null && 'jobId' in data && typeof data.jobId === 'string' ? data.jobId : '';
      post({ type: 'error', jobId, message: `bad message: ${parsed.error.issues[0]?.message ?? 'invalid'}` }, []);
      return;
    }
    const msg = parsed.data;
    if (msg.type === 'cancel') {
      cancelled.add(msg.jobId);
      return;
    }
    const prepared: PreparedBatch = msg.batch;
    const out: ReplicationSummary[] = [];
    let events = 0;
    try {
      for (let r = msg.from; r < msg.to; r++) {
        await yieldNow();
        if (cancelled.has(msg.jobId)) {
          cancelled.delete(msg.jobId);
          post({ type: 'cancelled', jobId: msg.jobId }, []);
          return;
        }
        const one = runReplications(prepared, { seed: msg.seed, cases: msg.cases, from: r, to: r + 1, ...(msg.visitLimit !== undefined ? { visitLimit: msg.visitLimit } : {}) });
        const rep = one?.[0];
        if (!rep) throw new Error('replication did not run');
        out.push(summariseForReport(prepared.graph, rep, msg.context));
        events += rep.events;
        post({ type: 'progress', jobId: msg.jobId, done: out.length, total: msg.to - msg.from, events }, []);
      }
      post({ type: 'result', jobId: msg.jobId, summaries: out }, out.flatMap(transferables));
    } catch (e) {
      post({ type: 'error', jobId: msg.jobId, message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}
