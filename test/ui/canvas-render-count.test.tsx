// @vitest-environment jsdom
/**
 * Dragging one node re-renders that node and its edges, nothing else: the property that keeps a drag smooth
 * with thousands of nodes (flow adapter identity cache, stable props to React Flow, per-edge selectors that
 * return primitives). Node and edge views are wrapped in render counters; the drag is driven through the same
 * store actions the canvas calls during a pointer drag.
 */
import type { EdgeProps, NodeProps } from '@xyflow/react';
import { ReactFlowProvider } from '@xyflow/react';
import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createNode, createWorkflow, type Workflow } from '../../src/domain/index.ts';
import { createEditorStore } from '../../src/store/editor-store.ts';
import type { FlowEdge, FlowNode } from '../../src/ui/canvas/flow-adapter.ts';
import { EditorStoreProvider } from '../../src/ui/editor-context.tsx';
import { stubFlowLayout } from './flow-jsdom.ts';

const renders = vi.hoisted(() => ({ nodes: new Map<string, number>(), edges: new Map<string, number>() }));
const bump = (m: Map<string, number>, id: string): void => void m.set(id, (m.get(id) ?? 0) + 1);

vi.mock('../../src/ui/canvas/WorkflowNodeView.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/canvas/WorkflowNodeView.tsx')>();
  const Real = actual.WorkflowNodeView;
  // Not memoized: it renders whenever React Flow renders the node, so it sees every re-render.
  function Counted(props: NodeProps<FlowNode>) {
    bump(renders.nodes, props.id);
    return <Real {...props} />;
  }
  return { ...actual, WorkflowNodeView: Counted };
});
vi.mock('../../src/ui/canvas/WorkflowEdgeView.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/canvas/WorkflowEdgeView.tsx')>();
  const Real = actual.WorkflowEdgeView;
  function Counted(props: EdgeProps<FlowEdge>) {
    bump(renders.edges, props.id);
    return <Real {...props} />;
  }
  return { ...actual, WorkflowEdgeView: Counted };
});

const { Canvas } = await import('../../src/ui/canvas/Canvas.tsx');

function chain(n: number): Workflow {
  const nodes = Array.from({ length: n }, (_, i) => createNode(i === 0 ? 'trigger' : 'tool', { id: `n${i}`, position: { x: (i % 5) * 260, y: Math.floor(i / 5) * 120 } }));
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i + 1}`, source: `n${i}`, sourcePort: 'out', target: node.id }));
  return { ...createWorkflow({ id: 'wf', name: 'Render count' }), nodes, edges };
}

stubFlowLayout();

describe('canvas re-renders', () => {
  it('dragging one node re-renders only that node and its two edges', async () => {
    const store = createEditorStore(chain(20));
    render(
      <EditorStoreProvider store={store}>
        <ReactFlowProvider>
          <Canvas />
        </ReactFlowProvider>
      </EditorStoreProvider>,
    );
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(renders.nodes.size).toBe(20);
    expect(renders.edges.size).toBe(19);
    const nodesBefore = new Map(renders.nodes);
    const edgesBefore = new Map(renders.edges);

    const s = store.getState();
    act(() => s.beginGesture());
    for (let i = 1; i <= 10; i++) act(() => store.getState().moveNodes(new Map([['n7', { x: 260 * 2 + i * 5, y: 120 + i * 3 }]])));
    act(() => store.getState().endGesture());
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });

    const changed = (now: Map<string, number>, before: Map<string, number>) => [...now].filter(([id, n]) => n !== before.get(id)).map(([id]) => id).sort();
    expect(changed(renders.nodes, nodesBefore)).toEqual(['n7']);
    expect(changed(renders.edges, edgesBefore)).toEqual(['e7', 'e8']);
    // One render per move (not several: no prop churn into React Flow's store).
    expect(renders.nodes.get('n7')! - nodesBefore.get('n7')!).toBeLessThanOrEqual(11);
    expect(store.getState().history.past).toHaveLength(1);
  });
});
