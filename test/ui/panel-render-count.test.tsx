// @vitest-environment jsdom
/**
 * Moving nodes re-renders no panel: the inspector, problems, simulation, designs, palette, toolbar and message
 * bar show nothing positional, so a drag (of an unselected node, or of the selected one) must not re-render
 * them on every frame. Each region is wrapped in a React Profiler that counts its commits; the drag goes
 * through the store actions the canvas calls during a pointer drag. The last case checks the counters do see
 * an edit, so the zeros above mean something.
 */
import { act, cleanup, render } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { Profiler, type ComponentType, type ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNode, createWorkflow, type Workflow } from '../../src/domain/index.ts';
import { LIVE_NODE_LIMIT } from '../../src/store/analysis.ts';
import { createSimulationStore } from '../../src/store/simulation-store.ts';
import type { EditorStore } from '../../src/store/editor-store.ts';
import { DesignLibraryProvider } from '../../src/ui/designs/designs-services.tsx';
import { EditorStoreProvider } from '../../src/ui/editor-context.tsx';
import { Inspector, preloadInspectors } from '../../src/ui/inspector/Inspector.tsx';
import { MessageBar } from '../../src/ui/MessageBar.tsx';
import { Palette } from '../../src/ui/palette/Palette.tsx';
import { DesignsPanel } from '../../src/ui/panels/DesignsPanel.tsx';
import { ProblemsPanel } from '../../src/ui/panels/ProblemsPanel.tsx';
import { SimulationPanel } from '../../src/ui/panels/SimulationPanel.tsx';
import { EditorServicesProvider, type EditorServices } from '../../src/ui/services.tsx';
import { SimulationServicesProvider, type SimulationServices } from '../../src/ui/simulation/simulation-services.tsx';
import { Toolbar } from '../../src/ui/toolbar/Toolbar.tsx';
import { CommandProvider } from '../../src/ui/commands/command-context.tsx';
import { openTab, settle } from '../app/library-harness.ts';

afterEach(cleanup);

function chain(n: number): Workflow {
  const nodes = Array.from({ length: n }, (_, i) => createNode(i === 0 ? 'trigger' : 'tool', { id: `n${i}`, position: { x: (i % 5) * 260, y: Math.floor(i / 5) * 120 }, label: `Step ${i}` }));
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i + 1}`, source: `n${i}`, sourcePort: 'out', target: node.id }));
  return { ...createWorkflow({ id: 'wf', name: 'Render count' }), nodes, edges, scenarios: [{ id: 'base', name: 'Base', seed: 1, cases: 10, replications: 1 }] };
}

const noop = (): void => undefined;
const editorServices: EditorServices = {
  exportJson: () => '{}',
  readWorkflowFile: () => Promise.resolve({ ok: false, problems: [] }),
  parseFragment: async () => ({ ok: false, message: 'no' }),
  autoLayout: () => Promise.resolve(new Map()),
};
function simulationServices(): SimulationServices {
  return {
    store: createSimulationStore(),
    runBatch: noop,
    cancel: noop,
    startDebug: noop,
    stopDebug: noop,
    step: noop,
    play: noop,
    pause: noop,
    setSpeed: noop,
    toggleNodeBreakpoint: noop,
    toggleCondition: noop,
    injectFault: () => null,
    forceBranch: () => null,
    backToCheckpoint: () => false,
    compare: noop,
    sweep: noop,
  };
}

const REGIONS = ['toolbar', 'palette', 'designs', 'inspector', 'problems', 'simulation', 'message'] as const;
type Region = (typeof REGIONS)[number];
const PANELS: Record<Region, ComponentType> = { toolbar: Toolbar, palette: Palette, designs: DesignsPanel, inspector: Inspector, problems: ProblemsPanel, simulation: SimulationPanel, message: MessageBar };
let commits: Record<Region, number>;
beforeEach(() => {
  commits = Object.fromEntries(REGIONS.map((r) => [r, 0])) as Record<Region, number>;
});
function Counted({ id, children }: { id: Region; children: ReactNode }) {
  return (
    <Profiler id={id} onRender={() => void commits[id]++}>
      {children}
    </Profiler>
  );
}

async function renderPanels(doc: Workflow): Promise<EditorStore> {
  const tab = openTab({ initial: doc });
  await tab.library.start();
  tab.library.setGallery(false);
  render(
    <EditorStoreProvider store={tab.editor}>
      <EditorServicesProvider services={editorServices}>
        <SimulationServicesProvider services={simulationServices()}>
          <DesignLibraryProvider library={tab.library}>
            <ReactFlowProvider>
              <CommandProvider>
                {REGIONS.map((id) => {
                  const Panel = PANELS[id];
                  return (
                    <Counted key={id} id={id}>
                      <Panel />
                    </Counted>
                  );
                })}
              </CommandProvider>
            </ReactFlowProvider>
          </DesignLibraryProvider>
        </SimulationServicesProvider>
      </EditorServicesProvider>
    </EditorStoreProvider>,
  );
  await act(() => settle(80));
  await quiet();
  return tab.editor;
}

/**
 * Wait until no panel commits for a while: a lazily loaded part (a results view, a form) arrives when its chunk
 * does, which on a loaded machine can be after any fixed delay; the counts below are of the settled editor.
 */
async function quiet(): Promise<void> {
  const total = (): number => REGIONS.reduce((sum, r) => sum + commits[r], 0);
  for (let i = 0; i < 100; i++) {
    const before = total();
    await act(() => settle(100));
    if (total() === before) return;
  }
}

/** A pointer drag of one node as the canvas drives it: a gesture, then one move per frame. */
function dragFrames(store: EditorStore, id: string, frames = 10): void {
  act(() => store.getState().beginGesture());
  const from = store.getState().doc.nodes.find((n) => n.id === id)!.position;
  for (let i = 1; i <= frames; i++) act(() => store.getState().moveNodes(new Map([[id, { x: from.x + i * 5, y: from.y + i * 3 }]])));
}

const rendered = (): Region[] => REGIONS.filter((r) => commits[r] > 0);
const reset = (): void => REGIONS.forEach((r) => (commits[r] = 0));

// The app loads the node and edge forms just after the first paint; these counts are of the editor after that
// (a form still loading would commit once when it arrives, whatever the drag does).
beforeAll(() => preloadInspectors());

describe('panels during a drag', () => {
  for (const size of [20, LIVE_NODE_LIMIT + 50]) {
    describe(`${size} nodes`, () => {
      it('moving an unselected node re-renders no panel (the inspector shows another node)', async () => {
        const store = await renderPanels(chain(size));
        act(() => store.getState().select(['n1']));
        reset();
        dragFrames(store, 'n7');
        expect(rendered()).toEqual([]);
        act(() => store.getState().endGesture());
        await act(() => settle(40));
        // The gesture's end is one undo entry: the toolbar's Undo button may change; the inspector may not.
        expect(commits.inspector).toBe(0);
        expect(commits.problems).toBe(0);
        expect(commits.simulation).toBe(0);
      });

      it('with nothing selected, a drag re-renders no panel (the inspector shows the workflow)', async () => {
        const store = await renderPanels(chain(size));
        reset();
        dragFrames(store, 'n3');
        expect(rendered()).toEqual([]);
        act(() => store.getState().endGesture());
      });

      it('dragging the selected node leaves the inspector alone (it shows no position)', async () => {
        const store = await renderPanels(chain(size));
        act(() => store.getState().select(['n2']));
        reset();
        dragFrames(store, 'n2');
        expect(rendered()).toEqual([]);
        act(() => store.getState().endGesture());
        expect(store.getState().doc.nodes.find((n) => n.id === 'n2')!.position).toEqual({ x: 520 + 50, y: 30 });
      });

      it('an edit of the selected node does re-render the inspector and the panels that show labels', async () => {
        const store = await renderPanels(chain(size));
        act(() => store.getState().select(['n2']));
        reset();
        act(() => store.getState().updateNode('n2', (n) => ({ ...n, label: 'Renamed' })));
        await act(() => settle(size > LIVE_NODE_LIMIT ? 250 : 20));
        expect(commits.inspector).toBeGreaterThan(0);
        expect(commits.problems).toBeGreaterThan(0);
        expect(commits.simulation).toBeGreaterThan(0);
      });
    });
  }
});
