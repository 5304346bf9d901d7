/**
 * The designs library as the UI sees it: the list, the trash, the open design's save status, versions, a
 * comparison, the gallery and the banners. A separate vanilla store from the editor's: none of this is document
 * state, none of it enters undo history, and the editor store stays free of storage concerns. src/app fills it
 * from persistence; src/ui/designs renders it. Plain data only (no Dexie rows, no promises).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WorkflowDiff } from '../domain/index.ts';

export interface DesignListItem {
  readonly id: string;
  readonly name: string;
  /** Epoch ms of the last change. */
  readonly updatedAt: number;
  /** Epoch ms when moved to the trash; absent for live designs. */
  readonly deletedAt?: number;
  readonly summary: { readonly nodeCount: number; readonly edgeCount: number };
}

export interface VersionListItem {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  /** 'manual' for a version the user saved; otherwise the operation it was taken before ('before-import'...). */
  readonly reason: string;
  readonly summary: { readonly nodeCount: number; readonly edgeCount: number };
}

/** What the save indicator says. 'draft': the sample shown on a first visit, stored on its first edit. */
export type SaveState =
  | { readonly state: 'saved' | 'pending' | 'saving' | 'draft' }
  | { readonly state: 'error'; readonly reason: string }
  | { readonly state: 'conflict' }
  /** Storage is not available at all (memory mode); the banner says why. */
  | { readonly state: 'memory' };

export interface LibraryBanner {
  readonly kind: 'memory' | 'reload' | 'unreadable';
  readonly text: string;
}

export interface Comparison {
  /** e.g. "“Before import” → current design". */
  readonly title: string;
  readonly diff: WorkflowDiff;
  /** Labels of the nodes on either side, so removed nodes (gone from the canvas) can still be named. */
  readonly labels: Readonly<Record<string, string>>;
}

/** A gallery card (src/templates' data, passed through the composition root). */
export interface TemplateCard {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly situation: string;
  readonly tags: readonly string[];
  readonly overEngineered?: boolean;
  readonly nodeCount: number;
}

/** The gallery's template cards, loaded when the gallery first opens (docs/architecture.md, "First load"). */
export type TemplateCards =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly cards: readonly TemplateCard[] }
  | { readonly status: 'failed' };

export interface DeletedToast {
  readonly id: string;
  readonly name: string;
}

export interface LibraryState {
  readonly designs: readonly DesignListItem[];
  readonly trash: readonly DesignListItem[];
  /** The design the editor shows; null for the first-visit draft (not stored until edited). */
  readonly currentId: string | null;
  readonly save: SaveState;
  readonly banner: LibraryBanner | null;
  /** Another tab saved this design while this tab had unsaved work. */
  readonly conflict: { readonly deleted: boolean } | null;
  readonly gallery: 'closed' | 'first-start' | 'new';
  readonly templates: TemplateCards;
  readonly versions: readonly VersionListItem[];
  readonly comparison: Comparison | null;
  readonly deleted: DeletedToast | null;
  readonly mode: 'indexeddb' | 'memory';
}

export type LibraryStore = StoreApi<LibraryState>;

const INITIAL_LIBRARY_STATE: LibraryState = {
  designs: [],
  trash: [],
  currentId: null,
  save: { state: 'draft' },
  banner: null,
  conflict: null,
  gallery: 'closed',
  templates: { status: 'loading' },
  versions: [],
  comparison: null,
  deleted: null,
  mode: 'indexeddb',
};

/** The store is plain state: src/app's controller is the only writer (setState), the UI only reads. */
export function createLibraryStore(initial: Partial<LibraryState> = {}): LibraryStore {
  return createStore<LibraryState>()(() => ({ ...INITIAL_LIBRARY_STATE, ...initial }));
}

export const selectDesigns = (s: LibraryState) => s.designs;
export const selectTrash = (s: LibraryState) => s.trash;
export const selectCurrentId = (s: LibraryState) => s.currentId;
export const selectSave = (s: LibraryState) => s.save;
export const selectBanner = (s: LibraryState) => s.banner;
export const selectConflict = (s: LibraryState) => s.conflict;
export const selectGallery = (s: LibraryState) => s.gallery;
export const selectTemplates = (s: LibraryState) => s.templates;
export const selectVersions = (s: LibraryState) => s.versions;
export const selectComparison = (s: LibraryState) => s.comparison;
export const selectDeleted = (s: LibraryState) => s.deleted;

/** What the save indicator shows, in words. */
export function saveStatusText(s: SaveState): string {
  switch (s.state) {
    case 'saved':
      return 'Saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'draft':
      return 'Saved when you edit';
    case 'error':
      return s.reason;
    case 'conflict':
      return 'Not saved: another tab changed this design';
    case 'memory':
      return 'Not saved: storage unavailable';
  }
}
