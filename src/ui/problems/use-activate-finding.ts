/**
 * Activating a finding: select what it names and bring it into view. The selection goes through the store
 * (never history); the view moves through React Flow's own fitView, so the canvas stays the only owner of
 * the viewport.
 */
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { Finding } from '../../analyzer/index.ts';
import { useEditorStoreApi } from '../editor-context.tsx';

/** Zoom no closer than this when centring one small node: the person should still see its neighbours. */
const MAX_FOCUS_ZOOM = 1.2;
const FOCUS_MS = 300;

export function useActivateFinding(): (f: Finding) => void {
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();
  return useCallback(
    (f: Finding) => {
      const s = store.getState();
      const known = new Set(s.doc.nodes.map((n) => n.id));
      const edges = s.doc.edges.filter((e) => f.edgeIds.includes(e.id));
      const nodeIds = f.nodeIds.filter((id) => known.has(id));
      s.select(nodeIds, edges.map((e) => e.id));
      // An edge-only finding is shown by its two ends.
      const inView = new Set(nodeIds.length ? nodeIds : edges.flatMap((e) => [e.source, e.target]).filter((id) => known.has(id)));
      if (inView.size === 0) return; // a workflow-level finding names nothing to show
      // includeHiddenNodes: with onlyRenderVisibleElements, an off-screen node was never measured; its declared
      // size (the flow adapter sets one) still places it.
      // React Flow's viewport promise only says when the animation ends; nothing waits for it.
      void fitView({ nodes: [...inView].map((id) => ({ id })), includeHiddenNodes: true, maxZoom: MAX_FOCUS_ZOOM, padding: 0.3, duration: FOCUS_MS });
    },
    [store, fitView],
  );
}
