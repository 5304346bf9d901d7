/**
 * Live analysis in Chromium: serves bench/analyzer-live with Vite's dev server, opens it in /usr/bin/chromium
 * and prints the median time of a full analysis per template and generated size, and of a drag frame (a move
 * the selectors must answer from the previous analysis).
 *
 * Run: npx tsx bench/analyzer-live/run.ts
 */
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const server = await createServer({ root: new URL('.', import.meta.url).pathname, configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1', fs: { allow: [new URL('../..', import.meta.url).pathname] } } });
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite did not start');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(url);
  const result = await page.waitForFunction(() => (window as unknown as { __benchResult?: unknown }).__benchResult, undefined, { timeout: 300_000 });
  const { rows } = (await result.jsonValue()) as { rows: { name: string; nodes: number; analyzeMs: number; moveMs: number }[] };
  console.log('design                              nodes   analyze ms (median)   drag frame ms (median)');
  for (const r of rows) console.log(`${r.name.padEnd(36)}${String(r.nodes).padStart(5)}   ${r.analyzeMs.toFixed(2).padStart(19)}   ${r.moveMs.toFixed(3).padStart(22)}`);
} finally {
  await browser.close();
  await server.close();
}
