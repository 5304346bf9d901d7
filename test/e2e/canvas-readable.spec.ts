/**
 * Issue 11, "Readable canvas": a design opens at a zoom where its labels can be read (the trigger first, the
 * minimap for the rest), and the minimap never covers nodes, also with the Simulation panel expanded.
 */
import { expect, test, type Page } from '@playwright/test';
import { design, everyKind, openEditor } from './editor-helpers.ts';

/** The zoom of the canvas's viewport transform. */
async function zoom(page: Page): Promise<number> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? NaN);
}

/** The smallest on-screen size, in px, of the node labels currently drawn. */
async function smallestLabelPx(page: Page): Promise<number> {
  const z = await zoom(page);
  const sizes = await page.locator('.react-flow__node .wf-node__label').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
  expect(sizes.length).toBeGreaterThan(0);
  return Math.min(...sizes) * z;
}

/** Ids of the nodes the minimap covers (none when it is hidden). */
async function underMinimap(page: Page): Promise<string[]> {
  const mini = page.locator('.react-flow__minimap');
  if ((await mini.count()) === 0) return [];
  const m = (await mini.boundingBox())!;
  const hits: string[] = [];
  for (const n of await page.locator('.react-flow__node').all()) {
    const b = await n.boundingBox();
    if (b && b.x < m.x + m.width && b.x + b.width > m.x && b.y < m.y + m.height && b.y + b.height > m.y) hits.push((await n.getAttribute('data-id')) ?? '?');
  }
  return hits;
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width}x${size.height} a template and the sample open with readable labels, starting at the trigger`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    const gallery = page.getByRole('dialog', { name: 'Start from a template' });
    await gallery.getByRole('button', { name: 'KYC onboarding' }).click();
    await expect(gallery).toBeHidden();
    await page.waitForTimeout(300);
    expect(await smallestLabelPx(page)).toBeGreaterThanOrEqual(10);
    // The trigger is in view: the person starts reading where cases start.
    await expect(page.locator('.react-flow__node[data-kind="trigger"]').first()).toBeInViewport({ ratio: 1 });
    // The minimap shows the rest where it leaves the opened view's nodes clear; where it would cover one it
    // starts hidden and its button shows it.
    expect(await underMinimap(page)).toEqual([]);
    const minimapButton = page.getByRole('button', { name: 'Minimap' });
    await expect(minimapButton).toHaveAttribute('aria-pressed', String((await page.locator('.react-flow__minimap').count()) > 0));

    await page.getByRole('region', { name: 'Designs' }).getByRole('button', { name: 'New design' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Support ticket triage' }).click();
    await page.waitForTimeout(300);
    expect(await smallestLabelPx(page)).toBeGreaterThanOrEqual(10);
  });
}

test('at 1280x720 a small design opens whole at a readable zoom, clipped nowhere and with no node under the minimap', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  // Two rows of three steps: readable whole in this canvas, but not beside or above the minimap.
  const doc = design('Two rows', ['trigger', 'ai', 'tool', 'human', 'check', 'output']);
  const placed = { ...doc, nodes: doc.nodes.map((n, i) => ({ ...n, position: { x: (i % 3) * 300, y: i < 3 ? 0 : 260 } })) };
  await page.evaluate((d) => (window as unknown as { __batonStore: { getState(): { loadDocument(x: unknown): void } } }).__batonStore.getState().loadDocument(d), placed);
  await page.waitForTimeout(400);
  const canvas = (await page.getByRole('region', { name: 'Canvas' }).boundingBox())!;
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(6);
  for (const n of await nodes.all()) {
    const b = (await n.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(canvas.x);
    expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(b.y).toBeGreaterThanOrEqual(canvas.y);
    expect(b.y + b.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
  expect(await smallestLabelPx(page)).toBeGreaterThanOrEqual(10);
  expect(await underMinimap(page)).toEqual([]);
  // The minimap is one click away, and a second click hides it again.
  const minimapButton = page.getByRole('button', { name: 'Minimap' });
  await minimapButton.click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await minimapButton.click();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
});

test('a blank design shows no empty minimap; it appears with the first node', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('dialog', { name: 'Start from a template' }).getByRole('button', { name: 'Blank design' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.getByRole('region', { name: 'Node palette' }).getByRole('button', { name: 'Trigger', exact: true }).click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  expect(await underMinimap(page)).toEqual([]);
});

test('the minimap never covers a node, with the Simulation panel expanded too', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page, everyKind());
  const covered = (): Promise<string[]> => underMinimap(page);
  expect(await covered()).toEqual([]);
  await page.getByRole('button', { name: 'Expand panel' }).click();
  await page.keyboard.press('Shift+Digit1');
  await page.waitForTimeout(400);
  expect(await covered()).toEqual([]);
  await page.getByRole('button', { name: 'Shrink panel' }).click();
  await page.keyboard.press('Shift+Digit1');
  await page.waitForTimeout(400);
  expect(await covered()).toEqual([]);
});

test('debug states on the nodes are readable at fit zoom', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page, everyKind());
  await page.getByRole('region', { name: 'Simulation' }).getByRole('button', { name: 'Step' }).click();
  await page.getByRole('region', { name: 'Simulation' }).getByRole('button', { name: 'Step' }).click();
  const badge = page.locator('.react-flow__node .sim-state').first();
  await expect(badge).toBeVisible();
  await page.keyboard.press('Shift+Digit1');
  await page.waitForTimeout(400);
  expect(await zoom(page)).toBeLessThan(0.75);
  const b = (await badge.boundingBox())!;
  // An 11 px caption drawn at least about 10.5 px tall on screen.
  expect(b.height).toBeGreaterThanOrEqual(13);
});
