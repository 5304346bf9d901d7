/**
 * Where a canvas gesture's frame time goes, from a Chromium trace (devtools.timeline): total duration per
 * main-thread event (style, layout, paint, layerize, script...) while dragging one node and while panning, on
 * the built app. For finding causes; bench/canvas/run.ts is the comparison.
 *
 *   npx vite build --mode e2e && npx tsx bench/canvas/trace.ts --nodes=10000 --zoomed [--css=".react-flow__background{display:none}"]
 *
 * --plain traces the plain React Flow page instead (built by run.ts; --minimap adds its MiniMap).
 * --css injects a stylesheet first, to measure what a rule costs without a rebuild. BENCH_APP_DIST serves another build.
 */
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { loadBaton, loadPlain, zoomIn } from './pages.ts';
import { PLAIN_OUT_DIR } from './vite.config.ts';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const NODES = Number(arg('nodes') ?? 1000);
const ZOOMED = process.argv.includes('--zoomed');
const CSS = arg('css');
const PLAIN = process.argv.includes('--plain');
const PORT = 4193;
const STEPS = 90;

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

async function load(page: Page): Promise<void> {
  if (PLAIN) await loadPlain(page, `http://127.0.0.1:${PORT}`, NODES, process.argv.includes('--minimap'));
  else await loadBaton(page, `http://127.0.0.1:${PORT}/`, NODES);
  if (CSS) await page.addStyleTag({ content: CSS });
  await page.waitForTimeout(600);
  if (ZOOMED) await zoomIn(page);
}

async function traced(page: Page, label: string, gesture: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const t0 = Date.now();
  await gesture();
  const wall = Date.now() - t0;
  await page.waitForTimeout(100);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const main = events.find((e) => e.name === 'CrRendererMain' || (e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain'));
  const mainTid = main?.tid;
  const totals = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.dur && (mainTid === undefined || e.tid === mainTid)) totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  const frames = events.filter((e) => e.name === 'BeginFrame' || e.name === 'DrawFrame').length;
  console.log(`${label}: ${wall} ms wall, ${frames} frame events; main-thread totals (ms, nested events overlap):`);
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
}

async function main(): Promise<void> {
  const appDist = process.env.BENCH_APP_DIST;
  const outDir = PLAIN ? PLAIN_OUT_DIR : appDist;
  const server = await preview({ ...(PLAIN ? { root: new URL('.', import.meta.url).pathname, configFile: false as const } : {}), ...(outDir ? { build: { outDir } } : {}), preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await load(page);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const node = (await page.locator('.react-flow__node').nth(Math.floor((await page.locator('.react-flow__node').count()) / 2)).boundingBox())!;
    const gesture = (from: { x: number; y: number }, button: 'left' | 'middle') => async () => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down({ button });
      for (let i = 1; i <= STEPS; i++) await page.mouse.move(from.x + i * 2, from.y + i);
      await page.mouse.up({ button });
    };
    await traced(page, 'drag', gesture({ x: node.x + node.width / 2, y: node.y + 8 }, 'left'));
    await traced(page, 'pan', gesture({ x: pane.x + 40, y: pane.y + 40 }, 'middle'));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
