/** Framing at a readable zoom, and the remembered layout read defensively. */
import { describe, expect, it } from 'vitest';
import { createNode, type WorkflowNode } from '../../../src/domain/index.ts';
import { frameViewport, READABLE_ZOOM } from '../../../src/ui/canvas/frame-view.ts';
import { defaultSizes, readLayoutPrefs } from '../../../src/ui/layout/layout-prefs.ts';

const row = (n: number): WorkflowNode[] =>
  Array.from({ length: n }, (_, i) => createNode(i === 0 ? 'trigger' : 'tool', { id: `n${i}`, position: { x: 100 + i * 300, y: 50 } }));

describe('frameViewport', () => {
  it('fits a small design whole, never zoomed in past 100%', () => {
    const vp = frameViewport({ nodes: row(2) }, { width: 1000, height: 600 })!;
    expect(vp.zoom).toBe(1);
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
