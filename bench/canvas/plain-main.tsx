/**
 * The baseline: React Flow as its documentation sets it up (useNodesState/useEdgesState, default nodes), with
 * the same viewport options as Baton's canvas (only visible elements rendered, same zoom range), so the ratio
 * measures what Baton adds on top of React Flow. `window.__plainLoad(graph)` replaces the graph.
 * `?minimap=1` adds React Flow's MiniMap (bench/canvas/run.ts --minimap=on compares both with one).
 */
import { MiniMap, ReactFlow, ReactFlowProvider, useEdgesState, useNodesState, useReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { PlainGraph } from './graph.ts';

declare global {
  interface Window {
    __plainLoad?: (g: PlainGraph) => void;
  }
}

const withMinimap = new URLSearchParams(location.search).get('minimap') === '1';

function Flow() {
  const [nodes, setNodes, onNodesChange] = useNodesState<Node>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const { fitView } = useReactFlow();
  useEffect(() => {
    window.__plainLoad = (g) => {
      setNodes(g.nodes);
      setEdges(g.edges);
      requestAnimationFrame(() => void fitView());
    };
  }, [setNodes, setEdges, fitView]);
  return (
    <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} minZoom={0.05} maxZoom={2.5} onlyRenderVisibleElements panOnDrag={[1, 2]} selectionOnDrag>
      {withMinimap && <MiniMap pannable zoomable />}
    </ReactFlow>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <div style={{ position: 'fixed', left: 240, top: 42, right: 300, bottom: 200 }}>
      <ReactFlowProvider>
        <Flow />
      </ReactFlowProvider>
    </div>,
  );
