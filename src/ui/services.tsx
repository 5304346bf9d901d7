/**
 * What the UI needs from layers it may not import (interop, persistence, the simulator client). The composition
 * root (src/app) implements this interface and provides it; the UI only sees these signatures.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ConversionReport, Position, Problem, Workflow } from '../domain/index.ts';

/** Another tool's workflow converted on import: what it was, and what had to be approximated. */
export interface ConversionSummary {
  /** What the file was ("n8n workflow"). */
  readonly title: string;
  readonly report: ConversionReport;
  /**
   * Labels of the AI steps and tools that state no failure rates (the other tool's format has no such field):
   * they run with their kind's typical rates, and reliability warnings wait until some step states its own.
   */
  readonly defaultRateSteps?: readonly string[];
}

/** A workflow file of any format Baton reads; `conversion` is set when it came from another tool. */
export type FileReadResult =
  | { readonly ok: true; readonly doc: Workflow; readonly conversion?: ConversionSummary }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly title?: string };

/** Nodes and edges to paste, already validated; or one sentence saying why the text cannot be pasted. */
export type FragmentResult = { ok: true; fragment: Pick<Workflow, 'nodes' | 'edges'> } | { ok: false; message: string };

/** A format of another tool the Export menu offers (BPMN, Step Functions, Mermaid, n8n). */
export interface ExportFormatInfo {
  readonly id: string;
  /** Menu text, e.g. "BPMN 2.0 XML". */
  readonly label: string;
  /** One line on where the file goes. */
  readonly hint: string;
  /** File name ending with its dot, e.g. ".bpmn". */
  readonly extension: string;
  readonly mimeType: string;
}

/** The file text and what the target could not carry over; or why the design cannot be exported at all. */
export type ExportOutcome = { readonly ok: true; readonly text: string; readonly notes: readonly string[] } | { readonly ok: false; readonly reason: string };

export interface EditorServices {
  /** Workflow JSON with a stable key order (the export format). */
  exportJson(doc: Workflow): string;
  /**
   * Read a file of any workflow format Baton knows, detected from its content: a Baton document, or another
   * tool's export (n8n) converted on the fly. Asynchronous so the importer and converters load only when a file
   * needs them. Never rejects (an importer that cannot load is a problem in the result).
   */
  readWorkflowFile(text: string): Promise<FileReadResult>;
  /**
   * Validate clipboard text as a copied fragment (workflow JSON) before any of it enters the document: the
   * clipboard is foreign input, whoever wrote it. Never rejects, like readWorkflowFile.
   */
  parseFragment(text: string): Promise<FragmentResult>;
  /**
   * Layered left-to-right positions for every node, computed off the main thread. Nodes missing from the
   * map keep their place (notes are not laid out).
   */
  autoLayout(doc: Workflow): Promise<Map<string, Position>>;
  /** Other tools' formats for the Export menu; without them the menu offers JSON and images only. */
  readonly exportFormats?: readonly ExportFormatInfo[];
  /** The design in one of `exportFormats` (its exporter loads on first use). */
  exportAs?(doc: Workflow, formatId: string): Promise<ExportOutcome>;
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
