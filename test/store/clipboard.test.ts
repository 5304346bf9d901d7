import { describe, expect, it } from 'vitest';
import { copyFragment, pasteFragment } from '../../src/store/clipboard.ts';
import { docWith, editor } from './editor-harness.ts';

describe('clipboard fragments', () => {
  const doc = {
    ...docWith('trigger', 'ai', 'output'),
    edges: [
      { id: 'e1', source: 'trigger0', sourcePort: 'out', target: 'ai1' },
      { id: 'e2', source: 'ai1', sourcePort: 'out', target: 'output2' },
    ],
  };

  it('copies the selected nodes and only the edges between them, as a workflow document', () => {
    const f = copyFragment(doc, new Set(['trigger0', 'ai1']));
    expect(f.format).toBe('baton.workflow');
    expect(f.nodes.map((n) => n.id)).toEqual(['trigger0', 'ai1']);
    expect(f.edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('pastes twice without id collisions, rewiring edges to the new ids', () => {
    const f = copyFragment(doc, new Set(['trigger0', 'ai1']));
    const once = pasteFragment(doc, f);
    const twice = pasteFragment(once.doc, f);
    const ids = twice.doc.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(twice.doc.edges).toHaveLength(4);
    const [pe] = twice.edgeIds.map((id) => twice.doc.edges.find((e) => e.id === id)!);
    expect(twice.nodeIds).toContain(pe!.source);
    expect(twice.nodeIds).toContain(pe!.target);
  });

  it('applies the offset and leaves the original nodes identical', () => {
    const r = pasteFragment(doc, copyFragment(doc, new Set(['ai1'])), { x: 5, y: -5 });
    expect(r.doc.nodes.slice(0, 3).every((n, i) => n === doc.nodes[i])).toBe(true);
    expect(r.doc.nodes[3]!.position).toEqual({ x: 245, y: -5 });
  });

  it('copySelection is null with nothing selected; duplicate is one undo entry selecting the copies', () => {
    const ed = editor(doc);
    expect(ed.getState().copySelection()).toBeNull();
    ed.getState().select(['ai1', 'output2']);
    ed.getState().duplicateSelection();
    const s = ed.getState();
    expect(s.doc.nodes).toHaveLength(5);
    expect(s.doc.edges).toHaveLength(3);
    expect([...s.selection.nodeIds].sort()).toEqual(s.doc.nodes.slice(3).map((n) => n.id).sort());
    expect(s.history.past).toHaveLength(1);
    ed.getState().undo();
    expect(ed.getState().doc).toBe(doc);
  });
});

describe('selection modes', () => {
  it('remove never adds back what is already gone (React Flow sends deselects after a clear)', () => {
    const ed = editor(docWith('ai', 'tool'));
    ed.getState().select(['ai0', 'tool1']);
    ed.getState().clearSelection();
    ed.getState().select(['ai0'], [], 'remove');
    expect(ed.getState().selection.nodeIds.size).toBe(0);
    ed.getState().select(['ai0'], [], 'toggle');
    expect([...ed.getState().selection.nodeIds]).toEqual(['ai0']);
  });

  it('nudges coalesce into one undo entry', () => {
    const ed = editor(docWith('ai'));
    ed.getState().select(['ai0']);
    for (let i = 0; i < 5; i++) ed.getState().nudgeSelection(1, 0);
    ed.getState().nudgeSelection(0, 10);
    expect(ed.getState().doc.nodes[0]!.position).toEqual({ x: 5, y: 10 });
    expect(ed.getState().history.past).toHaveLength(1);
  });
});
