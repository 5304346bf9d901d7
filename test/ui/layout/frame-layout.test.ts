/** Framing at a readable zoom, and the remembered layout read defensively. */
import { describe, expect, it } from 'vitest';
import { createNode, type WorkflowNode } from '../../../src/domain/index.ts';
import { frameViewport, MINIMAP_CORNER, openingFrame, READABLE_ZOOM } from '../../../src/ui/canvas/frame-view.ts';
import { nodeSize } from '../../../src/ui/canvas/node-appearance.ts';
import { defaultSizes, readLayoutPrefs } from '../../../src/ui/layout/layout-prefs.ts';

const row = (n: number): WorkflowNode[] =>
  Array.from({ length: n }, (_, i) => createNode(i === 0 ? 'trigger' : 'tool', { id: `n${i}`, position: { x: 100 + i * 300, y: 50 } }));

describe('frameViewport', () => {
  it('fits a small design whole, never zoomed in past 100%', () => {
    const vp = frameViewport({ nodes: row(2) }, { width: 1000, height: 600 })!;
    expect(vp.zoom).toBe(1);
  });
  it('fits a design whole when its labels are drawn at 10 px or more (a six-step import at 1440x900 once missed by 3%)', () => {
    const nodes = row(4);
    const vp = frameViewport({ nodes }, { width: 900, height: 500 })!;
    expect(vp.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(vp.zoom).toBeLessThan(0.75);
    expect(14 * vp.zoom).toBeGreaterThanOrEqual(10);
    for (const n of nodes) {
      expect(n.position.x * vp.zoom + vp.x).toBeGreaterThanOrEqual(0);
      expect((n.position.x + 240) * vp.zoom + vp.x).toBeLessThanOrEqual(900);
    }
  });
  it('a design too wide to read whole starts at the trigger at the readable zoom', () => {
    const vp = frameViewport({ nodes: row(12) }, { width: 800, height: 500 })!;
    expect(vp.zoom).toBe(READABLE_ZOOM);
    // The trigger (x = 100) is drawn at the left padding.
    expect(vp.x + 100 * vp.zoom).toBe(40);
  });
  it('Shift+1 (minZoom 0) fits everything, and keeps clear of the minimap corner', () => {
    const nodes = row(12);
    const vp = frameViewport({ nodes }, { width: 800, height: 500 }, { minZoom: 0, avoid: { width: 220, height: 170 } })!;
    expect(vp.zoom).toBeLessThan(READABLE_ZOOM);
    // A wide design goes above the minimap: its bottom edge on screen is above the minimap's top.
    const bottom = (50 + 84) * vp.zoom + vp.y;
    expect(bottom).toBeLessThanOrEqual(500 - 170);
  });
  it('a huge sticky note does not push a small design below the readable zoom: its steps are framed', () => {
    const note = createNode('note', { id: 'note', position: { x: 0, y: -1500 } });
    if (note.kind !== 'note') throw new Error('a note');
    const big = { ...note, config: { ...note.config, width: 3000, height: 2500 } };
    const steps = row(3);
    const vp = frameViewport({ nodes: [big, ...steps] }, { width: 1000, height: 600 })!;
    expect(vp.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // Every step is on screen, not just the trigger.
    for (const n of steps) {
      expect(n.position.x * vp.zoom + vp.x).toBeGreaterThanOrEqual(0);
      expect((n.position.x + 220) * vp.zoom + vp.x).toBeLessThanOrEqual(1000);
      expect(n.position.y * vp.zoom + vp.y).toBeGreaterThanOrEqual(0);
    }
    // Without the note the same steps frame the same way.
    expect(vp).toEqual(frameViewport({ nodes: steps }, { width: 1000, height: 600 }));
  });
  it('an empty design has nothing to frame', () => {
    expect(frameViewport({ nodes: [] }, { width: 800, height: 500 })).toBeNull();
  });
});

/** Whether any node is drawn (partly) inside the view's bottom-right corner of the given size. */
function underCorner(nodes: WorkflowNode[], vp: { x: number; y: number; zoom: number }, view: { width: number; height: number }, corner: { width: number; height: number }): string[] {
  return nodes
    .filter((n) => {
      const s = nodeSize(n);
      const x0 = n.position.x * vp.zoom + vp.x;
      const y0 = n.position.y * vp.zoom + vp.y;
      return x0 + s.width * vp.zoom > view.width - corner.width && x0 < view.width && y0 + s.height * vp.zoom > view.height - corner.height && y0 < view.height;
    })
    .map((n) => n.id);
}

describe('openingFrame (how a design opens, and whether the automatic minimap shows)', () => {
  // The canvas at 1280x720 with the default panes.
  const laptop = { width: 772, height: 440 };
  it('a small design that fits readably only without the minimap opens whole, with the minimap hidden', () => {
    // Two rows of three: too tall to go above the minimap's corner, too wide to go beside it.
    const nodes = [...row(3), ...row(3).map((n) => ({ ...n, id: `${n.id}b`, position: { x: n.position.x, y: 300 } }))];
    // Kept clear of the minimap's corner it does not fit readably: framed at its trigger, it runs under the minimap.
    expect(underCorner(nodes, frameViewport({ nodes }, laptop, { avoid: MINIMAP_CORNER })!, laptop, MINIMAP_CORNER)).not.toEqual([]);
    const framed = openingFrame({ nodes }, laptop, MINIMAP_CORNER)!;
    expect(framed.minimap).toBe(false);
    expect(framed.viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    for (const n of nodes) {
      const s = nodeSize(n);
      const vp = framed.viewport;
      expect(n.position.x * vp.zoom + vp.x).toBeGreaterThanOrEqual(0);
      expect((n.position.x + s.width) * vp.zoom + vp.x).toBeLessThanOrEqual(laptop.width);
      expect(n.position.y * vp.zoom + vp.y).toBeGreaterThanOrEqual(0);
      expect((n.position.y + s.height) * vp.zoom + vp.y).toBeLessThanOrEqual(laptop.height);
    }
  });
  it('a design that frames clear of the minimap keeps it', () => {
    const framed = openingFrame({ nodes: row(2) }, { width: 1200, height: 700 }, MINIMAP_CORNER)!;
    expect(framed.minimap).toBe(true);
    expect(underCorner(row(2), framed.viewport, { width: 1200, height: 700 }, MINIMAP_CORNER)).toEqual([]);
  });
  it('a design too big to read whole opens at its trigger, never with a node under the minimap', () => {
    const nodes = [...row(12), ...row(12).map((n) => ({ ...n, id: `${n.id}b`, position: { x: n.position.x, y: 300 } }))];
    const view = { width: 1000, height: 500 };
    // Framed beside the minimap, the second row would run under it.
    expect(underCorner(nodes, frameViewport({ nodes }, view, { avoid: MINIMAP_CORNER })!, view, MINIMAP_CORNER)).not.toEqual([]);
    const framed = openingFrame({ nodes }, view, MINIMAP_CORNER)!;
    expect(framed.minimap).toBe(false);
    expect(framed.viewport.zoom).toBe(READABLE_ZOOM);
  });
  it('with no corner to keep clear (the person hid the minimap) the design is framed in the whole canvas', () => {
    expect(openingFrame({ nodes: row(3) }, laptop, null)).toEqual({ viewport: frameViewport({ nodes: row(3) }, laptop), minimap: false });
  });
});

describe('readLayoutPrefs', () => {
  const win = { width: 1280, height: 720 };
  it('missing, broken or foreign storage gives the defaults', () => {
    for (const raw of [null, '{', '"x"', '{"sizes": {"left": "wide"}}']) expect(readLayoutPrefs(raw, win).sizes).toEqual(defaultSizes(win));
  });
  it('keeps what is valid field by field', () => {
    const p = readLayoutPrefs(JSON.stringify({ sizes: { inspector: 400 }, open: { problems: false } }), win);
    expect(p.sizes.inspector).toBe(400);
    expect(p.sizes.left).toBe(defaultSizes(win).left);
    expect(p.open).toEqual({ palette: true, designs: true, inspector: true, problems: false, simulation: true });
  });
});
