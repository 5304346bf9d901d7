/** A node kind's icon (its SVG path from node-appearance.ts). */
import { KIND_APPEARANCE } from './node-appearance.ts';

export function KindIcon({ kind, size = 16 }: { kind: keyof typeof KIND_APPEARANCE; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={KIND_APPEARANCE[kind].icon} fill="currentColor" />
    </svg>
  );
}
