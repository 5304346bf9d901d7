/**
 * A seeded generator of workflow designs for the analyzer/simulator contract: chains of ai and tool steps with
 * random stubs and policies (retries on chosen errors with backoff, jitter and Retry-After; catchers to alerts or
 * fallbacks; start-to-close and schedule-to-close timeouts; token prices), checks that route or re-ask (threshold
 * checks on an AI step's confidence, sample audits), exclusive routers by weight, default and confidence,
 * revision loops bounded by `visits`, parallel and inclusive splits closed by `all`, `first` or `any` joins or
 * never joined, and, when asked, human gates (reviewer pools around the clock or in business hours, SLAs with
 * timeout routes). Same seed, same designs.
 */
import type { Distribution, ErrorType, StepPolicy, Workflow, WorkflowEdge, WorkflowNode } from '../../src/domain/index.ts';

/** mulberry32: a tiny seeded generator, enough for test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** Include human gates. */
  readonly gates?: boolean;
  /** Largest number of nodes (roughly). */
  readonly maxNodes?: number;
}

const TRANSIENT: readonly ErrorType[] = ['timeout', 'rate_limited', 'communication'];
const DETERMINISTIC: readonly ErrorType[] = ['validation', 'malformed_output', 'refusal', 'runtime', 'schema_mismatch'];
const at = { x: 0, y: 0 };

interface Port {
  readonly id: string;
  readonly port: string;
}

/**
 * One design from the seed.
 * @example generateDesign(7).nodes.length
 */
export function generateDesign(seed: number, opts: GenerateOptions = {}): Workflow {
  const r = seeded(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number): boolean => r() < p;
  const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  const maxNodes = opts.maxNodes ?? 24;
  let nid = 0;
  const newId = (p: string): string => `${p}${nid++}`;
  const link = (from: Port, to: string, extra: Partial<WorkflowEdge> = {}): void => {
    // Integrity allows one edge per source, port and target: a second empty branch to the same merge is dropped.
    if (edges.some((e) => e.source === from.id && e.sourcePort === from.port && e.target === to)) return;
    edges.push({ id: `e${edges.length}`, source: from.id, sourcePort: from.port, target: to, ...extra });
  };
  const output = (outcome: 'success' | 'rejected' | 'escalated' | 'error'): string => {
    const id = newId('o');
    nodes.push({ id, kind: 'output', label: id, position: at, config: { type: outcome === 'error' ? 'alert' : 'deliver', outcome } });
    return id;
  };
  const latency = (scale: number): Distribution => {
    const k = r();
    if (k < 0.45) {
      const median = round(scale * (0.3 + r() * 2), 3);
      return { type: 'lognormal', median, p95: round(median * (1.5 + r() * 4), 3) };
    }
    if (k < 0.6) return { type: 'exponential', mean: round(scale * (0.5 + r() * 2), 3) };
    if (k < 0.72) {
      const a = round(scale * r(), 3);
      return { type: 'uniform', min: a, max: round(a + scale * (0.2 + r() * 2), 3) };
    }
    if (k < 0.84) {
      const a = round(scale * r() * 0.5, 3);
      const b = round(a + scale * (0.5 + r() * 2), 3);
      return { type: 'triangular', min: a, mode: round(a + (b - a) * r(), 3), max: b };
    }
    if (k < 0.92) return { type: 'normal', mean: round(scale * (0.5 + r() * 2), 3), sd: round(scale * r(), 3) };
    return { type: 'fixed', value: round(scale * (0.2 + r() * 2), 3) };
  };
  const outcomes = (ai: boolean): Record<string, number> => {
    const errs: Record<string, number> = {};
    let used = 0;
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const e = chance(0.6) ? pick(TRANSIENT) : pick(DETERMINISTIC);
      const p = round(r() * 0.08, 3);
      errs[e] = round((errs[e] ?? 0) + p, 3);
      used += p;
    }
    const wrong = ai ? round(r() * 0.08, 3) : chance(0.3) ? round(r() * 0.03, 3) : 0;
    const ok = round(1 - used - wrong, 6);
    return { ok, ...(wrong > 0 ? { wrong } : {}), ...errs };
  };
  const policy = (lat: Distribution): StepPolicy => {
    const p: StepPolicy = {};
    if (chance(0.7)) {
      const retriers = [];
      const n = chance(0.8) ? 1 : 2;
      for (let i = 0; i < n; i++) {
        const errorEquals: (ErrorType | 'ALL')[] = chance(0.2) ? ['ALL'] : chance(0.6) ? [...TRANSIENT] : [pick(TRANSIENT), pick(DETERMINISTIC)];
        retriers.push({
          errorEquals: [...new Set(errorEquals)],
          maximumAttempts: 1 + Math.floor(r() * 4),
          initialIntervalSeconds: round(r() * 5, 2),
          backoffCoefficient: round(1 + r() * 2, 2),
          ...(chance(0.3) ? { maximumIntervalSeconds: round(1 + r() * 8, 2) } : {}),
          ...(chance(0.5) ? { jitter: pick(['none', 'full', 'equal'] as const) } : {}),
          ...(chance(0.3) ? { honorRetryAfter: true } : {}),
        });
      }
      p.retry = retriers;
    }
    const median = lat.type === 'lognormal' ? lat.median : lat.type === 'fixed' ? lat.value : lat.type === 'exponential' ? lat.mean : 2;
    if (chance(0.35)) p.timeouts = { startToCloseSeconds: round(median * (1.2 + r() * 3), 3), ...(chance(0.3) ? { scheduleToCloseSeconds: round(median * (3 + r() * 8), 3) } : {}) };
    return p;
  };
  /** A step whose failures go where `onError` says; returns its out port. */
  const step = (from: Port, depth: number): Port => {
    const isAi = chance(0.6);
    const id = newId(isAi ? 'a' : 't');
    const lat = latency(isAi ? 3 : 1);
    const pol = policy(lat);
    const conf = isAi && chance(0.4) ? { correct: { type: 'beta' as const, alpha: round(4 + r() * 10, 2), beta: round(1 + r() * 2, 2) }, wrong: { type: 'beta' as const, alpha: round(2 + r() * 4, 2), beta: round(2 + r() * 4, 2) } } : undefined;
    const tokens = isAi && chance(0.3);
    const stub = {
      latency: lat,
      ...(tokens ? { inputTokens: latency(500), outputTokens: latency(200), pricePerInputToken: 0.000002, pricePerOutputToken: 0.000008 } : { costPerCall: round(r() * 0.05, 4) }),
      outcomes: outcomes(isAi),
      ...(conf ? { confidence: conf } : {}),
      ...(chance(0.3) ? { retryAfterSeconds: round(r() * 6, 2) } : {}),
    };
    const errorRoute = r();
    const catches = errorRoute < 0.75;
    if (catches) pol.catch = [{ errorEquals: chance(0.8) ? ['ALL'] : [...TRANSIENT], port: 'error' }];
    nodes.push(
      isAi
        ? { id, kind: 'ai', label: id, position: at, config: { capability: 'llm' }, stub, policy: pol }
        : { id, kind: 'tool', label: id, position: at, config: { type: 'http', sideEffect: 'none', idempotent: true }, stub, policy: pol },
    );
    link(from, id);
    if (catches) {
      if (errorRoute < 0.35 && depth < 3 && nodes.length < maxNodes) {
        // A fallback step, then a merge with the main path.
        const merge = newId('m');
        const fb = step({ id, port: 'error' }, depth + 1);
        nodes.push({ id: merge, kind: 'join', label: merge, position: at, config: { mode: 'any' } });
        link({ id, port: 'out' }, merge);
        link(fb, merge);
        if (conf && chance(0.5)) return threshold({ id: merge, port: 'out' });
        return { id: merge, port: 'out' };
      }
      link({ id, port: 'error' }, output('error'));
    }
    if (conf && chance(0.5)) return threshold({ id, port: 'out' });
    return { id, port: 'out' };
  };
  const threshold = (from: Port): Port => {
    const id = newId('c');
    nodes.push({ id, kind: 'check', label: id, position: at, config: { type: 'threshold', onFail: 'route', threshold: round(0.5 + r() * 0.4, 2) }, stub: { latency: latency(0.2), costPerCall: 0.001, detectionRate: 0.5, falseRejectRate: 0.05 } });
    link(from, id);
    link({ id, port: 'fail' }, output(chance(0.5) ? 'rejected' : 'escalated'));
    return { id, port: 'pass' };
  };
  const checkAfter = (from: Port): Port => {
    const id = newId('c');
    const reask = chance(0.5);
    const audit = !reask && chance(0.3);
    nodes.push({
      id,
      kind: 'check',
      label: id,
      position: at,
      config: { type: audit ? 'sample-audit' : pick(['schema', 'rule', 'llm-grader'] as const), onFail: reask ? 'reask' : 'route', ...(reask && chance(0.6) ? { maxReasks: Math.floor(r() * 4) } : {}), ...(audit ? { sampleRate: round(r() * 0.5, 2) } : {}) },
      stub: { latency: latency(0.5), costPerCall: round(r() * 0.01, 4), detectionRate: round(0.4 + r() * 0.55, 2), falseRejectRate: round(r() * 0.15, 2) },
    });
    link(from, id);
    link({ id, port: 'fail' }, output(chance(0.6) ? 'rejected' : 'error'));
    return { id, port: 'pass' };
  };
  const gate = (from: Port): Port => {
    const id = newId('h');
    const business = chance(0.4);
    const reviewers = 1 + Math.floor(r() * 4);
    const sla = chance(0.6) ? round((business ? 3600 * (4 + r() * 60) : 60 * (5 + r() * 120)), 0) : undefined;
    nodes.push({
      id,
      kind: 'human',
      label: id,
      position: at,
      config: { type: pick(['approval', 'review'] as const), reviewers, calendar: business ? 'business-hours' : 'always', ...(sla !== undefined ? { slaSeconds: sla } : {}) },
      stub: { serviceTime: latency(60 + r() * 400), costPerHour: round(20 + r() * 80, 0), outcomes: { approve: 0.85, reject: 0.1, revise: 0.05 }, detectionRate: round(r(), 2) },
    });
    link(from, id);
    link({ id, port: 'reject' }, output('rejected'));
    link({ id, port: 'revise' }, output('escalated'));
    if (sla !== undefined) link({ id, port: 'timeout' }, output(chance(0.5) ? 'error' : 'escalated'));
    return { id, port: 'approve' };
  };
  const seq = (from: Port, depth: number, items: number): Port => {
    let cur = from;
    for (let i = 0; i < items && nodes.length < maxNodes && cur.port !== ''; i++) {
      const k = r();
      const lastIsStep = nodes.find((n) => n.id === cur.id)?.kind === 'ai' || nodes.find((n) => n.id === cur.id)?.kind === 'tool';
      if (k < 0.45 || depth >= 3) cur = step(cur, depth);
      else if (k < 0.57 && lastIsStep) cur = checkAfter(cur);
      else if (k < 0.7) cur = exclusive(cur, depth);
      else if (k < 0.82) cur = parallel(cur, depth);
      else if (k < 0.86) cur = inclusive(cur, depth);
      else if (k < 0.92) cur = revisionLoop(cur, depth);
      else if (opts.gates) cur = gate(cur);
      else cur = step(cur, depth);
    }
    return cur;
  };
  const exclusive = (from: Port, depth: number): Port => {
    const id = newId('r');
    nodes.push({ id, kind: 'router', label: id, position: at, config: { mode: 'exclusive' } });
    link(from, id);
    const merge = newId('m');
    const k = 2 + Math.floor(r() * 2);
    const style = r();
    const ends: Port[] = [];
    let left = 1;
    for (let i = 0; i < k; i++) {
      const first = seq({ id, port: 'out' }, depth + 1, 1);
      // The edge just made is the branch edge: give it its routing.
      const e = edges.filter((x) => x.source === id).at(-1);
      if (e) {
        if (style < 0.5) {
          if (i < k - 1) {
            const p = round(left * (0.2 + r() * 0.6), 3);
            e.probability = p;
            left -= p;
          } else if (chance(0.5)) e.isDefault = true;
          else e.probability = round(left, 3);
        } else if (style < 0.75 && i < k - 1) e.condition = { field: 'confidence', op: pick(['<', '>=', '<='] as const), value: round(0.3 + r() * 0.6, 2) };
        else if (i === k - 1) e.isDefault = true;
        else e.probability = round(r() * 0.5, 3);
      }
      const end = seq(first, depth + 1, chance(0.2) ? 1 : Math.floor(r() * 2));
      if (end.port === '') continue;
      if (chance(0.2)) link(end, output(pick(['rejected', 'escalated', 'success'] as const)));
      else ends.push(end);
    }
    if (ends.length === 0) return { id: output('success'), port: '' };
    nodes.push({ id: merge, kind: 'join', label: merge, position: at, config: { mode: 'any' } });
    for (const p of ends) link(p, merge);
    return { id: merge, port: 'out' };
  };
  const parallel = (from: Port, depth: number): Port => {
    const id = newId('p');
    nodes.push({ id, kind: 'router', label: id, position: at, config: { mode: 'parallel' } });
    link(from, id);
    const k = 2 + Math.floor(r() * 2);
    const style = r();
    if (style < 0.25) {
      // Never joined: every branch ends on its own.
      for (let i = 0; i < k; i++) {
        const end = seq({ id, port: 'out' }, depth + 1, 1 + Math.floor(r() * 2));
        if (end.port !== '') link(end, output(chance(0.8) ? 'success' : 'escalated'));
      }
      return { id: output('success'), port: '' };
    }
    const mode = style < 0.65 ? 'all' : style < 0.85 ? 'first' : 'any';
    const j = newId('j');
    const ends: Port[] = [];
    for (let i = 0; i < k; i++) ends.push(seq({ id, port: 'out' }, depth + 1, 1 + Math.floor(r() * 2)));
    const live = ends.filter((p) => p.port !== '');
    if (live.length === 0) return { id: output('success'), port: '' };
    nodes.push({ id: j, kind: 'join', label: j, position: at, config: { mode } });
    for (const p of live) link(p, j);
    return { id: j, port: 'out' };
  };
  const inclusive = (from: Port, depth: number): Port => {
    const id = newId('i');
    nodes.push({ id, kind: 'router', label: id, position: at, config: { mode: 'inclusive' } });
    link(from, id);
    const j = newId('j');
    const ends: Port[] = [];
    const k = 2 + Math.floor(r() * 2);
    for (let i = 0; i < k; i++) {
      const first = seq({ id, port: 'out' }, depth + 1, 1);
      const e = edges.filter((x) => x.source === id).at(-1);
      if (e && i > 0) e.probability = round(0.2 + r() * 0.7, 2);
      ends.push(first);
    }
    const live = ends.filter((p) => p.port !== '');
    if (live.length === 0) return { id: output('success'), port: '' };
    nodes.push({ id: j, kind: 'join', label: j, position: at, config: { mode: 'all' } });
    for (const p of live) link(p, j);
    return { id: j, port: 'out' };
  };
  const revisionLoop = (from: Port, depth: number): Port => {
    const merge = newId('m');
    nodes.push({ id: merge, kind: 'join', label: merge, position: at, config: { mode: 'any' } });
    link(from, merge);
    const body = step({ id: merge, port: 'out' }, depth + 1);
    const c = newId('c');
    nodes.push({ id: c, kind: 'check', label: c, position: at, config: { type: 'rule', onFail: 'route' }, stub: { latency: latency(0.3), costPerCall: 0.001, detectionRate: round(0.5 + r() * 0.4, 2), falseRejectRate: round(r() * 0.3, 2) } });
    link(body, c);
    const lim = newId('r');
    nodes.push({ id: lim, kind: 'router', label: lim, position: at, config: { mode: 'exclusive' } });
    link({ id: c, port: 'fail' }, lim);
    link({ id: lim, port: 'out' }, merge, { condition: { field: 'visits', op: '<=', value: 1 + Math.floor(r() * 3) } });
    link({ id: lim, port: 'out' }, output('rejected'), { isDefault: true });
    return { id: c, port: 'pass' };
  };
  const t = newId('t');
  nodes.push({ id: t, kind: 'trigger', label: t, position: at, config: { type: 'manual' } });
  const end = seq({ id: t, port: 'out' }, 0, 2 + Math.floor(r() * 4));
  if (end.port !== '') link(end, output('success'));
  return { format: 'baton.workflow', schemaVersion: 2, id: `gen-${seed}`, name: `generated ${seed}`, nodes, edges, profile: { runsPerDay: round(20 + r() * 400, 0) } };
}
