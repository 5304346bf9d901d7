/** Accessibility of the editor: names from interfaces.md, keyboard reach, and axe in light and dark themes. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { everyKind, openEditor } from './editor-helpers.ts';

test('toolbar buttons and nodes carry the names in interfaces.md; Tab reaches nodes', async ({ page }) => {
  await openEditor(page, everyKind());
  for (const name of ['Undo', 'Redo', 'Auto layout', 'Export JSON', 'Import', 'Export image']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(1);
  }
  const first = page.locator('.react-flow__node[data-kind]').first();
  await expect(first).toHaveAttribute('aria-label', /^[A-Z][A-Za-z ]+: .+/);
  await first.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.react-flow__node[data-kind]:focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const selected = await page.evaluate(() => (window as unknown as { __batonStore: { getState(): { selection: { nodeIds: Set<string> } } } }).__batonStore.getState().selection.nodeIds.size);
  expect(selected).toBe(1);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${theme} theme, overlays open and closed)`, async ({ page }) => {
    await openEditor(page, everyKind());
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    const check = async (what: string): Promise<void> => {
      // The Designs panel and its dialogs belong to the persistence UI, which runs its own checks.
      const result = await new AxeBuilder({ page }).exclude('.designs').exclude('.designs-modal__backdrop').analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
      ).toEqual([]);
    };
    await check('editor');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await check('help');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+k');
    await page.getByRole('combobox', { name: 'Find a node' }).fill('a');
    await check('find');
  });
}
