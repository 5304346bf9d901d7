/**
 * Helpers for the designs library's end-to-end tests. The store handles (`__batonStore`) are read only to check
 * what the user's clicks did; every action goes through the page.
 */
import { expect, type Locator, type Page } from '@playwright/test';

type StoreWindow = { __batonStore: { getState(): { doc: { name: string; nodes: { id: string; kind: string; label: string }[] } } } };

export const designs = (page: Page): Locator => page.getByRole('region', { name: 'Designs' });
export const saveStatus = (page: Page): Locator => designs(page).getByRole('status', { name: 'Save status' });
export const designOptions = (page: Page): Locator => designs(page).getByRole('option');

export function docNodes(page: Page): Promise<{ id: string; kind: string; label: string }[]> {
  return page.evaluate(() => (window as unknown as StoreWindow).__batonStore.getState().doc.nodes);
}

export function docName(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as StoreWindow).__batonStore.getState().doc.name);
}

/** Open the app; on a first visit the gallery is showing: start from "Blank design". */
export async function startBlank(page: Page): Promise<void> {
  await page.goto('/');
  const gallery = page.getByRole('dialog');
  await gallery.getByRole('button', { name: 'Blank design' }).click();
  await expect(gallery).toBeHidden();
  await expect(designOptions(page)).toHaveCount(1);
  await expect(saveStatus(page)).toHaveText('Saved');
}

/** Add a node the way a user does: click its palette item (it lands at the view's centre). */
export async function addFromPalette(page: Page, kind: 'Trigger' | 'AI tool' | 'Tool' | 'Output'): Promise<void> {
  await page.getByRole('region', { name: 'Node palette' }).getByRole('button', { name: kind, exact: true }).click();
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveText('Saved');
}
