/**
 * Every keyboard and mouse shortcut the editor knows, in one table: the help overlay lists it, so what the
 * help says and what the keys do cannot drift apart (use-editor-shortcuts.ts implements the keys).
 * "Mod" is Ctrl on Windows and Linux, Cmd on macOS.
 */
export interface ShortcutEntry {
  readonly keys: readonly string[];
  readonly action: string;
}
export interface ShortcutGroup {
  readonly title: string;
  readonly entries: readonly ShortcutEntry[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Select',
    entries: [
      { keys: ['Click'], action: 'Select a node or edge' },
      { keys: ['Shift+Click', 'Mod+Click'], action: 'Add to or remove from the selection' },
      { keys: ['Drag on empty canvas'], action: 'Select with a marquee (everything it touches), as in Figma' },
      { keys: ['Shift+Drag'], action: 'Add a marquee to the selection' },
      { keys: ['Mod+A'], action: 'Select everything' },
      { keys: ['Tab', 'Shift+Tab'], action: 'Focus the next or previous node; Enter selects it' },
      { keys: ['Escape'], action: 'Close a dialog, cancel a drag, or clear the selection' },
    ],
  },
  {
    title: 'Move and view',
    entries: [
      { keys: ['Arrow keys'], action: 'Move the selection 1 px' },
      { keys: ['Shift+Arrow keys'], action: 'Move the selection 10 px (one grid step with snap on)' },
      { keys: ['Space+Drag', 'Middle or right drag', 'Scroll'], action: 'Pan the canvas' },
      { keys: ['Mod+Scroll', 'Pinch'], action: 'Zoom' },
      { keys: ['Shift+1'], action: 'Fit the whole design in view' },
    ],
  },
  {
    title: 'Edit',
    entries: [
      { keys: ['Drag from a port to a node'], action: 'Connect (a refused connection says why)' },
      { keys: ['Double-click a node'], action: 'Rename it (a note: edit its text)' },
      { keys: ['Double-click a router branch label'], action: 'Edit its condition ("confidence < 0.8") or share ("30%")' },
      { keys: ['Delete', 'Backspace'], action: 'Delete the selection' },
      { keys: ['Mod+C', 'Mod+X', 'Mod+V'], action: 'Copy, cut, paste (as workflow JSON, between designs too)' },
      { keys: ['Mod+D'], action: 'Duplicate the selection' },
      { keys: ['Mod+Z'], action: 'Undo' },
      { keys: ['Mod+Shift+Z', 'Ctrl+Y'], action: 'Redo' },
    ],
  },
  {
    title: 'Find and help',
    entries: [
      { keys: ['Mod+K'], action: 'Find a node by name, kind, capability or model' },
      { keys: ['?'], action: 'Show this list' },
    ],
  },
];
