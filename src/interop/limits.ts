/**
 * Limits that belong to reading a file rather than to the document model (workflow-format.md, "Limits").
 * Node, edge and id limits live with the schema in src/domain; these two are checked on the raw text,
 * before JSON.parse or zod ever see it, so a hostile file cannot make either do unbounded work.
 */

/** Largest file import reads: 10 MB, counted in bytes of UTF-8. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Deepest nesting of objects and arrays. A real document nests about 8 deep (nodes -> policy -> retry ->
 * errorEquals); 64 leaves room for growth while keeping recursive code (zod, the exporter) far from the stack limit.
 */
export const MAX_NESTING = 64;

/** Most problems one import reports; the rest are summarised in a final "and N more" problem. */
export const MAX_REPORTED_PROBLEMS = 200;

/** Keys refused anywhere in a document: they reach Object.prototype through naive object code. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
