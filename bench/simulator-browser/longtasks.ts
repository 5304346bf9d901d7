/**
 * Main-thread long tasks while the page runs a big batch (docs/simulator.md: batches never block the page).
 * Serves the BUILT app (`npx vite build` first) with vite preview, opens it in /usr/bin/chromium, loads a template,
 * runs N cases x R replications through the Simulation panel as a user would, and records every 'longtask'
 * (PerformanceObserver) from the click on Run to the KPIs on screen. Target: none over 50 ms.
 *
 *   npx vite build && npx tsx bench/simulator-browser/longtasks.ts [--cases 10000] [--replications 10] [--template support-triage]
 *   [--profile] [--outDir DIR]   (--profile prints main-thread self time by function; build with --minify false to read it)
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

const outDir = arg('outDir', 'dist');
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: 'ignore', detached: true });
const stopServer = (): void => {
  if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
};
const url = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.getByRole('region', { name: 'Canvas' }).waitFor();
  await page.waitForTimeout(1000);
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  if (await gallery.isVisible()) await page.keyboard.press('Escape');
  await page.evaluate((d) => (window as unknown as { __batonStore: { getState(): { loadDocument(x: unknown): void } } }).__batonStore.getState().loadDocument(d), template.doc);
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
  const profile = process.argv.includes('--profile');
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
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
  if (cdp) {
    // Where main-thread time went, by function (self time): what to optimise when a long task shows up.
    const { profile: prof } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const dts = prof.timeDeltas ?? [];
    (prof.samples ?? []).forEach((id, i) => {
      const n = byId.get(id);
      const key = n ? `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber}` : '?';
      self.set(key, (self.get(key) ?? 0) + (dts[i] ?? 0) / 1000);
    });
    const top = [...self.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log('main-thread self time, top functions (ms):');
    for (const [k, v] of top) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  }
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const inRun = tasks.filter((t) => t.start >= t0 - 1 && t.start <= t1 + 300);
  const max = inRun.reduce((m, t) => Math.max(m, t.duration), 0);
  const over50 = inRun.filter((t) => t.duration > 50);
  console.log(`template ${templateId}: ${cases.toLocaleString('en-US')} cases x ${replications} replications, workers = navigator.hardwareConcurrency (${await page.evaluate(() => navigator.hardwareConcurrency)})`);
  console.log(`batch wall time in the page: ${((t1 - t0) / 1000).toFixed(2)} s`);
  console.log(`long tasks on the main thread during the batch: ${inRun.length} (max ${max.toFixed(0)} ms; over 50 ms: ${over50.length})`);
  for (const t of inRun) console.log(`  at +${(t.start - t0).toFixed(0)} ms: ${t.duration.toFixed(0)} ms`);
  console.log(over50.length === 0 ? 'PASS: no long task over 50 ms' : 'FAIL: long tasks over 50 ms (note: the browser reports every task >= 50 ms)');
  process.exitCode = over50.length === 0 ? 0 : 1;
} finally {
  await browser.close();
  stopServer();
}
