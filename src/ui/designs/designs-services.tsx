/**
 * What the designs UI needs from persistence, which it may not import (ARCHITECTURE.md layers). src/app
 * implements DesignLibrary over src/persistence and provides it; the UI sees only these signatures and the
 * library store's state. Without a provider the panel renders a placeholder, so editor tests need no storage.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Problem, Workflow } from '../../domain/index.ts';
import type { LibraryState, LibraryStore } from '../../store/library-store.ts';
import type { ConversionSummary } from '../services.tsx';

export type { TemplateCard } from '../../store/library-store.ts';

/** Id of the "Blank design" card, always first in the gallery. */
export const BLANK_TEMPLATE_ID = 'blank';

export type ImportOutcome =
  /** `conversion`: the file was another tool's workflow (n8n), converted; its report. */
  | { readonly ok: true; readonly name: string; readonly conversion?: ConversionSummary }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface StorageUse {
  readonly usageBytes: number;
  readonly quotaBytes: number;
  readonly persisted: boolean;
}

/**
 * The designs library as the UI sees it. Its actions never reject: a failure reaches the user as an error message
 * (or, for an import, as problems), so click handlers call them with `void` and need no catch of their own.
 */
export interface DesignLibrary {
  readonly store: LibraryStore;
  open(id: string): Promise<void>;
  /** Create a design from a template (or BLANK_TEMPLATE_ID) and open it. */
  createFromTemplate(templateId: string): Promise<void>;
  /** Show the gallery ('new') or close it; opening it loads the template cards the first time. */
  setGallery(open: boolean): void;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<void>;
  /** Soft delete; the toast's Undo calls restoreFromTrash. */
  moveToTrash(id: string): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  dismissDeleted(): void;
  /** Validate a file's text through import and store it as a NEW design; problems come back with their paths. */
  /** Read a file of any known format (a Baton document, an n8n export) and store it as a new design. */
  importAsNew(text: string): Promise<ImportOutcome>;
  /** Store an already read (or converted) document as a new design and open it; `source` names it in the message. */
  importDocumentAsNew(doc: Workflow, source?: string): Promise<ImportOutcome>;
  /** Export JSON of a stored design (or the raw stored text when it no longer imports); undefined if gone. */
  exportJson(id: string): Promise<{ readonly fileName: string; readonly json: string } | undefined>;
  /** Export JSON of what the editor holds now: works in memory mode and when saving fails. */
  exportCurrent(): { readonly fileName: string; readonly json: string };
  saveVersion(name: string): Promise<void>;
  restoreVersion(versionId: string): Promise<void>;
  /** Compare a version with another version, or with the current design (`b` omitted). */
  compare(a: string, b?: string): Promise<void>;
  clearComparison(): void;
  loadTheirs(): Promise<void>;
  keepMineAsCopy(): Promise<void>;
  storageUse(): Promise<StorageUse | undefined>;
}

const DesignLibraryContext = createContext<DesignLibrary | null>(null);

export function DesignLibraryProvider({ library, children }: { library: DesignLibrary; children: ReactNode }) {
  return <DesignLibraryContext.Provider value={library}>{children}</DesignLibraryContext.Provider>;
}

/** The library, or null when the app runs without one (component tests of other panels). */
export function useDesignLibrary(): DesignLibrary | null {
  return useContext(DesignLibraryContext);
}

/** Read library state with a module-level selector. */
export function useLibraryState<T>(library: DesignLibrary, selector: (s: LibraryState) => T): T {
  return useStore(library.store, selector);
}
