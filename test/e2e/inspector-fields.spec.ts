/**
 * Issue 11, the inspector: outcome probabilities stay valid while edited, only fields that apply to the chosen type
 * are shown, and an output labelled like "Rejected" suggests the matching outcome.
 */
import { expect, test } from '@playwright/test';
import { design, getDoc, node, openEditor } from './editor-helpers.ts';

const inspector = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Inspector' });

test('editing one outcome keeps the table summing to 1: the rest goes to ok', async ({ page }) => {
  await openEditor(page, design('Outcomes', ['trigger', 'ai']));
  await node(page, 'ai1').click();
  const wrong = inspector(page).getByLabel('P(wrong (silent error))');
  await wrong.fill('0.03');
  await expect(inspector(page).getByText(/^Sums to 1$/)).toBeVisible();
  await expect(inspector(page).getByText(/must sum to 1/)).toHaveCount(0);
  const outcomes = (await getDoc(page)).nodes.find((n) => n.id === 'ai1');
  expect(outcomes?.kind === 'ai' && outcomes.stub?.outcomes.wrong).toBe(0.03);
  const sum = outcomes?.kind === 'ai' ? Object.values(outcomes.stub!.outcomes).reduce((a: number, b) => a + (b ?? 0), 0) : 0;
  expect(sum).toBeCloseTo(1, 6);
});

test('a threshold check shows its threshold, not re-asks or a sample rate', async ({ page }) => {
  await openEditor(page, design('Checks', ['trigger', 'check']));
  await node(page, 'check1').click();
  await inspector(page).getByLabel('Type').selectOption('threshold');
  await expect(inspector(page).getByLabel(/Pass threshold/)).toBeVisible();
  await expect(inspector(page).getByLabel(/Sample rate/)).toHaveCount(0);
  await expect(inspector(page).getByLabel(/Max re-asks/)).toHaveCount(0);
  await inspector(page).getByLabel('Type').selectOption('sample-audit');
  await expect(inspector(page).getByLabel(/Sample rate/)).toBeVisible();
  await expect(inspector(page).getByLabel(/Pass threshold/)).toHaveCount(0);
});

test('an output labelled "Rejected" suggests the rejected outcome', async ({ page }) => {
  const doc = design('Outputs', ['trigger', 'output']);
  doc.nodes = doc.nodes.map((n) => (n.kind === 'output' ? { ...n, label: 'Rejected' } : n));
  await openEditor(page, doc);
  await node(page, 'output1').click();
  await inspector(page).getByRole('button', { name: 'Count it as rejected' }).click();
  const out = (await getDoc(page)).nodes.find((n) => n.id === 'output1');
  expect(out?.kind === 'output' && out.config.outcome).toBe('rejected');
  await expect(inspector(page).getByRole('button', { name: /Count it as/ })).toHaveCount(0);
});
