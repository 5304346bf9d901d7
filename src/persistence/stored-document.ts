/**
 * The document as persistence stores it: JSON text in, a Workflow out through import (limits, migrations,
 * validation), never a cast. Also the list summary and ids.
 */
import type { Problem, Workflow } from '../domain/index.ts';
import { importWorkflow } from '../interop/import.ts';
import type { DesignSummary } from './db.ts';

/** Import's result shape (src/interop/import.ts): a document, or problems with JSON paths. */
export type DecodeResult = { readonly ok: true; readonly doc: Workflow } | { readonly ok: false; readonly problems: readonly Problem[] };
export type DecodeDocument = (json: string) => DecodeResult;

/**
 * Read stored JSON as import reads a file: an older schemaVersion is migrated, a corrupted one is reported.
 * @example decodeStoredDocument('{}').ok // false
 */
export const decodeStoredDocument: DecodeDocument = (json) => {
  const result = importWorkflow(json);
  return result.ok ? { ok: true, doc: result.doc } : { ok: false, problems: result.problems };
};

/**
 * One string per document: the unit of every write.
 * @example encodeDocument(createWorkflow({ id: 'a', name: 'A' })).startsWith('{"format"') // true
 */
export function encodeDocument(doc: Workflow): string {
  return JSON.stringify(doc);
}

/**
 * What the designs list shows without opening the document.
 * @example summarize(createWorkflow({ id: 'a', name: 'A' })) // { nodeCount: 0, noteCount: 0, edgeCount: 0, scenarioCount: 0 }
 */
export function summarize(doc: Workflow): DesignSummary {
  let noteCount = 0;
  for (const n of doc.nodes) if (n.kind === 'note') noteCount++;
  return {
    nodeCount: doc.nodes.length - noteCount,
    noteCount,
    edgeCount: doc.edges.length,
    scenarioCount: doc.scenarios?.length ?? 0,
  };
}

/**
 * A random id that works outside secure contexts too (crypto.randomUUID needs https; getRandomValues does not).
 * @example randomId('d').startsWith('d_') // true
 */
export function randomId(prefix: string): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += (b % 36).toString(36);
  return `${prefix}_${out}`;
}
