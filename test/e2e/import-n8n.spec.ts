/**
 * Importing an n8n workflow, as a person does it: choose the file from the Import menu, see its steps on the
 * canvas as a new design and the conversion report; a broken file says why and leaves the open design alone.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { addFromPalette, designOptions, docName, docNodes, startBlank, waitSaved } from './designs-helpers.ts';

const n8nFile = fileURLToPath(new URL('../fixtures/n8n/1341_Telegram_Splitout_Automate_Webhook.json', import.meta.url));

async function importViaMenu(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Replace this design…' }).click();
  await (await chooser).setFiles(file);
}

test('an n8n export opens as a new design with its conversion report; a broken one changes nothing', async ({ page }) => {
  await startBlank(page);
  await addFromPalette(page, 'Trigger');
  await waitSaved(page);
  const before = await docNodes(page);

  // A file that claims to be an n8n workflow but hides a prototype key: refused, with the reason.
  const broken = join(tmpdir(), `broken-n8n-${process.pid}.json`);
  writeFileSync(broken, '{"nodes":[{"name":"a","type":"n8n-nodes-base.set","parameters":{"__proto__":{"x":1}}}],"connections":{}}');
  await importViaMenu(page, broken);
  const problems = page.getByRole('dialog', { name: /was not imported/ });
  await expect(problems).toContainText('__proto__');
  await expect(problems).toContainText('Your current design is unchanged');
  await problems.getByRole('button', { name: 'Close' }).click();
  expect(await docNodes(page)).toEqual(before);
  await expect(designOptions(page)).toHaveCount(1);

  // The real export: a new design, its n8n names on the canvas, and the report.
  await importViaMenu(page, n8nFile);
  const report = page.getByRole('dialog', { name: /^Imported from n8n/ });
  await expect(report).toBeVisible();
  await expect(report).toContainText('This n8n workflow opened as a new design');
  await expect(report).toContainText('8 sub-nodes');
  await expect(report.getByRole('list', { name: 'Approximations' })).toContainText('Convert HTML to PDF');
  // The report wraps inside the dialog (opened from the toolbar, it once inherited its one-line text and ran off
  // the right edge).
  expect(await report.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(report).toBeHidden();

  await expect(designOptions(page)).toHaveCount(2);
  expect(await docName(page)).toBe('Automated Research Report Generation with OpenAI, Wikipedia, Google Search, and Gmail/Telegram');
  // The design opens at a readable zoom on its trigger; Shift+1 fits all of it, as a person would to look around.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Digit1');
  await page.waitForTimeout(350);
  for (const name of ['AI tool: Research AI Agent', 'Data step: Split Out', 'Tool: Send Research to Gmail', 'Router: If', 'Output: End']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeAttached();
  }
  // The agent's folded tools are in the inspector (found with Find: sticky notes cover much of the canvas).
  await page.keyboard.press('ControlOrMeta+k');
  const find = page.getByRole('dialog', { name: 'Find a node' });
  await find.getByRole('combobox', { name: 'Find a node' }).fill('Research AI Agent');
  await page.keyboard.press('Enter');
  await expect(find).toHaveCount(0);
  const tools = page.getByRole('region', { name: 'Inspector' }).getByRole('group', { name: 'Tools it may call' });
  await expect(tools.getByRole('group')).toHaveCount(4);
});
