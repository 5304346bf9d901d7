/**
 * What the UI needs from layers it may not import (interop, persistence, the simulator client). The composition
 * root (src/app) implements this interface and provides it; the UI only sees these signatures.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Problem, Workflow } from '../domain/index.ts';

export type ParseResult = { ok: true; doc: Workflow } | { ok: false; problems: readonly Problem[] };

export interface EditorServices {
  /** Workflow JSON with a stable key order (the export format). */
  exportJson(doc: Workflow): string;
  /** Validate a file's text as a workflow document (limits, schema, migrations). */
  parseJson(text: string): ParseResult;
}

const ServicesContext = createContext<EditorServices | null>(null);

export function EditorServicesProvider({ services, children }: { services: EditorServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useEditorServices(): EditorServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useEditorServices must be used inside <EditorServicesProvider>');
  return s;
}
