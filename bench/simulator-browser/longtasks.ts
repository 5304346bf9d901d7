/**
 * Main-thread long tasks while the page runs a big batch (docs/simulator.md: batches never block the page).
 * Serves the BUILT app (`npx vite build --mode e2e` first, for window.__batonStore) with vite preview, opens it in /usr/bin/chromium, loads a template,
 * runs N cases x R replications through the Simulation panel as a user would, and records every 'longtask'
 * (PerformanceObserver) from the click on Run to the KPIs on screen. Target: none over 50 ms.
 *
 *   npx vite build --mode e2e && npx tsx bench/simulator-browser/longtasks.ts [--cases 10000] [--replications 10] [--template support-triage]
 *   [--runs 3] [--throttle 4] [--profile] [--outDir DIR[,DIR2...]]
 *
 * --outDir takes several builds, comma-separated, measured one after the other the same way: build the commit
 * before a change into another folder (`npx vite build --mode e2e --outDir /tmp/before`) to print before and after side by
 * side. --runs repeats each measurement (the VM is shared; look at the spread). --throttle slows the page's CPU
 * (Chromium's CPU throttling; workers are not throttled) to show what a slower or busier machine would see.
 * --profile prints main-thread self time by function (build with --minify false to read it).
 * Prints, per build and run: the batch wall time (click on Run to the KPIs on screen) and the long tasks (count,
 * max, over 50 ms); then a summary line per build.
 */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { getTemplate } from '../../src/templates/index.ts';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const cases = Number(arg('cases', '10000'));
const replications = Number(arg('replications', '10'));
const templateId = arg('template', 'support-triage');
const port = Number(arg('port', '4319'));

const template = getTemplate(templateId);
if (!template) throw new Error(`no template ${templateId}`);

const outDirs = arg('outDir', 'dist').split(',');
const runs = Number(arg('runs', '1'));
const throttle = Number(arg('throttle', '1'));
const profile = process.argv.includes('--profile');
/** Pool size, by overriding navigator.hardwareConcurrency in the page (the pool's default); 0 keeps the machine's. */
const workers = Number(arg('workers', '0'));

interface Measurement {
  readonly wallSeconds: number;
  /** Relative to the click on Run; `js`: ms sampled running JS inside the task (with --profile). */
  readonly tasks: readonly { start: number; duration: number; js?: number }[];
  /** With --profile: ms sampled running JS on the main thread from the click to the KPIs on screen. */
  readonly mainJs?: number;
}

async function serve(outDir: string, port: number): Promise<() => void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return () => {
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
  };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
let concurrency = 0;

async function measure(url: string): Promise<Measurement> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  if (workers > 0) await page.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${workers} })`);
  try {
    await page.goto(url);
    await page.getByRole('region', { name: 'Canvas' }).waitFor();
    await page.locator('.app[aria-busy="false"]').waitFor();
    await page.waitForTimeout(1000);
    const gallery = page.getByRole('dialog', { name: 'Start from a template' });
    if (await gallery.isVisible()) await page.keyboard.press('Escape');
    await page.evaluate((d) => (window as unknown as { __batonStore: { getState(): { loadDocument(x: unknown): void } } }).__batonStore.getState().loadDocument(d), template?.doc);
    await page.waitForTimeout(500);
    const sim = page.getByRole('region', { name: 'Simulation' });
    await sim.getByLabel('Cases').fill(String(cases));
    await sim.getByLabel('Replications').fill(String(replications));
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    let markEnd = 0;
    let mainJs: number | undefined;
    const cdp = profile || throttle !== 1 ? await page.context().newCDPSession(page) : null;
    if (cdp && throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (cdp && profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      // A 20 ms busy loop by a known name: where its samples end in the profile is `markEnd` on the page's clock.
      // (A string: tsx would wrap a named function in a helper the page does not have.)
      markEnd = Number(await page.evaluate('(() => { function benchClockMark() { const end = performance.now() + 20; while (performance.now() < end); return performance.now(); } return benchClockMark(); })()'));
    }
    concurrency = await page.evaluate(() => navigator.hardwareConcurrency);
    const t0 = await page.evaluate(() => performance.now());
    await sim.getByRole('button', { name: 'Run', exact: true }).click();
    // A cheap poll (one querySelector every 50 ms): Playwright's locator engine would itself cost main-thread time.
    await page.waitForFunction(
      (text) => document.querySelector('.sim-results')?.firstElementChild?.textContent?.includes(text) === true && document.querySelector('[data-kpi="successRate"]') !== null,
      `${cases.toLocaleString('en-US')} cases × ${replications} replications`,
      { polling: 50, timeout: 600_000 },
    );
    const t1 = await page.evaluate(() => performance.now());
    await page.waitForTimeout(300); // let the observer deliver the last entries
    const tasks: { start: number; duration: number; js?: number }[] = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
    if (cdp && profile) {
      // Where main-thread time went, by function (self time): what to optimise when a long task shows up. Samples
      // are placed on the page's clock from the moment the profiler started (a few ms of slack), so each long task
      // can be given its own top functions.
      const { profile: prof } = await cdp.send('Profiler.stop');
      const byId = new Map(prof.nodes.map((n) => [n.id, n]));
      const dts = prof.timeDeltas ?? [];
      const keyOf = (id: number): string => {
        const n = byId.get(id);
        return n ? `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber}` : '?';
      };
      const times: number[] = [];
      let acc = 0;
      let markAt = 0;
      (prof.samples ?? []).forEach((id, i) => {
        acc += (dts[i] ?? 0) / 1000;
        times.push(acc);
        if (byId.get(id)?.callFrame.functionName === 'benchClockMark') markAt = acc;
      });
      const offset = markEnd - markAt;
      const top = (from: number, to: number, k: number): [string, number][] => {
        const self = new Map<string, number>();
        (prof.samples ?? []).forEach((id, i) => {
          const dt = (dts[i] ?? 0) / 1000;
          const at = (times[i] ?? 0) + offset;
          if (at < from || at > to) return;
          const key = keyOf(id);
          self.set(key, (self.get(key) ?? 0) + dt);
        });
        return [...self.entries()].filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, k);
      };
      mainJs = top(t0, t1, 100_000).reduce((a, [, v]) => a + v, 0);
      console.log(`  main-thread JS during the batch: ${mainJs.toFixed(0)} ms; self time, top functions (ms):`);
      for (const [key, v] of top(-Infinity, Infinity, 15)) console.log(`    ${v.toFixed(1).padStart(7)}  ${key}`);
      // JS time sampled inside each long task: far less than its duration means the thread was waiting for a
      // core (2 busy workers on a 2-core machine), not running the page's code.
      for (const t of tasks.filter((x) => x.start >= t0 - 1 && x.start <= t1 + 300)) {
        const inside = top(t.start - 3, t.start + t.duration + 3, 1000);
        const js = inside.reduce((a, [, v]) => a + v, 0);
        t.js = js;
        console.log(
          `  long task of ${t.duration.toFixed(0)} ms at +${(t.start - t0).toFixed(0)}, ${js.toFixed(0)} ms of it sampled running: ${inside
            .slice(0, 5)
            .map(([key, v]) => `${key} ${v.toFixed(0)}`)
            .join(', ')}`,
        );
      }
    }
    return { ...(mainJs !== undefined ? { mainJs } : {}), wallSeconds: (t1 - t0) / 1000, tasks: tasks.filter((t) => t.start >= t0 - 1 && t.start <= t1 + 300).map((t) => ({ ...t, start: t.start - t0 })) };
  } finally {
    await page.close();
  }
}

const summaries: string[] = [];
let failed = false;
try {
  for (const [k, outDir] of outDirs.entries()) {
    const stop = await serve(outDir, port + k);
    try {
      const all: Measurement[] = [];
      for (let r = 0; r < runs; r++) {
        const m = await measure(`http://127.0.0.1:${port + k}/`);
        all.push(m);
        const max = m.tasks.reduce((x, t) => Math.max(x, t.duration), 0);
        console.log(
          `${outDir} run ${r + 1}:${m.mainJs !== undefined ? ` main-thread JS ${m.mainJs.toFixed(0)} ms;` : ''} wall ${m.wallSeconds.toFixed(2)} s; long tasks ${m.tasks.length} (max ${max.toFixed(0)} ms, over 50 ms ${m.tasks.filter((t) => t.duration > 50).length})${m.tasks.length ? ': ' + m.tasks.map((t) => `${t.duration.toFixed(0)} ms at +${t.start.toFixed(0)}`).join(', ') : ''}`,
        );
      }
      const counts = all.map((m) => m.tasks.length);
      const maxes = all.map((m) => m.tasks.reduce((x, t) => Math.max(x, t.duration), 0));
      const walls = all.map((m) => m.wallSeconds).sort((a, b) => a - b);
      const over = all.reduce((x, m) => x + m.tasks.filter((t) => t.duration > 50).length, 0);
      if (over > 0) failed = true;
      // With --profile: long tasks that were mostly running JS (the page's own work) vs mostly waiting for a core.
      const busy = all.flatMap((m) => m.tasks.filter((t) => t.js !== undefined && t.js >= 0.5 * t.duration));
      const js = all.map((m) => m.mainJs ?? 0).sort((a, b) => a - b);
      const maxJs = all.flatMap((m) => m.tasks.map((t) => t.js ?? 0)).reduce((x, y) => Math.max(x, y), 0);
      summaries.push(
        `${outDir}: ${runs} run(s); long tasks per run ${Math.min(...counts)}-${Math.max(...counts)}, max ${Math.max(...maxes).toFixed(0)} ms, over 50 ms in all runs: ${over}; wall ${walls[0]?.toFixed(2)}-${walls.at(-1)?.toFixed(2)} s (median ${walls[Math.floor(walls.length / 2)]?.toFixed(2)} s)` +
          (profile ? `; mostly running JS: ${busy.length} (max ${busy.reduce((x, t) => Math.max(x, t.duration), 0).toFixed(0)} ms), most JS sampled in one long task ${maxJs.toFixed(0)} ms; main-thread JS per batch ${js[0]?.toFixed(0)}-${js.at(-1)?.toFixed(0)} ms (median ${js[Math.floor(js.length / 2)]?.toFixed(0)})` : ''),
      );
    } finally {
      stop();
    }
  }
  console.log(
    `template ${templateId}: ${cases.toLocaleString('en-US')} cases x ${replications} replications, workers = navigator.hardwareConcurrency (${concurrency}${workers > 0 ? ', set by --workers' : ''})${throttle !== 1 ? `, page CPU throttled ${throttle}x` : ''}`,
  );
  for (const line of summaries) console.log(line);
  console.log(failed ? 'FAIL: long tasks over 50 ms (note: the browser reports every task >= 50 ms)' : 'PASS: no long task over 50 ms');
  process.exitCode = failed ? 1 : 0;
} finally {
  await browser.close();
}
