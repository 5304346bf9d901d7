/** Page steps shared by the canvas benchmark (run.ts) and its tracer (trace.ts): open each page with a graph, zoom in. */
import type { Page } from 'playwright-core';
import { gridWorkflow, plainGraph } from './graph.ts';

/** The viewport's zoom, read from React Flow's transform (a string: see the note in run.ts on in-page scripts). */
export const ZOOM = `Number(/scale\\(([\\d.]+)\\)/.exec(document.querySelector('.react-flow__viewport')?.style.transform ?? '')?.[1] ?? 1)`;

/** The built app at `url` with a grid of `nodes` nodes, fitted to the view; minimap `true`/`false` forces it. */
export async function loadBaton(page: Page, url: string, nodes: number, minimap?: boolean): Promise<void> {
  await page.goto(url);
  await page.locator('.react-flow__pane').waitFor();
  // The editor paints before storage opens the design to show; it is busy until then.
  await page.locator('.app[aria-busy="false"]').waitFor();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  if (await gallery.isVisible()) await page.keyboard.press('Escape');
  await page.evaluate((d) => (window as unknown as { __batonStore: { getState(): { loadDocument(x: unknown): void } } }).__batonStore.getState().loadDocument(d), gridWorkflow(nodes));
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Digit1');
  if (minimap !== undefined) {
    const shown = (await page.locator('.react-flow__minimap').count()) > 0;
    if (shown !== minimap) await page.getByRole('button', { name: 'Minimap' }).click();
  }
}

/** The plain React Flow page (plain.html) served at `base`, with the same graph; `minimap` adds React Flow's MiniMap. */
export async function loadPlain(page: Page, base: string, nodes: number, minimap: boolean): Promise<void> {
  await page.goto(`${base}/plain.html${minimap ? '?minimap=1' : ''}`);
  await page.locator('.react-flow__pane').waitFor();
  await page.evaluate((g) => (window as unknown as { __plainLoad?: (x: unknown) => void }).__plainLoad?.(g), plainGraph(gridWorkflow(nodes)));
}

/** 100 % around the middle of the design: a screenful of nodes, the rest virtualised away. */
export async function zoomIn(page: Page): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  // Ctrl+wheel zooms in both (Baton pans on a plain wheel, as Figma does; React Flow zooms either way).
  await page.keyboard.down('Control');
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(30);
    if (((await page.evaluate(ZOOM)) as number) >= 1) break;
  }
  await page.keyboard.up('Control');
  await page.waitForTimeout(400);
}
