/**
 * Reading untrusted JSON text safely, before anything knows what the file is. Shared by every importer (Baton
 * documents, n8n workflows...), so a foreign file meets the same limits as a Baton one.
 *
 * The order of checks is what makes this safe on hostile input: size (bytes) and nesting (a linear scan that
 * tracks string state) come BEFORE JSON.parse touches the text; prototype-tampering keys are refused before
 * any code builds objects from the tree. A key JSON.parse silently dropped (written twice in one object) is
 * reported by path, so callers can decide whether that is a problem in their format.
 */
import type { JsonPath, Problem } from '../domain/problem.ts';
import { diagnoseJson, scanJson } from './json-scan.ts';
import { FORBIDDEN_KEYS, MAX_FILE_BYTES, MAX_NESTING } from './limits.ts';

export type JsonReadResult =
  | { readonly ok: true; readonly value: unknown; readonly duplicateKeys: readonly JsonPath[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Bytes or text to a parsed JSON value, or to the reason it cannot be one (all such reasons make the input
 * unusable). A leading byte-order mark is accepted: it marks the encoding, it is not content.
 * @example readJsonSafely('{"a":1}') // { ok: true, value: { a: 1 }, duplicateKeys: [] }
 */
export function readJsonSafely(input: string | Uint8Array): JsonReadResult {
  const decoded = decode(input);
  if (typeof decoded !== 'string') return decoded;
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;

  const scan = scanJson(text, MAX_NESTING);
  if (scan.tooDeep) {
    const at = diagnoseJson(text, MAX_NESTING).tooDeepAt ?? [];
    return refused('limit-nesting', at, `objects and lists nest more than ${MAX_NESTING} levels deep here; the nesting limit is ${MAX_NESTING}`);
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { syntax } = diagnoseJson(text, MAX_NESTING);
    const where = syntax ? `line ${syntax.line}, column ${syntax.column}: ${syntax.message}` : 'the text cannot be parsed';
    return refused('invalid-json', [], `not valid JSON: ${where}`);
  }

  const walked = walkKeys(value);
  if (walked.forbidden.length > 0) {
    return {
      ok: false,
      problems: walked.forbidden.map((path) => ({ path, code: 'forbidden-key', message: `the key "${String(path[path.length - 1])}" is refused anywhere in a workflow (keys __proto__, constructor and prototype can tamper with objects)` })),
    };
  }
  // JSON.parse keeps only the last of a repeated key; when the counts differ, find where.
  const duplicateKeys = walked.keyCount !== scan.keyCount ? diagnoseJson(text, MAX_NESTING).duplicateKeys : [];
  return { ok: true, value, duplicateKeys };
}

function refused(code: string, path: JsonPath, message: string): JsonReadResult {
  return { ok: false, problems: [{ path, code, message }] };
}

function decode(input: string | Uint8Array): string | JsonReadResult {
  // Built only for a refusal: the first toLocaleString of a process initialises number formatting (~10 ms of
  // every command's start).
  const limit = (): string => `the 10 MB limit (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes)`;
  if (typeof input === 'string') {
    return utf8Exceeds(input, MAX_FILE_BYTES) ? refused('limit-file-size', [], `the file is larger than ${limit()}`) : input;
  }
  if (input.byteLength > MAX_FILE_BYTES) {
    const mb = (input.byteLength / (1024 * 1024)).toFixed(1);
    return refused('limit-file-size', [], `the file is ${mb} MB (${input.byteLength.toLocaleString('en-US')} bytes), larger than ${limit()}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return refused('invalid-encoding', [], 'the file is not UTF-8 text; save it as UTF-8 JSON');
  }
}

/** Runs of non-ASCII characters; the regex engine skips ASCII far faster than a charCodeAt loop. */
const NON_ASCII = /[\u0080-\uffff]+/g;

/** Is the UTF-8 encoding of `s` longer than `limit` bytes? Every UTF-16 unit takes 1 to 3 bytes, so most answers are free. */
function utf8Exceeds(s: string, limit: number): boolean {
  if (s.length * 3 <= limit) return false;
  if (s.length > limit) return true;
  // ASCII is 1 byte per unit; add the extra bytes of each non-ASCII unit (a surrogate pair is 4 bytes for 2 units).
  let bytes = s.length;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(s); m !== null && bytes <= limit; m = NON_ASCII.exec(s)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c < 0x800) bytes += 1;
      else if (c >= 0xd800 && c <= 0xdbff && (run.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        bytes += 2;
        i++;
      } else bytes += 2;
    }
  }
  return bytes > limit;
}

/** Every key of the parsed tree: how many, and where a refused one sits. Depth is bounded by the nesting limit. */
function walkKeys(root: unknown): { keyCount: number; forbidden: JsonPath[] } {
  let keyCount = 0;
  const forbidden: JsonPath[] = [];
  const path: (string | number)[] = [];
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === 'object' && item !== null) {
          path.push(i);
          visit(item);
          path.pop();
        }
      }
      return;
    }
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      keyCount++;
      if (FORBIDDEN_KEYS.has(key)) forbidden.push([...path, key]);
      const child = record[key];
      if (typeof child === 'object' && child !== null) {
        path.push(key);
        visit(child);
        path.pop();
      }
    }
  };
  visit(root);
  return { keyCount, forbidden };
}
