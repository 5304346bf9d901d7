import { expect, test } from '@playwright/test';
import { holdChunks } from './editor-helpers.ts';

test('the app loads, shows a document on the canvas, and logs no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  for (const name of ['Node palette', 'Canvas', 'Inspector', 'Problems', 'Simulation', 'Designs']) {
    await expect(page.getByRole('region', { name })).toBeVisible();
  }
  const nodes = page.locator('.react-flow__node[data-kind]');
  await expect(nodes.first()).toBeVisible();
  expect(await nodes.count()).toBeGreaterThan(3);
  await expect(page.getByRole('button', { name: /^AI tool: / }).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the editor paints before storage opens: busy and inert meanwhile, with no placeholder shown, then the design', async ({ page }) => {
  // Storage is its own chunk, loaded beside the first paint (docs/architecture.md, "First load"): hold it back.
  const release = await holdChunks(page, '**/persistence-wiring-*.js');
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Opening your designs' })).toBeVisible();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'true');
  // Inert content is out of the accessibility tree, so it is found by CSS here.
  await expect(page.locator('.react-flow__pane')).toBeVisible();
  // Nothing about the placeholder document shows (no "Start a workflow" hint, no counts).
  await expect(page.locator('.empty-hint')).toBeHidden();
  await expect(page.locator('.problem-counts')).toBeHidden();
  // Inert: a click on the palette's Trigger adds nothing.
  const trigger = await page.locator('.palette__item[aria-label="Trigger"] .palette__name').boundingBox();
  expect(trigger).not.toBeNull();
  await page.mouse.click((trigger?.x ?? 0) + (trigger?.width ?? 0) / 2, (trigger?.y ?? 0) + (trigger?.height ?? 0) / 2);
  await page.waitForTimeout(200);
  const nodes = await page.evaluate(() => (window as unknown as { __batonStore: { getState(): { doc: { nodes: unknown[] } } } }).__batonStore.getState().doc.nodes.length);
  expect(nodes).toBe(0);
  release();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByText('Opening your designs')).toHaveCount(0);
  // A first visit: the sample, with the gallery.
  await expect(page.getByRole('dialog', { name: 'Start from a template' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^AI tool: / }).first()).toBeVisible();
});

test('"Opening your designs…" takes the dark theme (readable, not a white box on a dark page)', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  const release = await holdChunks(page, '**/persistence-wiring-*.js');
  await page.goto('/');
  const label = page.getByRole('status').filter({ hasText: 'Opening your designs' });
  await expect(label).toBeVisible();
  const colours = await label.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color }));
  // The dark theme's surface and text (src/ui/styles.css, .app[data-theme='dark']).
  expect(colours).toEqual({ background: 'rgb(23, 26, 33)', text: 'rgb(230, 233, 239)' });
  release();
  await expect(label).toHaveCount(0);
  await context.close();
});
