/**
 * The open design's state machine and the change feed, through the library controller over in-memory storage:
 * what is written and what is not, and that a failure leaves the editor where it was.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryBackend, designDocumentKey } from '../../src/persistence/index.ts';
import { TEMPLATES } from '../../src/templates/index.ts';
import { openTab, settle, smallDoc } from './library-harness.ts';

/** Count the documents written to the backend from now on. */
function countWrites(backend: ReturnType<typeof createMemoryBackend>): { readonly count: number } {
  const counter = { count: 0 };
  const put = backend.documents.put.bind(backend.documents);
  backend.documents.put = async (row) => {
    counter.count++;
    await put(row);
  };
  return counter;
}

describe('the open design', () => {
  it('a design that no longer opens leaves the editor on the current one, still saving', async () => {
    const backend = createMemoryBackend();
    const { editor, library } = openTab({ backend });
    await library.start();
    await library.createFromTemplate('blank');
    const gone = library.currentDesignId() ?? '';
    await library.createFromTemplate('blank');
    const current = library.currentDesignId();
    const shown = editor.getState().doc;
    await backend.documents.delete([designDocumentKey(gone)]);
    await library.open(gone);
    expect(editor.getState().ui.message).toMatchObject({ tone: 'error', text: 'That design no longer exists.' });
    expect(editor.getState().doc).toBe(shown);
    expect(library.currentDesignId()).toBe(current);
    editor.getState().addNode('trigger', { x: 0, y: 0 });
    await settle();
    expect(library.store.getState().save.state).toBe('saved');
  });

  it('stores only the user\'s changes: a restored version and another tab\'s save are not written again', async () => {
    const backend = createMemoryBackend();
    const { editor, library } = openTab({ backend });
    await library.start();
    await library.createFromTemplate('blank');
    editor.getState().addNode('trigger', { x: 0, y: 0 });
    await library.flush();
    await library.saveVersion('One trigger');
    editor.getState().addNode('ai', { x: 200, y: 0 });
    await library.flush();
    const version = library.store.getState().versions.find((v) => v.name === 'One trigger');
    const writes = countWrites(backend);
    await library.restoreVersion(version?.id ?? '');
    const afterRestore = writes.count;
    await settle();
    // The restore's own transaction wrote the design and the before-restore version; nothing followed it.
    expect(writes.count).toBe(afterRestore);
    expect(library.store.getState().save.state).toBe('saved');
    // Undo of the restore is the user's: it is saved.
    editor.getState().undo();
    await settle();
    expect(writes.count).toBe(afterRestore + 1);
  });

  it('edits made while the draft is being stored go into its first save', async () => {
    const { editor, library } = openTab();
    await library.start();
    editor.getState().updateWorkflow((d) => ({ ...d, description: 'first' }));
    editor.getState().updateWorkflow((d) => ({ ...d, description: 'second' }));
    await library.flush();
    await settle();
    const again = await library.exportJson(library.currentDesignId() ?? '');
    expect(JSON.parse(again?.json ?? '{}')).toMatchObject({ description: 'second' });
    expect(library.store.getState().designs).toHaveLength(1);
  });
});

describe('the template gallery', () => {
  it('loads the templates when it first opens; a failed load says so, and opening it again retries', async () => {
    let calls = 0;
    let fail = true;
    const { library } = openTab({
      templates: async () => {
        calls++;
        if (fail) throw new TypeError('Failed to fetch dynamically imported module');
        return TEMPLATES;
      },
      initial: smallDoc(),
    });
    expect(library.store.getState().templates).toEqual({ status: 'loading' });
    await library.start();
    // First visit: the gallery opens, and with it the load.
    expect(library.store.getState().gallery).toBe('first-start');
    await settle(5);
    expect(calls).toBe(1);
    expect(library.store.getState().templates).toEqual({ status: 'failed' });
    fail = false;
    library.setGallery(true);
    await settle(5);
    const templates = library.store.getState().templates;
    expect(templates.status === 'ready' ? templates.cards.map((c) => c.id) : []).toEqual(TEMPLATES.map((t) => t.id));
    library.setGallery(true);
    await library.createFromTemplate(TEMPLATES[0]?.id ?? '');
    expect(calls).toBe(2);
    expect(library.store.getState().designs[0]?.name).toBe(TEMPLATES[0]?.name);
  });
});
