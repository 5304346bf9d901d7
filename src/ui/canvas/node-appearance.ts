/**
 * How each node kind looks on the canvas: colour, icon, size. Shapes differ too (see WorkflowNodeView):
 * triggers and outputs are pills, routers and joins diamonds-ish, checks have a notched edge, human gates a
 * double border, so kinds are told apart without relying on colour alone.
 */
import type { NodeKind } from '../../domain/index.ts';
import { KIND_SIZE } from '../../domain/node-size.ts';

export { kindSize, nodeSize, PORT_SPACING } from '../../domain/node-size.ts';

/** The canvas grid step (background dots, snap to grid, Shift+arrow with snap on). */
export const GRID = 20;

export interface KindAppearance {
  /** CSS custom property holding the kind's accent colour (themes define them). */
  readonly color: string;
  /** SVG path (24x24 viewBox). */
  readonly icon: string;
  readonly width: number;
  readonly height: number;
}

export const KIND_APPEARANCE: Record<NodeKind, KindAppearance> = {
  trigger: { color: 'var(--kind-trigger)', ...KIND_SIZE.trigger, icon: 'M13 2 4 14h7l-1 8 9-12h-7l1-8z' },
  ai: { color: 'var(--kind-ai)', ...KIND_SIZE.ai, icon: 'M12 2l2.4 5.6L20 10l-5.6 2.4L12 18l-2.4-5.6L4 10l5.6-2.4L12 2zm7 12 1 2.5 2.5 1-2.5 1L19 21l-1-2.5-2.5-1 2.5-1L19 14z' },
  tool: { color: 'var(--kind-tool)', ...KIND_SIZE.tool, icon: 'M22 19l-9.1-9.1c.9-2.3.4-5-1.5-6.9-2-2-5-2.4-7.4-1.3L8.3 6 6 8.3 1.7 4.1C.6 6.5 1 9.5 3 11.5c1.9 1.9 4.6 2.4 6.9 1.5L19 22l3-3z' },
  data: { color: 'var(--kind-data)', ...KIND_SIZE.data, icon: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 3v4c0 1.7 3.6 3 8 3s8-1.3 8-3V9c0 1.7-3.6 3-8 3s-8-1.3-8-3zm0 6v3c0 1.7 3.6 3 8 3s8-1.3 8-3v-3c0 1.7-3.6 3-8 3s-8-1.3-8-3z' },
  human: { color: 'var(--kind-human)', ...KIND_SIZE.human, icon: 'M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-4.4 0-9 2.2-9 5v3h18v-3c0-2.8-4.6-5-9-5z' },
  check: { color: 'var(--kind-check)', ...KIND_SIZE.check, icon: 'M12 1 3 5v6c0 5.5 3.8 10.7 9 12 5.2-1.3 9-6.5 9-12V5l-9-4zm-2 16-4-4 1.4-1.4 2.6 2.6 6.6-6.6L18 9l-8 8z' },
  router: { color: 'var(--kind-router)', ...KIND_SIZE.router, icon: 'M14 4l2.3 2.3-2.9 2.9 1.4 1.4 2.9-2.9L20 10V4h-6zM10 4H4v6l2.3-2.3 4.7 4.7V20h2v-8.4l-5.3-5.3L10 4z' },
  loop: { color: 'var(--kind-loop)', ...KIND_SIZE.loop, icon: 'M12 4V1L8 5l4 4V6a6 6 0 0 1 5.2 9l1.5 1.5A8 8 0 0 0 12 4zm0 14a6 6 0 0 1-5.2-9L5.3 7.5A8 8 0 0 0 12 20v3l4-4-4-4v3z' },
  join: { color: 'var(--kind-join)', ...KIND_SIZE.join, icon: 'M17 20.4l1.4-1.4-3.4-3.4-1.4 1.4 3.4 3.4zM7.5 8H11v5.6L5.6 19 7 20.4l6-6V8h3.5L12 3.5 7.5 8z' },
  output: { color: 'var(--kind-output)', ...KIND_SIZE.output, icon: 'M5 3h14v2H5V3zm7 4 6 6h-4v8h-4v-8H6l6-6z' },
  note: { color: 'var(--kind-note)', ...KIND_SIZE.note, icon: 'M3 3h18v12l-6 6H3V3zm12 16 4-4h-4v4z' },
};
