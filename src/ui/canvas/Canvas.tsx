/**
 * The canvas region: React Flow in controlled mode over the store. All domain knowledge goes through the flow
 * adapter; this component only wires events to store actions.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { checkConnection, NODE_KINDS, type NodeKind } from '../../domain/index.ts';
import { selectEdges, selectNodes, selectSelection, selectUi } from '../../store/selectors.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { FlowAdapter, interpretEdgeChanges, interpretNodeChanges, type FlowEdge, type FlowNode } from './flow-adapter.ts';
import { KIND_APPEARANCE } from './node-appearance.ts';
import { NoteNodeView } from './NoteNodeView.tsx';
import { WorkflowEdgeView } from './WorkflowEdgeView.tsx';
import { WorkflowNodeView } from './WorkflowNodeView.tsx';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';

export const PALETTE_DRAG_TYPE = 'application/x-baton-kind';
const nodeTypes = { workflow: WorkflowNodeView, note: NoteNodeView };
const edgeTypes = { workflow: WorkflowEdgeView };
const GRID = 20;

function isNodeKind(s: string): s is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(s);
}

export function Canvas() {
  const store = useEditorStoreApi();
  const nodes = useEditorStore(selectNodes);
  const edges = useEditorStore(selectEdges);
  const selection = useEditorStore(selectSelection);
  const ui = useEditorStore(selectUi);
  // One adapter (and its identity cache) per mounted canvas.
  const [adapter] = useState(() => new FlowAdapter());
  const flowNodes = useMemo(() => adapter.toFlowNodes(nodes, selection.nodeIds), [adapter, nodes, selection.nodeIds]);
  const flowEdges = useMemo(() => adapter.toFlowEdges(edges, selection.edgeIds), [adapter, edges, selection.edgeIds]);
  const { screenToFlowPosition } = useReactFlow();

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const cmd = interpretNodeChanges(changes);
      const s = store.getState();
      if (cmd.positions.size) s.moveNodes(cmd.positions);
      if (cmd.deselect.length) s.select(cmd.deselect, [], 'toggle');
      if (cmd.select.length) s.select(cmd.select, [], 'add');
    },
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const cmd = interpretEdgeChanges(changes);
      const s = store.getState();
      if (cmd.deselect.length) s.select([], cmd.deselect, 'toggle');
      if (cmd.select.length) s.select([], cmd.select, 'add');
    },
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      store.getState().connect({ source: c.source, sourcePort: c.sourceHandle ?? 'out', target: c.target });
    },
    [store],
  );
  // A drop that React Flow itself refuses (onto a trigger, which has no input handle) still deserves a reason.
  const onConnectEnd: OnConnectEnd = useCallback(
    (_event, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.toNode || state.fromNode.id === state.toNode.id) return;
      const s = store.getState();
      const nodesById = new Map(s.doc.nodes.map((n) => [n.id, n] as const));
      const verdict = checkConnection(nodesById, s.doc.edges, { source: state.fromNode.id, sourcePort: state.fromHandle?.id ?? 'out', target: state.toNode.id });
      if (!verdict.ok) s.showMessage(`Connection refused: ${verdict.reason}`, 'error');
    },
    [store],
  );
  const onDelete = useCallback(
    ({ nodes: n, edges: e }: { nodes: FlowNode[]; edges: FlowEdge[] }) => {
      store.getState().removeElements(
        n.map((x) => x.id),
        e.map((x) => x.id),
      );
    },
    [store],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const p = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const a = KIND_APPEARANCE[kind];
      store.getState().addNode(kind, { x: Math.round(p.x - a.width / 2), y: Math.round(p.y - a.height / 2) });
    },
    [screenToFlowPosition, store],
  );

  return (
    <section className="canvas" aria-label="Canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onDelete={onDelete}
        onNodeDragStart={() => store.getState().beginGesture()}
        onNodeDragStop={() => store.getState().endGesture()}
        onSelectionDragStart={() => store.getState().beginGesture()}
        onSelectionDragStop={() => store.getState().endGesture()}
        onPaneClick={() => store.getState().clearSelection()}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        snapToGrid={ui.snapToGrid}
        snapGrid={[GRID, GRID]}
        minZoom={0.05}
        maxZoom={2.5}
        fitView
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
        colorMode={ui.theme}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls position="bottom-left" />
      </ReactFlow>
      {nodes.length === 0 && <EmptyCanvasHint />}
    </section>
  );
}
