// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WorkflowEdge } from '../../../src/domain/index.ts';
import type { EditorStore } from '../../../src/store/editor-store.ts';
import { docWith, renderInspector, undoDepth } from './render-inspector.tsx';

/** router0 -> output1 (confidence >= 0.8) */
const EDGE: WorkflowEdge = { id: 'e1', source: 'router0', sourcePort: 'out', target: 'output1', condition: { field: 'confidence', op: '>=', value: 0.8 } };

function setup() {
  const r = renderInspector(docWith(['router', 'output'], [EDGE]));
  act(() => r.store.getState().select([], ['e1']));
  return r;
}

function edge(store: EditorStore): WorkflowEdge {
  const e = store.getState().doc.edges[0];
  if (!e) throw new Error('edge missing');
  return e;
}

describe('Inspector on an edge', () => {
  it('shows the source port read-only', () => {
    setup();
    expect(screen.getByLabelText('Source port')).toHaveValue('out');
    expect(screen.getByLabelText('Source port')).toHaveAttribute('readonly');
  });

  it('edits the condition operator and value, one undo entry each, and undo restores the form', async () => {
    const { store, user } = setup();
    const before = undoDepth(store);
    await user.selectOptions(screen.getByLabelText('Operator'), '<');
    const value = screen.getByLabelText('Value');
    await user.clear(value);
    await user.type(value, '0.65');
    expect(edge(store).condition).toEqual({ field: 'confidence', op: '<', value: 0.65 });
    expect(undoDepth(store)).toBe(before + 2);
    act(() => store.getState().undo());
    expect(screen.getByLabelText('Value')).toHaveValue('0.8');
    expect(screen.getByLabelText('Operator')).toHaveValue('<');
  });

  it('tests a case attribute with a text value, then removes the condition', async () => {
    const { store, user } = setup();
    await user.selectOptions(screen.getByLabelText('Field'), 'case attribute…');
    const name = screen.getByLabelText('Attribute name');
    await user.clear(name);
    await user.type(name, 'tier');
    await user.selectOptions(screen.getByLabelText('Value type'), 'text');
    const value = screen.getByLabelText('Value');
    await user.clear(value);
    await user.type(value, 'gold');
    expect(edge(store).condition).toEqual({ field: 'tier', op: '>=', value: 'gold' });
    await user.click(screen.getByRole('button', { name: 'Remove condition' }));
    expect(edge(store).condition).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Add condition' })).toBeInTheDocument();
  });

  it('keeps a probability of 1.3 and shows why it is invalid', async () => {
    const { store, user } = setup();
    const p = screen.getByLabelText('Probability (branch weight, 0–1)');
    await user.type(p, '1.3');
    expect(edge(store).probability).toBe(1.3);
    expect(p).toHaveAttribute('aria-invalid', 'true');
    expect(p).toHaveAccessibleDescription(expect.stringContaining('Must be at most 1'));
    await user.click(screen.getByLabelText('Default branch (takes the rest)'));
    expect(edge(store).isDefault).toBe(true);
  });
});
