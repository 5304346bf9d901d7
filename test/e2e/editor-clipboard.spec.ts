/** The system clipboard as workflow JSON: copy in one design, paste in another; foreign text is refused. */
import { expect, test } from '@playwright/test';
import { design, getDoc, loadDesign, message, node, openEditor, selectedIds } from './editor-helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('copy in one design, paste in another: fresh ids, offset, edges kept', async ({ page }) => {
  await openEditor(page, design('Source', ['trigger', 'ai', 'output'], [{ id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'ai1' }]));
  await node(page, 'trigger0').click();
  await node(page, 'ai1').click({ modifiers: ['Shift'] });
  await page.keyboard.press('ControlOrMeta+c');
  // The clipboard is written and read asynchronously: wait for what the app does rather than assume it is done.
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('baton.workflow');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toMatchObject({ format: 'baton.workflow', nodes: [{ id: 'trigger0' }, { id: 'ai1' }] });

  // A different design in the same tab (as after opening another design).
  await loadDesign(page, design('Target', ['human', 'output']));
  await page.keyboard.press('ControlOrMeta+v');
  await expect.poll(async () => (await getDoc(page)).nodes.length).toBe(4);
  const doc = await getDoc(page);
  expect(doc.name).toBe('Target');
  expect(doc.nodes).toHaveLength(4);
  const pasted = doc.nodes.slice(2);
  expect(pasted.map((n) => n.kind)).toEqual(['trigger', 'ai']);
  expect(pasted.map((n) => n.id)).not.toContain('trigger0');
  expect(pasted[1]!.position).toEqual({ x: 300 + 40, y: 160 + 40 });
  expect(doc.edges).toEqual([expect.objectContaining({ source: pasted[0]!.id, target: pasted[1]!.id, sourcePort: 'out' })]);
  expect(await selectedIds(page)).toEqual(pasted.map((n) => n.id).sort());
  // One paste = one undo entry.
  await page.keyboard.press('ControlOrMeta+z');
  expect((await getDoc(page)).nodes).toHaveLength(2);
});

test('cut removes, paste brings back; duplicate copies with an offset', async ({ page }) => {
  await openEditor(page, design('Cut', ['trigger', 'ai']));
  await node(page, 'ai1').click();
  await page.keyboard.press('ControlOrMeta+d');
  let doc = await getDoc(page);
  expect(doc.nodes).toHaveLength(3);
  expect(doc.nodes[2]!.position).toEqual({ x: 340, y: 200 });

  await node(page, 'trigger0').click();
  await page.keyboard.press('ControlOrMeta+x');
  await expect.poll(async () => (await getDoc(page)).nodes.length).toBe(2);
  doc = await getDoc(page);
  expect(doc.nodes.map((n) => n.kind)).toEqual(['ai', 'ai']);
  await page.keyboard.press('ControlOrMeta+v');
  await expect.poll(async () => (await getDoc(page)).nodes.length).toBe(3);
  doc = await getDoc(page);
  expect(doc.nodes.map((n) => n.kind)).toEqual(['ai', 'ai', 'trigger']);
  expect(doc.nodes[2]!.position).toEqual({ x: 0, y: 0 });
});

test('pasting text that is not Baton nodes shows a message and changes nothing', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openEditor(page, design('Foreign', ['trigger']));
  // The person copies ordinary text from a field, then pastes on the canvas.
  const search = page.getByRole('region', { name: 'Node palette' }).getByRole('searchbox');
  await search.fill('hello world');
  await search.selectText();
  await page.keyboard.press('ControlOrMeta+c');
  await search.fill('');
  await node(page, 'trigger0').click();
  const before = await getDoc(page);
  await page.keyboard.press('ControlOrMeta+v');
  await expect(message(page)).toContainText('The clipboard does not hold Baton nodes');
  expect(await getDoc(page)).toEqual(before);

  // JSON that claims to be a workflow but is not valid is refused as well, with the reason.
  await page.evaluate(() => navigator.clipboard.writeText(JSON.stringify({ format: 'baton.workflow', schemaVersion: 1, id: 'x', name: 'x', nodes: [{ id: 'a', kind: 'ai' }], edges: [] })));
  await page.keyboard.press('ControlOrMeta+v');
  await expect(message(page)).toContainText('not valid');
  expect(await getDoc(page)).toEqual(before);
  expect(errors).toEqual([]);
});
