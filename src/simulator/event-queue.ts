/**
 * The engine's event queue: a 4-ary min-heap of timed events ordered by time and, for equal times, by insertion
 * order (`order`), so two events at the same instant are processed first-in first-out and a run is deterministic.
 * Because (time, order) is a total order, any correct priority queue pops the same sequence: the heap's shape is
 * invisible to the simulation.
 *
 * Layout (plain typed arrays: no allocation per event, and the whole queue is plain data that `checkpointState`
 * copies like the rest of the engine state):
 * - the heap proper, `time`, `order` and `slot` at positions 0 .. size - 1 (the earliest event at 0);
 * - each event's type and three integer arguments in `type` / `arg0..2`, at the event's *slot*, which does not
 *   move while the event sifts through the heap. Sifting moves three values per level instead of six.
 * `slot` is always a permutation of 0 .. capacity - 1: its positions size .. capacity - 1 hold the free slots, so
 * a push takes the slot at position `size` and a pop puts the root's slot back where the heap just shrank.
 *
 * Four children per node rather than two: half the levels for the same size (the models' queues hold 10 to 1,000
 * events), and a node's children sit side by side in memory. Measured on bench/peers model C against the binary
 * heap with six parallel arrays: see docs/simulator.md.
 */
import { fixedShape, replaceable } from './fixed-shape.ts';

/** Event types. The meaning of the three arguments depends on the type (see each line). */
export const EVENT = {
  /** The next case arrives (no arguments). */
  arrival: 1,
  /** A try of an ai/tool step ends: token, node. */
  callDone: 2,
  /** A retry's backoff is over: token, stamp. */
  retry: 3,
  /** A check has judged its item: token, stamp. */
  checkDone: 4,
  /** A reviewer has finished an item: token, stamp, node. */
  humanDone: 5,
  /** An item waiting at a human gate reaches its SLA: token, stamp, node. */
  sla: 6,
  /** A business-hours gate opens: node. */
  gateOpen: 7,
  /** A join's timeout fires for a group of branches: group, node. */
  joinTimeout: 8,
} as const;

export interface EventQueue {
  size: number;
  /** Insertion counter: the tie-break between events at the same time. */
  nextOrder: number;
  /** Heap positions: time, insertion order and payload slot of each queued event. */
  time: Float64Array;
  order: Float64Array;
  slot: Int32Array;
  /** By slot: the event's type and arguments. */
  type: Int32Array;
  arg0: Int32Array;
  arg1: Int32Array;
  arg2: Int32Array;
}

/**
 * An empty queue with room for `capacity` events (it grows by doubling).
 * @example const q = createEventQueue(64); pushEvent(q, 5, EVENT.arrival, 0, 0, 0); q.size // 1
 */
export function createEventQueue(capacity = 64): EventQueue {
  const cap = Math.max(1, capacity);
  const none = (): Int32Array => new Int32Array(0);
  const q = fixedShape({ size: 0, nextOrder: 0, time: new Float64Array(0), order: new Float64Array(0), slot: none(), type: none(), arg0: none(), arg1: none(), arg2: none() });
  // The arrays grow by replacement (`grow`): see `replaceable`.
  return replaceable(q, {
    time: new Float64Array(cap),
    order: new Float64Array(cap),
    slot: Int32Array.from({ length: cap }, (_, i) => i),
    type: new Int32Array(cap),
    arg0: new Int32Array(cap),
    arg1: new Int32Array(cap),
    arg2: new Int32Array(cap),
  });
}

/**
 * Schedule an event at `time`.
 * @example pushEvent(q, now + latency, EVENT.callDone, tokenId, node, 0)
 */
export function pushEvent(q: EventQueue, time: number, type: number, a0: number, a1: number, a2: number): void {
  if (q.size === q.time.length) grow(q);
  let i = q.size++;
  const order = q.nextOrder++;
  const { time: times, order: orders, slot: slots } = q;
  const sl = slots[i] ?? 0;
  q.type[sl] = type;
  q.arg0[sl] = a0;
  q.arg1[sl] = a1;
  q.arg2[sl] = a2;
  // Sift up: move parents down until the new event's place is found, then write it once.
  while (i > 0) {
    const p = (i - 1) >> 2;
    const pt = times[p] ?? 0;
    if (pt < time || (pt === time && (orders[p] ?? 0) < order)) break;
    times[i] = pt;
    orders[i] = orders[p] ?? 0;
    slots[i] = slots[p] ?? 0;
    i = p;
  }
  times[i] = time;
  orders[i] = order;
  slots[i] = sl;
}

/**
 * The slot of the earliest event: its type and arguments are `q.type[s]`, `q.arg0[s]`... (read them before
 * `popEvent`; the slot is reused by a later push). Only meaningful when `q.size > 0`.
 * @example const s = topSlot(q); const type = q.type[s]; popEvent(q)
 */
export function topSlot(q: EventQueue): number {
  return q.slot[0] ?? 0;
}

/**
 * Remove the earliest event (read its fields first: `q.time[0]` and, at `topSlot(q)`, its type and arguments).
 * @example const t = q.time[0]; popEvent(q)
 */
export function popEvent(q: EventQueue): void {
  const n = --q.size;
  if (n <= 0) {
    q.size = Math.max(0, n);
    return;
  }
  const { time: times, order: orders, slot: slots } = q;
  const freed = slots[0] ?? 0;
  // The last event fills the hole at the root and sinks to its place; the root's slot joins the free ones.
  const t = times[n] ?? 0;
  const o = orders[n] ?? 0;
  const sl = slots[n] ?? 0;
  slots[n] = freed;
  let i = 0;
  for (;;) {
    const first = 4 * i + 1;
    if (first >= n) break;
    const end = first + 4 < n ? first + 4 : n;
    let m = first;
    let mt = times[first] ?? 0;
    let mo = orders[first] ?? 0;
    for (let k = first + 1; k < end; k++) {
      const kt = times[k] ?? 0;
      if (kt < mt || (kt === mt && (orders[k] ?? 0) < mo)) {
        m = k;
        mt = kt;
        mo = orders[k] ?? 0;
      }
    }
    if (t < mt || (t === mt && o < mo)) break;
    times[i] = mt;
    orders[i] = mo;
    slots[i] = slots[m] ?? 0;
    i = m;
  }
  times[i] = t;
  orders[i] = o;
  slots[i] = sl;
}

function grow(q: EventQueue): void {
  const old = q.time.length;
  const cap = old * 2;
  const f64 = (a: Float64Array): Float64Array => {
    const b = new Float64Array(cap);
    b.set(a);
    return b;
  };
  const i32 = (a: Int32Array): Int32Array => {
    const b = new Int32Array(cap);
    b.set(a);
    return b;
  };
  q.time = f64(q.time);
  q.order = f64(q.order);
  q.slot = i32(q.slot);
  // The new slots are free: they go to the free positions (the heap is full, so those are all the new ones).
  for (let i = old; i < cap; i++) q.slot[i] = i;
  q.type = i32(q.type);
  q.arg0 = i32(q.arg0);
  q.arg1 = i32(q.arg1);
  q.arg2 = i32(q.arg2);
}
