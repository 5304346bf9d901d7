/** The analyzer in the editor: live findings in the Problems panel, node badges, activation, quick fix, undo. */
import { expect, test, type Page } from '@playwright/test';
import type { Workflow } from '../../src/domain/index.ts';
import { design, dragLocators, holdChunks, getDoc, handle, historyDepth, message, node, openEditor, selectedIds } from './editor-helpers.ts';

/**
 * trigger0 -> router1 -> output2: a superfluous router (warning, quick fix). trigger3 -> tool4 far away: tool4
 * has no way out and no output is reachable from trigger3 (two dead-end errors).
 */
function withProblems(): Workflow {
  const doc = design('Problems', ['trigger', 'router', 'output', 'trigger', 'tool'], [
    { id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'router1' },
    { id: 'e2', source: 'router1', sourcePort: 'out', target: 'output2' },
    { id: 'e3', source: 'trigger3', sourcePort: 'out', target: 'tool4' },
  ]);
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'tool4' ? { ...n, position: { x: 3200, y: 1800 } } : n.id === 'trigger3' ? { ...n, position: { x: 2800, y: 1800 } } : n)) };
}

const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const finding = (page: Page, ruleId: string) => problems(page).locator(`li[data-rule-id="${ruleId}"]:not([data-suppressed])`);

async function expectCentred(page: Page, id: string): Promise<void> {
  await page.waitForTimeout(450); // the view animates for 300 ms
  const canvas = (await page.getByRole('region', { name: 'Canvas' }).boundingBox())!;
  const box = (await node(page, id).boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(40);
  expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(40);
}

test('findings appear live; activating one selects its node and centres it; the node carries a badge', async ({ page }) => {
  await openEditor(page, withProblems());
  const deadEnd = finding(page, 'dead-end').filter({ hasText: 'has no way out' });
  await expect(deadEnd).toHaveAttribute('data-severity', 'error');
  await expect(page.getByRole('toolbar', { name: 'Editor toolbar' }).getByRole('button', { name: /^Problems: 2 errors, \d+ warnings?/ })).toBeVisible();
  await expect(node(page, 'tool4').getByRole('img', { name: 'error finding' })).toBeVisible();
  await expect(node(page, 'router1').getByRole('img', { name: 'warning finding' })).toBeVisible();
  await expect(node(page, 'output2').getByRole('img')).toHaveCount(0);

  await deadEnd.click();
  expect(await selectedIds(page)).toEqual(['tool4']);
  await expect(node(page, 'tool4')).toHaveClass(/selected/);
  await expectCentred(page, 'tool4');

  // The keyboard does the same: Enter on a focused finding.
  await finding(page, 'superfluous-router').focus();
  await page.keyboard.press('Enter');
  expect(await selectedIds(page)).toEqual(['router1']);
  await expectCentred(page, 'router1');

  // Live: connecting the dead end to an output makes its finding go away without any other action.
  await page.evaluate(() => {
    const s = (window as unknown as { __batonStore: { getState(): { connect(r: { source: string; sourcePort: string; target: string }): unknown } } }).__batonStore.getState();
    s.connect({ source: 'tool4', sourcePort: 'out', target: 'output2' });
  });
  await expect(finding(page, 'dead-end')).toHaveCount(0);
  await expect(node(page, 'tool4').getByRole('img', { name: 'error finding' })).toHaveCount(0);
});

test('Fix applies a quick fix as one undo step; Undo brings the finding back', async ({ page }) => {
  await openEditor(page, withProblems());
  const item = finding(page, 'superfluous-router');
  await expect(item).toBeVisible();
  const before = await historyDepth(page);
  await item.getByRole('button', { name: 'Fix' }).click();
  await expect(item).toHaveCount(0);
  await expect(node(page, 'router1')).toHaveCount(0);
  expect(await historyDepth(page)).toBe(before + 1);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(item).toBeVisible();
  await expect(node(page, 'router1')).toBeVisible();
});

test('filter by severity and text; the toolbar counts take focus to the panel; the score card explains itself', async ({ page }) => {
  await openEditor(page, withProblems());
  await problems(page).getByRole('button', { name: /^Errors/ }).click();
  await expect(finding(page, 'dead-end')).toHaveCount(0);
  await expect(finding(page, 'superfluous-router')).toBeVisible();
  await problems(page).getByRole('button', { name: /^Errors/ }).click();
  await problems(page).getByRole('searchbox', { name: 'Search problems' }).fill('no way out');
  await expect(problems(page).locator('li[data-rule-id]:not([data-suppressed])')).toHaveCount(1);
  await problems(page).getByRole('searchbox', { name: 'Search problems' }).fill('');

  await page.getByRole('button', { name: /^Problems:/ }).click();
  await expect(problems(page)).toBeFocused();

  const success = problems(page).locator('.figure', { hasText: 'Success' });
  await success.focus();
  await expect(success.getByRole('tooltip')).toBeVisible();
  await expect(success.getByRole('tooltip')).toContainText('success output');
});

test('no over-engineering banner while the task profile is empty; it appears once the task is described (issue 11)', async ({ page }) => {
  // Seven work steps in a row (none redundant) for a task nobody has described yet.
  const kinds = ['trigger', 'tool', 'ai', 'tool', 'human', 'tool', 'ai', 'tool', 'output'] as const;
  const doc = design('Busy', [...kinds], kinds.slice(1).map((k, i) => ({ id: `e${i}`, source: `${kinds[i]}${i}`, sourcePort: kinds[i] === 'human' ? 'approve' : 'out', target: `${k}${i + 1}` })));
  await openEditor(page, { ...doc, profile: undefined });
  const card = problems(page).getByRole('region', { name: 'Complexity score' });
  await expect(card).toContainText('describe the task first');
  await expect(card.locator('.scorecard__over')).toHaveCount(0);
  // Described as a two-minute, low-risk task: now the judgement stands, loudly.
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Effort by hand (min)').fill('2');
  await expect(card.locator('.scorecard__over')).toBeVisible();
  await expect(card).toContainText('over-engineered');
});

test('wiring an error port without a catch policy is flagged as dead; Fix adds the catcher and says so in words (issue 11)', async ({ page }) => {
  const doc = design('Dead error port', ['trigger', 'ai', 'output', 'output'], [
    { id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'ai1' },
    { id: 'e2', source: 'ai1', sourcePort: 'out', target: 'output2' },
  ]);
  await openEditor(page, { ...doc, nodes: doc.nodes.map((n) => (n.id === 'output3' && n.kind === 'output' ? { ...n, label: 'Alert the team', position: { x: 600, y: 260 }, config: { ...n.config, type: 'alert', outcome: 'error' } } : n)) });
  await expect(finding(page, 'dead-error-port')).toHaveCount(0);
  // The person wires the AI step's error port to the alert, as on the canvas, and sets no catch policy.
  await dragLocators(page, handle(page, 'ai1', 'error'), handle(page, 'output3', 'in'));
  const item = finding(page, 'dead-error-port');
  await expect(item).toContainText('has an error edge but no catcher sends errors to it, so it is never taken');
  await expect(item).toHaveAttribute('data-severity', 'warning');
  await item.getByRole('button', { name: 'Fix' }).click();
  await expect(item).toHaveCount(0);
  await expect(message(page)).toContainText(/^Sent errors to the error port on “AI tool”\. Undo reverts it\./);
  const ai = (await getDoc(page)).nodes.find((n) => n.id === 'ai1');
  expect(ai?.kind === 'ai' ? ai.policy?.catch : undefined).toEqual([{ errorEquals: ['ALL'], port: 'error' }]);
});

test('the analyzer loads after the first paint: everything says "Analysing…" meanwhile, edits and undo work, then the findings, a Fix and Undo', async ({ page }) => {
  // The analyzer is its own chunk, loaded after the first paint (docs/architecture.md, "First load"): hold it back.
  const release = await holdChunks(page, '**/analyzer-*.js');
  await openEditor(page, withProblems());
  const counts = page.getByRole('toolbar', { name: 'Editor toolbar' }).getByRole('button', { name: /^Problems:/ });
  await expect(counts).toHaveAccessibleName('Problems: Analysing…');
  await expect(problems(page).getByRole('status')).toHaveText('Analysing…');
  await expect(problems(page)).not.toContainText('No problems');
  await expect(problems(page).getByRole('region', { name: 'Complexity score' })).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.wf-issue')).toHaveCount(0);
  // Editing and undo do not wait for the analyzer.
  await node(page, 'output2').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'output2')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(node(page, 'output2')).toBeVisible();

  release();
  await expect(counts).toHaveAccessibleName(/^Problems: 2 errors, \d+ warnings?/);
  await expect(problems(page).getByRole('status')).toHaveCount(0);
  await expect(node(page, 'tool4').getByRole('img', { name: 'error finding' })).toBeVisible();
  await expect(problems(page).getByRole('region', { name: 'Complexity score' })).not.toHaveAttribute('aria-busy', 'true');
  const item = finding(page, 'superfluous-router');
  await item.getByRole('button', { name: 'Fix' }).click();
  await expect(node(page, 'router1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(node(page, 'router1')).toBeVisible();
  await expect(item).toBeVisible();
});
