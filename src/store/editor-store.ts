/**
 * One vanilla zustand store per editor (ARCHITECTURE.md convention 2). React reaches it through
 * src/ui/editor-context.tsx; tests drive it directly (the headless editor harness).
 */
import { createStore } from 'zustand/vanilla';
import type { Workflow } from '../domain/index.ts';
import { createAnalysisSlice, watchAnalysis } from './analysis.ts';
import { loadedAnalyzer, type Analyzer } from './analyzer-loader.ts';
import { createDocumentSlice } from './document-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import type { EditorState, EditorStore } from './types.ts';
import { createUiSlice } from './ui-slice.ts';

export interface EditorStoreOptions {
  /**
   * The analyzer's code. Default: the page's, if it has loaded (or a test provided it); else null, and the
   * analysis is pending until `attachAnalyzer` (analysis.ts) fills it in. Tests of the pending state pass null.
   */
  readonly analyzer?: Analyzer | null;
}

export function createEditorStore(initial: Workflow, { analyzer = loadedAnalyzer() }: EditorStoreOptions = {}): EditorStore {
  const store = createStore<EditorState>()((set, get) => ({
    ...createDocumentSlice(initial)(set, get),
    ...createSelectionSlice(set, get),
    ...createUiSlice(set, get),
    ...createAnalysisSlice(initial, analyzer),
  }));
  // Big designs are re-analysed after a pause in editing, not per keystroke or drag frame (analysis.ts).
  watchAnalysis(store);
  return store;
}

export type { EditorState, EditorStore } from './types.ts';
