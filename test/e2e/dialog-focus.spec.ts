/**
 * Keyboard focus after a dialog closes (WAI-ARIA dialog pattern): back to what opened it, or to the canvas when
 * that is gone; after Find, on the found node, so the next keys act on it. Keys only, as a keyboard user works.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createNode } from '../../src/domain/index.ts';
import { appReady, design, getDoc, loadDesign, node, openEditor, selectedIds } from './editor-helpers.ts';

const canvas = (page: Page): Locator => page.getByRole('region', { name: 'Canvas' });

test('Find, Enter: focus is on the found node, so arrow keys move it and Delete deletes it', async ({ page }) => {
  const doc = design('Find focus', ['trigger', 'ai', 'output']);
  // Out of view (and so not rendered) until found.
  const far = createNode('tool', { id: 'far', position: { x: 5000, y: 2500 }, label: 'Send invoice' });
  await openEditor(page);
  await loadDesign(page, { ...doc, nodes: [...doc.nodes, far] });
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('invoice');
  await expect(page.getByRole('dialog', { name: 'Find a node' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Find a node' })).toHaveCount(0);
  expect(await selectedIds(page)).toEqual(['far']);
  await expect(node(page, 'far')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const moved = (await getDoc(page)).nodes.find((n) => n.id === 'far');
  expect(moved?.position).toEqual({ x: 5001, y: 2501 });
  await page.keyboard.press('Delete');
  expect((await getDoc(page)).nodes.map((n) => n.id)).not.toContain('far');
});

test('Escape from Find gives focus back to the toolbar button that had it', async ({ page }) => {
  await openEditor(page, design('Find back', ['trigger', 'ai']));
  const layout = page.getByRole('button', { name: 'Auto layout' });
  await layout.focus();
  await page.keyboard.press('ControlOrMeta+k');
  await expect(page.getByRole('combobox', { name: 'Find a node' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(layout).toBeFocused();
});

test('the keyboard help gives focus back to its toolbar button, or to the node it was opened from', async ({ page }) => {
  await openEditor(page, design('Help focus', ['trigger', 'ai']));
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.focus();
  await page.keyboard.press('Enter');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(button).toBeFocused();
  // From a node reached with Tab, ? and Escape leave the person on that node.
  await node(page, 'ai1').focus();
  await page.keyboard.press('Shift+Slash');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(node(page, 'ai1')).toBeFocused();
});

test('the template gallery: closed on a first visit, focus goes to the canvas; from "New design", back to that button', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  const first = page.getByRole('dialog', { name: 'Start from a template' });
  await expect(first).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(first).toHaveCount(0);
  // It opened by itself, so there is nothing to go back to: the canvas, not the page body.
  await expect(canvas(page)).toBeFocused();
  const newDesign = page.getByRole('button', { name: 'New design' });
  await newDesign.focus();
  await page.keyboard.press('Enter');
  const gallery = page.getByRole('dialog', { name: 'New design' });
  await expect(gallery).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(gallery).toHaveCount(0);
  await expect(newDesign).toBeFocused();
});
