/**
 * Provides the editor's vanilla store to React. `useEditorStore(selector)` throws outside the provider, so a
 * component rendered in the wrong place fails loudly in development instead of reading a stray global.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from '../store/editor-store.ts';

const EditorStoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorStoreProvider>');
  return store;
}

export function useEditorStore<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
