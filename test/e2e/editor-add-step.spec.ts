/**
 * Issue 11, building on the canvas: "Add step after LABEL" from a selected node's port (searchable palette, placed
 * to the right, connected, one undo step); new nodes never land on others; ports big enough to aim at, far enough
 * apart, with names no neighbour covers; a connection drag that starts a little off the port is a connection.
 */
import { expect, test } from '@playwright/test';
import { design, dragBetween, getDoc, handle, historyDepth, node, openEditor } from './editor-helpers.ts';

test('"Add step after" opens the searchable palette and adds the step to the right, connected, as one undo step', async ({ page }) => {
  await openEditor(page, design('Add step', ['trigger', 'ai'], [{ id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'ai1' }]));
  await node(page, 'ai1').click();
  const depth = await historyDepth(page);
  await page.getByRole('button', { name: 'Add step after AI tool', exact: true }).click();
  const palette = page.getByRole('dialog', { name: 'Add step after AI tool' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox', { name: 'Search steps' }).fill('review');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);

  const doc = await getDoc(page);
  const ai = doc.nodes.find((n) => n.id === 'ai1')!;
  const added = doc.nodes.find((n) => n.kind === 'human')!;
  expect(added.position.x).toBeGreaterThan(ai.position.x + 200);
  expect(Math.abs(added.position.y - ai.position.y)).toBeLessThan(60);
  expect(doc.edges).toContainEqual(expect.objectContaining({ source: 'ai1', sourcePort: 'out', target: added.id }));
  expect(await historyDepth(page)).toBe(depth + 1);
  // The new step is selected and on screen; one Undo removes node and edge together.
  await expect(node(page, added.id)).toBeInViewport();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const back = await getDoc(page);
  expect(back.nodes).toHaveLength(2);
  expect(back.edges).toHaveLength(1);

  // Another port: the error path, by mouse.
  await node(page, 'ai1').click();
  await page.getByRole('button', { name: 'Add step on error of AI tool' }).click();
  await page.getByRole('dialog').getByRole('option', { name: /Output/ }).click();
  expect((await getDoc(page)).edges).toContainEqual(expect.objectContaining({ source: 'ai1', sourcePort: 'error' }));
});

test('palette clicks never stack new nodes on each other or on what is there', async ({ page }) => {
  await openEditor(page, design('Crowd', ['trigger']));
  const palette = page.getByRole('region', { name: 'Node palette' });
  for (const kind of ['Tool', 'Tool', 'AI tool', 'Human gate', 'Output']) await palette.getByRole('button', { name: kind, exact: true }).click();
  const boxes = await Promise.all((await page.locator('.react-flow__node').all()).map((n) => n.boundingBox()));
  expect(boxes).toHaveLength(6);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `node ${i} overlaps node ${j}`).toBe(false);
    }
  }
});

test('ports are big and spread out, their names readable inside the node; a drag a little off the port connects', async ({ page }) => {
  await openEditor(page, design('Ports', ['human', 'output']));
  const ports = ['approve', 'reject', 'revise', 'timeout'];
  const boxes = await Promise.all(ports.map((p) => handle(page, 'human0', p).boundingBox()));
  const zoom = Number(/scale\(([\d.]+)\)/.exec(await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform))?.[1]);
  for (let i = 0; i < boxes.length; i++) {
    expect(boxes[i]!.width / zoom).toBeGreaterThanOrEqual(14);
    if (i > 0) expect((boxes[i]!.y - boxes[i - 1]!.y) / zoom).toBeGreaterThanOrEqual(20);
  }
  // Port names are inside the node's box.
  const nodeBox = (await node(page, 'human0').boundingBox())!;
  for (const label of await node(page, 'human0').locator('.wf-handle__label').all()) {
    const b = (await label.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(nodeBox.x);
    expect(b.x + b.width).toBeLessThanOrEqual(nodeBox.x + nodeBox.width);
  }
  // Press 10 flow px left of the "approve" dot's centre (inside the node, off the dot) and drag to the output: a
  // connection, and the gate has not moved.
  const before = (await getDoc(page)).nodes.find((n) => n.id === 'human0')!.position;
  const a = boxes[0]!;
  const target = (await handle(page, 'output1', 'in').boundingBox())!;
  await dragBetween(page, { x: a.x + a.width / 2 - 10 * zoom, y: a.y + a.height / 2 }, { x: target.x + target.width / 2, y: target.y + target.height / 2 });
  const doc = await getDoc(page);
  expect(doc.edges).toContainEqual(expect.objectContaining({ source: 'human0', sourcePort: 'approve', target: 'output1' }));
  expect(doc.nodes.find((n) => n.id === 'human0')!.position).toEqual(before);
});
