/**
 * Exports to other tools' formats (BPMN 2.0, Amazon States Language, Mermaid, n8n): one interface for all of
 * them. An exporter is a pure function of the document: the same document gives the same bytes, nothing is read
 * from the clock or the environment, and every label and string it writes is escaped for the target's syntax.
 *
 * What the target cannot express comes back as notes (shown after export, printed on stderr by `baton convert`):
 * a design exported with notes is usable but not identical. A construct with no sensible translation (an
 * inclusive router in Step Functions) refuses the whole export with one sentence that names the node.
 *
 * The registry below loads each exporter on first use (dynamic import), so neither the app's first page nor
 * `baton validate` pays for them.
 */
import type { Workflow } from '../domain/index.ts';

export const EXPORT_FORMAT_IDS = ['n8n', 'bpmn', 'asl', 'mermaid'] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

/** One thing the target could not carry over, or carries only approximately. */
export interface ExportNote {
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
}

export type ExportResult =
  | { readonly ok: true; readonly text: string; readonly notes: readonly ExportNote[] }
  /** Refused: `reason` is one sentence naming the node (and the node's id in `nodeId`). */
  | { readonly ok: false; readonly reason: string; readonly nodeId?: string };

export type ExportFn = (doc: Workflow) => ExportResult;

export interface ExportFormat {
  readonly id: ExportFormatId;
  /** Menu text, e.g. "BPMN 2.0 XML". */
  readonly label: string;
  /** What the file is for, one line for the menu. */
  readonly hint: string;
  /** File name ending, with its dot: `.bpmn`, `.asl.json`. */
  readonly extension: string;
  readonly mimeType: string;
  readonly load: () => Promise<ExportFn>;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'n8n',
    label: 'n8n workflow',
    hint: 'Import into n8n (Workflows > Import from file).',
    extension: '.n8n.json',
    mimeType: 'application/json',
    load: async () => (await import('./n8n/export.ts')).exportN8n,
  },
  {
    id: 'bpmn',
    label: 'BPMN 2.0 XML',
    hint: 'Camunda, Zeebe, Flowable and any BPMN modeler (laid out as on the canvas).',
    extension: '.bpmn',
    mimeType: 'application/xml',
    load: async () => (await import('./bpmn/export.ts')).exportBpmn,
  },
  {
    id: 'asl',
    label: 'AWS Step Functions (ASL)',
    hint: 'Amazon States Language state machine definition.',
    extension: '.asl.json',
    mimeType: 'application/json',
    load: async () => (await import('./asl/export.ts')).exportAsl,
  },
  {
    id: 'mermaid',
    label: 'Mermaid flowchart',
    hint: 'For Markdown docs and pull requests.',
    extension: '.mmd',
    mimeType: 'text/plain',
    load: async () => (await import('./mermaid/export.ts')).exportMermaid,
  },
];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

