/**
 * Panel sizes and which panels are open, remembered in this browser (localStorage: a view preference, not a
 * design, so it stays out of IndexedDB and out of history). Read with zod: a stale or hand-edited value falls back
 * to the defaults field by field instead of breaking the layout.
 */
import * as z from 'zod';
import { ALL_PANELS_OPEN, type PanelsOpen } from '../../store/ui-slice.ts';

export const LAYOUT_STORAGE_KEY = 'baton.layout.v1';

/** Sizes in CSS pixels. */
export interface PaneSizes {
  /** Width of the left column (palette above designs). */
  readonly left: number;
  /** Height of the palette inside the left column. */
  readonly palette: number;
  readonly inspector: number;
  /** Height of the dock under the canvas (problems beside simulation). */
  readonly dock: number;
  /** Width of the Problems panel inside the dock. */
  readonly problems: number;
}

export interface LayoutPrefs {
  readonly sizes: PaneSizes;
  readonly open: PanelsOpen;
}

/** Limits: the canvas always keeps at least this much room. */
export const MIN_CANVAS_WIDTH = 360;
export const MIN_CANVAS_HEIGHT = 220;
export const LIMITS = {
  left: { min: 180, max: 420 },
  palette: { min: 120, max: 640 },
  inspector: { min: 240, max: 620 },
  dock: { min: 120, max: 900 },
  problems: { min: 220, max: 1200 },
} as const satisfies Record<keyof PaneSizes, { min: number; max: number }>;

/** Defaults for a window of this size: at 1280x720 the canvas gets ~740x420 and the designs list several rows. */
export function defaultSizes(win: { width: number; height: number }): PaneSizes {
  const workspace = Math.max(400, win.height - 44);
  const left = win.width < 1400 ? 216 : 240;
  const inspector = win.width < 1400 ? 280 : 300;
  const dock = Math.round(Math.min(340, Math.max(180, workspace * 0.34)));
  const centre = win.width - left - inspector;
  return { left, inspector, dock, palette: Math.round(Math.min(400, workspace * 0.5)), problems: Math.round(Math.max(LIMITS.problems.min, centre * 0.46)) };
}

const size = z.number().finite().positive();
const storedSchema = z.object({
  sizes: z.object({ left: size, palette: size, inspector: size, dock: size, problems: size }).partial().optional(),
  open: z.object({ palette: z.boolean(), designs: z.boolean(), inspector: z.boolean(), problems: z.boolean(), simulation: z.boolean() }).partial().optional(),
});

/** The remembered layout over the defaults; anything missing or unreadable is the default. */
export function readLayoutPrefs(raw: string | null, win: { width: number; height: number }): LayoutPrefs {
  const defaults: LayoutPrefs = { sizes: defaultSizes(win), open: ALL_PANELS_OPEN };
  if (raw === null) return defaults;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return defaults;
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) return defaults;
  return { sizes: { ...defaults.sizes, ...parsed.data.sizes }, open: { ...defaults.open, ...parsed.data.open } };
}

export function loadLayoutPrefs(win: { width: number; height: number }): LayoutPrefs {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(LAYOUT_STORAGE_KEY);
  } catch {
    // Storage blocked (private mode, policy): the defaults, and nothing remembered.
  }
  return readLayoutPrefs(raw, win);
}

export function saveLayoutPrefs(prefs: LayoutPrefs): void {
  try {
    localStorage.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Not remembered; the layout still works for this visit.
  }
}
