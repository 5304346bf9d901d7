/**
 * Key bindings as people write them ("Mod+Shift+Z", "Ctrl+Y", "Shift+1", "?") and as a keydown event matches
 * them. "Mod" is Ctrl on Windows and Linux, Cmd on macOS. One parser, so the help list shows exactly the
 * bindings the dispatcher matches.
 */
export interface KeyBinding {
  /** As written in the registry, e.g. "Mod+Shift+Z". */
  readonly text: string;
  /** Lower-case key ("z", "delete", "arrowleft", "?"), or a digit matched by its physical key. */
  readonly key: string;
  readonly mod: boolean;
  readonly ctrl: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

/** @example parseBinding('Mod+Shift+Z') // { key: 'z', mod: true, shift: true, ... } */
export function parseBinding(text: string): KeyBinding {
  const parts = text.split('+');
  // "Mod++" would be a binding of "+" itself; none exists, so the last part is the key.
  const key = (parts.pop() ?? '').toLowerCase();
  const has = (m: string): boolean => parts.includes(m);
  return { text, key, mod: has('Mod'), ctrl: has('Ctrl'), shift: has('Shift'), alt: has('Alt') };
}

/** A printable symbol such as "?" needs Shift on most layouts: its Shift state is not part of the binding. */
const isSymbol = (key: string): boolean => key.length === 1 && !/[a-z0-9]/.test(key);

export function matchesBinding(b: KeyBinding, e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (b.ctrl ? !e.ctrlKey || e.metaKey : mod !== b.mod) return false;
  if (e.altKey !== b.alt) return false;
  if (!isSymbol(b.key) && e.shiftKey !== b.shift) return false;
  // Digits by physical key: Shift+1 reads "!" on a US layout and "1" on others.
  if (/^[0-9]$/.test(b.key)) return e.code === `Digit${b.key}`;
  return e.key.toLowerCase() === b.key;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** How a binding is shown on this platform: "Ctrl+Z" or "⌘Z". */
export function keyText(text: string): string {
  return text.replace(/Mod\+/g, isMac ? '⌘' : 'Ctrl+');
}

/** The aria-keyshortcuts value of a binding ("Control+Shift+Z"). */
export function ariaKeys(text: string): string {
  return text.replace(/Mod\+/g, isMac ? 'Meta+' : 'Control+').replace(/Ctrl\+/g, 'Control+');
}
