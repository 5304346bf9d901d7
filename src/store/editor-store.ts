/**
 * One vanilla zustand store per editor (ARCHITECTURE.md convention 2). React reaches it through
 * src/ui/editor-context.tsx; tests drive it directly (the headless editor harness).
 */
import { createStore } from 'zustand/vanilla';
import type { Workflow } from '../domain/index.ts';
import { createDocumentSlice } from './document-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import type { EditorState, EditorStore } from './types.ts';
import { createUiSlice } from './ui-slice.ts';

export function createEditorStore(initial: Workflow): EditorStore {
  return createStore<EditorState>()((set, get) => ({
    ...createDocumentSlice(initial)(set, get),
    ...createSelectionSlice(set, get),
    ...createUiSlice(set, get),
  }));
}

export type { EditorState, EditorStore } from './types.ts';
