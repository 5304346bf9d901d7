// @vitest-environment jsdom
/**
 * The minimap draws every node, visible or not, so above MINIMAP_AUTO_LIMIT nodes it starts hidden; the
 * "Minimap" button in the canvas controls shows or hides it at any size.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNode, createWorkflow, type Workflow } from '../../src/domain/index.ts';
import { createEditorStore } from '../../src/store/editor-store.ts';
import { Canvas, MINIMAP_AUTO_LIMIT } from '../../src/ui/canvas/Canvas.tsx';
import { EditorStoreProvider } from '../../src/ui/editor-context.tsx';
import { stubFlowLayout } from './flow-jsdom.ts';

function grid(n: number): Workflow {
  const nodes = Array.from({ length: n }, (_, i) => createNode('tool', { id: `n${i}`, position: { x: (i % 50) * 280, y: Math.floor(i / 50) * 140 } }));
  return { ...createWorkflow({ id: 'wf', name: 'Minimap' }), nodes, edges: [] };
}

stubFlowLayout();
afterEach(cleanup);

async function renderCanvas(doc: Workflow): Promise<void> {
  render(
    <EditorStoreProvider store={createEditorStore(doc)}>
      <ReactFlowProvider>
        <Canvas />
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
  await act(() => new Promise((r) => setTimeout(r, 20)));
}
const minimap = () => document.querySelector('.react-flow__minimap');

describe('canvas minimap', () => {
  it('is shown for a design up to the limit and the button hides it', async () => {
    await renderCanvas(grid(10));
    expect(minimap()).not.toBeNull();
    const button = screen.getByRole('button', { name: 'Minimap' });
    expect(button).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(button);
    expect(minimap()).toBeNull();
    expect(button).toHaveAttribute('aria-pressed', 'false');
  });

  it('starts hidden above the limit, and the button shows it', async () => {
    await renderCanvas(grid(MINIMAP_AUTO_LIMIT + 1));
    expect(minimap()).toBeNull();
    const button = screen.getByRole('button', { name: 'Minimap' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    expect(minimap()).not.toBeNull();
  });
});
