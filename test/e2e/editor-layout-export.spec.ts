/** Auto layout (one undo entry), image export of the whole design, snap and theme controls. */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { design, dragNodeBy, getDoc, historyDepth, node, openEditor } from './editor-helpers.ts';

const chain = () =>
  design('Layout', ['trigger', 'ai', 'check', 'output', 'output'], [
    { id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'ai1' },
    { id: 'e2', source: 'ai1', sourcePort: 'out', target: 'check2' },
    { id: 'e3', source: 'check2', sourcePort: 'pass', target: 'output3' },
    { id: 'e4', source: 'check2', sourcePort: 'fail', target: 'output4' },
  ]);

test('auto layout changes positions left to right and is one undo entry', async ({ page }) => {
  const doc = chain();
  // Scrambled: right to left.
  doc.nodes = doc.nodes.map((n, i) => ({ ...n, position: { x: 1200 - i * 250, y: (i * 137) % 300 } }));
  await openEditor(page, doc);
  const before = await getDoc(page);
  const depth = await historyDepth(page);
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect(page.getByRole('button', { name: 'Auto layout' })).toBeEnabled();
  const after = await getDoc(page);
  expect(after.nodes).not.toEqual(before.nodes);
  const x = (id: string) => after.nodes.find((n) => n.id === id)!.position.x;
  expect(x('trigger0')).toBeLessThan(x('ai1'));
  expect(x('ai1')).toBeLessThan(x('check2'));
  expect(x('check2')).toBeLessThan(x('output3'));
  // FIXED_ORDER ports: the "pass" branch stays above the "fail" branch.
  const y = (id: string) => after.nodes.find((n) => n.id === id)!.position.y;
  expect(y('output3')).toBeLessThan(y('output4'));
  expect(await historyDepth(page)).toBe(depth + 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await getDoc(page)).toEqual(before);
});

// Issue 11, blocker 1: the layout worker answered only its first request.
test('auto layout answers a second and a third press, each one undo step, and frames the result', async ({ page }) => {
  const doc = chain();
  doc.nodes = doc.nodes.map((n, i) => ({ ...n, position: { x: 1200 - i * 250, y: (i * 137) % 300 } }));
  await openEditor(page, doc);
  const button = page.getByRole('button', { name: 'Auto layout' });
  const depth = await historyDepth(page);

  await button.click();
  await expect(button).toBeEnabled();
  const first = await getDoc(page);
  expect(await historyDepth(page)).toBe(depth + 1);

  // Scramble one node by hand (once the view has been framed again), then lay out again: the second request
  // must be answered too.
  await page.waitForTimeout(400);
  await dragNodeBy(page, 'ai1', 0, 150);
  const moved = (await getDoc(page)).nodes.find((n) => n.id === 'ai1')!.position;
  expect(moved).not.toEqual(first.nodes.find((n) => n.id === 'ai1')!.position);
  await button.click();
  await expect(button).toBeEnabled({ timeout: 10_000 });
  const second = await getDoc(page);
  expect(second.nodes.find((n) => n.id === 'ai1')!.position.y).not.toBe(moved.y);
  expect(await historyDepth(page)).toBe(depth + 3);

  // Pan far away; the third layout frames the design again: it starts at the trigger, readable.
  const c = (await page.getByRole('region', { name: 'Canvas' }).boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.wheel(3000, 2000);
  await page.waitForTimeout(200);
  await expect(node(page, 'trigger0')).not.toBeInViewport();
  await button.click();
  await expect(button).toBeEnabled({ timeout: 10_000 });
  await page.waitForTimeout(500);
  await expect(node(page, 'trigger0')).toBeInViewport({ ratio: 1 });
  await expect(node(page, 'ai1')).toBeInViewport({ ratio: 1 });
});

test('export image: PNG and SVG of the whole design, including nodes out of view', async ({ page }) => {
  const doc = chain();
  doc.nodes = doc.nodes.map((n, i) => ({ ...n, position: { x: i * 900, y: 0 } }));
  await openEditor(page, doc);
  // Zoom in on the first node so most of the design is out of view.
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByRole('combobox', { name: 'Find a node' }).fill('trigger');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
  await expect(page.locator('.react-flow__node[data-id="output4"]')).toHaveCount(0);

  for (const [format, name] of [
    ['png', 'PNG image'],
    ['svg', 'SVG image'],
  ] as const) {
    await page.getByRole('button', { name: 'Export image' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name }).click()]);
    expect(download.suggestedFilename()).toBe(`layout.${format}`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.length).toBeGreaterThan(1000);
    if (format === 'png') {
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const width = bytes.readUInt32BE(16);
      // Five nodes 900 px apart: the picture is the whole design, far wider than the view.
      expect(width).toBeGreaterThan(3000);
    } else {
      const text = bytes.toString('utf8');
      expect(text).toMatch(/^<svg/);
      // Every node is in the picture, also those that were out of view.
      for (const id of ['trigger0', 'ai1', 'check2', 'output3', 'output4']) expect(text).toContain(`data-id="${id}"`);
    }
  }
  // Back to rendering only what is visible.
  await expect(page.locator('.react-flow__node[data-id="output4"]')).toHaveCount(0);
});

test('snap to grid and theme are toolbar settings', async ({ page }) => {
  await openEditor(page, design('Settings', ['trigger']));
  const snap = page.getByRole('button', { name: 'Snap to grid' });
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.react-flow')).toHaveClass(/dark/);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect(page.locator('.app')).toHaveAttribute('data-theme', 'light');
});
