/**
 * Runs inside Chromium, against real IndexedDB, with the app's own persistence code: the timings the user's
 * browser pays. Exposes window.batonBench for run.ts to drive.
 */
import { createNode, createWorkflow, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../src/domain/index.ts';
import { createDesignSession, createIsolatedTabSync, openPersistence, type Persistence } from '../../src/persistence/index.ts';

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
 * What the main thread spends while `run` is under way, seen from outside: a message-channel tick is queued as
 * soon as the previous one ran, so every gap between ticks is time the page could not answer an input event
 * (encoding, structured clone, IndexedDB request setup, GC, or the OS giving the core to another process).
 * `longest` is the worst wait an input event could have met; `busy` sums the gaps over 0.25 ms.
 */
async function mainThreadDuring(run: () => Promise<void>): Promise<{ longest: number; busy: number }> {
  const channel = new MessageChannel();
  let last = performance.now();
  let longest = 0;
  let busy = 0;
  let running = true;
  channel.port1.onmessage = () => {
    const t = performance.now();
    const gap = t - last;
    longest = Math.max(longest, gap);
    if (gap > 0.25) busy += gap;
    last = t;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  await run();
  await new Promise((r) => setTimeout(r, 0));
  running = false;
  channel.port1.close();
  return { longest, busy };
}

type Stat = { p50: number; p95: number };

function stats(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

export interface SizeResult {
  readonly nodes: number;
  readonly bytes: number;
  readonly runs: number;
  /** JSON.stringify of the whole edited document, in the same page: the baseline. */
  readonly stringify: Stat;
  readonly parse: Stat;
  /** One autosave (session.edit + flush: encode, revision check, one transaction) until IndexedDB committed it. */
  readonly save: Stat;
  /** Longest the page could not respond during that autosave: the jank a user would feel. */
  readonly longestStall: Stat;
  /** All main-thread time of that autosave (gaps over 0.25 ms summed). */
  readonly busy: Stat;
  /** designs.open: read + import (limits, migrations, zod validation). */
  readonly open: Stat;
}

/** The edit the user makes between two autosaves: one node moved, as the store does it (a new node object). */
function moveOne(doc: Workflow, run: number): Workflow {
  const k = (run * 7919) % doc.nodes.length;
  return { ...doc, nodes: doc.nodes.map((n, i) => (i === k ? { ...n, position: { x: n.position.x + 10, y: n.position.y + (run % 3) } } : n)) };
}

/**
 * Autosaves of one size with nothing else running, each between performance marks `autosave-start` and
 * `autosave-end`, for run.ts to cut a Chromium trace (main-thread CPU time per autosave). Returns the document size.
 */
async function tracedAutosaves(n: number, runs: number, offThreadSaves: boolean): Promise<number> {
  const p: Persistence = await openPersistence({ dbName: 'baton-bench-trace', offThreadSaves });
  if (p.mode !== 'indexeddb') throw new Error('IndexedDB unavailable in the bench page');
  let doc = chain(n, `Chain of ${n}`);
  const row = await p.designs.create(doc);
  const session = createDesignSession({
    designs: p.designs,
    versions: p.versions,
    sync: createIsolatedTabSync('bench'),
    designId: row.id,
    revision: row.revision,
    debounceMs: 60_000,
    onEvent: () => undefined,
  });
  for (let i = -3; i < runs; i++) {
    doc = moveOne(doc, i + 3);
    await new Promise((res) => setTimeout(res, 30));
    if (i >= 0) performance.mark('autosave-start');
    session.edit(doc);
    await session.flush();
    if (i >= 0) performance.mark('autosave-end');
    if (session.status().state !== 'saved') throw new Error(`autosave ended ${session.status().state}`);
  }
  await session.close();
  p.close();
  return JSON.stringify(doc).length;
}

async function sizes(list: readonly number[], runs: number, offThreadSaves = false): Promise<SizeResult[]> {
  const p: Persistence = await openPersistence({ dbName: 'baton-bench', offThreadSaves });
  if (p.mode !== 'indexeddb') throw new Error('IndexedDB unavailable in the bench page');
  const out: SizeResult[] = [];
  for (const n of list) {
    let doc = chain(n, `Chain of ${n}`);
    const row = await p.designs.create(doc);
    // The app's path: a session over the repositories, autosave inside, an announcement after each save.
    const session = createDesignSession({
      designs: p.designs,
      versions: p.versions,
      sync: createIsolatedTabSync('bench'),
      designId: row.id,
      revision: row.revision,
      debounceMs: 60_000,
      onEvent: (e) => {
        if (e.type === 'conflict') throw new Error('unexpected conflict');
      },
    });
    const r = n >= 5000 ? Math.max(5, Math.floor(runs / 3)) : runs;
    const st: number[] = [];
    const pa: number[] = [];
    const sv: number[] = [];
    const op: number[] = [];
    const lo: number[] = [];
    const bu: number[] = [];
    for (let i = -3; i < r; i++) {
      doc = moveOne(doc, i + 3);
      let t = performance.now();
      const json = JSON.stringify(doc);
      const tStringify = performance.now() - t;
      t = performance.now();
      JSON.parse(json);
      const tParse = performance.now() - t;
      await new Promise((res) => setTimeout(res, 20)); // let the baseline's garbage go before the save is timed
      let tSave = 0;
      const main = await mainThreadDuring(async () => {
        const t0 = performance.now();
        session.edit(doc);
        await session.flush();
        tSave = performance.now() - t0;
        performance.measure('autosave', { start: t0, duration: tSave }); // a marker for traces (trace.ts)
      });
      if (session.status().state !== 'saved') throw new Error(`autosave ended ${session.status().state}`);
      t = performance.now();
      const opened = await p.designs.open(row.id);
      const tOpen = performance.now() - t;
      if (!opened.ok) throw new Error('open failed');
      if (opened.design.revision !== session.revision()) throw new Error('revision mismatch');
      if (i < 0) continue; // warm-up: JIT, first transaction, the encoder's first full pass
      st.push(tStringify);
      pa.push(tParse);
      sv.push(tSave);
      op.push(tOpen);
      lo.push(main.longest);
      bu.push(main.busy);
    }
    await session.close();
    out.push({
      nodes: n,
      bytes: JSON.stringify(doc).length,
      runs: r,
      stringify: stats(st),
      parse: stats(pa),
      save: stats(sv),
      longestStall: stats(lo),
      busy: stats(bu),
      open: stats(op),
    });
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
    batonBench: { sizes: typeof sizes; seed: typeof seed; tracedAutosaves: typeof tracedAutosaves };
  }
}

window.batonBench = { sizes, seed, tracedAutosaves };
const state = document.getElementById('state');
if (state) state.textContent = 'ready';
