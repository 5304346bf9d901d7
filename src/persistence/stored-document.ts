/**
 * The document as persistence stores it: JSON text in, a Workflow out through import (limits, migrations,
 * validation), never a cast. Also the list summary and ids.
 */
import { checkIntegrity, CURRENT_SCHEMA_VERSION, workflowShapeSchema, type Problem, type Workflow } from '../domain/index.ts';
import { isPlainObject, structuralGuard } from '../domain/schema-walk.ts';
import { readJsonSafely } from '../interop/read-json.ts';
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
  if (result.ok) return { ok: true, doc: result.doc };
  const asEdited = result.unusable ? undefined : keptAsEdited(json);
  return asEdited ? { ok: true, doc: asEdited } : { ok: false, problems: result.problems };
};

const isWorkflowShaped = structuralGuard(workflowShapeSchema);

/**
 * A design saved mid-edit, as the editor had it. The inspector keeps a value out of range in the document (a cost
 * of -1 is shown as invalid where it was typed, and the Problems panel points at it), so autosave stores it;
 * reading it back with import's strict check said "This design no longer opens" and showed the sample instead
 * of the person's work. Such a design opens as stored when only ranges, lengths, sums or cross-field rules fail:
 * the shape is the current schema's (no migration pending), and every edge and reference holds (integrity).
 */
function keptAsEdited(json: string): Workflow | undefined {
  const read = readJsonSafely(json);
  if (!read.ok || !isPlainObject(read.value) || read.value.schemaVersion !== CURRENT_SCHEMA_VERSION) return undefined;
  const value = read.value;
  return isWorkflowShaped(value) && checkIntegrity(value).length === 0 ? value : undefined;
}

/**
 * The JSON text of each array element already encoded (nodes, edges, scenarios), keyed by the element object.
 * Documents are immutable with structural sharing (the editor store and its undo history rely on it): an edit
 * replaces the objects it changes and keeps every other one, so after one edit only the changed elements are
 * stringified again. A WeakMap, so an element no document references any more is collected with its text.
 */
const elementJson = new WeakMap<object, string>();

const BEYOND_LATIN1 = /[\u0100-\uffff]/g;

/**
 * JSON text whose characters are all below U+0100: any other character is written as its `\uXXXX` escape (a
 * surrogate pair as two), which JSON.parse reads back as the same character. Browsers keep such a string at one
 * byte per character, so the one text of a save is half the size to copy to the save worker and to serialize
 * into IndexedDB (the default node texts contain "…", which alone would make every document two-byte).
 */
function latin1Json(value: unknown): string | undefined {
  const json = JSON.stringify(value);
  return json === undefined ? undefined : json.replace(BEYOND_LATIN1, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encodeElement(value: unknown): string {
  if (typeof value !== 'object' || value === null) return latin1Json(value) ?? 'null';
  let json = elementJson.get(value);
  if (json === undefined) {
    json = latin1Json(value) ?? 'null';
    elementJson.set(value, json);
  }
  return json;
}

/**
 * One string per document: the unit of every write. The same JSON value as `JSON.stringify(doc)` (the same text
 * when every character is below U+0100, see `latin1Json`), but the top-level arrays are assembled from
 * per-element texts cached by object identity (see `elementJson`), which makes the autosave of a large design
 * after a small edit cost a fraction of a full stringify.
 * @example encodeDocument(createWorkflow({ id: 'a', name: 'A' })).startsWith('{"format"') // true
 */
export function encodeDocument(doc: Workflow): string {
  // A toJSON anywhere on the top level would change what JSON.stringify writes: leave those to it.
  if (typeof (doc as { toJSON?: unknown }).toJSON === 'function') return latin1Json(doc) ?? 'null';
  const parts: string[] = [];
  for (const key of Object.keys(doc)) {
    const value: unknown = (doc as Record<string, unknown>)[key];
    if (Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
      const items = new Array<string>(value.length);
      for (let i = 0; i < value.length; i++) items[i] = encodeElement(value[i]);
      parts.push(`${JSON.stringify(key)}:[${items.join(',')}]`);
    } else {
      const json = latin1Json(value);
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
