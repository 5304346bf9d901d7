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

/**
 * Store `fields` into `record` once more, after it was made with placeholders of the same kinds for them: for the
 * buffers the engine swaps for bigger ones as a run grows (visit rows, token and group rings, a gate's queue, the
 * event heap). V8 takes a field that has only ever held one value for a constant, and optimised code that relied on
 * it is thrown away when the field first changes, which for a growing buffer is mid-run: on bench/peers model C,
 * `--trace-generalization` showed `visits` going "const -> mutable" at its first growth in a cold run, and the
 * optimised `enter` (or `arriveGate`, `serve`, `onHumanDone`: whichever had been compiled) deoptimised and compiled
 * again. A field stored twice before the engine runs is known to change from the start.
 * @example const q = replaceable(fixedShape({ size: 0, time: new Float64Array(0) }), { time: new Float64Array(64) })
 */
export function replaceable<T extends object>(record: T, fields: Partial<T>): T {
  return Object.assign(record, fields);
}
