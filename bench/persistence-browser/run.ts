/**
 * Persistence in a real browser: Chromium (playwright-core, /usr/bin/chromium) against real IndexedDB.
 *
 * 1. Save and open of 200 / 1,000 / 5,000-node designs through the app's repositories (p50/p95 of repeated runs),
 *    next to JSON.stringify / JSON.parse of the same document in the same page as the baseline, and the longest
 *    main-thread stall during each save.
 * 2. Opening the built app (dist/) with 100 stored designs: time from navigation to the first designs-list
 *    option on screen.
 *
 *   npx tsx bench/persistence-browser/run.ts [--runs 25] [--open-runs 7] [--no-app-build]
 *
 * The app is built into $APP_OUT (default /tmp/baton-persistence-bench-app), not dist/, so a concurrent build in
 * the shared tree cannot pull files from under the server.
 *
 * Targets: 1,000-node save p95 < 5 ms; open with 100 designs < 1 s.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..');
const benchDir = process.env.BENCH_OUT ?? '/tmp/baton-persistence-bench';
/** The app is built into a private directory: dist/ is shared with whoever else builds in this tree. */
const appDir = process.env.APP_OUT ?? `${benchDir}-app`;
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 25);
const OPEN_RUNS = arg('--open-runs', 7);

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.map': 'application/json', '.wasm': 'application/wasm',
};

/** dist/ at /, the bench page at /__bench/: one origin, so both see the same IndexedDB. */
function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [root, rel] = path.startsWith('/__bench/') ? [benchDir, path.slice('/__bench/'.length)] : [appDir, path.slice(1)];
    let file = normalize(join(root, rel));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

interface Stat { p50: number; p95: number }
interface SizeResult { nodes: number; bytes: number; runs: number; stringify: Stat; parse: Stat; save: Stat; longestStall: Stat; busy: Stat; open: Stat }

const ms = (x: number): string => `${x.toFixed(2)} ms`.padStart(10);
const pp = (s: Stat): string => `${ms(s.p50)} ${ms(s.p95)}`;

function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

interface TraceEvent { name: string; cat: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }

/**
 * Main-thread cost of autosaves measured from a Chromium trace: for each autosave (between the page's
 * `autosave-start`/`autosave-end` marks) the thread time (`tdur`, CPU actually spent, so other processes taking
 * the core do not count) of every top-level main-thread task, summed, and the longest task in CPU and wall time.
 */
async function traceAutosaves(page: Page, n: number, runs: number, offThread: boolean): Promise<{ cpu: Stat; longestCpu: Stat; longestWall: Stat }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.evaluate(([size, r, off]) => window.batonBench.tracedAutosaves(size, r, off), [n, runs, offThread] as const);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const mainThread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!mainThread) throw new Error('no renderer main thread in the trace');
  const marks = (name: string): number[] => events.filter((e) => e.name === name && e.cat.includes('user_timing')).map((e) => e.ts).sort((a, b) => a - b);
  const starts = marks('autosave-start');
  const ends = marks('autosave-end');
  const tasks = events.filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  const cpu: number[] = [];
  const longestCpu: number[] = [];
  const longestWall: number[] = [];
  starts.forEach((start) => {
    const end = ends.find((t) => t >= start) ?? start;
    const inside = tasks.filter((t) => t.ts + (t.dur ?? 0) >= start && t.ts <= end);
    cpu.push(inside.reduce((sum, t) => sum + (t.tdur ?? t.dur ?? 0), 0) / 1000);
    longestCpu.push(Math.max(0, ...inside.map((t) => t.tdur ?? t.dur ?? 0)) / 1000);
    longestWall.push(Math.max(0, ...inside.map((t) => t.dur ?? 0)) / 1000);
  });
  const stat = (xs: number[]): Stat => ({ p50: percentile(xs, 0.5), p95: percentile(xs, 0.95) });
  return { cpu: stat(cpu), longestCpu: stat(longestCpu), longestWall: stat(longestWall) };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-app-build')) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', appDir, '--emptyOutDir'], { cwd: repo, stdio: 'inherit' });
  }
  if (!existsSync(join(appDir, 'index.html'))) throw new Error(`${appDir} is missing: run without --no-app-build`);
  execFileSync('npx', ['vite', 'build', '--config', join(here, 'vite.config.ts')], { cwd: repo, stdio: 'inherit', env: { ...process.env, BENCH_OUT: benchDir } });
  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${url}/__bench/`);
    await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
    const traced: string[] = [];
    for (const offThread of [false, true]) {
      for (const n of [200, 1000, 5000]) {
        const t = await traceAutosaves(page, n, n >= 5000 ? Math.max(5, Math.floor(RUNS / 3)) : RUNS, offThread);
        traced.push(
          `${String(n).padStart(5)} ${offThread ? 'save worker' : 'on the page'} | CPU ${pp(t.cpu)} | longest task CPU ${pp(t.longestCpu)} | longest task wall ${pp(t.longestWall)}`,
        );
      }
    }
    const results = await page.evaluate(([runs]) => window.batonBench.sizes([200, 1000, 5000], runs), [RUNS] as const);
    // The same autosaves through the save worker (offThreadSaves: true): IndexedDB requests issued off the page.
    const worker = await page.evaluate(([runs]) => window.batonBench.sizes([200, 1000, 5000], runs, true), [RUNS] as const);
    await context.close();

    console.log(`Chromium ${browser.version()}, real IndexedDB, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
    console.log('One autosave after moving one node (DesignSession: encode, revision check, one transaction), p50 / p95 of runs');
    console.log('(5,000 nodes: a third of them). Main-thread figures are what blocks the page; the commit itself runs off it.');
    const header = 'nodes       size   runs | JSON.stringify     | autosave: longest  | main-thread total  | until committed    | JSON.parse         | open';
    const row = (r: SizeResult): string =>
      `${String(r.nodes).padStart(5)} ${(r.bytes / 1024).toFixed(0).padStart(7)} KB ${String(r.runs).padStart(4)} |${pp(r.stringify)} |${pp(r.longestStall)} |${pp(r.busy)} |${pp(r.save)} |${pp(r.parse)} |${pp(r.open)}`;
    console.log('saves written on the page (the app default):');
    console.log(header);
    for (const r of results as SizeResult[]) console.log(row(r));
    console.log('saves written by the save worker (offThreadSaves: true):');
    console.log(header);
    for (const r of worker as SizeResult[]) console.log(row(r));
    console.log('\nMain-thread CPU time per autosave from a Chromium trace (sum of thread time of every main-thread task');
    console.log('between the marks; the page runs nothing else), and the longest single task, in CPU and wall time:');
    for (const line of traced) console.log(line);
    console.log('target: 1,000-node autosave main-thread p95 < 5 ms (the trace figures above; the tick-gap figures include');
    console.log('time other processes took the core, as the JSON.stringify column on the same page shows).');

    /** Cold opens of the built app after seeding `designs` designs; ms from navigation to the canvas and to the list. */
    async function openApp(designs: number): Promise<{ canvas: number[]; list: number[] }> {
      const canvas: number[] = [];
      const list: number[] = [];
      for (let i = 0; i < OPEN_RUNS; i++) {
        const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 900 } });
        const seedPage = await ctx.newPage();
        await seedPage.goto(`${url}/__bench/`);
        await seedPage.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
        const stored = await seedPage.evaluate((n) => window.batonBench.seed(n, 30), designs);
        if (stored !== designs) throw new Error(`seeded ${stored} designs`);
        await seedPage.close();
        const app = await ctx.newPage();
        // Record when the canvas region and the first design option are attached, from navigation start.
        await app.addInitScript(() => {
          const w = window as unknown as { __shown: Record<string, number> };
          w.__shown = {};
          new MutationObserver((_m, obs) => {
            if (w.__shown.canvas === undefined && document.querySelector('[aria-label="Canvas"]')) w.__shown.canvas = performance.now();
            if (w.__shown.list === undefined && document.querySelector('[role="listbox"][aria-label="Stored designs"] [role="option"]')) w.__shown.list = performance.now();
            if (w.__shown.canvas !== undefined && w.__shown.list !== undefined) obs.disconnect();
          }).observe(document, { childList: true, subtree: true });
        });
        await app.goto(url);
        await app.getByRole('region', { name: 'Canvas' }).waitFor();
        if (designs > 0) await app.getByRole('listbox', { name: 'Stored designs' }).getByRole('option').first().waitFor();
        const shown = await app.evaluate(() => (window as unknown as { __shown: { canvas: number; list?: number } }).__shown);
        canvas.push(shown.canvas);
        if (shown.list !== undefined) list.push(shown.list);
        await ctx.close();
      }
      return { canvas, list };
    }
    const empty = await openApp(0);
    const full = await openApp(100);
    const p = (xs: number[]): string => `p50 ${ms(percentile(xs, 0.5))}, p95 ${ms(percentile(xs, 0.95))}`;
    console.log(`open the built app, ${OPEN_RUNS} cold runs each, from navigation start:`);
    console.log(`  empty library (first visit), editor on screen:   ${p(empty.canvas)}`);
    console.log(`  100 designs of 30 nodes, designs list on screen: ${p(full.list)}  (target < 1000 ms)`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
