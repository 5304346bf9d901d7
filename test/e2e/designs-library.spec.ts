import { expect, test } from '@playwright/test';
import { addFromPalette, designOptions, designs, docName, docNodes, saveStatus, startBlank, waitSaved } from './designs-helpers.ts';

test('first visit shows the template gallery; an edit is saved and everything is there after a reload', async ({ page }) => {
  await page.goto('/');
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await expect(gallery).toBeVisible();
  await expect(gallery.getByRole('listitem').first()).toContainText('Blank design');
  await expect(gallery.getByText('Over-engineered on purpose')).toBeVisible();
  await gallery.getByRole('button', { name: 'Patient scheduling' }).click();
  await expect(gallery).toBeHidden();
  await expect.poll(() => docName(page)).toBe('Patient scheduling');

  await addFromPalette(page, 'Trigger');
  await waitSaved(page);
  const before = await docNodes(page);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The editor paints before storage has loaded (busy, "Opening your designs…"); the stored design then opens.
  await expect.poll(() => docNodes(page)).toEqual(before);
  await expect(designOptions(page)).toHaveCount(1);
  await expect(designOptions(page).first()).toContainText('Patient scheduling');
});

test('two pages on one design: a save in one appears in the other', async ({ page, context }) => {
  await startBlank(page);
  const other = await context.newPage();
  await other.goto('/');
  await expect(designOptions(other)).toHaveCount(1);
  await addFromPalette(page, 'Trigger');
  await waitSaved(page);
  await expect.poll(async () => (await docNodes(other)).length).toBe(1);
  await addFromPalette(other, 'AI tool');
  await waitSaved(other);
  await expect.poll(async () => (await docNodes(page)).map((n) => n.kind).sort()).toEqual(['ai', 'trigger']);
});

test('two pages editing at once: one is told, and "Keep mine as a copy" keeps both', async ({ page, context }) => {
  await startBlank(page);
  const other = await context.newPage();
  await other.goto('/');
  await expect(designOptions(other)).toHaveCount(1);
  // At once: both clicks in flight together. One after the other, on a loaded machine the second page could hear of
  // the first one's save (autosave waits 300 ms) before its own edit, and then there is rightly no conflict.
  await Promise.all([addFromPalette(other, 'AI tool'), addFromPalette(page, 'Trigger')]);
  const keep = (p: typeof page) => p.getByRole('button', { name: 'Keep mine as a copy' });
  await expect.poll(async () => (await keep(page).count()) + (await keep(other).count()), { timeout: 20_000 }).toBe(1);
  const loser = (await keep(page).count()) === 1 ? page : other;
  await keep(loser).click();
  await expect(designOptions(loser)).toHaveCount(2);
  await expect(designs(loser).getByRole('option', { name: /my copy/ })).toBeVisible();
  await waitSaved(loser);
});

test('IndexedDB unavailable: a banner says designs are not saved, and Export JSON still works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
  });
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'Not saving' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Export JSON');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await addFromPalette(page, 'Tool');
  await expect(saveStatus(page)).toContainText('Not saved');
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const json: unknown = JSON.parse(Buffer.concat(text).toString('utf8'));
  expect(json).toMatchObject({ format: expect.any(String), nodes: expect.arrayContaining([expect.objectContaining({ kind: 'tool' })]) });
});

test.describe('storage full', () => {
  test.use({ serviceWorkers: 'block' });

  test('storage full: the status says so, editing goes on, and what was saved before survives a reload', async ({ page, context }) => {
    await startBlank(page);
    await addFromPalette(page, 'Trigger');
    await waitSaved(page);
    // Saves are written by a worker (and by the page when the worker fails or the page is hidden), so the disk is
    // made "full" in both: the page through an init script, the worker by prefixing its script as it is served.
    const fillDisk = `{
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (this.name === 'documents') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    }\n`;
    await page.addInitScript(fillDisk);
    await page.route('**/assets/save-worker-*.js', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: fillDisk + (await response.text()) });
    });
    await page.reload();
    await expect.poll(async () => (await docNodes(page)).length).toBe(1);
    await addFromPalette(page, 'AI tool');
    await expect(saveStatus(page)).toHaveText('Not saved: storage is full. Export your design or free space.');
    await addFromPalette(page, 'Output');
    expect((await docNodes(page)).map((n) => n.kind).sort()).toEqual(['ai', 'output', 'trigger']);

    const fresh = await context.newPage();
    await fresh.goto('/');
    await expect(designOptions(fresh)).toHaveCount(1);
    expect((await docNodes(fresh)).map((n) => n.kind)).toEqual(['trigger']);
  });
});

test('delete moves a design to the trash with Undo; Trash lists it with Restore', async ({ page }) => {
  await startBlank(page);
  await designs(page).getByRole('button', { name: 'Rename' }).click();
  const field = designs(page).getByRole('textbox', { name: 'Design name' });
  await field.fill('Keep me');
  await field.press('Enter');
  await expect(designOptions(page).first()).toContainText('Keep me');
  await designs(page).getByRole('button', { name: 'Duplicate' }).click();
  await expect(designOptions(page)).toHaveCount(2);

  await designs(page).getByRole('option', { name: /^Keep me \(copy\)/ }).click();
  await designs(page).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted Keep me (copy).')).toBeVisible();
  await expect(designOptions(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo', exact: true }).last().click();
  await expect(designOptions(page)).toHaveCount(2);

  await designs(page).getByRole('option', { name: /^Keep me \(copy\)/ }).click();
  await designs(page).getByRole('button', { name: 'Delete' }).click();
  await expect(designOptions(page)).toHaveCount(1);
  await page.reload();
  await designs(page).getByRole('button', { name: /^Trash/ }).click();
  const trash = designs(page).getByRole('list', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await trash.getByRole('button', { name: 'Restore' }).click();
  await designs(page).getByRole('button', { name: /^Trash/ }).click();
  await expect(designOptions(page)).toHaveCount(2);
});

test('versions: compare a saved version with the current design highlights what was added and changed', async ({ page }) => {
  await startBlank(page);
  await addFromPalette(page, 'Trigger');
  await waitSaved(page);
  await designs(page).getByRole('textbox', { name: 'Version name' }).fill('Just the trigger');
  await designs(page).getByRole('button', { name: 'Save version' }).click();
  await expect(designs(page).getByRole('list', { name: 'Saved versions' }).getByRole('listitem')).toHaveCount(1);
  await addFromPalette(page, 'AI tool');
  await waitSaved(page);
  const added = (await docNodes(page)).find((n) => n.kind === 'ai');
  if (!added) throw new Error('AI node missing');

  await designs(page).getByRole('button', { name: 'Compare Just the trigger with the current design' }).click();
  const comparison = designs(page).getByRole('region', { name: 'Comparison' });
  await expect(comparison.getByRole('list', { name: 'Nodes added' })).toHaveCount(1);
  const node = page.locator(`.react-flow__node[data-id="${added.id}"]`);
  await expect(node).toHaveCSS('outline-color', 'rgb(22, 163, 74)');
  await comparison.getByRole('button', { name: 'Clear comparison' }).click();
  await expect(node).not.toHaveCSS('outline-color', 'rgb(22, 163, 74)');

  await designs(page).getByRole('button', { name: 'Restore Just the trigger' }).click();
  await expect.poll(async () => (await docNodes(page)).length).toBe(1);
  await expect(designs(page).getByRole('list', { name: 'Saved versions' })).toContainText('Before restoring a version');
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect.poll(async () => (await docNodes(page)).length).toBe(2);
});

test('offline: after the first visit the built app loads with no network', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  await expect(page.locator('.react-flow__node[data-kind]').first()).toBeVisible();
  await context.setOffline(false);
});

test('import says what it does: a copy opened as a new design gets a name of its own; replacing is one undo step (issue 11)', async ({ page }) => {
  await startBlank(page);
  await addFromPalette(page, 'Trigger');
  await waitSaved(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = (await download.path())!;

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Import' });
  await expect(menu.getByRole('menuitem', { name: 'Replace this design…' })).toBeVisible();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu.getByRole('menuitem', { name: 'Open as a new design…' }).click()]);
  await chooser.setFiles(file);
  await expect(designOptions(page)).toHaveCount(2);
  await expect(designOptions(page).filter({ hasText: 'Untitled design (imported)' })).toHaveCount(1);
  expect(await docName(page)).toBe('Untitled design (imported)');

  // Replace: the open design becomes the file's; one Undo brings it back.
  await addFromPalette(page, 'AI tool');
  expect(await docNodes(page)).toHaveLength(2);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Replace this design…' }).click()]);
  await chooser2.setFiles(file);
  await expect(page.locator('.message')).toContainText('Undo brings the previous one back');
  expect(await docNodes(page)).toHaveLength(1);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  expect(await docNodes(page)).toHaveLength(2);
  await expect(designOptions(page)).toHaveCount(2);
});

test('a value typed out of range is kept through a reload: the design opens as edited, not "no longer opens"', async ({ page }) => {
  await startBlank(page);
  await addFromPalette(page, 'Tool');
  await page.getByRole('button', { name: /^Tool: / }).first().click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const cost = inspector.getByLabel('Cost per call (USD)', { exact: true }).first();
  await cost.fill('-1');
  await expect(inspector.getByText('Must be at least 0')).toBeVisible();
  // Work goes on after the bad value: a rename.
  await inspector.getByLabel('Label', { exact: true }).first().fill('Look up order');
  await waitSaved(page);
  await page.reload();
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByText(/no longer opens/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Tool: Look up order' }).click();
  await expect(inspector.getByLabel('Cost per call (USD)', { exact: true }).first()).toHaveValue('-1');
  await expect(inspector.getByText('Must be at least 0')).toBeVisible();
  await expect(designOptions(page)).toHaveCount(1);
});
