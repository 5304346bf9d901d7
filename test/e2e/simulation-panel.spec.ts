/**
 * The Simulation region as a user drives it, in real Chromium against the built app: a batch with progress and
 * Cancel (the page stays responsive), KPIs tagged with data-kpi, stepping one case through a retry and a fallback
 * with node states on the canvas and a fault injected through the panel, a scenario comparison and a sweep, and
 * determinism: the page's exported JSON matches `baton simulate --format json` for the same template and seed.
 * window.__batonStore is used only to load the documents (setup).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import * as z from 'zod';
import { exportWorkflow } from '../../src/interop/export.ts';
import { getTemplate } from '../../src/templates/index.ts';
import { retryFallbackDoc } from '../ui/simulation/sim-fixtures.ts';
import { loadDesign, openEditor } from './editor-helpers.ts';

/** The part of `simulate --format json` (and of the page's export) compared here. */
const resultSchema = z.object({
  scenario: z.string(),
  seed: z.number(),
  cases: z.number(),
  replications: z.number(),
  kpis: z.record(z.string(), z.object({ mean: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable() })),
  nodes: z.record(z.string(), z.unknown()),
});

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Simulation' });
}

async function setNumbers(sim: Locator, n: { cases: number; replications: number; seed?: number }): Promise<void> {
  await sim.getByLabel('Cases').fill(String(n.cases));
  await sim.getByLabel('Replications').fill(String(n.replications));
  if (n.seed !== undefined) await sim.getByLabel('Seed').fill(String(n.seed));
}

function canvasNode(page: Page, id: string): Locator {
  return page.getByRole('region', { name: 'Canvas' }).locator(`[data-node-id="${id}"]`);
}

test('a big batch shows progress and cancels; a normal run then shows every KPI', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Simulate' }).click();
  const sim = panel(page);
  await expect(sim.getByRole('heading', { name: 'Simulation' })).toBeFocused();
  await setNumbers(sim, { cases: 20_000, replications: 400 });
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  const bar = sim.getByRole('progressbar', { name: 'Batch progress' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(sim).toContainText(/left/);
  // The main thread is free while workers run: the canvas still answers a click.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.keyboard.press('Escape');
  await sim.getByRole('button', { name: 'Cancel' }).click();
  await expect(sim.getByRole('status')).toContainText('Batch cancelled');
  await expect(bar).toHaveCount(0);
  await expect(sim.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

  await setNumbers(sim, { cases: 500, replications: 4 });
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  const success = sim.locator('[data-kpi="successRate"]');
  await expect(success).toContainText(/\d+(\.\d)?%/, { timeout: 30_000 });
  for (const name of ['successRate', 'failedRate', 'silentErrorRate', 'cycleSecondsP50', 'cycleSecondsP95', 'cycleSecondsP99', 'meanCycleSeconds', 'costPerCase', 'triesPerSuccess', 'humanHoursPerDay', 'leverage']) {
    await expect(sim.locator(`[data-kpi="${name}"]`)).toHaveCount(1);
  }
  await expect(sim.locator('[data-kpi="costPerCase"]')).toContainText('$');
  await expect(sim.getByRole('img', { name: /Cycle-time histogram/ })).toBeVisible();
  await expect(sim.getByRole('table', { name: 'Closed-form estimate beside simulation' })).toBeVisible();
  // The score card shows the run beside the estimate for that same run, labelled (issue 9).
  const lastRun = page.getByRole('region', { name: 'Complexity score' }).getByRole('table', { name: 'Last simulation run beside the estimate' });
  await expect(lastRun).toContainText('Last run:');
  await expect(lastRun.locator('[data-run-figure="successRate"] td')).toHaveCount(2);
  await expect(lastRun).not.toContainText('NaN');
  // Heat overlay on the canvas.
  await sim.getByLabel('Failure heat on canvas').check();
  await expect(page.getByRole('region', { name: 'Canvas' }).locator('.sim-heat').first()).toBeVisible();
  // Results are not document edits.
  expect(await page.evaluate(() => (window as unknown as { __batonStore: { getState(): { history: { past: unknown[] } } } }).__batonStore.getState().history.past.length)).toBe(0);
});

test('stepping a case shows a retry, a fallback and an injected fault on the canvas', async ({ page }) => {
  await openEditor(page, retryFallbackDoc());
  const sim = panel(page);
  const step = sim.getByRole('button', { name: 'Step' });
  await step.click();
  await expect(sim.getByRole('tab', { name: 'Debug' })).toHaveAttribute('aria-selected', 'true');
  const log = sim.getByRole('list', { name: 'Event log' });
  const seen = new Set<string | null>();
  for (let i = 0; i < 40 && !(await log.textContent())?.includes('retry Fetch record'); i++) {
    await step.click();
    seen.add(await canvasNode(page, 'fetch').locator('[data-sim-status]').getAttribute('data-sim-status'));
  }
  expect([...seen]).toContain('retrying');
  await expect(canvasNode(page, 'fetch').locator('[data-sim-status]')).toHaveAttribute('data-sim-status', 'retrying');
  // Before the fallback is called, make its call fail with a validation error (not retried, not caught).
  await sim.getByLabel('Fault at').selectOption({ label: 'Fallback lookup' });
  await sim.getByLabel('Error').selectOption('validation');
  await sim.getByRole('button', { name: 'Inject fault now' }).click();
  await expect(sim).toContainText('Injected validation at Fallback lookup');
  await sim.getByLabel('Case failed').check();
  await sim.getByLabel('Speed').selectOption('100');
  await sim.getByRole('button', { name: 'Play' }).click();
  await expect(sim.getByRole('status').first()).toContainText(/Breakpoint: case-failed|Finished/, { timeout: 15_000 });
  await expect(canvasNode(page, 'fallback').locator('[data-sim-status]')).toHaveAttribute('data-sim-status', 'failed');
  await expect(sim.getByRole('list', { name: 'Event log' })).toContainText('arrive Fallback lookup');
  await expect(sim.getByRole('list', { name: 'Event log' })).toContainText('error=validation');
  await expect(canvasNode(page, 'fetch').locator('[data-sim-status]')).toHaveAttribute('data-sim-status', 'passed');
});

test('scenario A vs B and a sweep render', async ({ page }) => {
  await openEditor(page, retryFallbackDoc());
  const sim = panel(page);
  await sim.getByRole('tab', { name: 'What-if' }).click();
  await sim.getByLabel('B').selectOption({ label: 'Busy' });
  await sim.getByRole('button', { name: 'Compare' }).click();
  const table = sim.getByRole('table', { name: 'Scenario A versus B' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table.locator('[data-diff-kpi="cycleSecondsP95"]')).toContainText(/[+−±]/);
  await sim.getByLabel('Steps').fill('3');
  await sim.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sim.getByRole('img', { name: /Sweep of Fetch record/ })).toBeVisible({ timeout: 30_000 });
  await expect(sim.locator('[data-sweep-value]')).toHaveCount(3, { timeout: 30_000 });
  // The sweep ran on copies: the open design still has its own maximumAttempts.
  const attempts = await page.evaluate(() => {
    const doc = (window as unknown as { __batonStore: { getState(): { doc: { nodes: { id: string; policy?: { retry?: { maximumAttempts: number }[] } }[] } } } }).__batonStore.getState().doc;
    return doc.nodes.find((n) => n.id === 'fetch')?.policy?.retry?.[0]?.maximumAttempts;
  });
  expect(attempts).toBe(2);
});

test('the same seed gives the same KPIs in the page as baton simulate in Node', async ({ page }) => {
  const template = getTemplate('support-triage');
  if (!template) throw new Error('template missing');
  const doc = template.doc;
  await openEditor(page);
  await loadDesign(page, doc);
  const sim = panel(page);
  const scenario = doc.scenarios?.[0]?.id ?? null;
  await setNumbers(sim, { cases: 400, replications: 5, seed: 2024 });
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sim.locator('[data-kpi="successRate"]')).toContainText('%', { timeout: 30_000 });
  const download = page.waitForEvent('download');
  await sim.getByRole('button', { name: 'Export results' }).click();
  const file = await (await download).path();
  const fromPage = resultSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

  const dir = mkdtempSync(join(tmpdir(), 'baton-sim-'));
  const path = join(dir, 'design.json');
  writeFileSync(path, exportWorkflow(doc));
  const args = ['bin/baton.mjs', 'simulate', path, '--cases', '400', '--replications', '5', '--seed', '2024', '--format', 'json', ...(scenario ? ['--scenario', scenario] : [])];
  let out: string;
  try {
    out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  } catch (e) {
    // Exit 1 means a hypothesis line failed; the JSON is still printed.
    const stdout = e instanceof Error && 'stdout' in e ? e.stdout : '';
    out = typeof stdout === 'string' ? stdout : '';
  }
  const fromCli = resultSchema.parse(JSON.parse(out));
  expect(fromCli.scenario).toBe(scenario);
  expect(fromPage).toMatchObject({ scenario: fromCli.scenario, seed: 2024, cases: 400, replications: 5 });
  // Same figures, to the last bits: Node 20's V8 and Chromium's V8 may round a transcendental (Math.exp, log,
  // pow in the samplers) differently in the last place, so compare to 1e-9 relative rather than bit for bit.
  const close = (a: number | null | undefined, b: number, what: string): void => expect(Math.abs((a ?? NaN) - b), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  expect(Object.keys(fromPage.kpis).sort()).toEqual(Object.keys(fromCli.kpis).sort());
  for (const [name, k] of Object.entries(fromCli.kpis)) {
    const p = fromPage.kpis[name];
    if (k.mean === null) expect(p?.mean, name).toBeNull();
    else close(p?.mean, k.mean, name);
    if (k.ci95 === null) expect(p?.ci95, name).toBeNull();
    else for (const i of [0, 1] as const) close(p?.ci95?.[i], k.ci95[i], `${name} ci95[${i}]`);
  }
  // Node figures (the whole report's: counts exactly, averages such as queue lengths to the same 1e-9).
  const sameFigures = (a: unknown, b: unknown, where: string): void => {
    if (typeof b === 'number') close(typeof a === 'number' ? a : NaN, b, where);
    else if (b !== null && typeof b === 'object' && a !== null && typeof a === 'object') {
      expect(Object.keys(a).sort(), where).toEqual(Object.keys(b).sort());
      for (const [k, v] of Object.entries(b)) sameFigures((a as Record<string, unknown>)[k], v, `${where}.${k}`);
    } else expect(a, where).toEqual(b);
  };
  sameFigures(fromPage.nodes, fromCli.nodes, 'nodes');
});

test('results in plain language: one sentence with SLA breaches, the deadline figure, a log axis, a glossary, A/B verdicts in words', async ({ page }) => {
  const template = getTemplate('kyc-onboarding');
  if (!template) throw new Error('template missing');
  // A tight review SLA (30 min in business hours) so the run has breaches to report.
  const doc = { ...template.doc, nodes: template.doc.nodes.map((n) => (n.id === 'manual-review' && n.kind === 'human' ? { ...n, config: { ...n.config, slaSeconds: 1800 } } : n)) };
  await openEditor(page);
  await loadDesign(page, doc);
  const sim = panel(page);
  await setNumbers(sim, { cases: 300, replications: 3, seed: 1 });
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  const deadline = sim.locator('[data-kpi="deadlineMetRate"]');
  await expect(deadline).toContainText(/Met the 24 h deadline\s*\d+(\.\d)?%/, { timeout: 30_000 });
  // The sentence sits above the figures and names the breaches at the gate.
  const summary = sim.locator('.sim-summary');
  await expect(summary).toContainText(/within the 24 h deadline; under “Sanctions provider outage”, \d+(\.\d)?% succeed/);
  await expect(summary).toContainText(/\d+ of \d+ items at “[^”]+” \(\d+(\.\d)?%\) missed its SLA/);
  const [summaryBox, kpiBox] = await Promise.all([summary.boundingBox(), sim.locator('.sim-kpis').boundingBox()]);
  expect((summaryBox?.y ?? Infinity) < (kpiBox?.y ?? 0)).toBe(true);
  // The histogram says its axis is logarithmic, and marks the deadline.
  await expect(sim.getByRole('img', { name: /Cycle-time histogram on a log scale.*deadline 24 h/ })).toBeVisible();
  await expect(sim.getByText('Cycle time (log scale)')).toBeVisible();
  await expect(sim.locator('.sim-axis-label')).toHaveText('cycle time, log scale');
  // The glossary opens and closes from the results, and defines every term the issue names.
  const terms = sim.getByRole('button', { name: 'What the terms mean' });
  const glossary = sim.getByRole('definition').first();
  await terms.click();
  await expect(terms).toHaveAttribute('aria-expanded', 'true');
  for (const t of ['Stuck', 'Silent error', 'Leverage', 'Interval']) await expect(sim.getByRole('term').filter({ hasText: new RegExp(`^${t}$`) })).toBeVisible();
  await terms.click();
  await expect(terms).toHaveAttribute('aria-expanded', 'false');
  await expect(glossary).toBeHidden();
  // A/B: every row says better or worse in words; rates differ in points, never "pp" or an asterisk.
  await sim.getByRole('tab', { name: 'What-if' }).click();
  await sim.getByLabel('B').selectOption({ label: 'Launch-week surge' });
  await sim.getByRole('button', { name: 'Compare' }).click();
  const table = sim.getByRole('table', { name: 'Scenario A versus B' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('columnheader', { name: 'Verdict' })).toBeVisible();
  await expect(table.locator('[data-diff-kpi="deadlineMetRate"]')).toHaveCount(1);
  const judged = table.locator('[data-verdict="better"], [data-verdict="worse"]');
  expect(await judged.count()).toBeGreaterThan(0);
  for (const row of await judged.all()) {
    const tone = await row.getAttribute('data-verdict');
    await expect(row.locator('td').last()).toContainText(tone === 'better' ? /^▲ better/ : /^▼ worse/);
    // Coloured by whether it is better or worse: green and red, not the text colour.
    const colour = await row.locator('td').last().evaluate((el) => getComputedStyle(el).color);
    const text = await row.locator('th').evaluate((el) => getComputedStyle(el).color);
    expect(colour).not.toBe(text);
  }
  await expect(table).not.toContainText(' pp');
  await expect(table.locator('[data-diff-kpi="successRate"] td').nth(2)).toContainText(/points|±0%/);
});
