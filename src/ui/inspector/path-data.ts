/**
 * Reading and writing plain document data by path (["stub", "outcomes", "ok"]). Every inspector field is
 * addressed by its path into the node, edge or workflow, so one commit function serves every field and the
 * undo coalescing key and the validation issue of a field are both just that path.
 */

export type FieldPath = readonly (string | number)[];

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "stub.outcomes.ok": the key of a field in issue maps, coalescing keys and element ids. */
export function pathKey(path: FieldPath): string {
  return path.join('.');
}

/** @example getIn({ a: [{ b: 1 }] }, ['a', 0, 'b']) // 1 */
export function getIn(value: unknown, path: FieldPath): unknown {
  let v = value;
  for (const key of path) {
    if (Array.isArray(v) && typeof key === 'number') v = v[key];
    else if (isRecord(v) && typeof key === 'string') v = v[key];
    else return undefined;
  }
  return v;
}

/**
 * A copy of `value` with `next` at `path`; objects missing on the way are created (setting a timeout on a
 * policy that has no `timeouts` yet). `undefined` removes the key instead of storing it: the document format
 * has no `.default()`, so an absent optional field and an empty one must look the same on export.
 * @example setIn({ a: { b: 1, c: 2 } }, ['a', 'b'], undefined) // { a: { c: 2 } }
 */
export function setIn(value: unknown, path: FieldPath, next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  if (typeof key === 'number') {
    const list: unknown[] = Array.isArray(value) ? [...value] : [];
    list[key] = setIn(list[key], rest, next);
    return list;
  }
  const obj: Record<string, unknown> = isRecord(value) ? { ...value } : {};
  const child = setIn(obj[key], rest, next);
  if (child === undefined) delete obj[key];
  else obj[key] = child;
  return obj;
}

/** Move item `from` to `to` in a list (reordering retriers). Out-of-range moves return the list unchanged. */
export function moveItem<T>(list: readonly T[], from: number, to: number): readonly T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}
