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
 * The JSON text of each array element already encoded (nodes, edges, scenarios), keyed by the element object.
 * Documents are immutable with structural sharing (the editor store and its undo history rely on it): an edit
 * replaces the objects it changes and keeps every other one, so after one edit only the changed elements are
 * stringified again. A WeakMap, so an element no document references any more is collected with its text.
 */
const elementJson = new WeakMap<object, string>();

function encodeElement(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  let json = elementJson.get(value);
  if (json === undefined) {
    json = JSON.stringify(value) ?? 'null';
    elementJson.set(value, json);
  }
  return json;
}

/**
 * One string per document: the unit of every write. Exactly `JSON.stringify(doc)`, byte for byte, but the
 * top-level arrays are assembled from per-element texts cached by object identity (see `elementJson`), which
 * makes the autosave of a large design after a small edit cost a fraction of a full stringify.
 * @example encodeDocument(createWorkflow({ id: 'a', name: 'A' })).startsWith('{"format"') // true
 */
export function encodeDocument(doc: Workflow): string {
  // A toJSON anywhere on the top level would change what JSON.stringify writes: leave those to it.
  if (typeof (doc as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(doc);
  const parts: string[] = [];
  for (const key of Object.keys(doc)) {
    const value: unknown = (doc as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      const items = new Array<string>(value.length);
      for (let i = 0; i < value.length; i++) items[i] = encodeElement(value[i]);
      parts.push(`${JSON.stringify(key)}:[${items.join(',')}]`);
    } else {
      const json = JSON.stringify(value);
      // undefined, functions and symbols are left out, as JSON.stringify leaves them out.
      if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
    }
  }
  return `{${parts.join(',')}}`;
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
