/**
 * A newcomer's first session, end to end: start from a template in one click, simulate it, and keep the run
 * with the design in this browser's storage.
 */
import { expect, test } from '@playwright/test';

test('start from a template in one click, run a batch, and save the run with the design', async ({ page }) => {
  await page.goto('/');
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: 'Support ticket triage' }).click();
  await expect(gallery).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^AI tool: / }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Simulate' }).click();
  const sim = page.getByRole('region', { name: 'Simulation' });
  await sim.getByLabel('Cases').fill('300');
  await sim.getByLabel('Replications').fill('3');
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sim.locator('[data-kpi="successRate"]')).toContainText('%', { timeout: 30_000 });
  await sim.getByRole('button', { name: 'Save run' }).click();
  await expect(sim.getByText('Run saved with the design')).toBeVisible();

  // The run is in IndexedDB, under the open design.
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('baton');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('runs').objectStore('runs').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
  expect(stored).toBe(1);
});

test('a saved run is listed after a reload and reopens with its KPIs; the stopping rule says how many replications it took', async ({ page }) => {
  await page.goto('/');
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: 'Support ticket triage' }).click();
  await expect(gallery).toHaveCount(0);
  await page.getByRole('button', { name: 'Simulate' }).click();
  const sim = page.getByRole('region', { name: 'Simulation' });
  await sim.getByLabel('Cases').fill('200');
  await sim.getByLabel('Replications').fill('3');
  await sim.getByLabel('Seed').fill('11');
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  const success = sim.locator('[data-kpi="successRate"]');
  await expect(success).toContainText('%', { timeout: 30_000 });
  const saved = (await success.textContent()) ?? '';
  await sim.getByRole('button', { name: 'Save run' }).click();
  await expect(sim.getByText('Run saved with the design')).toBeVisible();
  const runs = sim.getByRole('list', { name: 'Saved runs of this design' });
  await expect(runs.getByRole('listitem')).toHaveCount(1);

  await page.reload();
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(sim.locator('[data-kpi="successRate"]')).toHaveCount(0);
  await expect(runs.getByRole('listitem')).toHaveCount(1);
  await expect(runs).toContainText('200 cases × 3, seed 11');
  await runs.getByRole('button', { name: /^Open the run saved/ }).click();
  await expect(sim.getByText(/^Saved run of /)).toBeVisible();
  await expect(success).toHaveText(saved);
  await expect(sim.getByRole('button', { name: 'Save run' })).toHaveCount(0);

  // The stopping rule: replications until the main KPI is precise.
  await sim.getByRole('checkbox', { name: 'Until precise' }).check();
  await sim.getByLabel('Replications').fill('2');
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sim.getByTestId('stopping-outcome')).toContainText(/Stopped (after \d+ replications|at the cap of 200 replications)/, { timeout: 60_000 });
  await expect(sim.getByText(/^Saved run of /)).toHaveCount(0);
});
