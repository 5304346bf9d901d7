import type { StoreApi } from 'zustand/vanilla';
import type { AnalysisSlice } from './analysis.ts';
import type { DocumentSlice } from './document-slice.ts';
import type { SelectionSlice } from './selection-slice.ts';
import type { UiSlice } from './ui-slice.ts';

export type EditorState = DocumentSlice & SelectionSlice & UiSlice & AnalysisSlice;
export type EditorStore = StoreApi<EditorState>;

/** A slice gets the store's set/get; it sets only its own keys and calls other slices' actions for theirs. */
export type SliceCreator<T> = (set: (partial: Partial<EditorState>) => void, get: () => EditorState) => T;
