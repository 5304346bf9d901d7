/**
 * Which store changes replace so much of a design that an automatic version must be kept first. Detected from
 * the change itself (before -> after), so the toolbar's import, a paste and the auto layout are covered without
 * any of them having to remember to ask for a version.
 */
import type { Workflow } from '../domain/index.ts';

/** A paste of this many nodes or more is "large". */
const LARGE_PASTE_NODES = 10;
/** Auto layout (or moving everything) of a design this big is worth a version. */
const BIG_DESIGN_NODES = 20;

export type RiskyReason = 'before-import' | 'before-paste' | 'before-layout';

/**
 * The reason to snapshot `before`, or undefined for an ordinary edit. O(nodes) at most, and only when the node
 * count alone does not decide.
 * @example riskyChange(doc, { ...doc, id: 'other' }) // 'before-import'
 */
export function riskyChange(before: Workflow, after: Workflow): RiskyReason | undefined {
  if (before === after) return undefined;
  // An imported file is another document: another id, or none of the old nodes left.
  if (before.id !== after.id) return 'before-import';
  const b = before.nodes;
  const a = after.nodes;
  if (b.length > 0 && a.length > 0) {
    const kept = new Set(b.map((n) => n.id));
    let common = 0;
    for (const n of a) if (kept.has(n.id)) common++;
    if (common === 0 && b.length >= 2) return 'before-import';
    if (a.length - b.length >= LARGE_PASTE_NODES && common === b.length) return 'before-paste';
    if (a.length === b.length && b.length >= BIG_DESIGN_NODES && common === b.length) {
      const old = new Map(b.map((n) => [n.id, n.position]));
      let moved = 0;
      for (const n of a) {
        const p = old.get(n.id);
        if (p && (p.x !== n.position.x || p.y !== n.position.y)) moved++;
      }
      if (moved * 2 > b.length) return 'before-layout';
    }
  } else if (a.length - b.length >= LARGE_PASTE_NODES) {
    return 'before-paste';
  }
  return undefined;
}
