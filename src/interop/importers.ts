/**
 * One entry point for every workflow file a person may bring: a Baton document, or another tool's workflow
 * that an importer converts (n8n today). The format is detected from the content, never from the file name;
 * the bytes are read once, safely (read-json.ts), whatever the format turns out to be.
 */
import type { ConversionReport } from '../domain/conversion-report.schema.ts';
import type { Problem } from '../domain/problem.ts';
import { isPlainObject } from '../domain/schema-walk.ts';
import type { Workflow } from '../domain/workflow.schema.ts';
import type { ConvertOptions, ForeignImporter } from './foreign.ts';
import { importWorkflowValue } from './import.ts';
import { n8nImporter } from './n8n/index.ts';
import { readJsonSafely } from './read-json.ts';

/** Importers of other tools' formats, tried in order. Add Dify, Flowise, Langflow... here. */
export const FOREIGN_IMPORTERS: readonly ForeignImporter[] = [n8nImporter];

export function findImporter(format: string): ForeignImporter | undefined {
  return FOREIGN_IMPORTERS.find((i) => i.format === format);
}

export type AnyImportResult =
  | { readonly ok: true; readonly converted: false; readonly doc: Workflow; readonly migratedFrom?: number }
  /** Converted from another tool's format (`from`, e.g. "n8n"), with what was approximated. */
  | { readonly ok: true; readonly converted: true; readonly from: string; readonly title: string; readonly doc: Workflow; readonly report: ConversionReport }
  | {
      readonly ok: false;
      /** True when the file cannot be used at all; false for a Baton document with problems inside. */
      readonly unusable: boolean;
      readonly problems: readonly Problem[];
      /** The format the file was recognised as, when it was ("n8n"); the problems then say why it failed. */
      readonly from?: string;
    };

/**
 * Read a workflow file of any known format.
 * @example
 * const r = importAnyWorkflow(await file.text());
 * if (r.ok && r.converted) showReport(r.report);
 */
export function importAnyWorkflow(input: string | Uint8Array, options: ConvertOptions = {}): AnyImportResult {
  const read = readJsonSafely(input);
  if (!read.ok) return { ok: false, unusable: true, problems: read.problems };
  const value = read.value;
  if (!(isPlainObject(value) && value['format'] !== undefined)) {
    const importer = FOREIGN_IMPORTERS.find((i) => i.detect(value));
    if (importer) {
      const converted = importer.convert(value, options);
      return converted.ok ? { ok: true, converted: true, from: importer.format, title: importer.title, doc: converted.doc, report: converted.report } : { ok: false, unusable: true, problems: converted.problems, from: importer.format };
    }
    if (isPlainObject(value)) {
      const known = ['a Baton workflow', ...FOREIGN_IMPORTERS.map((i) => `an ${i.title}`)].join(' or ');
      return { ok: false, unusable: true, problems: [{ path: [], code: 'unknown-format', message: `not a workflow this app can read: expected ${known} (a Baton workflow starts with "format": "baton.workflow"; an n8n export has "nodes" and "connections")` }] };
    }
  }
  const r = importWorkflowValue(value, read.duplicateKeys);
  return r.ok ? { ok: true, converted: false, doc: r.doc, ...(r.migratedFrom !== undefined ? { migratedFrom: r.migratedFrom } : {}) } : r;
}

/**
 * Convert a file that must be of one foreign format (the CLI's `--from n8n`): no detection beyond checking
 * that it is that format, so a wrong file gets a message naming what was expected.
 */
export function importForeignWorkflow(input: string | Uint8Array, importer: ForeignImporter, options: ConvertOptions = {}): AnyImportResult {
  const read = readJsonSafely(input);
  if (!read.ok) return { ok: false, unusable: true, problems: read.problems, from: importer.format };
  if (!importer.detect(read.value)) {
    const what = isPlainObject(read.value) && read.value['format'] === 'baton.workflow' ? 'it is already a Baton workflow' : 'it lacks the parts every export of that tool has';
    return { ok: false, unusable: true, from: importer.format, problems: [{ path: [], code: 'not-this-format', message: `not an ${importer.title}: ${what}` }] };
  }
  const converted = importer.convert(read.value, options);
  return converted.ok ? { ok: true, converted: true, from: importer.format, title: importer.title, doc: converted.doc, report: converted.report } : { ok: false, unusable: true, problems: converted.problems, from: importer.format };
}
