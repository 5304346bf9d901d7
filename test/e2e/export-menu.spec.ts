/**
 * The Export menu, as a person uses it: start from a template, export it in every format, get the file, and read
 * the report of what the target could not carry over.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

async function exportAs(page: Page, item: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Export format' });
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('menuitem', { name: item }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: path ? await readFile(path, 'utf8') : '' };
}

test('export a template in every format: the file downloads and the report says what was not carried over', async ({ page }) => {
  await page.goto('/');
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: 'Support ticket triage' }).click();
  await expect(gallery).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^AI tool: / }).first()).toBeVisible();

  // BPMN: the shares of the category router have no BPMN equivalent; the report lists them.
  // n8n: a workflow to import, with the steps under their labels.
  const n8n = await exportAs(page, 'n8n workflow');
  expect(n8n.name).toBe('support-ticket-triage.n8n.json');
  expect(JSON.parse(n8n.text)).toMatchObject({ name: 'Support ticket triage', settings: { executionOrder: 'v1' } });
  await expect(page.getByRole('dialog', { name: 'Exported as n8n workflow' })).toBeVisible();
  await page.keyboard.press('Escape');

  const bpmn = await exportAs(page, 'BPMN 2.0 XML');
  expect(bpmn.name).toBe('support-ticket-triage.bpmn');
  expect(bpmn.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<bpmn:definitions /);
  expect(bpmn.text).toContain('<bpmndi:BPMNDiagram');
  let report = page.getByRole('dialog', { name: 'Exported as BPMN 2.0 XML' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('support-ticket-triage.bpmn was downloaded');
  await expect(report.getByRole('listitem').filter({ hasText: 'by share; BPMN has no random choice' })).toHaveCount(1);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toHaveCount(0);

  // Step Functions: valid JSON with a start state; the report lists the same kind of gap.
  const asl = await exportAs(page, 'AWS Step Functions (ASL)');
  expect(asl.name).toBe('support-ticket-triage.asl.json');
  expect(JSON.parse(asl.text)).toMatchObject({ StartAt: 'Receive support ticket' });
  report = page.getByRole('dialog', { name: 'Exported as AWS Step Functions (ASL)' });
  // Long sentences wrap inside the dialog instead of running past its edge.
  await expect(report).toBeVisible();
  expect(await report.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  await expect(report.getByRole('listitem').filter({ hasText: 'Step Functions has no random choice' })).toHaveCount(1);
  await expect(report.getByRole('listitem').filter({ hasText: 'Retry-After is not honoured' })).toContainText('"Classify ticket"');
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);

  // Mermaid carries everything it shows: no dialog, a message says so.
  const mermaid = await exportAs(page, 'Mermaid flowchart');
  expect(mermaid.name).toBe('support-ticket-triage.mmd');
  expect(mermaid.text).toMatch(/^%% "Support ticket triage", exported from Baton\nflowchart LR\n/);
  await expect(page.getByText(/as Mermaid flowchart \(support-ticket-triage\.mmd\): everything was carried over/)).toBeVisible();

  // Baton's own formats are in the same menu.
  const json = await exportAs(page, 'Workflow JSON');
  expect(json.name).toBe('support-ticket-triage.baton.json');
  expect(JSON.parse(json.text)).toMatchObject({ format: 'baton.workflow', name: 'Support ticket triage' });
  const png = await exportAs(page, 'PNG image');
  expect(png.name).toBe('support-ticket-triage.png');
});

test('the menu works from the keyboard', async ({ page }) => {
  await page.goto('/');
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: 'KYC onboarding' }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export format' });
  await expect(menu.getByRole('menuitem', { name: 'Workflow JSON' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem').last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  // A click elsewhere closes it too.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(menu).toBeVisible();
  await page.getByRole('region', { name: 'Canvas' }).click({ position: { x: 20, y: 20 } });
  await expect(menu).toHaveCount(0);
});

test('keyboard only: every toolbar menu moves with the arrows, and closing the export report gives focus back to Export', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('dialog', { name: 'Start from a template' }).getByRole('button', { name: 'Support ticket triage' }).click();
  for (const [button, menuName, first, second] of [
    ['Import', 'Import', 'Replace this design…', 'Open as a new design…'],
    ['Export image', 'Image format', 'PNG image', 'SVG image'],
  ] as const) {
    // Twice: a menu that works once and then not is the bug this guards against.
    for (let round = 0; round < 2; round++) {
      const opener = page.getByRole('button', { name: button, exact: true });
      await opener.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: menuName });
      await expect(menu.getByRole('menuitem', { name: first })).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem', { name: second })).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitem', { name: first })).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(menu.getByRole('menuitem', { name: second })).toBeFocused();
      await page.keyboard.press('Home');
      await expect(menu.getByRole('menuitem', { name: first })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await expect(opener).toBeFocused();
    }
  }
  // Export as n8n from the keyboard, twice: the report opens, Escape closes it, focus is back on Export.
  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  for (let round = 0; round < 2; round++) {
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'n8n workflow' })).toBeFocused();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    await download;
    const report = page.getByRole('dialog', { name: 'Exported as n8n workflow' });
    await expect(report).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(report).toHaveCount(0);
    await expect(exportButton).toBeFocused();
  }
});
