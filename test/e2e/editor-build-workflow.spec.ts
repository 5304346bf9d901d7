/**
 * The canvas editor's "done when": a person builds a realistic workflow (a patient-scheduling call line with a
 * check, a human gate and fallbacks) with mouse and keyboard alone, can undo every step back to nothing and redo
 * it, and exports it as a file that imports cleanly. The store is read only to check what the person built.
 */
import { expect, test, type Page } from '@playwright/test';
import { importWorkflow } from '../../src/interop/import.ts';
import { dragLocators, getDoc, handle, historyDepth, openEditor, selectedIds } from './editor-helpers.ts';

interface Step {
  readonly palette: string;
  readonly name: string;
  readonly col: number;
  readonly row: number;
  /** Inspector selects to set after naming, by their labels. */
  readonly selects?: Readonly<Record<string, string>>;
}

const STEPS: readonly Step[] = [
  { palette: 'Trigger', name: 'Receive call', col: 0, row: 0 },
  { palette: 'AI tool', name: 'Transcribe call', col: 1, row: 0, selects: { Capability: 'transcription' } },
  { palette: 'AI tool', name: 'Detect intent', col: 2, row: 0 },
  { palette: 'Router', name: 'Route by confidence', col: 3, row: 0 },
  { palette: 'Tool', name: 'Look up availability', col: 0, row: 1 },
  { palette: 'Tool', name: 'Book appointment', col: 1, row: 1 },
  { palette: 'Quality check', name: 'Validate booking', col: 2, row: 1 },
  { palette: 'Output', name: 'Confirm booking', col: 3, row: 1 },
  { palette: 'Human gate', name: 'Review exception', col: 0, row: 2 },
  { palette: 'Output', name: 'Escalate to coordinator', col: 1, row: 2, selects: { Outcome: 'escalated' } },
  { palette: 'Output', name: 'Alert on-call', col: 2, row: 2, selects: { Type: 'alert', Outcome: 'error' } },
];

/** [from, port, to] by node name. */
const WIRES: readonly (readonly [string, string, string])[] = [
  ['Receive call', 'out', 'Transcribe call'],
  ['Transcribe call', 'out', 'Detect intent'],
  ['Transcribe call', 'error', 'Alert on-call'],
  ['Detect intent', 'out', 'Route by confidence'],
  ['Detect intent', 'error', 'Review exception'],
  ['Route by confidence', 'out', 'Look up availability'],
  ['Route by confidence', 'out', 'Review exception'],
  ['Look up availability', 'out', 'Book appointment'],
  ['Look up availability', 'error', 'Review exception'],
  ['Book appointment', 'out', 'Validate booking'],
  ['Book appointment', 'error', 'Alert on-call'],
  ['Validate booking', 'pass', 'Confirm booking'],
  ['Validate booking', 'fail', 'Review exception'],
  ['Review exception', 'approve', 'Confirm booking'],
  ['Review exception', 'reject', 'Escalate to coordinator'],
  ['Review exception', 'revise', 'Escalate to coordinator'],
  ['Review exception', 'timeout', 'Escalate to coordinator'],
];

async function zoom(page: Page): Promise<number> {
  return page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

test('a person builds a 11-step workflow with mouse and keyboard, undoes it to nothing, redoes it, exports it', async ({ page }) => {
  test.setTimeout(180_000);
  await openEditor(page);
  await page.getByRole('region', { name: 'Designs' }).getByRole('button', { name: 'New design' }).click();
  await page.getByRole('dialog', { name: 'New design' }).getByRole('button', { name: 'Blank design' }).click();
  await expect.poll(async () => (await getDoc(page)).nodes.length).toBe(0);
  // Zoom out with the canvas controls until a 4 x 3 grid of nodes fits (each click animates; wait it out). A blank
  // design keeps the zoom the previous design opened at (the readable zoom, 5/7), a little too big for the grid.
  for (let i = 0; i < 10 && (await zoom(page)) > 0.65; i++) {
    await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(300);
  }
  expect(await zoom(page)).toBeLessThanOrEqual(0.65);

  const pane = page.locator('.react-flow__pane');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  // The 4 x 3 grid fits the pane as this window size lays it out: at 1280x720 the pane is narrower than four
  // columns 190 px apart, and a handle near the pane's edge makes React Flow pan while a wire is dragged from it
  // (by how much depends on how fast the frames come), so the wire would land beside its target.
  const box = await pane.boundingBox();
  if (!box) throw new Error('the canvas pane is not visible');
  const colGap = Math.min(190, (box.width - 60 - 200) / 3);
  const rowGap = Math.min(130, (box.height - 50 - 90) / 2);
  const ids = new Map<string, string>();
  for (const s of STEPS) {
    await page
      .getByRole('region', { name: 'Node palette' })
      .getByRole('button', { name: s.palette, exact: true })
      .dragTo(pane, { targetPosition: { x: 60 + s.col * colGap, y: 50 + s.row * rowGap } });
    const [id] = await selectedIds(page);
    if (!id) throw new Error(`dropping ${s.palette} selected nothing`);
    ids.set(s.name, id);
    await inspector.getByLabel('Label', { exact: true }).fill(s.name);
    for (const [label, value] of Object.entries(s.selects ?? {})) await inspector.getByLabel(label, { exact: true }).selectOption(value);
  }
  for (const [from, port, to] of WIRES) {
    await dragLocators(page, handle(page, ids.get(from) ?? '', port), handle(page, ids.get(to) ?? '', 'in'));
  }
  // The router's two branches: one condition typed in place, the other the default.
  const unlabelled = page.getByRole('button', { name: /^Branch without a condition/ });
  await expect(unlabelled).toHaveCount(2);
  const field = page.getByRole('textbox', { name: 'Branch condition' });
  await unlabelled.first().dblclick();
  await field.fill('confidence >= 0.8');
  await field.press('Enter');
  // The labelled branch is no longer "without a condition": the remaining one is the other branch.
  await expect(unlabelled).toHaveCount(1);
  // The other one by keyboard (on a narrow canvas its label can sit under a neighbour's port).
  await unlabelled.focus();
  await unlabelled.press('Enter');
  await field.fill('default');
  await field.press('Enter');

  const built = await getDoc(page);
  expect(built.nodes.map((n) => n.label).sort()).toEqual(STEPS.map((s) => s.name).sort());
  expect(built.edges).toHaveLength(WIRES.length);
  const router = ids.get('Route by confidence');
  const branches = built.edges.filter((e) => e.source === router);
  expect(branches.map((e) => e.condition ?? (e.isDefault ? 'default' : 'none'))).toEqual([{ field: 'confidence', op: '>=', value: 0.8 }, 'default']);
  expect(built.nodes.find((n) => n.label === 'Transcribe call')).toMatchObject({ config: { capability: 'transcription' } });
  expect(built.nodes.find((n) => n.label === 'Alert on-call')).toMatchObject({ config: { type: 'alert', outcome: 'error' } });
  // The analyzer sees a sound design: no error-level findings.
  await expect(page.getByRole('region', { name: 'Problems' }).locator('li[data-severity="error"]')).toHaveCount(0);

  // Every step undoes, back to the empty design, and redoes to exactly what was built.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const steps = await historyDepth(page);
  expect(steps).toBeGreaterThanOrEqual(STEPS.length + WIRES.length);
  for (let i = 0; i < steps; i++) await page.keyboard.press('Control+z');
  expect((await getDoc(page)).nodes).toEqual([]);
  for (let i = 0; i < steps; i++) await page.keyboard.press('Control+Shift+z');
  expect(await getDoc(page)).toEqual(built);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  const imported = importWorkflow(text);
  expect(imported.ok).toBe(true);
  if (imported.ok) expect(imported.doc.nodes).toHaveLength(STEPS.length);
});
