/** Building a design with the mouse and keyboard: add, connect, refuse, select, move, delete, rename. */
import { expect, test } from '@playwright/test';
import { design, dragBetween, dragLocators, dragNodeBy, getDoc, handle, historyDepth, message, node, openEditor, selectedIds } from './editor-helpers.ts';

test('an empty design shows the hint; palette adds nodes by click and by drag', async ({ page }) => {
  await openEditor(page, design('Empty', []));
  await expect(page.getByRole('note').filter({ hasText: 'Start a workflow' })).toBeVisible();
  await page.getByRole('region', { name: 'Node palette' }).getByRole('button', { name: 'AI tool', exact: true }).click();
  await expect(page.locator('.react-flow__node[data-kind="ai"]')).toHaveCount(1);
  await expect(page.getByRole('note').filter({ hasText: 'Start a workflow' })).toHaveCount(0);

  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page
    .getByRole('region', { name: 'Node palette' })
    .getByRole('button', { name: 'Output', exact: true })
    .dragTo(pane, { targetPosition: { x: 120, y: box.height - 140 } });
  await expect(page.locator('.react-flow__node[data-kind="output"]')).toHaveCount(1);
  const doc = await getDoc(page);
  expect(doc.nodes.map((n) => n.kind).sort()).toEqual(['ai', 'output']);
});

test('connects two nodes by dragging between handles', async ({ page }) => {
  await openEditor(page, design('Connect', ['trigger', 'ai', 'output']));
  await dragLocators(page, handle(page, 'trigger0', 'out'), handle(page, 'ai1', 'in'));
  await dragLocators(page, handle(page, 'ai1', 'out'), handle(page, 'output2', 'in'));
  const doc = await getDoc(page);
  expect(doc.edges.map((e) => `${e.source}:${e.sourcePort}->${e.target}`)).toEqual(['trigger0:out->ai1', 'ai1:out->output2']);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
});

test('a refused connection says why: into a trigger, a duplicate, out of the wrong place', async ({ page }) => {
  await openEditor(page, design('Refuse', ['trigger', 'ai', 'output'], [{ id: 'e1', source: 'ai1', sourcePort: 'out', target: 'output2' }]));
  // Onto the trigger's body: it has no input handle, so React Flow refuses the drop itself.
  await dragLocators(page, handle(page, 'ai1', 'out'), node(page, 'trigger0').locator('.wf-node__label'));
  await expect(message(page)).toContainText('A trigger starts a case');
  expect((await getDoc(page)).edges).toHaveLength(1);
  await page.getByRole('button', { name: 'Dismiss message' }).click();

  // The same connection again.
  await dragLocators(page, handle(page, 'ai1', 'out'), handle(page, 'output2', 'in'));
  await expect(message(page)).toContainText('already connected');
  expect((await getDoc(page)).edges).toHaveLength(1);
});

test('selection: click, shift-click, marquee on empty canvas, Ctrl+A', async ({ page }) => {
  await openEditor(page, design('Select', ['trigger', 'ai', 'tool', 'output']));
  await node(page, 'ai1').click();
  expect(await selectedIds(page)).toEqual(['ai1']);
  await node(page, 'tool2').click({ modifiers: ['Shift'] });
  expect(await selectedIds(page)).toEqual(['ai1', 'tool2']);

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  expect(await selectedIds(page)).toEqual([]);
  // Marquee from empty canvas between the trigger and the AI tool, touching the AI tool and the tool. (Started
  // away from the canvas edge: near it, React Flow auto-pans, as Figma does.)
  const a = (await node(page, 'trigger0').boundingBox())!;
  const b = (await node(page, 'ai1').boundingBox())!;
  const c = (await node(page, 'tool2').boundingBox())!;
  await dragBetween(page, { x: a.x + a.width + 20, y: c.y + 5 }, { x: c.x + 10, y: b.y + b.height + 10 });
  expect(await selectedIds(page)).toEqual(['ai1', 'tool2']);

  await page.keyboard.press('ControlOrMeta+a');
  expect(await selectedIds(page)).toEqual(['ai1', 'output3', 'tool2', 'trigger0']);
});

test('arrow keys move the selection once per press, Shift by 10, and undo as one entry', async ({ page }) => {
  await openEditor(page, design('Nudge', ['ai', 'output']));
  await node(page, 'ai0').click();
  // Focus is on the node: React Flow's own arrow handling must not move it a second time.
  await expect(node(page, 'ai0')).toBeFocused();
  const before = (await getDoc(page)).nodes[0]!.position;
  const depth = await historyDepth(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  expect((await getDoc(page)).nodes[0]!.position).toEqual({ x: before.x + 3, y: before.y + 10 });
  expect(await historyDepth(page)).toBe(depth + 1);
  await page.keyboard.press('ControlOrMeta+z');
  expect((await getDoc(page)).nodes[0]!.position).toEqual(before);
});

test('Delete and Backspace delete the selection, but never while typing in a field', async ({ page }) => {
  await openEditor(page, design('Delete', ['trigger', 'ai', 'output'], [{ id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'ai1' }]));
  await node(page, 'ai1').dblclick();
  const field = page.getByRole('textbox', { name: 'Node name' });
  await expect(field).toBeFocused();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Escape');
  expect((await getDoc(page)).nodes).toHaveLength(3);

  await page.getByRole('region', { name: 'Node palette' }).getByRole('searchbox').fill('tool');
  await node(page, 'output2').click();
  await page.getByRole('region', { name: 'Node palette' }).getByRole('searchbox').focus();
  await page.keyboard.press('Backspace');
  expect((await getDoc(page)).nodes).toHaveLength(3);

  await node(page, 'ai1').click();
  await page.keyboard.press('Delete');
  let doc = await getDoc(page);
  expect(doc.nodes.map((n) => n.id)).toEqual(['trigger0', 'output2']);
  expect(doc.edges).toEqual([]);
  await node(page, 'output2').click();
  await page.keyboard.press('Backspace');
  doc = await getDoc(page);
  expect(doc.nodes.map((n) => n.id)).toEqual(['trigger0']);
});

test('a drag is one undo entry; the edit sequence undoes and redoes exactly', async ({ page }) => {
  await openEditor(page, design('History', ['trigger', 'output']));
  const snapshots = [await getDoc(page)];
  // add (dropped on empty canvas below the trigger)
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page
    .getByRole('region', { name: 'Node palette' })
    .getByRole('button', { name: 'AI tool', exact: true })
    .dragTo(pane, { targetPosition: { x: 250, y: box.height - 120 } });
  snapshots.push(await getDoc(page));
  const aiId = snapshots[1]!.nodes.find((n) => n.kind === 'ai')!.id;
  // connect
  await dragLocators(page, handle(page, 'trigger0', 'out'), handle(page, aiId, 'in'));
  snapshots.push(await getDoc(page));
  expect(snapshots[2]!.edges).toHaveLength(1);
  // move by drag: one entry for the whole drag
  const depth = await historyDepth(page);
  await dragNodeBy(page, aiId, 120, 80);
  expect(await historyDepth(page)).toBe(depth + 1);
  snapshots.push(await getDoc(page));
  // rename in place
  await node(page, aiId).dblclick();
  await page.getByRole('textbox', { name: 'Node name' }).fill('Draft reply');
  await page.keyboard.press('Enter');
  snapshots.push(await getDoc(page));
  expect(snapshots[4]!.nodes.find((n) => n.id === aiId)!.label).toBe('Draft reply');
  await expect(page.getByRole('button', { name: 'AI tool: Draft reply' })).toBeVisible();
  // delete
  await node(page, aiId).click();
  await page.keyboard.press('Delete');
  snapshots.push(await getDoc(page));
  expect(snapshots[5]!.nodes.map((n) => n.kind)).toEqual(['trigger', 'output']);

  for (let i = snapshots.length - 2; i >= 0; i--) {
    if (i % 2) await page.getByRole('button', { name: 'Undo' }).click();
    else await page.keyboard.press('ControlOrMeta+z');
    expect(await getDoc(page)).toEqual(snapshots[i]);
  }
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  for (let i = 1; i < snapshots.length; i++) {
    if (i === 1) await page.getByRole('button', { name: 'Redo' }).click();
    else await page.keyboard.press(i % 2 ? 'ControlOrMeta+Shift+z' : 'Control+y');
    expect(await getDoc(page)).toEqual(snapshots[i]);
  }
});

test('a router branch label is edited in place; bad text is refused with a reason', async ({ page }) => {
  await openEditor(
    page,
    design('Branches', ['router', 'ai', 'human'], [
      { id: 'e1', source: 'router0', sourcePort: 'out', target: 'ai1', probability: 0.7 },
      { id: 'e2', source: 'router0', sourcePort: 'out', target: 'human2' },
    ]),
  );
  await page.getByRole('button', { name: /^Branch 70%/ }).dblclick();
  const field = page.getByRole('textbox', { name: 'Branch condition' });
  await field.fill('confidence >= 0.8');
  await field.press('Enter');
  let edge = (await getDoc(page)).edges[0]!;
  expect(edge.condition).toEqual({ field: 'confidence', op: '>=', value: 0.8 });
  expect(edge.probability).toBeUndefined();

  await page.getByRole('button', { name: /^Branch without a condition/ }).dblclick();
  await field.fill('when it feels right');
  await field.press('Enter');
  await expect(message(page)).toContainText('Cannot read');
  await field.press('Escape');
  edge = (await getDoc(page)).edges[1]!;
  expect(edge.condition).toBeUndefined();

  await page.getByRole('button', { name: /^Branch without a condition/ }).dblclick();
  await field.fill('default');
  await field.press('Enter');
  expect((await getDoc(page)).edges[1]!.isDefault).toBe(true);
});
