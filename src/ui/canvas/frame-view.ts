/**
 * Framing a design so its labels can be read (issue 11: a template opened at zoom 0.23 with unreadable labels).
 * The whole design is fitted when that keeps the zoom at or above READABLE_ZOOM; otherwise the view opens at
 * READABLE_ZOOM on where cases start (the trigger, or the left-most node) and the minimap shows the rest, as
 * Figma and n8n open a large file at 100% rather than at a zoom nobody can read.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { Workflow } from '../../domain/index.ts';
import { nodeSize } from './node-appearance.ts';

/**
 * At this zoom a 14 px label is drawn at 10 px: the smallest size people read without leaning in. (It was 0.75,
 * 10.5 px; a six-step n8n import then missed fitting whole at 1440x900 by 3% and opened with its last step cut
 * off by the canvas edge.)
 */
export const READABLE_ZOOM = 5 / 7;
/** Fitting never zooms in further than this: a three-node design is not blown up to fill the screen. */
export const MAX_FRAME_ZOOM = 1;
/** Space kept around the framed design, in screen pixels. */
export const FRAME_PADDING = 40;

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The box around the nodes (notes included), or null for an empty design. */
export function designBounds(doc: Pick<Workflow, 'nodes'>): Bounds | null {
  if (doc.nodes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of doc.nodes) {
    const s = nodeSize(n);
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + s.width);
    y1 = Math.max(y1, n.position.y + s.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** A corner of the view to keep clear (the minimap, bottom right), in screen px. */
export interface Avoid {
  readonly width: number;
  readonly height: number;
}

export interface FrameOptions {
  /** Never frame below this zoom (open, layout); 0 fits whatever it takes (Shift+1). */
  readonly minZoom?: number;
  readonly avoid?: Avoid | null;
}

/** The zoom that fits bounds `b` into an area, and the area's centre. */
function fitInto(b: Bounds, area: { x: number; y: number; width: number; height: number }): { zoom: number; cx: number; cy: number } {
  const zoom = Math.min(Math.max(1, area.width) / b.width, Math.max(1, area.height) / b.height, MAX_FRAME_ZOOM);
  return { zoom, cx: area.x + area.width / 2, cy: area.y + area.height / 2 };
}

/** The viewport that fits bounds `b` in the view, beside or above the corner to avoid, whichever is bigger. */
function fitBounds(b: Bounds, view: { width: number; height: number }, full: Bounds, avoid: Avoid | null | undefined): Viewport {
  const p = FRAME_PADDING;
  const candidates = avoid
    ? [fitInto(b, { ...full, width: view.width - p - avoid.width - 8 }), fitInto(b, { ...full, height: view.height - p - avoid.height - 8 })]
    : [fitInto(b, full)];
  const best = candidates.reduce((a, c) => (c.zoom > a.zoom ? c : a));
  return { zoom: best.zoom, x: best.cx - (b.x + b.width / 2) * best.zoom, y: best.cy - (b.y + b.height / 2) * best.zoom };
}

/**
 * The viewport that frames `doc` in a `view` of the given size (screen px), pure so it is unit-tested. With a
 * corner to avoid (the minimap), the design goes beside it or above it, whichever leaves it bigger, so the
 * minimap never covers a node of a framed design.
 * @example frameViewport(doc, { width: 800, height: 600 }) // { x, y, zoom } with zoom >= READABLE_ZOOM
 */
export function frameViewport(doc: Pick<Workflow, 'nodes'>, view: { width: number; height: number }, opts: FrameOptions = {}): Viewport | null {
  const b = designBounds(doc);
  if (!b || view.width <= 0 || view.height <= 0) return null;
  const minZoom = opts.minZoom ?? READABLE_ZOOM;
  const p = FRAME_PADDING;
  const full = { x: p, y: p, width: view.width - 2 * p, height: view.height - 2 * p };
  const whole = fitBounds(b, view, full, opts.avoid);
  if (whole.zoom >= minZoom) return whole;
  // Sticky notes are backdrop: a large one (n8n exports often have them) must not push a small design's steps
  // below a readable zoom; the steps are framed and the note shows around them.
  const steps = doc.nodes.filter((n) => n.kind !== 'note');
  const sb = steps.length > 0 && steps.length < doc.nodes.length ? designBounds({ nodes: steps }) : null;
  const stepsOnly = sb && fitBounds(sb, view, full, opts.avoid);
  if (stepsOnly && stepsOnly.zoom >= minZoom) return stepsOnly;
  // Too big to read whole: start where cases start, at a readable zoom.
  const zoom = minZoom;
  const starts = doc.nodes.filter((n) => n.kind === 'trigger');
  const pool = starts.length > 0 ? starts : doc.nodes.filter((n) => n.kind !== 'note');
  const anchor = (pool.length > 0 ? pool : doc.nodes).reduce((a, n) => (n.position.x < a.position.x ? n : a));
  const size = nodeSize(anchor);
  const anchorY = anchor.position.y + size.height / 2;
  // The trigger sits at the left edge; vertically, the whole design when its height fits, else centred on the
  // trigger.
  const fitsTall = b.height * zoom <= full.height;
  const centreY = fitsTall ? b.y + b.height / 2 : anchorY;
  return { zoom, x: p - anchor.position.x * zoom, y: view.height / 2 - centreY * zoom };
}

/** Screen-px box of a viewport's nodes that overlap the bottom-right corner `avoid` covers, in a `view`. */
function coversNode(doc: Pick<Workflow, 'nodes'>, vp: Viewport, view: { width: number; height: number }, avoid: Avoid): boolean {
  const left = view.width - avoid.width;
  const top = view.height - avoid.height;
  return doc.nodes.some((n) => {
    const s = nodeSize(n);
    const x0 = n.position.x * vp.zoom + vp.x;
    const y0 = n.position.y * vp.zoom + vp.y;
    const x1 = x0 + s.width * vp.zoom;
    const y1 = y0 + s.height * vp.zoom;
    // On screen and in the corner (a node beyond the view's edge is not under the minimap).
    return x1 > left && x0 < view.width && y1 > top && y0 < view.height;
  });
}

/**
 * The minimap's corner when React Flow draws it at its default size (200 x 150, 15 px from the edges, a 1 px
 * border): known before the minimap is mounted, so opening a design can decide whether to show it.
 */
export const MINIMAP_CORNER: Avoid = { width: 217, height: 167 };

/**
 * How a design opens: its viewport, and whether an automatic minimap shows. The minimap is kept when the design
 * frames clear of it; when it would cover a node (a design too big to read whole, opened at the readable zoom on
 * its trigger, or a small one that fits only without it), the minimap starts hidden (its button shows it) and
 * the design is framed in the whole canvas, so a 1280x720 screen shows a small design whole and never opens
 * with a node under the minimap.
 * @example openingFrame(doc, { width: 772, height: 440 }, MINIMAP_CORNER) // { viewport, minimap: false }
 */
export function openingFrame(doc: Pick<Workflow, 'nodes'>, view: { width: number; height: number }, corner: Avoid | null): { viewport: Viewport; minimap: boolean } | null {
  if (corner) {
    const beside = frameViewport(doc, view, { avoid: corner });
    if (!beside) return null;
    if (!coversNode(doc, beside, view, corner)) return { viewport: beside, minimap: true };
  }
  const viewport = frameViewport(doc, view);
  return viewport && { viewport, minimap: false };
}

type Flow = Pick<ReactFlowInstance, 'setViewport'>;

/** The canvas's size and, when the minimap is shown, its size (to keep nodes out from under it). */
function measure(): { view: { width: number; height: number }; avoid: Avoid | null } | null {
  const el = document.querySelector('.canvas .react-flow');
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const mini = el.querySelector('.react-flow__minimap')?.getBoundingClientRect();
  const avoid = mini && mini.width > 0 ? { width: r.right - mini.left, height: r.bottom - mini.top } : null;
  return { view: { width: r.width, height: r.height }, avoid };
}

/**
 * Frame a design just opened. `minimap` is the person's choice (true, false) or null for automatic, when the
 * corner it would take is avoided only if that leaves every node clear of it (openingFrame). Returns whether an
 * automatic minimap should show.
 */
export function frameOpenedDesign(flow: Flow, doc: Pick<Workflow, 'nodes'>, minimap: boolean | null): boolean {
  const m = measure();
  if (!m) return minimap ?? true;
  if (minimap !== null) {
    const vp = frameViewport(doc, m.view, { avoid: minimap ? (m.avoid ?? MINIMAP_CORNER) : null });
    if (vp) void flow.setViewport(vp);
    return minimap;
  }
  const framed = openingFrame(doc, m.view, m.avoid ?? MINIMAP_CORNER);
  if (framed) void flow.setViewport(framed.viewport);
  return framed?.minimap ?? true;
}

/** Frame the design in the canvas: after laying it out (readable), or the whole of it (Shift+1). */
export function frameDesign(flow: Flow, doc: Pick<Workflow, 'nodes'>, opts: { duration?: number; whole?: boolean } = {}): void {
  const m = measure();
  const vp = m && frameViewport(doc, m.view, { minZoom: opts.whole ? 0 : READABLE_ZOOM, avoid: m.avoid });
  if (vp) void flow.setViewport(vp, opts.duration ? { duration: opts.duration } : undefined);
}
