/**
 * Records the engine reads on its hot path (the compiled graph and faults, a replication's config and arrivals,
 * the engine state, event queue and per-node statistics, gate and breaker state) are made by `fixedShape` rather
 * than returned as object literals.
 *
 * Why: V8 builds an object literal's first evaluation property by property, and at the literal's second
 * evaluation makes a "boilerplate" for it whose fields it widens to any type. Optimised engine code that relied
 * on a field's type (say, that `s.queue` always holds an object of one shape, so it needs no check) is thrown
 * away at that moment. Literals evaluated once per replication or per compiled design therefore deoptimised the
 * whole engine at the start of the second replication, which then cost nearly as much as the first (bench/peers,
 * model A: 70 ms, 61 ms, then 10-19 ms of CPU per replication; docs/simulator.md). Properties defined on an
 * instance of a class keep their field types, so the next record has the first one's shape and the optimised
 * code stays valid. `Object.defineProperties` (unlike `Object.assign`) keeps a record of 60 fields in fast mode.
 */
class Fixed {}

/**
 * The same fields as `fields`, on an object whose shape every later call with the same keys shares.
 * @example const q = fixedShape({ size: 0, time: new Float64Array(64) })
 */
export function fixedShape<T extends object>(fields: T): T {
  const descriptors: PropertyDescriptorMap = {};
  for (const [key, value] of Object.entries(fields)) descriptors[key] = { value, writable: true, enumerable: true, configurable: true };
  return Object.defineProperties(new Fixed(), descriptors) as T;
}
