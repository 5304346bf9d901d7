// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AiNode } from '../../../src/domain/index.ts';
import type { EditorStore } from '../../../src/store/editor-store.ts';
import { docWith, renderInspector } from './render-inspector.tsx';

function ai(store: EditorStore): AiNode {
  const n = store.getState().doc.nodes.find((x) => x.id === 'ai1');
  if (n?.kind !== 'ai') throw new Error('ai1 missing');
  return n;
}

describe("Inspector: an AI step's tools", () => {
  it('adds a tool, edits its side effect, and removing the last one removes the list', async () => {
    const r = renderInspector(docWith(['trigger', 'ai']));
    act(() => r.store.getState().select(['ai1']));
    const tools = screen.getByRole('group', { name: 'Tools it may call' });
    expect(tools).toHaveTextContent('None declared');
    await r.user.click(within(tools).getByRole('button', { name: 'Add tool' }));
    expect(ai(r.store).config.tools).toEqual([{ name: 'Tool 1', sideEffect: 'none' }]);
    const first = screen.getByRole('group', { name: 'Tool 1' });
    await r.user.selectOptions(within(first).getByLabelText('Side effect'), 'irreversible');
    expect(ai(r.store).config.tools?.[0]?.sideEffect).toBe('irreversible');
    await r.user.click(within(first).getByRole('button', { name: 'Remove tool 1' }));
    expect(ai(r.store).config.tools).toBeUndefined();
  });

  it('is not shown for other kinds', () => {
    const r = renderInspector(docWith(['trigger', 'ai', 'tool']));
    act(() => r.store.getState().select(['tool2']));
    expect(screen.queryByRole('group', { name: 'Tools it may call' })).toBeNull();
  });
});
