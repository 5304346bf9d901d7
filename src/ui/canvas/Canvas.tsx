/**
 * The canvas region: React Flow in controlled mode over the store. All domain knowledge goes through the flow
 * adapter; this component only wires events to store actions.
 */
import {
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi as useFlowStoreApi,
  type Connection,
  type IsValidConnection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { checkConnection, NODE_KINDS, type ConnectionRequest, type ConnectionVerdict, type NodeKind, type WorkflowNode } from '../../domain/index.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { selectEdges, selectNodes, selectSelection, selectUi } from '../../store/selectors.ts';
import { useThemeClass } from '../use-theme.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { FlowAdapter, interpretEdgeChanges, interpretNodeChanges, type FlowEdge, type FlowNode } from './flow-adapter.ts';
import { GRID, KIND_APPEARANCE } from './node-appearance.ts';
import { NoteNodeView } from './NoteNodeView.tsx';
import { WorkflowEdgeView } from './WorkflowEdgeView.tsx';
import { WorkflowNodeView } from './WorkflowNodeView.tsx';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import { DotGrid } from './DotGrid.tsx';
import { frameDesign, frameOpenedDesign } from './frame-view.ts';

export const PALETTE_DRAG_TYPE = 'application/x-baton-kind';
const nodeTypes = { workflow: WorkflowNodeView, note: NoteNodeView };
const edgeTypes = { workflow: WorkflowEdgeView };
// Figma's mouse model: drag on empty canvas draws a marquee; space-drag, middle or right drag and scrolling pan.
const PAN_BUTTONS = [1, 2];
// Every prop handed to <ReactFlow> is a module constant or a stable callback: React Flow copies each changed
// prop into its store, and each such copy re-runs every node's, edge's and handle's selector. An inline
// arrow or array literal would do that several times on every frame of a drag (bench/canvas).
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [GRID, GRID];
const PRO_OPTIONS = { hideAttribution: true };

/** checkConnection over the current document, without building a map of every node (it runs per pointer move). */
function verdictFor(s: EditorState, req: ConnectionRequest): ConnectionVerdict {
  const nodesById = new Map<string, WorkflowNode>();
  for (const n of s.doc.nodes) if (n.id === req.source || n.id === req.target) nodesById.set(n.id, n);
  return checkConnection(nodesById, s.doc.edges, req);
}

/** The node under a pointer position, for drops React Flow does not attribute to a node (no handle there). */
function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const el = document.elementFromPoint(point.clientX, point.clientY);
  return el?.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
}

function isNodeKind(s: string): s is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(s);
}

/**
 * Below this zoom, text on a node is too small to read, so the canvas draws nodes at a lower level of detail
 * (name only: no facts, badges, icons or port names; see .canvas--far in styles.css). This is a CSS switch on
 * one element, not a re-render of every node, and it is what keeps 1,000+ nodes in view fluid: each hidden
 * positioned or clipped element is paint work the browser would otherwise redo on every frame of a drag.
 */
export const FAR_ZOOM = 0.5;
const selectFar = (s: { transform: [number, number, number] }): boolean => s.transform[2] < FAR_ZOOM;

function minimapColor(n: FlowNode): string {
  const { kind } = n.data.node;
  // A sticky note is backdrop: solid, a large one (n8n exports often have them) hid the steps' overview.
  return kind === 'note' ? 'color-mix(in srgb, var(--kind-note) 35%, transparent)' : KIND_APPEARANCE[kind].color;
}

/**
 * Above this many nodes the minimap starts hidden (the button in the controls shows it). It draws every node,
 * not the visible ones: with 10,000 nodes it redrew 10,000 rectangles on every pan and drag frame and
 * re-measured their bounds, which made a zoomed-in pan 3x slower than the canvas alone (bench/canvas). Below
 * it, it costs a frame nothing measurable.
 */
export const MINIMAP_AUTO_LIMIT = 2000;

/**
 * Below this canvas size the minimap starts hidden (issue 11: with the Simulation panel expanded it covered the
 * nodes): it would take a third of what is left. The person can still show it with the button.
 */
export const MINIMAP_MIN_CANVAS = { width: 560, height: 340 } as const;

function useSmallCanvas(): boolean {
  const [small, setSmall] = useState(false);
  useEffect(() => {
    const el = document.querySelector('.canvas');
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const r = entry?.contentRect;
      // An unmeasured canvas (width 0) is not small: it is not laid out yet.
      setSmall(!!r && r.width > 0 && (r.width < MINIMAP_MIN_CANVAS.width || r.height < MINIMAP_MIN_CANVAS.height));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return small;
}

/**
 * The zoom as a CSS variable on the canvas (--zoom), written straight to the element on each viewport change:
 * small overlays (debug states, failure heat) scale up by it so they stay readable at fit zoom (issue 11), with no
 * React render of any node.
 */
function ZoomVariable() {
  const api = useFlowStoreApi();
  useEffect(() => {
    const el = document.querySelector<HTMLElement>('.canvas');
    if (!el) return;
    let last = NaN;
    const write = (zoom: number): void => {
      if (zoom === last) return;
      last = zoom;
      el.style.setProperty('--zoom', String(zoom));
    };
    write(api.getState().transform[2]);
    return api.subscribe((s) => write(s.transform[2]));
  }, [api]);
  return null;
}

function FitIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 3h7v2H5v5H3zm11 0h7v7h-2V5h-5zM3 14h2v5h5v2H3zm16 0h2v7h-7v-2h5z" />
    </svg>
  );
}

function MinimapIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 5h18v14H3zm2 2v10h14V7zm2 2h5v4H7z" />
    </svg>
  );
}

export function Canvas() {
  const store = useEditorStoreApi();
  const nodes = useEditorStore(selectNodes);
  const edges = useEditorStore(selectEdges);
  const selection = useEditorStore(selectSelection);
  const ui = useEditorStore(selectUi);
  const theme = useThemeClass();
  const far = useFlowStore(selectFar);
  // One adapter (and its identity cache) per mounted canvas.
  const [adapter] = useState(() => new FlowAdapter());
  const flowNodes = useMemo(() => adapter.toFlowNodes(nodes, selection.nodeIds), [adapter, nodes, selection.nodeIds]);
  const flowEdges = useMemo(() => adapter.toFlowEdges(edges, selection.edgeIds), [adapter, edges, selection.edgeIds]);
  const flow = useReactFlow();
  const { screenToFlowPosition } = flow;
  // A design that was just opened (or imported, or created from a template) is framed at a readable zoom
  // (frame-view.ts); edits never move the view.
  const loadCount = useEditorStore((s) => s.loadCount);
  // null: automatic (shown up to MINIMAP_AUTO_LIMIT nodes, on a canvas big enough for it, when the opened design
  // frames clear of it); true or false once the person chose.
  const [minimapChoice, setMinimapChoice] = useState<boolean | null>(null);
  const [minimapClear, setMinimapClear] = useState(true);
  const small = useSmallCanvas();
  const minimapAllowed = nodes.length <= MINIMAP_AUTO_LIMIT && !small;
  // An empty design has nothing to map: an automatic minimap waits for the first node (it was a blank box).
  const showMinimap = minimapChoice ?? (minimapAllowed && minimapClear && nodes.length > 0);
  // Read when a design opens, not a reason to frame again.
  const minimapWanted = useRef<boolean | null>(null);
  useLayoutEffect(() => {
    minimapWanted.current = minimapChoice ?? (minimapAllowed ? null : false);
  });
  useEffect(() => {
    const frame = requestAnimationFrame(() => setMinimapClear(frameOpenedDesign(flow, store.getState().doc, minimapWanted.current)));
    return () => cancelAnimationFrame(frame);
  }, [loadCount, flow, store]);
  const fitWhole = useCallback(() => frameDesign(flow, store.getState().doc, { duration: 200, whole: true }), [flow, store]);
  const toggleMinimap = useCallback(() => setMinimapChoice(!showMinimap), [showMinimap]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const cmd = interpretNodeChanges(changes);
      const s = store.getState();
      // A drag cancelled with Escape keeps streaming moves until the pointer is released: drop them, or each
      // would become an undo entry of its own.
      const dropMoves = cmd.dragging && s.history.gestureStart === null;
      if (cmd.positions.size && !dropMoves) s.moveNodes(cmd.positions);
      if (cmd.deselect.length) s.select(cmd.deselect, [], 'remove');
      if (cmd.select.length) s.select(cmd.select, [], 'add');
    },
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const cmd = interpretEdgeChanges(changes);
      const s = store.getState();
      if (cmd.deselect.length) s.select([], cmd.deselect, 'remove');
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
  // Shown while dragging: the handle under the pointer turns red for a connection the domain refuses.
  const isValidConnection: IsValidConnection<FlowEdge> = useCallback(
    (c) => c.target !== null && verdictFor(store.getState(), { source: c.source, sourcePort: c.sourceHandle ?? 'out', target: c.target }).ok,
    [store],
  );
  // A drop React Flow itself refuses (onto a trigger, which has no input handle; onto a refused handle) still
  // deserves a reason; onConnect never runs for it.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const target = state.toNode?.id ?? nodeIdAt(event);
      if (target === null) return; // dropped on empty canvas: nothing was attempted
      if (target === state.fromNode.id && !state.toHandle) return; // released over its own node: a cancelled drag
      const s = store.getState();
      const verdict = verdictFor(s, { source: state.fromNode.id, sourcePort: state.fromHandle.id ?? 'out', target });
      if (!verdict.ok) s.showMessage(`Connection refused: ${verdict.reason}`, 'error');
    },
    [store],
  );
  const beginGesture = useCallback(() => store.getState().beginGesture(), [store]);
  const endGesture = useCallback(() => store.getState().endGesture(), [store]);
  const onPaneClick = useCallback(() => store.getState().clearSelection(), [store]);
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
    // Focusable from script only (tabIndex -1): where focus goes back to when a dialog closes and what opened it
    // is gone (focus-return.ts); the editor's keys listen on the window, so they act from here.
    <section className={`canvas${far ? ' canvas--far' : ''}`} aria-label="Canvas" onDragOver={onDragOver} onDrop={onDrop} tabIndex={-1} data-focus-home="">
      <ReactFlow<FlowNode, FlowEdge>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginGesture}
        onNodeDragStop={endGesture}
        onSelectionDragStart={beginGesture}
        onSelectionDragStop={endGesture}
        onPaneClick={onPaneClick}
        // Delete, arrows and the clipboard are the editor's shortcuts (use-editor-shortcuts.ts): one place
        // decides, so nothing runs twice or while typing.
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        selectionOnDrag
        selectionMode={SelectionMode.Partial}
        panOnDrag={PAN_BUTTONS}
        panOnScroll
        zoomOnDoubleClick={false}
        snapToGrid={ui.snapToGrid}
        snapGrid={SNAP_GRID}
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements={!ui.renderAll}
        proOptions={PRO_OPTIONS}
        colorMode={theme}
      >
        <DotGrid gap={GRID} />
        <ZoomVariable />
        {showMinimap && <MiniMap pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} nodeStrokeWidth={0} />}
        {/* Our fit button: it keeps the framed design clear of the minimap (frame-view.ts). */}
        <Controls position="bottom-left" showFitView={false}>
          <ControlButton onClick={fitWhole} aria-label="Fit view" title="Fit the whole design in view (Shift+1)">
            <FitIcon />
          </ControlButton>
          <ControlButton
            onClick={toggleMinimap}
            aria-pressed={showMinimap}
            aria-label="Minimap"
            title={showMinimap ? 'Hide the minimap' : `Show the minimap${nodes.length > MINIMAP_AUTO_LIMIT ? ` (hidden by default above ${MINIMAP_AUTO_LIMIT.toLocaleString('en')} nodes: it slows panning)` : ''}`}
          >
            <MinimapIcon />
          </ControlButton>
        </Controls>
      </ReactFlow>
      {nodes.length === 0 && <EmptyCanvasHint />}
    </section>
  );
}
