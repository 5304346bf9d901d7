/**
 * The canvas's dot grid, drawn so that panning costs the compositor a translation instead of a repaint.
 *
 * React Flow's <Background> is an SVG pattern whose offset follows the viewport: every pan frame repaints the
 * whole pane (bench/canvas trace, 10,000 nodes zoomed in: ~130 ms of Paint over a 90-frame pan, where plain React
 * Flow without a background paints nothing). Here the dots are a CSS background on a layer one cell larger than
 * the pane on each side, moved with `transform` by the viewport's offset modulo one cell: a pan changes only
 * that transform, so nothing is repainted; a zoom changes the cell size and repaints once, as before.
 * Same look: a dot of diameter `zoom` px every `gap x zoom` px, at the flow's grid points, in React Flow's
 * dots colour for the colour mode.
 */
import { useStore as useFlowStore } from '@xyflow/react';

type Transform = [number, number, number];

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** "cell x y" in px, a primitive: the component re-renders when the grid moves, and only then. */
function placement(gap: number): (s: { transform: Transform }) => string {
  return (s) => {
    const [tx, ty, zoom] = s.transform;
    const cell = gap * zoom || 1;
    // Dots sit at the centre of each background tile; shift by half a cell so they land on the grid points.
    return `${cell} ${mod(tx, cell) - cell / 2} ${mod(ty, cell) - cell / 2} ${zoom}`;
  };
}

const selectors = new Map<number, (s: { transform: Transform }) => string>();
function selectorFor(gap: number): (s: { transform: Transform }) => string {
  let s = selectors.get(gap);
  if (!s) selectors.set(gap, (s = placement(gap)));
  return s;
}

export function DotGrid({ gap }: { gap: number }) {
  const [cell = 1, x = 0, y = 0, zoom = 1] = useFlowStore(selectorFor(gap)).split(' ').map(Number);
  const r = Math.max(zoom / 2, 0.5);
  return (
    <div className="dot-grid" aria-hidden="true" data-testid="dot-grid">
      <div
        className="dot-grid__dots"
        style={{
          left: -cell,
          top: -cell,
          width: `calc(100% + ${2 * cell}px)`,
          height: `calc(100% + ${2 * cell}px)`,
          backgroundSize: `${cell}px ${cell}px`,
          backgroundImage: `radial-gradient(circle, var(--dot-grid-color) ${r}px, transparent ${r + 0.5}px)`,
          transform: `translate(${x}px, ${y}px)`,
        }}
      />
    </div>
  );
}
