import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../../src/persistence/index.ts';
import { TEMPLATES } from '../../src/templates/index.ts';
import { riskyChange } from '../../src/app/designs-risky-change.ts';
import { channelHub, openTab, settle, smallDoc } from './library-harness.ts';

const rename =
  (label: string) =>
  <N extends { label: string }>(n: N): N => ({ ...n, label });

describe('design library controller', () => {
  it('first start: the gallery, a draft that is stored on its first edit, and autosave after that', async () => {
    const { editor, library } = openTab();
    await library.start();
    expect(library.store.getState()).toMatchObject({ gallery: 'first-start', currentId: null, designs: [] });
    editor.getState().updateNode('n1', (n) => ({ ...n, label: 'Classify' }));
    expect(library.store.getState().gallery).toBe('closed');
    await library.flush();
    await settle();
    const { designs, currentId, save } = library.store.getState();
    expect(designs).toHaveLength(1);
    expect(currentId).toBe(designs[0]?.id);
    expect(save.state).toBe('saved');
    editor.getState().updateNode('n2', (n) => ({ ...n, label: 'Reply' }));
    expect(library.store.getState().save.state).toBe('pending');
    await settle();
    expect(library.store.getState().save.state).toBe('saved');
  });

  it('opens the most recently changed design on start, and one burst of edits is one write', async () => {
    const backend = createMemoryBackend();
    const first = openTab({ backend });
    await first.library.start();
    await first.library.createFromTemplate(TEMPLATES[0]?.id ?? '');
    await first.library.createFromTemplate('blank');
    const blankId = first.library.store.getState().currentId;
    let writes = 0;
    const put = backend.documents.put.bind(backend.documents);
    backend.documents.put = async (row) => {
      writes++;
      await put(row);
    };
    for (let i = 0; i < 5; i++) first.editor.getState().updateWorkflow((d) => ({ ...d, description: `v${i}` }));
    await settle();
    expect(writes).toBe(1);
    await first.library.dispose();

    const again = openTab({ backend });
    await again.library.start();
    expect(again.library.store.getState().currentId).toBe(blankId);
    expect(again.editor.getState().doc.description).toBe('v4');
    expect(again.library.store.getState().designs.map((d) => d.name)).toEqual(['Untitled design', TEMPLATES[0]?.name]);
  });

  it('rename of the open design goes through the editor; duplicate; delete to trash and undo', async () => {
    const { editor, library } = openTab();
    await library.start();
    await library.createFromTemplate('blank');
    const id = library.store.getState().currentId ?? '';
    await library.rename(id, 'Intake');
    expect(editor.getState().doc.name).toBe('Intake');
    expect(library.store.getState().designs[0]?.name).toBe('Intake');
    // The session's revision still matches: a later edit saves without a conflict.
    editor.getState().updateWorkflow((d) => ({ ...d, description: 'x' }));
    await settle();
    expect(library.store.getState().save.state).toBe('saved');
    await library.duplicate(id);
    expect(library.store.getState().designs.map((d) => d.name).sort()).toEqual(['Intake', 'Intake (copy)']);
    await library.moveToTrash(id);
    expect(library.store.getState().deleted).toEqual({ id, name: 'Intake' });
    expect(library.store.getState().trash.map((d) => d.id)).toEqual([id]);
    expect(library.store.getState().currentId).not.toBe(id);
    await library.restoreFromTrash(id);
    expect(library.store.getState().trash).toEqual([]);
    expect(library.store.getState().designs.map((d) => d.name).sort()).toEqual(['Intake', 'Intake (copy)']);
  });

  it('import as a new design keeps the current one; a bad file reports problems with paths and changes nothing', async () => {
    const { library } = openTab();
    await library.start();
    await library.createFromTemplate('blank');
    const bad = await library.importAsNew('{"format":"baton.workflow","schemaVersion":1,"id":"x","name":"X","nodes":[{"id":1}],"edges":[]}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.some((p) => p.path.length > 0)).toBe(true);
    expect(library.store.getState().designs).toHaveLength(1);
    const good = await library.importAsNew(JSON.stringify(smallDoc('Imported')));
    expect(good).toEqual({ ok: true, name: 'Imported' });
    expect(library.store.getState().designs.map((d) => d.name).sort()).toEqual(['Imported', 'Untitled design']);
  });

  it('an n8n export is detected from its content, converted, stored as a new design, and its report returned', async () => {
    const { library, editor } = openTab();
    await library.start();
    await library.createFromTemplate('blank');
    const text = readFileSync(new URL('../fixtures/n8n/0966_HTTP_Discord_Import_Scheduled.json', import.meta.url), 'utf8');
    const r = await library.importAsNew(text);
    expect(r).toMatchObject({ ok: true, name: 'Imported n8n workflow', conversion: { title: 'n8n workflow', report: { from: 'n8n' } } });
    expect(library.store.getState().designs.map((d) => d.name).sort()).toEqual(['Imported n8n workflow', 'Untitled design']);
    expect(editor.getState().doc.nodes.map((n) => n.label)).toContain('@Get Issue');
  });

  it('versions: save, restore as one undo step with a before-restore snapshot, compare with the current design', async () => {
    const { editor, library } = openTab();
    await library.start();
    await library.createFromTemplate('blank');
    editor.getState().addNode('trigger', { x: 0, y: 0 });
    await library.flush();
    await library.saveVersion('One trigger');
    const [v1] = library.store.getState().versions;
    expect(v1?.name).toBe('One trigger');
    const triggerId = editor.getState().doc.nodes[0]?.id ?? '';
    editor.getState().addNode('ai', { x: 200, y: 0 });
    editor.getState().updateNode(triggerId, rename('Start'));
    editor.getState().moveNodes(new Map([[triggerId, { x: 50, y: 50 }]]));
    await library.flush();
    await library.compare(v1?.id ?? '');
    const diff = library.store.getState().comparison?.diff;
    expect(diff?.nodes.added).toHaveLength(1);
    expect(diff?.nodes.changed).toEqual([{ id: triggerId, paths: ['label'] }]);
    expect(diff?.nodes.moved).toEqual([triggerId]);
    library.clearComparison();
    expect(library.store.getState().comparison).toBeNull();

    const depth = editor.getState().history.past.length;
    await library.restoreVersion(v1?.id ?? '');
    expect(editor.getState().doc.nodes).toHaveLength(1);
    expect(editor.getState().history.past.length).toBe(depth + 1);
    expect(library.store.getState().versions.map((v) => v.reason)).toContain('before-restore');
    editor.getState().undo();
    expect(editor.getState().doc.nodes).toHaveLength(2);
    await settle();
    expect(library.store.getState().save.state).toBe('saved');
  });

  it('takes an automatic version before a change that replaces the document (an import over it)', async () => {
    const { editor, library } = openTab();
    await library.start();
    await library.createFromTemplate(TEMPLATES[1]?.id ?? '');
    editor.getState().commit(smallDoc('Other'));
    await settle();
    expect(library.store.getState().versions.map((v) => v.reason)).toEqual(['before-import']);
    expect(riskyChange(smallDoc('a', 30), { ...smallDoc('a', 30), nodes: smallDoc('a', 30).nodes.map((n) => ({ ...n, position: { x: 1, y: 1 } })) })).toBe('before-layout');
    expect(riskyChange(smallDoc('a', 3), smallDoc('a', 15))).toBe('before-paste');
    expect(riskyChange(smallDoc('a', 3), smallDoc('b', 3))).toBeUndefined();
  });

  it('two tabs: a save in one reloads the other when it has nothing unsaved; otherwise a conflict, resolved without loss', async () => {
    const backend = createMemoryBackend();
    const hub = channelHub();
    const a = openTab({ backend, channel: hub(), tabId: 'a' });
    await a.library.start();
    await a.library.createFromTemplate('blank');
    const b = openTab({ backend, channel: hub(), tabId: 'b' });
    await b.library.start();
    expect(b.library.store.getState().currentId).toBe(a.library.store.getState().currentId);

    a.editor.getState().addNode('trigger', { x: 0, y: 0 });
    await a.library.flush();
    await settle();
    expect(b.editor.getState().doc.nodes).toHaveLength(1);

    // Both edit; A saves first; B's save meets the moved revision.
    b.editor.getState().addNode('ai', { x: 100, y: 0 });
    a.editor.getState().addNode('tool', { x: 100, y: 100 });
    await a.library.flush();
    await settle(100);
    expect(b.library.store.getState().conflict).toEqual({ deleted: false });
    await b.library.keepMineAsCopy();
    const names = b.library.store.getState().designs.map((d) => d.name).sort();
    expect(names).toEqual(['Untitled design', 'Untitled design (my copy)']);
    expect(b.library.store.getState().conflict).toBeNull();
    expect(b.editor.getState().doc.nodes.map((n) => n.kind).sort()).toEqual(['ai', 'trigger']);
  });

  it('memory mode: status says so, the banner is shown, export of the current design works', async () => {
    const { library } = openTab({ mode: 'memory', banner: 'Designs cannot be stored here.' });
    await library.start();
    expect(library.store.getState().banner).toEqual({ kind: 'memory', text: 'Designs cannot be stored here.' });
    expect(library.store.getState().save.state).toBe('memory');
    const out = library.exportCurrent();
    expect(out.fileName).toBe('sample.baton.json');
    expect(JSON.parse(out.json)).toMatchObject({ name: 'Sample' });
  });

  it('a quota error on save: the status explains, editing continues, the pending document is retried', async () => {
    const backend = createMemoryBackend();
    const { editor, library } = openTab({ backend });
    await library.start();
    await library.createFromTemplate('blank');
    const put = backend.documents.put.bind(backend.documents);
    let full = true;
    backend.documents.put = async (row) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      await put(row);
    };
    editor.getState().addNode('trigger', { x: 0, y: 0 });
    await settle();
    expect(library.store.getState().save).toEqual({ state: 'error', reason: 'Not saved: storage is full. Export your design or free space.' });
    full = false;
    await settle(120);
    expect(library.store.getState().save.state).toBe('saved');
  });

  it('exporting a design that holds a value out of range gives the file and says Import will refuse it, as the toolbar does', async () => {
    const { editor, library } = openTab();
    await library.start();
    editor.getState().updateNode('n1', (n) => (n.kind === 'ai' && n.stub ? { ...n, stub: { ...n.stub, costPerCall: -1 } } : n));
    await library.flush();
    await settle();
    const out = await library.exportJson(library.currentDesignId() ?? '');
    expect(JSON.parse(out?.json ?? '{}')).toMatchObject({ nodes: expect.arrayContaining([expect.objectContaining({ id: 'n1', stub: expect.objectContaining({ costPerCall: -1 }) })]) });
    await settle();
    expect(editor.getState().ui.message).toMatchObject({ tone: 'error', text: expect.stringMatching(/was downloaded, but Import will refuse it until one problem is fixed .*costPerCall/) });
  });

  it('actions never reject: a storage failure becomes an error message (the UI calls them without awaiting)', async () => {
    const backend = createMemoryBackend();
    const { editor, library } = openTab({ backend });
    await library.start();
    await library.createFromTemplate('blank');
    await library.createFromTemplate('blank');
    const other = library.store.getState().designs.find((d) => d.id !== library.currentDesignId());
    if (!other) throw new Error('two designs expected');
    const broken = async (): Promise<never> => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    };
    backend.designs.get = broken;
    backend.designs.put = broken;
    backend.versions.put = broken;
    await expect(library.rename(other.id, 'Renamed')).resolves.toBeUndefined();
    expect(editor.getState().ui.message).toMatchObject({ tone: 'error', text: expect.stringMatching(/^Renaming failed: .*closing/) });
    await expect(library.exportJson(other.id)).resolves.toBeUndefined();
    expect(editor.getState().ui.message?.text).toMatch(/^Exporting the design failed/);
    // A manual version that was not stored is not announced as saved.
    await library.saveVersion('v1');
    expect(editor.getState().ui.message).toMatchObject({ tone: 'error', text: expect.stringMatching(/^Saving the version failed/) });
    await expect(library.open(other.id)).resolves.toBeUndefined();
    expect(editor.getState().ui.message).toMatchObject({ tone: 'error', text: expect.stringMatching(/^Opening the design failed/) });
  });
});
