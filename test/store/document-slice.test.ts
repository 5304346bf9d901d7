import { describe, expect, it, vi } from 'vitest';
import { HISTORY_DEPTH } from '../../src/store/history.ts';
import { docWith, editor } from './editor-harness.ts';

describe('document slice and history', () => {
  it('adds a node as one undo entry and selects it', () => {
    const ed = editor();
    const id = ed.getState().addNode('ai', { x: 10, y: 20 });
    expect(ed.getState().doc.nodes.map((n) => n.id)).toEqual([id]);
    expect([...ed.getState().selection.nodeIds]).toEqual([id]);
    ed.getState().undo();
    expect(ed.getState().doc.nodes).toEqual([]);
    expect(ed.getState().selection.nodeIds.size).toBe(0);
    ed.getState().redo();
    expect(ed.getState().doc.nodes[0]?.id).toBe(id);
  });

  it('undoes and redoes a sequence of edits exactly', () => {
    const ed = editor(docWith('trigger', 'ai', 'output'));
    const snapshots = [ed.getState().doc];
    ed.getState().connect({ source: 'trigger0', sourcePort: 'out', target: 'ai1' });
    snapshots.push(ed.getState().doc);
    ed.getState().updateNode('ai1', (n) => ({ ...n, label: 'Draft reply' }));
    snapshots.push(ed.getState().doc);
    ed.getState().connect({ source: 'ai1', sourcePort: 'out', target: 'output2' });
    snapshots.push(ed.getState().doc);
    ed.getState().removeElements(['output2'], []);
    snapshots.push(ed.getState().doc);
    for (let i = snapshots.length - 2; i >= 0; i--) {
      ed.getState().undo();
      expect(ed.getState().doc).toBe(snapshots[i]);
    }
    for (let i = 1; i < snapshots.length; i++) {
      ed.getState().redo();
      expect(ed.getState().doc).toBe(snapshots[i]);
    }
  });

  it('coalesces typing in one field into one entry, but not edits of different fields', () => {
    vi.useFakeTimers();
    try {
      const ed = editor(docWith('ai'));
      for (const label of ['D', 'Dr', 'Dra', 'Draft']) {
        ed.getState().updateNode('ai0', (n) => ({ ...n, label }), { coalesceKey: 'ai0.label' });
        vi.advanceTimersByTime(100);
      }
      ed.getState().updateNode('ai0', (n) => ({ ...n, description: 'x' }), { coalesceKey: 'ai0.description' });
      expect(ed.getState().history.past).toHaveLength(2);
      ed.getState().undo();
      ed.getState().undo();
      expect(ed.getState().doc.nodes[0]?.label).toBe('AI tool');
      // A pause longer than the coalescing window starts a new entry.
      ed.getState().updateNode('ai0', (n) => ({ ...n, label: 'A' }), { coalesceKey: 'ai0.label' });
      vi.advanceTimersByTime(5000);
      ed.getState().updateNode('ai0', (n) => ({ ...n, label: 'AB' }), { coalesceKey: 'ai0.label' });
      expect(ed.getState().history.past).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('makes a drag one entry, and a cancelled drag no entry', () => {
    const ed = editor(docWith('ai'));
    const before = ed.getState().doc;
    ed.getState().beginGesture();
    for (let x = 1; x <= 30; x++) ed.getState().moveNodes(new Map([['ai0', { x, y: x }]]));
    ed.getState().endGesture();
    expect(ed.getState().history.past).toEqual([before]);
    expect(ed.getState().doc.nodes[0]?.position).toEqual({ x: 30, y: 30 });

    const afterDrag = ed.getState().doc;
    ed.getState().beginGesture();
    ed.getState().moveNodes(new Map([['ai0', { x: 500, y: 500 }]]));
    ed.getState().cancelGesture();
    expect(ed.getState().doc).toBe(afterDrag);
    expect(ed.getState().history.past).toHaveLength(1);
    expect(ed.getState().history.future).toHaveLength(0);
  });

  it('keeps untouched node objects identical (React Flow re-renders only what changed)', () => {
    const ed = editor(docWith('trigger', 'ai', 'output'));
    const [a, b, c] = ed.getState().doc.nodes;
    ed.getState().moveNodes(new Map([['ai1', { x: 1, y: 2 }]]));
    const [a2, b2, c2] = ed.getState().doc.nodes;
    expect(a2).toBe(a);
    expect(c2).toBe(c);
    expect(b2).not.toBe(b);
  });

  it('refuses an illegal connection with a reason and leaves the document alone', () => {
    const ed = editor(docWith('trigger', 'ai', 'output'));
    const before = ed.getState().doc;
    const verdict = ed.getState().connect({ source: 'ai1', sourcePort: 'out', target: 'trigger0' });
    expect(verdict.ok).toBe(false);
    expect(ed.getState().doc).toBe(before);
    expect(ed.getState().ui.message?.text).toMatch(/trigger starts a case/);
    expect(ed.getState().connect({ source: 'output2', sourcePort: 'out', target: 'ai1' }).ok).toBe(false);
    expect(ed.getState().connect({ source: 'ai1', sourcePort: 'approve', target: 'output2' }).ok).toBe(false);
    expect(ed.getState().connect({ source: 'ai1', sourcePort: 'out', target: 'output2' }).ok).toBe(true);
    expect(ed.getState().connect({ source: 'ai1', sourcePort: 'out', target: 'output2' }).ok).toBe(false);
  });

  it('deletes the edges of a deleted node in the same entry', () => {
    const ed = editor(docWith('trigger', 'ai', 'output'));
    ed.getState().connect({ source: 'trigger0', sourcePort: 'out', target: 'ai1' });
    ed.getState().connect({ source: 'ai1', sourcePort: 'out', target: 'output2' });
    ed.getState().select(['ai1']);
    ed.getState().removeSelection();
    expect(ed.getState().doc.edges).toEqual([]);
    ed.getState().undo();
    expect(ed.getState().doc.edges).toHaveLength(2);
  });

  it('never puts selection into history', () => {
    const ed = editor(docWith('trigger', 'ai'));
    ed.getState().select(['ai1']);
    ed.getState().selectAll();
    ed.getState().clearSelection();
    expect(ed.getState().history.past).toHaveLength(0);
  });

  it('keeps at least 200 entries of history', () => {
    const ed = editor(docWith('ai'));
    for (let i = 0; i < HISTORY_DEPTH + 20; i++) ed.getState().updateNode('ai0', (n) => ({ ...n, label: `v${i}` }));
    expect(ed.getState().history.past.length).toBe(HISTORY_DEPTH);
    expect(HISTORY_DEPTH).toBeGreaterThanOrEqual(200);
  });

  it('pastes with fresh ids and an offset, keeping the edges between pasted nodes', () => {
    const ed = editor(docWith('trigger', 'ai'));
    ed.getState().connect({ source: 'trigger0', sourcePort: 'out', target: 'ai1' });
    const { nodes, edges } = ed.getState().doc;
    ed.getState().paste({ nodes, edges });
    const doc = ed.getState().doc;
    expect(doc.nodes).toHaveLength(4);
    expect(doc.edges).toHaveLength(2);
    expect(new Set(doc.nodes.map((n) => n.id)).size).toBe(4);
    const pasted = doc.nodes.slice(2);
    expect(pasted[0]?.position).toEqual({ x: 40, y: 40 });
    const pastedEdge = doc.edges[1];
    expect(pasted.map((n) => n.id)).toContain(pastedEdge?.source);
    expect(pasted.map((n) => n.id)).toContain(pastedEdge?.target);
    expect([...ed.getState().selection.nodeIds].sort()).toEqual(pasted.map((n) => n.id).sort());
    ed.getState().undo();
    expect(ed.getState().doc.nodes).toHaveLength(2);
  });
});

describe('opening a design', () => {
  it('counts loads so the canvas can frame the design, without touching history', () => {
    const ed = editor(docWith('ai'));
    expect(ed.getState().loadCount).toBe(0);
    ed.getState().updateNode('ai0', (n) => ({ ...n, label: 'x' }));
    ed.getState().loadDocument(docWith('trigger', 'output'));
    expect(ed.getState().loadCount).toBe(1);
    expect(ed.getState().history.past).toHaveLength(0);
    ed.getState().commit(docWith('tool'));
    expect(ed.getState().loadCount).toBe(1);
  });
});
