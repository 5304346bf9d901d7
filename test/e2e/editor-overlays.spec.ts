/** Find (Mod+K), the keyboard help (?), and notes rendered as sanitized markdown. */
import { expect, test } from '@playwright/test';
import { createNode } from '../../src/domain/index.ts';
import { design, getDoc, historyDepth, loadDesign, node, openEditor, selectedIds } from './editor-helpers.ts';

test('find jumps to a node: selected and centred in the view', async ({ page }) => {
  const doc = design('Find', ['trigger', 'ai', 'tool', 'human', 'output']);
  // Far away, out of view until found.
  const far = createNode('ai', { id: 'far', position: { x: 6000, y: 3000 }, label: 'Summarise contract' });
  if (far.kind === 'ai') far.config = { capability: 'extractor', model: 'contract-reader' };
  await openEditor(page);
  await loadDesign(page, { ...doc, nodes: [...doc.nodes, far] });
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Find a node' });
  const box = dialog.getByRole('combobox', { name: 'Find a node' });
  await expect(box).toBeFocused();
  await box.fill('contract');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  // By model too, and arrow keys choose among several matches.
  await box.fill('ai');
  await expect(dialog.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('option', { selected: true })).toContainText('Summarise contract');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(await selectedIds(page)).toEqual(['far']);
  await page.waitForTimeout(400);
  const canvas = (await page.getByRole('region', { name: 'Canvas' }).boundingBox())!;
  const hit = (await node(page, 'far').boundingBox())!;
  expect(Math.abs(hit.x + hit.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(30);
  expect(Math.abs(hit.y + hit.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(30);
});

test('? opens the keyboard help, Escape closes it; the toolbar button opens it too', async ({ page }) => {
  await openEditor(page, design('Help', ['trigger']));
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const text of ['Undo', 'Select with a marquee', 'Find a node', 'Duplicate the selection', 'Delete the selection']) await expect(help).toContainText(text);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('a note renders markdown safely and is edited in place as one undo entry', async ({ page }) => {
  await openEditor(page, design('Notes', ['note']));
  await node(page, 'note0').dblclick();
  const field = page.getByRole('textbox', { name: 'Note text' });
  await field.fill('**Ask legal** first\n\n- [policy](https://example.com/p)\n- [bad](javascript:alert(1))\n\n<img src=x onerror=alert(1)>');
  await page.keyboard.press('ControlOrMeta+Enter');
  const body = node(page, 'note0').locator('.wf-note__body');
  await expect(body.locator('strong')).toHaveText('Ask legal');
  await expect(body.locator('a[href="https://example.com/p"]')).toHaveAttribute('rel', /noopener/);
  await expect(body.locator('a', { hasText: 'bad' })).not.toHaveAttribute('href');
  await expect(body.locator('img')).toHaveCount(0);
  expect(await historyDepth(page)).toBe(1);
  await page.keyboard.press('ControlOrMeta+z');
  expect(await getDoc(page)).toEqual(design('Notes', ['note']));
});

test('Escape closes Find in one press, also with text in the field (issue 11)', async ({ page }) => {
  await openEditor(page, design('Find', ['trigger', 'ai']));
  await page.keyboard.press('ControlOrMeta+k');
  const find = page.getByRole('dialog', { name: 'Find a node' });
  await page.getByRole('combobox', { name: 'Find a node' }).fill('ai');
  await page.keyboard.press('Escape');
  await expect(find).toHaveCount(0);
});

test('the help list and the toolbar come from one registry: every toolbar command shows its keys', async ({ page }) => {
  await openEditor(page, design('Registry', ['trigger']));
  // The toolbar's Undo names its keys (aria-keyshortcuts), and the help lists the same keys for Undo.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('aria-keyshortcuts', /Z/);
  await page.getByRole('button', { name: 'Auto layout' }).hover();
  await expect(page.getByRole('button', { name: 'Auto layout' })).toHaveAttribute('title', /Shift\+L/);
  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('region', { name: 'Move and view' })).toContainText('Arrange the nodes left to right');
  await expect(help).toContainText('Shift+L');
});
