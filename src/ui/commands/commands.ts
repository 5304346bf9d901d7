/**
 * The editor's command registry (issue 13): one entry per thing a person can ask the editor to do, with its
 * label, its keys, when it is enabled and what it runs. The keyboard dispatcher (use-editor-shortcuts.ts), the
 * `?` help list (HelpOverlay.tsx) and the toolbar buttons (Toolbar.tsx) all read this table, so what the help
 * says, what the keys do and what the toolbar offers cannot drift apart. (excalidraw's actions registry.)
 *
 * Mouse gestures that React Flow implements (marquee, pan, connect) are not commands: they are listed for the
 * help in MOUSE_GESTURES below.
 */
import type { EditorState, EditorStore } from '../../store/editor-store.ts';
import type { EditorServices } from '../services.tsx';
import type { SimulationServices } from '../simulation/simulation-services.tsx';
import { animatePositions } from '../canvas/animate-layout.ts';
import { GRID } from '../canvas/node-appearance.ts';
import { exportDesignJson } from '../export-json.ts';

/** Shift+arrow moves this far; with snap to grid on, one grid step. */
export const NUDGE_LARGE = 10;

export interface CommandContext {
  readonly store: EditorStore;
  readonly services: EditorServices;
  readonly simulation: SimulationServices | null;
  /** Frame the design after a change of layout (readable zoom, see canvas/frame-view.ts). */
  readonly frame: () => void;
  /** Fit the whole design in view. */
  readonly fitAll: () => void;
}

export type HelpGroup = 'Select' | 'Move and view' | 'Edit' | 'File' | 'Find and help';
export const HELP_GROUPS: readonly HelpGroup[] = ['Select', 'Move and view', 'Edit', 'File', 'Find and help'];

export interface Command {
  readonly id: string;
  /** The toolbar's text and accessible name; the help's description unless `help` says more. */
  readonly label: string;
  readonly help?: string;
  /** The toolbar button's tooltip (the keys are added to it). */
  readonly title?: string;
  readonly group: HelpGroup;
  /** Bindings the dispatcher matches, written as in keys.ts ("Mod+Shift+Z"). */
  readonly keys?: readonly string[];
  /** How the help writes a family of bindings ("Arrow keys") instead of listing each. */
  readonly keysText?: readonly string[];
  /** Keys that arrive as the browser's clipboard events (copy, cut, paste), handled in use-editor-shortcuts.ts. */
  readonly viaClipboard?: true;
  /** Matched while the focus is in a text field too (its own logic decides). */
  readonly whileTyping?: true;
  /** When false the button is disabled and the keys fall through to the page. Pure over the store state. */
  readonly enabled?: (s: EditorState) => boolean;
  /** A toggle's state (aria-pressed). */
  readonly pressed?: (s: EditorState) => boolean;
  /** Whether the command exists in this window at all (Simulate needs the simulator). */
  readonly available?: (ctx: CommandContext) => boolean;
  readonly run?: (ctx: CommandContext, event?: KeyboardEvent) => void | Promise<void>;
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

const hasSelection = (s: EditorState): boolean => s.selection.nodeIds.size > 0;

function nudge(ctx: CommandContext, e: KeyboardEvent | undefined, large: boolean): void {
  const arrow = e ? ARROWS[e.key] : undefined;
  if (!arrow) return;
  const s = ctx.store.getState();
  const step = large ? (s.ui.snapToGrid ? GRID : NUDGE_LARGE) : 1;
  s.nudgeSelection(arrow[0] * step, arrow[1] * step);
}

async function autoLayout(ctx: CommandContext): Promise<void> {
  const s = ctx.store.getState();
  if (s.doc.nodes.length === 0 || s.ui.layoutRunning) return;
  s.setLayoutRunning(true);
  try {
    const positions = await ctx.services.autoLayout(s.doc);
    await animatePositions(ctx.store, positions);
    ctx.frame();
  } catch (err) {
    ctx.store.getState().showMessage(`Auto layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
  } finally {
    ctx.store.getState().setLayoutRunning(false);
  }
}

export const COMMANDS: readonly Command[] = [
  // Select
  { id: 'select-all', label: 'Select all', help: 'Select everything', group: 'Select', keys: ['Mod+A'], run: (c) => c.store.getState().selectAll() },
  {
    id: 'escape',
    label: 'Escape',
    help: 'Close a dialog, cancel a drag, or clear the selection',
    group: 'Select',
    keys: ['Escape'],
    whileTyping: true,
    run: (c, e) => {
      const s = c.store.getState();
      if (s.history.gestureStart !== null) s.cancelGesture();
      else if (!(e && isTypingTarget(e.target))) s.clearSelection();
    },
  },
  // Move and view
  {
    id: 'nudge',
    label: 'Nudge',
    help: 'Move the selection 1 px',
    group: 'Move and view',
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'],
    keysText: ['Arrow keys'],
    enabled: hasSelection,
    run: (c, e) => nudge(c, e, false),
  },
  {
    id: 'nudge-large',
    label: 'Nudge further',
    help: 'Move the selection 10 px (one grid step with snap on)',
    group: 'Move and view',
    keys: ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'],
    keysText: ['Shift+Arrow keys'],
    enabled: hasSelection,
    run: (c, e) => nudge(c, e, true),
  },
  { id: 'fit-view', label: 'Fit view', help: 'Fit the whole design in view', group: 'Move and view', keys: ['Shift+1'], run: (c) => c.fitAll() },
  {
    id: 'auto-layout',
    label: 'Auto layout',
    help: 'Arrange the nodes left to right (one undo step)',
    title: 'Arrange the nodes left to right (one undo step)',
    group: 'Move and view',
    keys: ['Shift+L'],
    enabled: (s) => !s.ui.layoutRunning,
    run: autoLayout,
  },
  {
    id: 'snap-to-grid',
    label: 'Snap to grid',
    help: 'Snap moved nodes to the 20 px grid (on or off)',
    title: 'Snap moved nodes to the 20 px grid',
    group: 'Move and view',
    pressed: (s) => s.ui.snapToGrid,
    run: (c) => c.store.getState().toggleSnapToGrid(),
  },
  // Edit
  { id: 'delete', label: 'Delete', help: 'Delete the selection', group: 'Edit', keys: ['Delete', 'Backspace'], run: (c) => c.store.getState().removeSelection() },
  { id: 'clipboard', label: 'Copy, cut, paste', help: 'Copy, cut, paste (as workflow JSON, between designs too)', group: 'Edit', keys: ['Mod+C', 'Mod+X', 'Mod+V'], viaClipboard: true },
  { id: 'duplicate', label: 'Duplicate', help: 'Duplicate the selection', group: 'Edit', keys: ['Mod+D'], run: (c) => c.store.getState().duplicateSelection() },
  { id: 'undo', label: 'Undo', group: 'Edit', keys: ['Mod+Z'], enabled: (s) => s.history.past.length > 0, run: (c) => c.store.getState().undo() },
  { id: 'redo', label: 'Redo', group: 'Edit', keys: ['Mod+Shift+Z', 'Ctrl+Y'], enabled: (s) => s.history.future.length > 0, run: (c) => c.store.getState().redo() },
  // File
  {
    id: 'export-json',
    label: 'Export JSON',
    help: 'Download this design as workflow JSON',
    title: 'Download this design as workflow JSON',
    group: 'File',
    run: (c) => {
      const s = c.store.getState();
      void exportDesignJson(c.services, s.doc, (text, kind) => s.showMessage(text, kind));
    },
  },
  {
    id: 'simulate',
    label: 'Simulate',
    help: 'Open the Simulation panel: dry-run this design',
    title: 'Open the Simulation panel: dry-run this design',
    group: 'File',
    available: (c) => c.simulation !== null,
    run: (c) => {
      c.store.getState().setPanelOpen('simulation', true);
      c.simulation?.store.getState().requestFocus();
    },
  },
  // Find and help
  { id: 'find', label: 'Find', help: 'Find a node by name, kind, capability or model', group: 'Find and help', keys: ['Mod+K'], run: (c) => c.store.getState().setFindOpen(true) },
  {
    id: 'help',
    label: 'Keyboard shortcuts',
    help: 'Show this list',
    title: 'Keyboard shortcuts',
    group: 'Find and help',
    keys: ['?'],
    run: (c) => c.store.getState().setHelpOpen(true),
  },
];

export type CommandId = (typeof COMMANDS)[number]['id'];

export function commandById(id: string): Command {
  const c = COMMANDS.find((x) => x.id === id);
  if (!c) throw new Error(`no command "${id}" in the registry`);
  return c;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Mouse gestures React Flow implements (configured in Canvas.tsx): listed by the help, not dispatched. */
export const MOUSE_GESTURES: readonly { readonly group: HelpGroup; readonly keys: readonly string[]; readonly action: string }[] = [
  { group: 'Select', keys: ['Click'], action: 'Select a node or edge' },
  { group: 'Select', keys: ['Shift+Click', 'Mod+Click'], action: 'Add to or remove from the selection' },
  { group: 'Select', keys: ['Drag on empty canvas'], action: 'Select with a marquee (everything it touches), as in Figma' },
  { group: 'Select', keys: ['Shift+Drag'], action: 'Add a marquee to the selection' },
  { group: 'Select', keys: ['Tab', 'Shift+Tab'], action: 'Focus the next or previous node; Enter selects it' },
  { group: 'Move and view', keys: ['Space+Drag', 'Middle or right drag', 'Scroll'], action: 'Pan the canvas' },
  { group: 'Move and view', keys: ['Mod+Scroll', 'Pinch'], action: 'Zoom' },
  { group: 'Edit', keys: ['Drag from a port to a node'], action: 'Connect (a refused connection says why)' },
  { group: 'Edit', keys: ['+ on a selected node’s port'], action: 'Add a step after it, connected' },
  { group: 'Edit', keys: ['Double-click a node'], action: 'Rename it (a note: edit its text)' },
  { group: 'Edit', keys: ['Double-click a router branch label'], action: 'Edit its condition ("confidence < 0.8") or share ("30%")' },
];

/** The help list: per group, the commands that have keys and the mouse gestures, as rows of keys and action. */
export function helpRows(group: HelpGroup): { keys: readonly string[]; action: string }[] {
  const gestures = MOUSE_GESTURES.filter((g) => g.group === group).map((g) => ({ keys: g.keys, action: g.action }));
  const commands = COMMANDS.filter((c) => c.group === group && c.keys).map((c) => ({ keys: c.keysText ?? c.keys ?? [], action: c.help ?? c.label }));
  return [...gestures, ...commands];
}
