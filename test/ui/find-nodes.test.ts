import { describe, expect, it } from 'vitest';
import { createNode } from '../../src/domain/index.ts';
import { findNodes } from '../../src/ui/overlays/find-nodes.ts';

describe('find nodes', () => {
  const draft = createNode('ai', { id: 'a', position: { x: 0, y: 0 }, label: 'Draft reply' });
  if (draft.kind === 'ai') draft.config = { capability: 'llm', model: 'general-llm' };
  const review = createNode('human', { id: 'h', position: { x: 0, y: 0 }, label: 'Review draft' });
  const ocr = createNode('ai', { id: 'o', position: { x: 0, y: 0 }, label: 'Read scan' });
  if (ocr.kind === 'ai') ocr.config = { capability: 'ocr' };
  const nodes = [review, draft, ocr];

  it('matches label, kind, capability and model; label-prefix matches first', () => {
    expect(findNodes(nodes, 'draft').map((n) => n.id)).toEqual(['a', 'h']);
    expect(findNodes(nodes, 'human gate').map((n) => n.id)).toEqual(['h']);
    expect(findNodes(nodes, 'ocr').map((n) => n.id)).toEqual(['o']);
    expect(findNodes(nodes, 'general-llm').map((n) => n.id)).toEqual(['a']);
    expect(findNodes(nodes, 'ai reply').map((n) => n.id)).toEqual(['a']);
    expect(findNodes(nodes, '  ')).toEqual([]);
  });
});
