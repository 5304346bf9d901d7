/**
 * Two scanners over raw JSON text, used by import around JSON.parse:
 *
 * - `scanJson` is the fast path every import pays: one linear pass that tracks string state, measures nesting
 *   depth (so JSON.parse and zod never recurse through a hostile 100,000-deep file) and counts object keys
 *   (so import can tell that JSON.parse silently dropped a duplicate key: the parsed tree then holds fewer keys).
 * - `diagnoseJson` is the slow path, run only when something is wrong: a strict recursive-descent reader that
 *   says where the text stops being JSON (line and column, the same in every browser, unlike engine messages),
 *   which path nests too deep, and which keys are duplicated.
 */
import type { JsonPath } from '../domain/problem.ts';
import { MAX_NESTING } from './limits.ts';

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** 1 for the characters the fast scan must look at; everything else (mostly whitespace and digits) is skipped. */
const STRUCTURAL = new Uint8Array(128);
for (const c of [QUOTE, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA]) STRUCTURAL[c] = 1;

export interface ScanSummary {
  /** Some object or array nests deeper than `maxNesting`; the scan stopped there. */
  readonly tooDeep: boolean;
  /** Keys seen in objects (meaningful only for valid JSON). */
  readonly keyCount: number;
}

/**
 * One pass over the text: nesting depth and key count. Strings are skipped with indexOf, which is what keeps
 * this pass cheap next to JSON.parse.
 * @example scanJson('{"a":[1,{"b":2}]}') // { tooDeep: false, keyCount: 2 }
 */
export function scanJson(text: string, maxNesting: number = MAX_NESTING): ScanSummary {
  // isObject[d] tells whether the container at depth d is an object, so a comma knows a key comes next.
  const isObject: boolean[] = [false];
  const n = text.length;
  let depth = 0;
  let keyCount = 0;
  let expectKey = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // One table lookup skips the common case; this loop is as costly as JSON.parse itself, so it matters.
    if (c > 127 || STRUCTURAL[c] === 0) {
      i++;
      continue;
    }
    if (c === QUOTE) {
      if (expectKey) keyCount++;
      expectKey = false;
      i = endOfString(text, i + 1);
      if (i < 0) break;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > maxNesting) return { tooDeep: true, keyCount };
      isObject[depth] = c === OPEN_BRACE;
      expectKey = c === OPEN_BRACE;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      expectKey = false;
    } else {
      // A comma: in an object, a key comes next.
      expectKey = depth > 0 && isObject[depth] === true;
    }
    i++;
  }
  return { tooDeep: false, keyCount };
}

/** Index just past the closing quote of a string whose content starts at `from`, or -1 if it never closes. */
function endOfString(text: string, from: number): number {
  let q = text.indexOf('"', from);
  while (q >= 0) {
    // A quote is escaped when an odd number of backslashes precede it.
    let b = q - 1;
    while (b >= from && text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    q = text.indexOf('"', q + 1);
  }
  return -1;
}

export interface JsonDiagnosis {
  /** Where the text stops being JSON, if it does. */
  readonly syntax?: { readonly offset: number; readonly line: number; readonly column: number; readonly message: string };
  /** The first container nested deeper than the limit (path of that container). */
  readonly tooDeepAt?: JsonPath;
  /** Keys that appear twice in the same object (path of the repeated key). */
  readonly duplicateKeys: readonly JsonPath[];
}

class Stop extends Error {}

/**
 * The strict reader behind the slow path. Recursion depth is bounded by `maxNesting`: it stops at the first
 * container past the limit, so it is safe on any input.
 * @example diagnoseJson('{"a": 1,}').syntax // { offset: 8, line: 1, column: 9, message: 'expected a property name in double quotes after ","' }
 */
export function diagnoseJson(text: string, maxNesting: number = MAX_NESTING): JsonDiagnosis {
  const path: (string | number)[] = [];
  const duplicateKeys: JsonPath[] = [];
  let pos = 0;
  let syntax: JsonDiagnosis['syntax'];
  let tooDeepAt: JsonPath | undefined;

  const fail = (message: string): never => {
    const { line, column } = lineColumn(text, pos);
    syntax = { offset: pos, line, column, message };
    throw new Stop();
  };
  const found = (): string => (pos >= text.length ? 'the end of the file' : describeChar(text.charAt(pos)));
  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else return;
    }
  };
  const readString = (): string => {
    const start = pos;
    pos++;
    for (;;) {
      if (pos >= text.length) fail('a string is not closed: the file ends inside it');
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c < 0x20) fail('a control character (such as a raw line break) is not allowed inside a string; write it as an escape like \\n');
      if (c === BACKSLASH) {
        const e = text.charAt(pos + 1);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('"\\u" must be followed by four hexadecimal digits');
          pos += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') fail(`"\\${e}" is not a valid escape in a string`);
        pos += 2;
        continue;
      }
      pos++;
    }
    pos++;
    // The token is valid JSON by now; let the engine decode its escapes.
    return String(JSON.parse(text.slice(start, pos)));
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const readValue = (depth: number): void => {
    skipSpace();
    const c = text.charAt(pos);
    if (c === '{' || c === '[') {
      if (depth + 1 > maxNesting) {
        tooDeepAt = [...path];
        throw new Stop();
      }
      if (c === '{') readObject(depth + 1);
      else readArray(depth + 1);
    } else if (c === '"') readString();
    else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = pos;
      if (!NUMBER.test(text)) fail('this is not a valid number');
      pos = NUMBER.lastIndex;
    } else {
      for (const word of ['true', 'false', 'null']) {
        if (text.startsWith(word, pos)) {
          pos += word.length;
          return;
        }
      }
      fail(`expected a value (an object, list, string, number, true, false or null) but found ${found()}`);
    }
  };
  const readObject = (depth: number): void => {
    pos++;
    skipSpace();
    if (text.charAt(pos) === '}') {
      pos++;
      return;
    }
    const keys = new Set<string>();
    for (;;) {
      skipSpace();
      if (text.charAt(pos) !== '"') fail(`expected a property name in double quotes but found ${found()}`);
      const key = readString();
      if (keys.has(key)) duplicateKeys.push([...path, key]);
      keys.add(key);
      skipSpace();
      if (text.charAt(pos) !== ':') fail(`expected ":" after the property name "${key}" but found ${found()}`);
      pos++;
      path.push(key);
      readValue(depth);
      path.pop();
      skipSpace();
      const c = text.charAt(pos);
      pos++;
      if (c === '}') return;
      if (c !== ',') {
        pos--;
        fail(`expected "," or "}" after a property value but found ${found()}`);
      }
      skipSpace();
      if (text.charAt(pos) === '}') fail('a trailing comma before "}" is not allowed in JSON');
    }
  };
  const readArray = (depth: number): void => {
    pos++;
    skipSpace();
    if (text.charAt(pos) === ']') {
      pos++;
      return;
    }
    for (let index = 0; ; index++) {
      path.push(index);
      readValue(depth);
      path.pop();
      skipSpace();
      const c = text.charAt(pos);
      pos++;
      if (c === ']') return;
      if (c !== ',') {
        pos--;
        fail(`expected "," or "]" after a list item but found ${found()}`);
      }
      skipSpace();
      if (text.charAt(pos) === ']') fail('a trailing comma before "]" is not allowed in JSON');
    }
  };

  try {
    skipSpace();
    if (pos >= text.length) fail('the file is empty; expected a JSON object');
    readValue(0);
    skipSpace();
    if (pos < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return { ...(syntax ? { syntax } : {}), ...(tooDeepAt ? { tooDeepAt } : {}), duplicateKeys };
}

function describeChar(c: string): string {
  if (c === '\n') return 'a line break';
  if (c.trim() === '') return 'a blank character';
  return `"${c}"`;
}

/**
 * 1-based line and column of a UTF-16 offset, counting "\n" as the line break ("\r\n" works too).
 * @example lineColumn('{\n  "a": x', 9) // { line: 2, column: 8 }
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
