/**
 * An image of the WHOLE design (not just what is in view), following React Flow's documented recipe: the
 * bounds of all nodes give a viewport transform, applied to a clone of `.react-flow__viewport` that
 * html-to-image draws. The canvas renders only visible nodes; while the image is taken it renders all of them
 * (ui.renderAll), so nodes out of view are in the picture too.
 */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import type { EditorStore } from '../../store/editor-store.ts';

export type ImageFormat = 'png' | 'svg';

const PADDING = 40;
/** Large designs are scaled down to stay under what browsers will rasterise. */
const MAX_SIDE = 8000;

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

export async function captureDesignImage(store: EditorStore, nodes: Node[], format: ImageFormat): Promise<Blob> {
  const { toBlob, toSvg } = await import('html-to-image');
  const viewportEl = document.querySelector<HTMLElement>('.canvas .react-flow__viewport');
  if (!viewportEl || nodes.length === 0) throw new Error('there is nothing on the canvas to draw');
  const bounds = getNodesBounds(nodes);
  const scale = Math.min(1, MAX_SIDE / (bounds.width + 2 * PADDING), MAX_SIDE / (bounds.height + 2 * PADDING));
  const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
  const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
  const vp = getViewportForBounds(bounds, width, height, 0.01, 2, `${PADDING * scale}px`);
  const app = document.querySelector<HTMLElement>('.app');
  const backgroundColor = (app && getComputedStyle(app).getPropertyValue('--bg').trim()) || '#ffffff';
  const options = {
    backgroundColor,
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
    // An inline editor left open is interaction chrome, not part of the design.
    filter: (el: HTMLElement) => !(el.classList?.contains('inline-editor') ?? false),
  };
  store.getState().setRenderAll(true);
  try {
    await nextFrame();
    await nextFrame();
    if (format === 'png') {
      const blob = await toBlob(viewportEl, options);
      if (!blob) throw new Error('the browser returned an empty image');
      return blob;
    }
    const dataUrl = await toSvg(viewportEl, options);
    const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
    return new Blob([svg], { type: 'image/svg+xml' });
  } finally {
    store.getState().setRenderAll(false);
  }
}
