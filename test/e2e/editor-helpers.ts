/**
 * Helpers for the editor's end-to-end tests. `window.__batonStore` is used ONLY to set up a document and to
 * read what the user's actions did; every action itself goes through the mouse and keyboard.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { createNode, createWorkflow, type NodeKind, type Workflow } from '../../src/domain/index.ts';

type StoreWindow = { __batonStore: { getState(): { doc: Workflow; loadDocument(d: Workflow): void; history: { past: unknown[]; future: unknown[] }; selection: { nodeIds: Set<string> } } } };

/** A document with the given nodes (id = kind + index), laid out left to right, and optional edges. */
export function design(name: string, kinds: readonly NodeKind[], edges: Workflow['edges'] = []): Workflow {
  const doc = createWorkflow({ id: `wf_${name.toLowerCase().replace(/\W+/g, '_')}`, name });
  return { ...doc, nodes: kinds.map((k, i) => createNode(k, { id: `${k}${i}`, position: { x: i * 300, y: (i % 2) * 160 } })), edges };
}

/**
 * Hold back the chunks whose URL matches `glob` (a part of the app that loads after the first paint: storage,
 * the analyzer) until the returned function is called, to see the page while it waits.
 */
export async function holdChunks(page: Page, glob: string): Promise<() => void> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(glob, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The editor is painted before storage opens the design to show; it is busy (and inert) until then. */
export async function appReady(page: Page): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'false');
}

/** Open the app; on a first visit the template gallery greets the person, who closes it as a user would. */
export async function openEditor(page: Page, doc?: Workflow): Promise<void> {
  await page.goto('/');
  await appReady(page);
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  if (await gallery.isVisible()) {
    await page.keyboard.press('Escape');
    await expect(gallery).toHaveCount(0);
  }
  if (doc) await loadDesign(page, doc);
}

/** A design with every kind of node and a router, for checks that look at everything at once. */
export function everyKind(): Workflow {
  return design('Every kind', ['trigger', 'ai', 'router', 'human', 'check', 'tool', 'join', 'output', 'note'], [
    { id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'ai1' },
    { id: 'e2', source: 'ai1', sourcePort: 'out', target: 'router2' },
    { id: 'e3', source: 'router2', sourcePort: 'out', target: 'human3', condition: { field: 'confidence', op: '<', value: 0.8 } },
    { id: 'e4', source: 'router2', sourcePort: 'out', target: 'check4', isDefault: true },
    { id: 'e5', source: 'human3', sourcePort: 'approve', target: 'tool5' },
    { id: 'e6', source: 'check4', sourcePort: 'pass', target: 'tool5' },
    { id: 'e7', source: 'tool5', sourcePort: 'out', target: 'output7' },
    { id: 'e8', source: 'ai1', sourcePort: 'error', target: 'output7' },
  ]);
}

/** Setup: replace the document, then fit it in view the way a user would (Shift+1). */
export async function loadDesign(page: Page, doc: Workflow): Promise<void> {
  await page.evaluate((d) => (window as unknown as StoreWindow).__batonStore.getState().loadDocument(d), doc);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Digit1');
  await page.waitForTimeout(350);
}

export function getDoc(page: Page): Promise<Workflow> {
  return page.evaluate(() => (window as unknown as StoreWindow).__batonStore.getState().doc);
}

export function historyDepth(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as StoreWindow).__batonStore.getState().history.past.length);
}

export function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as StoreWindow).__batonStore.getState().selection.nodeIds].sort());
}

export function node(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

export function handle(page: Page, nodeId: string, handleId: string): Locator {
  return node(page, nodeId).locator(`.react-flow__handle[data-handleid="${handleId}"]`);
}

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('element has no box');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Press, move in steps about a frame apart (as a hand does, so React Flow sees a drag), release. */
export async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 10): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 2 });
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

export async function dragLocators(page: Page, from: Locator, to: Locator): Promise<void> {
  await dragBetween(page, await centre(from), await centre(to));
}

/** Drag a node by its header by (dx, dy) screen pixels. */
export async function dragNodeBy(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const b = await node(page, id).boundingBox();
  if (!b) throw new Error(`node ${id} not visible`);
  const from = { x: b.x + 30, y: b.y + 12 };
  await dragBetween(page, from, { x: from.x + dx, y: from.y + dy });
}

/** The message line (a refused connection, a paste that was not Baton nodes). */
export function message(page: Page): Locator {
  return page.locator('.message');
}
