/**
 * Canvas frame times in real Chromium: Baton's editor (the built app, served by vite preview) against plain
 * React Flow (plain.html, built in the same run with the same viewport options), same graphs, same gestures.
 *
 *   npx tsx bench/canvas/run.ts            # builds the plain page; uses dist/ (run `npx vite build --mode e2e` first: the benches read the e2e build's window.__batonStore)
 *   npx tsx bench/canvas/run.ts --build    # also builds the app
 *   npx tsx bench/canvas/run.ts --quick    # 200 and 1,000 nodes only
 *   npx tsx bench/canvas/run.ts --runs=5   # repetitions per case (median reported; default 3)
 *   npx tsx bench/canvas/run.ts --nodes=10000   # one case
 *   npx tsx bench/canvas/run.ts --minimap=off   # minimap: default (Baton as shipped, plain without one),
 *                                               # off (neither has one) or on (both have React Flow's MiniMap)
 *   npx tsx bench/canvas/run.ts --profile       # also print Baton's top self-time functions per gesture (CDP Profiler)
 *
 * Frame time = delta between requestAnimationFrame callbacks while the gesture runs. Gestures are synthesised
 * pointer events sent as fast as the page takes them, so a slow render shows up as long frames.
 * Cases: drag one node and pan (middle-button drag), with 200, 1,000 and 5,000 nodes fully in view, and
 * 10,000 nodes zoomed in to 100 %. Targets: p95 ratio to plain React Flow <= 1.2; 1,000-node drag p95 <= 33 ms.
 */
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { loadBaton, loadPlain, zoomIn } from './pages.ts';
import { PLAIN_OUT_DIR } from './vite.config.ts';

const args = new Set(process.argv.slice(2));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const APP_PORT = 4191;
const PLAIN_PORT = 4192;
const STEPS = 90;
/** Each case runs this many times, plain and Baton alternating; the median p50/p95 is reported (a shared,
 * loaded machine makes single runs noisy). */
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);

interface Case {
  readonly nodes: number;
  readonly zoomedIn: boolean;
}
const only = process.argv.find((a) => a.startsWith('--nodes='))?.slice(8);
const ALL_CASES: Case[] = args.has('--quick')
  ? [
      { nodes: 200, zoomedIn: false },
      { nodes: 1000, zoomedIn: false },
    ]
  : [
      { nodes: 200, zoomedIn: false },
      { nodes: 1000, zoomedIn: false },
      { nodes: 5000, zoomedIn: false },
      { nodes: 10000, zoomedIn: true },
    ];
const CASES = only ? ALL_CASES.filter((c) => String(c.nodes) === only) : ALL_CASES;
/** default: Baton as shipped (minimap shown up to MINIMAP_AUTO_LIMIT nodes) against plain React Flow without one. */
const MINIMAP = (process.argv.find((a) => a.startsWith('--minimap='))?.slice(10) ?? 'default') as 'default' | 'on' | 'off';
if (!['default', 'on', 'off'].includes(MINIMAP)) throw new Error('--minimap= takes default, on or off');
const PROFILE = args.has('--profile');

type Target = 'baton' | 'plain';
interface Stats {
  p50: number;
  p95: number;
  frames: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(page: Page, target: Target, c: Case): Promise<void> {
  if (target === 'baton') await loadBaton(page, `http://127.0.0.1:${APP_PORT}/`, c.nodes, MINIMAP === 'default' ? undefined : MINIMAP === 'on');
  else await loadPlain(page, `http://127.0.0.1:${PLAIN_PORT}`, c.nodes, MINIMAP === 'on');
  await page.waitForTimeout(600);
  if (c.zoomedIn) await zoomIn(page);
  await page.locator('.react-flow__node').first().waitFor({ state: 'attached' });
}

/** The visible node nearest the pane's centre. */
// In-page scripts are strings: tsx (esbuild keepNames) would wrap named functions in a `__name` helper the
// page does not have.
const CENTRE_NODE = `(() => {
  const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
  const cx = pane.left + pane.width / 2, cy = pane.top + pane.height / 2;
  let best = { x: cx, y: cy, d: Infinity };
  for (const el of document.querySelectorAll('.react-flow__node')) {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 8);
    const d = Math.hypot(x - cx, y - cy);
    if (d < best.d) best = { x, y, d };
  }
  return { x: best.x, y: best.y };
})()`;
const START_FRAMES = `(() => {
  window.__frames = []; window.__rec = true;
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__rec) requestAnimationFrame(tick); };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
})()`;
const STOP_FRAMES = `(() => { window.__rec = false; return window.__frames; })()`;

async function centreNode(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(CENTRE_NODE) as Promise<{ x: number; y: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
/** Self time per function over a CPU profile, top 12 (names from the minified build: read with the source map). */
function topSelf(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${k}`).join('\n');
}

async function measure(page: Page, gesture: () => Promise<void>, label = ''): Promise<Stats> {
  const cdp = PROFILE && label ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(START_FRAMES);
  await gesture();
  // Let the last frame land.
  await page.waitForTimeout(100);
  const frames = (await page.evaluate(STOP_FRAMES)) as number[];
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    console.log(`  ${label}: top self time\n${topSelf(profile)}`);
    await cdp.detach();
  }
  const sorted = [...frames].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), frames: frames.length };
}

async function drag(page: Page, from: { x: number; y: number }, button: 'left' | 'middle'): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button });
  for (let i = 1; i <= STEPS; i++) await page.mouse.move(from.x + i * 2, from.y + i);
  await page.mouse.up({ button });
}

async function runCase(page: Page, target: Target, c: Case): Promise<{ drag: Stats; pan: Stats }> {
  await load(page, target, c);
  const start = await centreNode(page);
  const label = (g: string): string => `${target} ${c.nodes} ${g}`;
  const dragStats = await measure(page, () => drag(page, start, 'left'), label('drag'));
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const panStats = await measure(page, () => drag(page, { x: pane.x + 40, y: pane.y + 40 }, 'middle'), label('pan'));
  return { drag: dragStats, pan: panStats };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function medianOf(rs: { drag: Stats; pan: Stats }[]): { drag: Stats; pan: Stats } {
  const m = (g: 'drag' | 'pan'): Stats => ({ p50: median(rs.map((r) => r[g].p50)), p95: median(rs.map((r) => r[g].p95)), frames: median(rs.map((r) => r[g].frames)) });
  return { drag: m('drag'), pan: m('pan') };
}

const fmt = (n: number): string => n.toFixed(1).padStart(6);

async function main(): Promise<void> {
  if (args.has('--build')) await build({ logLevel: 'warn' });
  await build({ configFile: new URL('./vite.config.ts', import.meta.url).pathname });
  // BENCH_APP_DIST serves another build of the app (an experiment) instead of dist/.
  const appDist = process.env.BENCH_APP_DIST;
  const app = await preview({ ...(appDist ? { build: { outDir: appDist } } : {}), preview: { port: APP_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const plain = await preview({ root: new URL('.', import.meta.url).pathname, build: { outDir: PLAIN_OUT_DIR }, preview: { port: PLAIN_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn', configFile: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-renderer-backgrounding'] });
  const results: string[] = [];
  let ok = true;
  try {
    console.log(`minimap: ${MINIMAP === 'default' ? 'Baton as shipped, plain without' : MINIMAP === 'on' ? 'both with' : 'neither'}; ${RUNS} runs, median`);
    console.log('case                      gesture  baton p50/p95 (ms)   plain p50/p95 (ms)   p95 ratio');
    for (const c of CASES) {
      const runs: Record<Target, { drag: Stats; pan: Stats }[]> = { plain: [], baton: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const target of ['plain', 'baton'] as const) {
          const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
          runs[target].push(await runCase(page, target, c));
          await page.close();
        }
      }
      const r = { plain: medianOf(runs.plain), baton: medianOf(runs.baton) };
      for (const g of ['drag', 'pan'] as const) {
        const b = r.baton[g];
        const p = r.plain[g];
        const ratio = b.p95 / p.p95;
        const name = `${c.nodes.toLocaleString('en')} nodes${c.zoomedIn ? ' zoomed in' : ' in view'}`.padEnd(26);
        const line = `${name}${g.padEnd(9)}${fmt(b.p50)} /${fmt(b.p95)}      ${fmt(p.p50)} /${fmt(p.p95)}      ${ratio.toFixed(2)}`;
        console.log(line);
        results.push(line);
        if (ratio > 1.2) ok = false;
        if (c.nodes === 1000 && g === 'drag' && b.p95 > 33) ok = false;
      }
    }
  } finally {
    await browser.close();
    await app.close();
    await plain.close();
  }
  console.log(ok ? 'targets met (p95 ratio <= 1.2, 1,000-node drag p95 <= 33 ms)' : 'TARGETS MISSED (p95 ratio <= 1.2, 1,000-node drag p95 <= 33 ms)');
  process.exitCode = ok ? 0 : 1;
}

await main();
