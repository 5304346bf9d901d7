/**
 * Importers of other tools' workflows (n8n today; Dify, Flowise or Langflow can follow) share one interface:
 * detect the format from the parsed content (never from a file name), then convert it to a Baton document plus a
 * report of everything that was approximated. Reading the bytes safely (size, nesting, refused keys) happens
 * before either, in read-json.ts, so every format meets the same limits.
 */
import type { ConversionReport } from '../domain/conversion-report.schema.ts';
import type { Problem } from '../domain/problem.ts';
import type { Workflow } from '../domain/workflow.schema.ts';

export type ConversionResult =
  | { readonly ok: true; readonly doc: Workflow; readonly report: ConversionReport }
  /** The file is not usable as a workflow of this format; the problems say why, one sentence each. */
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface ConvertOptions {
  /** Id of the Baton document; defaults to one derived from the source. */
  readonly id?: string;
  /** Timestamp written to meta (ISO 8601); defaults to the epoch so conversions are reproducible. */
  readonly now?: string;
}

export interface ForeignImporter {
  /** Stable name used by `baton convert --from` ("n8n"). */
  readonly format: string;
  /** What people call a file of this format ("n8n workflow"). */
  readonly title: string;
  /** Does this parsed JSON look like a file of this format? Cheap, and decided from the content alone. */
  detect(value: unknown): boolean;
  /** Convert a parsed file (already read safely) to a valid Baton document and its report. Pure. */
  convert(value: unknown, options?: ConvertOptions): ConversionResult;
}
