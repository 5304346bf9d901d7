import { expect, test } from '@playwright/test';

test('the app loads, shows a document on the canvas, and logs no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  for (const name of ['Node palette', 'Canvas', 'Inspector', 'Problems', 'Simulation', 'Designs']) {
    await expect(page.getByRole('region', { name })).toBeVisible();
  }
  const nodes = page.locator('.react-flow__node[data-kind]');
  await expect(nodes.first()).toBeVisible();
  expect(await nodes.count()).toBeGreaterThan(3);
  await expect(page.getByRole('button', { name: /^AI tool: / }).first()).toBeVisible();
  expect(errors).toEqual([]);
});
