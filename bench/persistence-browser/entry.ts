/**
 * Runs inside Chromium, against real IndexedDB, with the app's own persistence code: the timings the user's
 * browser pays. Exposes window.batonBench for run.ts to drive.
 */
import { createNode, createWorkflow, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../src/domain/index.ts';
import { openPersistence, type Persistence } from '../../src/persistence/index.ts';

/** trigger -> alternating AI / tool steps -> output: full default nodes, so sizes resemble real designs. */
function chain(n: number, name: string): Workflow {
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i === 0 ? 'trigger' : i === n - 1 ? 'output' : i % 2 === 1 ? 'ai' : 'tool';
    nodes.push(createNode(kind, { id: `n${i}`, position: { x: i * 220, y: (i % 5) * 40 } }));
    if (i > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, sourcePort: 'out', target: `n${i}` });
  }
  return { ...createWorkflow({ id: 'wf_bench', name }), nodes, edges };
}

/**
 * The longest gap between message-channel ticks while it runs: a tick is queued as soon as the previous one
 * ran, so a gap is time the main thread spent on something else (encoding, structured clone, the commit).
 */
function watchStalls(): { stop(): Promise<number> } {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let running = true;
  channel.port1.onmessage = () => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  return {
    async stop() {
      await new Promise((r) => setTimeout(r, 0));
      running = false;
      channel.port1.close();
      return longest;
    },
  };
}

function stats(xs: number[]): { p50: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

export interface SizeResult {
  readonly nodes: number;
  readonly bytes: number;
  readonly runs: number;
  readonly stringify: { p50: number; p95: number };
  readonly parse: { p50: number; p95: number };
  /** designs.save: encode + revision check + one transaction, until IndexedDB reports it committed. */
  readonly save: { p50: number; p95: number };
  /** Longest the page could not respond (event loop blocked) during that save: what a user would feel as jank. */
  readonly longestStall: { p50: number; p95: number };
  /** designs.open: read + import (limits, migrations, zod validation). */
  readonly open: { p50: number; p95: number };
}

async function sizes(list: readonly number[], runs: number): Promise<SizeResult[]> {
  const p: Persistence = await openPersistence({ dbName: 'baton-bench' });
  if (p.mode !== 'indexeddb') throw new Error('IndexedDB unavailable in the bench page');
  const out: SizeResult[] = [];
  for (const n of list) {
    const base = chain(n, `Chain of ${n}`);
    const row = await p.designs.create(base);
    let revision = row.revision;
    const r = n >= 5000 ? Math.max(5, Math.floor(runs / 3)) : runs;
    const st: number[] = [];
    const pa: number[] = [];
    const sv: number[] = [];
    const op: number[] = [];
    const am: number[] = [];
    for (let i = -2; i < r; i++) {
      // A new document object per run, as an edit makes: no cache anywhere can return the previous result.
      const doc: Workflow = { ...base, description: `run ${i}` };
      let t = performance.now();
      const json = JSON.stringify(doc);
      const tStringify = performance.now() - t;
      t = performance.now();
      JSON.parse(json);
      const tParse = performance.now() - t;
      const stall = watchStalls();
      t = performance.now();
      const saved = await p.designs.save(row.id, doc, revision);
      const tSave = performance.now() - t;
      const tMain = await stall.stop();
      if (!saved.ok) throw new Error(`save failed: ${saved.reason}`);
      revision = saved.revision;
      t = performance.now();
      const opened = await p.designs.open(row.id);
      const tOpen = performance.now() - t;
      if (!opened.ok) throw new Error('open failed');
      if (i < 0) continue; // warm-up: JIT, first transaction
      st.push(tStringify);
      pa.push(tParse);
      sv.push(tSave);
      op.push(tOpen);
      am.push(tMain);
    }
    out.push({ nodes: n, bytes: JSON.stringify(base).length, runs: r, stringify: stats(st), parse: stats(pa), save: stats(sv), longestStall: stats(am), open: stats(op) });
  }
  p.close();
  return out;
}

/** Fill the app's own database (default name) with `count` designs of `nodes` nodes, as if made over months. */
async function seed(count: number, nodes: number): Promise<number> {
  const p = await openPersistence();
  if (p.mode !== 'indexeddb') throw new Error('IndexedDB unavailable in the bench page');
  for (let i = 0; i < count; i++) await p.designs.create(chain(nodes, `Design ${String(i + 1).padStart(3, '0')}`));
  const n = (await p.designs.list()).length;
  p.close();
  return n;
}

declare global {
  interface Window {
    batonBench: { sizes: typeof sizes; seed: typeof seed };
  }
}

window.batonBench = { sizes, seed };
const state = document.getElementById('state');
if (state) state.textContent = 'ready';
