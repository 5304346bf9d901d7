/**
 * The document's change feed (document-slice.ts): one event per settled change with its origin, driven through
 * the headless editor. Autosave, automatic versions and live analysis listen to it instead of diffing state.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentChange } from '../../src/store/document-slice.ts';
import type { EditorStore } from '../../src/store/editor-store.ts';
import { docWith, editor } from './editor-harness.ts';

function record(store: EditorStore): DocumentChange[] {
  const seen: DocumentChange[] = [];
  store.getState().listenToChanges((c) => seen.push(c));
  return seen;
}

describe('document change feed', () => {
  it('an edit is one user change from the document before to the document after', () => {
    const store = editor(docWith('trigger', 'ai'));
    const seen = record(store);
    const before = store.getState().doc;
    store.getState().updateNode('ai1', (n) => ({ ...n, label: 'Classify' }));
    expect(seen).toEqual([{ before, after: store.getState().doc, origin: 'user' }]);
    // Nothing changed, nothing sent.
    store.getState().updateNode('ai1', (n) => n);
    expect(seen).toHaveLength(1);
  });

  it('a drag settles once, at its end, from where it began; a cancelled drag sends nothing', () => {
    const store = editor(docWith('trigger', 'ai'));
    const seen = record(store);
    const start = store.getState().doc;
    store.getState().beginGesture();
    for (let i = 1; i <= 5; i++) store.getState().moveNodes(new Map([['ai1', { x: 240 + i * 10, y: i }]]));
    expect(seen).toEqual([]);
    store.getState().endGesture();
    expect(seen).toEqual([{ before: start, after: store.getState().doc, origin: 'user' }]);
    store.getState().beginGesture();
    store.getState().moveNodes(new Map([['ai1', { x: 0, y: 0 }]]));
    store.getState().cancelGesture();
    expect(seen).toHaveLength(1);
  });

  it('undo and redo are the user\'s; opening a design is a load, another tab\'s save is remote', () => {
    const store = editor(docWith('trigger'));
    const seen = record(store);
    store.getState().addNode('ai', { x: 0, y: 0 });
    const edited = store.getState().doc;
    store.getState().undo();
    store.getState().redo();
    expect(seen.map((c) => c.origin)).toEqual(['user', 'user', 'user']);
    expect(seen[1]?.before).toBe(edited);
    const other = docWith('trigger', 'output');
    store.getState().loadDocument(other);
    store.getState().loadDocument({ ...other, name: 'Saved elsewhere' }, 'remote');
    expect(seen.slice(3).map((c) => [c.origin, c.after.name])).toEqual([
      ['load', 'Test'],
      ['remote', 'Saved elsewhere'],
    ]);
  });

  it('a restored version is one undoable step of origin restore; unsubscribing stops the feed', () => {
    const store = editor(docWith('trigger'));
    const seen = record(store);
    const restored = docWith('trigger', 'ai', 'output');
    store.getState().commit(restored, { origin: 'restore' });
    expect(seen).toEqual([{ before: expect.anything(), after: restored, origin: 'restore' }]);
    expect(store.getState().history.past).toHaveLength(1);
    const more: DocumentChange[] = [];
    const stop = store.getState().listenToChanges((c) => more.push(c));
    stop();
    store.getState().undo();
    expect(more).toEqual([]);
    expect(seen.at(-1)?.origin).toBe('user');
  });
});
