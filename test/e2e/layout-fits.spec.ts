/**
 * Issue 11, "Fits a laptop": at 1280x720 and 1440x900 the toolbar is one row and the designs list shows several
 * designs; every panel is collapsible and resizable with a WAI-ARIA window splitter, and the sizes are remembered.
 */
import { expect, test, type Page } from '@playwright/test';
import { designOptions, designs, startBlank } from './designs-helpers.ts';
import { openEditor } from './editor-helpers.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

async function toolbarIsOneRow(page: Page): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Editor toolbar' });
  const box = (await toolbar.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(48);
  const controls = toolbar.locator(':scope > button, :scope > select, :scope > span > button');
  const n = await controls.count();
  expect(n).toBeGreaterThan(8);
  for (let i = 0; i < n; i++) {
    const b = (await controls.nth(i).boundingBox())!;
    // Every control inside the toolbar's one row, none pushed past its right edge.
    expect(b.y).toBeGreaterThanOrEqual(box.y);
    expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height);
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
  }
  expect(await toolbar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
}

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} the toolbar is one row and the designs list shows several designs`, async ({ page }) => {
    await page.setViewportSize(size);
    await startBlank(page);
    await toolbarIsOneRow(page);
    // Four more designs.
    for (let i = 2; i <= 5; i++) {
      await designs(page).getByRole('button', { name: 'New design' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Blank design' }).click();
      await expect(designOptions(page)).toHaveCount(i);
    }
    const list = designs(page).getByRole('listbox', { name: 'Stored designs' });
    const listBox = (await list.boundingBox())!;
    let fullyVisible = 0;
    for (let i = 0; i < 5; i++) {
      const b = (await designOptions(page).nth(i).boundingBox())!;
      if (b.y >= listBox.y - 1 && b.y + b.height <= listBox.y + listBox.height + 1 && b.y + b.height <= size.height) fullyVisible++;
    }
    expect(fullyVisible).toBeGreaterThanOrEqual(3);
    // One click on a design opens it.
    await designOptions(page).nth(2).click();
    await expect(designOptions(page).nth(2)).toHaveAttribute('aria-current', 'true');
  });
}

test('each panel resizes with a keyboard-operable window splitter; sizes and collapsed panels are remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await startBlank(page);
  const separators = page.getByRole('separator');
  for (const name of ['Resize left panels', 'Resize Node palette', 'Resize Inspector', 'Resize bottom panels', 'Resize Problems']) {
    await expect(page.getByRole('separator', { name })).toHaveAttribute('aria-valuenow', /^\d+$/);
  }
  expect(await separators.count()).toBe(5);

  // Arrow keys move the inspector's splitter: the inspector grows, the canvas shrinks.
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const before = (await inspector.boundingBox())!.width;
  const sep = page.getByRole('separator', { name: 'Resize Inspector' });
  const valueBefore = Number(await sep.getAttribute('aria-valuenow'));
  await sep.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(sep).toHaveAttribute('aria-valuenow', String(valueBefore + 60));
  expect((await inspector.boundingBox())!.width).toBeCloseTo(before + 60, -1);

  // The bottom panels by mouse: drag the splitter up by 80 px.
  const dockSep = page.getByRole('separator', { name: 'Resize bottom panels' });
  const dockBefore = Number(await dockSep.getAttribute('aria-valuenow'));
  const d = (await dockSep.boundingBox())!;
  const y0 = d.y + d.height / 2;
  await page.mouse.move(d.x + 200, y0);
  await page.mouse.down();
  await page.mouse.move(d.x + 200, y0 - 40, { steps: 4 });
  await page.mouse.move(d.x + 200, y0 - 80, { steps: 4 });
  await page.mouse.up();
  await expect(dockSep).toHaveAttribute('aria-valuenow', String(dockBefore + 80));

  // Collapse the palette and the Simulation panel; the canvas gets the room; a rail brings each back.
  const canvasBefore = (await page.getByRole('region', { name: 'Canvas' }).boundingBox())!;
  await page.getByRole('button', { name: 'Collapse Node palette' }).click();
  await expect(page.getByRole('region', { name: 'Node palette' })).toBeHidden();
  await page.getByRole('button', { name: 'Collapse Designs' }).click();
  await expect(page.getByRole('region', { name: 'Designs' })).toBeHidden();
  const canvasAfter = (await page.getByRole('region', { name: 'Canvas' }).boundingBox())!;
  expect(canvasAfter.width).toBeGreaterThan(canvasBefore.width + 150);
  await page.getByRole('button', { name: 'Collapse Simulation' }).click();
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeHidden();

  // Remembered after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Node palette' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeHidden();
  await expect(page.getByRole('separator', { name: 'Resize Inspector' })).toHaveAttribute('aria-valuenow', String(valueBefore + 60));
  await page.getByRole('button', { name: 'Expand Node palette' }).click();
  await expect(page.getByRole('region', { name: 'Node palette' })).toBeVisible();
  await page.getByRole('button', { name: 'Expand Simulation' }).click();
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeVisible();
  // Enter on a splitter collapses its panel; Enter again restores it.
  await sep.focus();
  await page.keyboard.press('Enter');
  await expect(inspector).toBeHidden();
  await page.getByRole('button', { name: 'Expand Inspector' }).click();
  await expect(inspector).toBeVisible();
});

test('the toolbar counts take you to the findings, expanding the Problems panel', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await page.getByRole('button', { name: 'Collapse Problems' }).click();
  await expect(page.getByRole('region', { name: 'Problems' })).toBeHidden();
  await page.getByRole('button', { name: /^Problems: / }).click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toBeVisible();
  await expect(problems).toBeFocused();
  // The first finding is on screen, inside the panel.
  const first = problems.locator('[data-rule-id]').first();
  await expect(first).toBeInViewport();
  const pb = (await problems.boundingBox())!;
  const fb = (await first.boundingBox())!;
  expect(fb.y).toBeGreaterThanOrEqual(pb.y);
  expect(fb.y + 20).toBeLessThanOrEqual(pb.y + pb.height);
});

test('the palette never scrolls sideways: each kind fits its row, its hint cut with an ellipsis, also after clicking every item twice', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  const palette = page.getByRole('region', { name: 'Node palette' });
  const sideways = (): Promise<{ scrollWidth: number; clientWidth: number; scrollLeft: number }> =>
    palette.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, scrollLeft: el.scrollLeft }));
  const fits = async (): Promise<void> => {
    const s = await sideways();
    expect(s.scrollWidth).toBeLessThanOrEqual(s.clientWidth);
    expect(s.scrollLeft).toBe(0);
  };
  await fits();
  const paletteBox = (await palette.boundingBox())!;
  const items = palette.locator('.palette__item');
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).click();
    await items.nth(i).click();
    const b = (await items.nth(i).boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(paletteBox.x + paletteBox.width);
  }
  await fits();
  // The kind's name is whole on screen; the hint gives way.
  const name = (await palette.getByText('Quality check', { exact: true }).boundingBox())!;
  expect(name.x).toBeGreaterThanOrEqual(paletteBox.x);
  expect(name.x + name.width).toBeLessThanOrEqual(paletteBox.x + paletteBox.width);
});
