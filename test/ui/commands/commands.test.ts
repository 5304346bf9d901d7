/** The command registry: bindings parse and match as written, none is claimed twice, and the help lists every key. */
import { describe, expect, it } from 'vitest';
import { COMMANDS, HELP_GROUPS, helpRows } from '../../../src/ui/commands/commands.ts';
import { matchesBinding, parseBinding } from '../../../src/ui/commands/keys.ts';

const key = (k: string, code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('key bindings', () => {
  it('Mod means Ctrl or Cmd; Shift must match for letters', () => {
    const undo = parseBinding('Mod+Z');
    expect(matchesBinding(undo, key('z', 'KeyZ', { ctrlKey: true }))).toBe(true);
    expect(matchesBinding(undo, key('z', 'KeyZ', { metaKey: true }))).toBe(true);
    expect(matchesBinding(undo, key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesBinding(undo, key('z', 'KeyZ'))).toBe(false);
    expect(matchesBinding(parseBinding('Mod+Shift+Z'), key('Z', 'KeyZ', { metaKey: true, shiftKey: true }))).toBe(true);
  });
  it('Ctrl is Ctrl only; digits by physical key; symbols ignore Shift', () => {
    expect(matchesBinding(parseBinding('Ctrl+Y'), key('y', 'KeyY', { ctrlKey: true }))).toBe(true);
    expect(matchesBinding(parseBinding('Ctrl+Y'), key('y', 'KeyY', { metaKey: true }))).toBe(false);
    expect(matchesBinding(parseBinding('Shift+1'), key('!', 'Digit1', { shiftKey: true }))).toBe(true);
    expect(matchesBinding(parseBinding('Shift+1'), key('1', 'Digit1'))).toBe(false);
    expect(matchesBinding(parseBinding('?'), key('?', 'Slash', { shiftKey: true }))).toBe(true);
  });
});

describe('the registry', () => {
  it('claims each binding once', () => {
    const seen = new Map<string, string>();
    for (const c of COMMANDS) {
      for (const k of c.keys ?? []) {
        const norm = k.toLowerCase();
        expect(seen.get(norm), `${k} is bound by ${seen.get(norm)} and ${c.id}`).toBeUndefined();
        seen.set(norm, c.id);
      }
    }
  });
  it('the help lists every command that has keys, under its group', () => {
    const listed = HELP_GROUPS.flatMap((g) => helpRows(g).map((r) => r.action));
    for (const c of COMMANDS.filter((x) => x.keys)) expect(listed).toContain(c.help ?? c.label);
  });
  it('every command but the clipboard entry runs something', () => {
    for (const c of COMMANDS) expect(c.viaClipboard === true || typeof c.run === 'function', c.id).toBe(true);
  });
});
