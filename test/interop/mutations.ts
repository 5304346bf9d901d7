/**
 * Random damage to valid documents, for the robustness properties: wrong types, deleted fields, unknown and
 * prototype keys, dangling ids, deep nesting, numbers that overflow to Infinity, truncation and random edits.
 */
import * as fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path in a JSON tree, root included. */
function allPaths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...prefix, k], out);
  return out;
}

function getAt(root: Json, path: Path): Json | undefined {
  let v: Json | undefined = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, Json>)[k] : undefined;
  return v;
}

/** Set or delete (value undefined) at a path; own properties only, so "__proto__" becomes a real key. */
function setAt(root: Json, path: Path, value: Json | undefined): Json | undefined {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent === null || typeof parent !== 'object' || key === undefined) return root;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (value === undefined) delete (parent as Record<string, Json>)[String(key)];
  else Object.defineProperty(parent, String(key), { value, enumerable: true, writable: true, configurable: true });
  return root;
}

const weirdValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, 5e-324),
  fc.integer(),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.constantFrom('ai', 'out', 'error', 'uniform', 'ALL'),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

export type Mutation =
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'addKey'; at: number; key: string; value: Json }
  | { kind: 'dangling'; at: number; id: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'overflow'; at: number }
  | { kind: 'splice'; at: number; text: string };

export const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: weirdValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'), fc.string({ maxLength: 10 })), value: weirdValue }),
  fc.record({ kind: fc.constant('dangling' as const), at: fc.nat(), id: fc.string({ maxLength: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('overflow' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), text: fc.string({ maxLength: 5 }) }),
);

/** Apply one mutation to an exported document, at the level it makes sense: the tree or the text. */
export function mutate(text: string, m: Mutation): string {
  const tree = JSON.parse(text) as Json;
  const paths = allPaths(tree);
  const pick = (n: number): Path => paths[n % paths.length] ?? [];
  switch (m.kind) {
    case 'set':
      return JSON.stringify(setAt(tree, pick(m.at), m.value)) ?? '';
    case 'delete':
      return JSON.stringify(setAt(tree, pick(m.at), undefined)) ?? '';
    case 'addKey': {
      const objects = paths.filter((p) => { const v = getAt(tree, p); return v !== null && typeof v === 'object' && !Array.isArray(v); });
      const at = objects[m.at % objects.length] ?? [];
      return JSON.stringify(setAt(tree, [...at, m.key], m.value)) ?? '';
    }
    case 'dangling': {
      const refs = paths.filter((p) => ['source', 'target', 'node'].includes(String(p[p.length - 1])));
      if (refs.length === 0) return text;
      return JSON.stringify(setAt(tree, refs[m.at % refs.length] ?? [], m.id)) ?? '';
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'nest': {
      const pos = text.indexOf(':', m.at % text.length);
      if (pos < 0) return `${'['.repeat(m.depth)}${text}${']'.repeat(m.depth)}`;
      const end = text.indexOf(',', pos);
      const cut = end < 0 ? text.length : end;
      return `${text.slice(0, pos + 1)}${'['.repeat(m.depth)}1${']'.repeat(m.depth)}${text.slice(cut)}`;
    }
    case 'overflow': {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
      const hit = numbers[m.at % Math.max(1, numbers.length)];
      return hit?.index === undefined ? text : `${text.slice(0, hit.index)}1e999${text.slice(hit.index + hit[0].length)}`;
    }
    case 'splice': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at + m.text.length);
    }
  }
}

