/**
 * The production build under its Content Security Policy (docs/architecture.md, "Content Security Policy"): a
 * person opens the app, starts from a template and uses every part of it (each panel and dialog, a simulation
 * with its debug and what-if views, auto layout, image export, versions compared on the canvas, a rule's page)
 * without a single policy violation or console error. The production build has no test handle on window, so
 * everything here goes through the page as a user would.
 */
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
  readonly source: string;
}

/** Violations the page reported, recorded from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` });
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
}

function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  return errors;
}

test('the built app runs under its Content Security Policy: every panel, a simulation, layout and image export', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await recordViolations(page);
  const errors = recordErrors(page);
  await page.goto('/');

  // The policy is the page's first element and forbids inline script and eval.
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('unsafe-inline');
  // No editor handle on window in production.
  expect(await page.evaluate(() => 'window.__batonStore' in window || '__batonStore' in window)).toBe(false);

  // First visit: the gallery. Start from a template (its data and the analyzer come with it).
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: 'Support ticket triage' }).click();
  await expect(gallery).toHaveCount(0);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await expect(canvas.locator('.react-flow__node').first()).toBeVisible();

  // Inspector: select a node.
  await canvas.locator('.react-flow__node[data-kind="ai"]').first().click();
  await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('textbox').first()).toBeVisible();

  // Keyboard help and find.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByRole('combobox', { name: 'Find a node' }).fill('a');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Find a node' })).toHaveCount(0);

  // Problems: a tool with nothing connected is a finding; its rule's page is markdown, sanitized and rendered.
  await page.getByRole('region', { name: 'Palette' }).getByRole('button', { name: /^Tool/ }).first().click();
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.locator('details summary').first().click();
  await problems.getByRole('button', { name: "Read the rule's page" }).first().click();
  const ruleDialog = page.getByRole('dialog', { name: /^Rule / });
  await expect(ruleDialog.locator('.rule-docs__body')).not.toBeEmpty();
  await ruleDialog.getByRole('button', { name: 'Close' }).click();

  // Designs: settings, the trash, a named version compared with the design (highlights on the canvas).
  const designs = page.getByRole('region', { name: 'Designs' });
  await designs.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await designs.getByRole('button', { name: /^Trash/ }).click();
  await designs.getByRole('button', { name: /^Trash/ }).click();
  await designs.getByRole('textbox', { name: 'Version name' }).fill('Before layout');
  await designs.getByRole('button', { name: 'Save version' }).click();
  await designs.getByRole('button', { name: 'Compare Before layout with the current design' }).click();
  await expect(designs.getByText('Before layout → current design')).toBeVisible();

  // Auto layout (the layout worker).
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect(page.getByRole('button', { name: 'Auto layout' })).toBeEnabled({ timeout: 30_000 });

  // Image export, both formats.
  for (const name of ['PNG image', 'SVG image']) {
    await page.getByRole('button', { name: 'Export image' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.(png|svg)$/);
  }

  // Simulation: a batch (the worker pool), one case stepped (the debug engine), A versus B and a sweep.
  await page.getByRole('button', { name: 'Simulate' }).click();
  const sim = page.getByRole('region', { name: 'Simulation' });
  await sim.getByLabel('Cases').fill('300');
  await sim.getByLabel('Replications').fill('3');
  await sim.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sim.locator('[data-kpi="successRate"]')).toContainText(/\d+(\.\d)?%/, { timeout: 30_000 });
  await sim.getByRole('button', { name: 'Step' }).click();
  await expect(sim.getByRole('list', { name: 'Event log' })).not.toBeEmpty();
  await sim.getByRole('tab', { name: 'What-if' }).click();
  await sim.getByLabel('B').selectOption({ index: 1 });
  await sim.getByRole('button', { name: 'Compare' }).click();
  await expect(sim.getByRole('table', { name: 'Scenario A versus B' })).toBeVisible({ timeout: 30_000 });
  await sim.getByLabel('Steps').fill('2');
  await sim.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sim.locator('[data-sweep-value]')).toHaveCount(2, { timeout: 30_000 });

  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});
