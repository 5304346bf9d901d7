/**
 * Colours the compared nodes and edges on the canvas without touching the canvas code: a style sheet keyed on
 * React Flow's own `data-id` attributes (added green, changed amber, moved blue). It is a constructable style
 * sheet adopted by the document, which a strict Content Security Policy allows (no inline <style> element).
 */
import { useEffect } from 'react';
import { selectComparison, type Comparison } from '../../store/library-store.ts';
import { useLibraryState, type DesignLibrary } from './designs-services.tsx';

const COLOURS = { added: '#16a34a', changed: '#d97706', moved: '#2563eb' } as const;

const esc = (id: string): string => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(id) : id.replace(/["\\]/g, '\\$&'));

/** The CSS for a comparison. */
function comparisonCss(c: Comparison): string {
  const rules: string[] = [];
  const nodeRule = (ids: readonly string[], colour: string): void => {
    if (ids.length === 0) return;
    const sel = ids.map((id) => `.react-flow__node[data-id="${esc(id)}"]`).join(',\n');
    rules.push(`${sel} { outline: 3px solid ${colour}; outline-offset: 3px; border-radius: 10px; }`);
  };
  const edgeRule = (ids: readonly string[], colour: string): void => {
    if (ids.length === 0) return;
    const sel = ids.map((id) => `.react-flow__edge[data-id="${esc(id)}"] path`).join(',\n');
    rules.push(`${sel} { stroke: ${colour} !important; stroke-width: 3px !important; }`);
  };
  const changed = c.diff.nodes.changed.map((x) => x.id);
  const changedSet = new Set(changed);
  nodeRule(c.diff.nodes.moved.filter((id) => !changedSet.has(id)), COLOURS.moved);
  nodeRule(changed, COLOURS.changed);
  nodeRule(c.diff.nodes.added, COLOURS.added);
  edgeRule(c.diff.edges.changed.map((x) => x.id), COLOURS.changed);
  edgeRule(c.diff.edges.added, COLOURS.added);
  return rules.join('\n');
}

export function CompareHighlights({ library }: { library: DesignLibrary }) {
  const comparison = useLibraryState(library, selectComparison);
  useEffect(() => {
    if (!comparison || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(comparisonCss(comparison));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [comparison]);
  return null;
}
