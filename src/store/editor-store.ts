/**
 * One vanilla zustand store per editor (ARCHITECTURE.md convention 2). React reaches it through
 * src/ui/editor-context.tsx; tests drive it directly (the headless editor harness).
 */
import { createStore } from 'zustand/vanilla';
import type { Workflow } from '../domain/index.ts';
import { createAnalysisSlice, watchAnalysis } from './analysis.ts';
import { createDocumentSlice } from './document-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import type { EditorState, EditorStore } from './types.ts';
import { createUiSlice } from './ui-slice.ts';

export function createEditorStore(initial: Workflow): EditorStore {
  const store = createStore<EditorState>()((set, get) => ({
    ...createDocumentSlice(initial)(set, get),
    ...createSelectionSlice(set, get),
    ...createUiSlice(set, get),
    ...createAnalysisSlice(initial),
  }));
  // Big designs are re-analysed after a pause in editing, not per keystroke or drag frame (analysis.ts).
  watchAnalysis(store);
  return store;
}

export type { EditorState, EditorStore } from './types.ts';
