/** Render the Inspector around a real editor store, as the app does, and read the store back. */
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll } from 'vitest';
import { createNode, createWorkflow, type NodeKind, type Workflow, type WorkflowEdge } from '../../../src/domain/index.ts';
import { createEditorStore, type EditorStore } from '../../../src/store/editor-store.ts';
import { EditorStoreProvider } from '../../../src/ui/editor-context.tsx';
import { Inspector, preloadInspectors } from '../../../src/ui/inspector/Inspector.tsx';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
// The node and edge forms load on first use in the app; here they are loaded before the tests select anything.
beforeAll(() => preloadInspectors());

/** A document with one node of each kind given, ids `${kind}${index}`, and the given edges. */
export function docWith(kinds: readonly NodeKind[], edges: readonly WorkflowEdge[] = []): Workflow {
  const doc = createWorkflow({ id: 'wf_test', name: 'Test' });
  return { ...doc, nodes: kinds.map((k, i) => createNode(k, { id: `${k}${i}`, position: { x: i * 240, y: 0 } })), edges: [...edges] };
}

export function renderInspector(doc: Workflow): { store: EditorStore; user: ReturnType<typeof userEvent.setup> } & ReturnType<typeof render> {
  const store = createEditorStore(doc);
  const user = userEvent.setup();
  const view = render(
    <EditorStoreProvider store={store}>
      <Inspector />
    </EditorStoreProvider>,
  );
  return { store, user, ...view };
}

export function undoDepth(store: EditorStore): number {
  return store.getState().history.past.length;
}
