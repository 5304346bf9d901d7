/**
 * Highlights the debug run's active edges without touching the canvas code: a constructed stylesheet with one
 * rule per active edge, keyed on the `data-id` React Flow puts on each edge. A constructed sheet is not an inline
 * style element, so it stays within a strict Content Security Policy.
 */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimulationState, type SimulationServices } from './simulation-services.tsx';

function edgeRules(ids: readonly string[]): string {
  return ids
    .map((id) => {
      const sel = `.react-flow__edge[data-id="${CSS.escape(id)}"]`;
      return `${sel} .react-flow__edge-path { stroke: var(--sim-active, #2563eb); stroke-width: 3; stroke-dasharray: 6 4; animation: sim-dash 0.8s linear infinite; }`;
    })
    .join('\n');
}

export function EdgeSimStyles({ services }: { services: SimulationServices }) {
  const active = useSimulationState(
    services,
    useShallow((s) => (s.debug.status === 'off' ? [] : s.debug.activeEdges)),
  );
  const sheet = useMemo(() => (typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype ? new CSSStyleSheet() : null), []);
  useEffect(() => {
    if (!sheet || typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  useEffect(() => {
    sheet?.replaceSync(edgeRules(active));
  }, [sheet, active]);
  return null;
}
