/**
 * The analyzer keeps closed forms with what they depend on (node objects, which an edit replaces rather than
 * changes; content keys; distribution shapes). One get-or-make for all of those caches.
 */

/** A Map or WeakMap. */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value kept under `key`, made (and kept) on the first ask.
 * @example valueFor(new Map<string, number>(), 'a', () => 1) // 1
 */
export function valueFor<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  let v = store.get(key);
  if (v === undefined) {
    v = make();
    store.set(key, v);
  }
  return v;
}
