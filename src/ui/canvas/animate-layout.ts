/**
 * Move nodes to new positions smoothly (~300 ms, ease-out) inside ONE store gesture, so the whole animation
 * is one undo entry. Escape during the animation cancels the gesture (use-editor-shortcuts.ts); the loop
 * sees that and stops, leaving the design as it was and no entry behind.
 */
import type { Position } from '../../domain/index.ts';
import type { EditorStore } from '../../store/editor-store.ts';

export const LAYOUT_ANIMATION_MS = 300;

const easeOutCubic = (t: number): number => 1 - (1 - t) ** 3;

export function animatePositions(store: EditorStore, targets: ReadonlyMap<string, Position>, duration = LAYOUT_ANIMATION_MS): Promise<void> {
  const from = new Map<string, Position>();
  for (const n of store.getState().doc.nodes) if (targets.has(n.id)) from.set(n.id, n.position);
  const s = store.getState();
  s.beginGesture();
  const reduceMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (reduceMotion || duration <= 0) {
    s.moveNodes(targets);
    s.endGesture();
    return Promise.resolve();
  }
  const gesture = store.getState().history.gestureStart;
  return new Promise((resolve) => {
    const start = performance.now();
    const frame = (now: number): void => {
      const st = store.getState();
      // Cancelled (Escape) or superseded by another gesture: stop without touching anything.
      if (st.history.gestureStart !== gesture) return resolve();
      const t = Math.min(1, (now - start) / duration);
      const k = easeOutCubic(t);
      const step = new Map<string, Position>();
      for (const [id, to] of targets) {
        const a = from.get(id);
        if (!a) continue;
        step.set(id, t === 1 ? to : { x: Math.round(a.x + (to.x - a.x) * k), y: Math.round(a.y + (to.y - a.y) * k) });
      }
      st.moveNodes(step);
      if (t < 1) requestAnimationFrame(frame);
      else {
        st.endGesture();
        resolve();
      }
    };
    requestAnimationFrame(frame);
  });
}
