/** A headless editor for tests (tldraw's TestEditor idea): a real store, driven by its actions. */
import { createNode, createWorkflow, type NodeKind, type Workflow } from '../../src/domain/index.ts';
import { createEditorStore, type EditorStore } from '../../src/store/editor-store.ts';

export function docWith(...kinds: NodeKind[]): Workflow {
  const doc = createWorkflow({ id: 'wf_test', name: 'Test' });
  return { ...doc, nodes: kinds.map((k, i) => createNode(k, { id: `${k}${i}`, position: { x: i * 240, y: 0 } })) };
}

export function editor(doc: Workflow = docWith()): EditorStore {
  return createEditorStore(doc);
}
