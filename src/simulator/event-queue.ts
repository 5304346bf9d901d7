/**
 * The engine's event queue: a binary min-heap of (time, type, three integer arguments), ordered by time and, for
 * equal times, by insertion order (`order`), so two events at the same instant are processed first-in first-out
 * and a run is deterministic.
 *
 * The heap is six parallel typed arrays rather than an array of objects: no allocation per event, and the whole
 * queue is plain data that `checkpointState` copies like the rest of the engine state.
 */

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
  time: Float64Array;
  order: Float64Array;
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
  return {
    size: 0,
    nextOrder: 0,
    time: new Float64Array(capacity),
    order: new Float64Array(capacity),
    type: new Int32Array(capacity),
    arg0: new Int32Array(capacity),
    arg1: new Int32Array(capacity),
    arg2: new Int32Array(capacity),
  };
}

/**
 * Schedule an event at `time`.
 * @example pushEvent(q, now + latency, EVENT.callDone, tokenId, node, 0)
 */
export function pushEvent(q: EventQueue, time: number, type: number, a0: number, a1: number, a2: number): void {
  if (q.size === q.time.length) grow(q);
  let i = q.size++;
  const order = q.nextOrder++;
  const { time: times, order: orders, type: types, arg0, arg1, arg2 } = q;
  // Sift up: move parents down until the new event's place is found, then write it once.
  while (i > 0) {
    const p = (i - 1) >> 1;
    const pt = times[p] ?? 0;
    if (pt < time || (pt === time && (orders[p] ?? 0) < order)) break;
    times[i] = pt;
    orders[i] = orders[p] ?? 0;
    types[i] = types[p] ?? 0;
    arg0[i] = arg0[p] ?? 0;
    arg1[i] = arg1[p] ?? 0;
    arg2[i] = arg2[p] ?? 0;
    i = p;
  }
  times[i] = time;
  orders[i] = order;
  types[i] = type;
  arg0[i] = a0;
  arg1[i] = a1;
  arg2[i] = a2;
}

/**
 * Remove the earliest event (read its fields at index 0 first).
 * @example const t = q.time[0]; popEvent(q)
 */
export function popEvent(q: EventQueue): void {
  const n = --q.size;
  if (n === 0) return;
  const { time: times, order: orders, type: types, arg0, arg1, arg2 } = q;
  // The last event fills the hole at the root and sinks to its place.
  const t = times[n] ?? 0;
  const o = orders[n] ?? 0;
  const type = types[n] ?? 0;
  const a0 = arg0[n] ?? 0;
  const a1 = arg1[n] ?? 0;
  const a2 = arg2[n] ?? 0;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    let m = l;
    if (r < n) {
      const lt = times[l] ?? 0;
      const rt = times[r] ?? 0;
      if (rt < lt || (rt === lt && (orders[r] ?? 0) < (orders[l] ?? 0))) m = r;
    }
    const mt = times[m] ?? 0;
    if (t < mt || (t === mt && o < (orders[m] ?? 0))) break;
    times[i] = mt;
    orders[i] = orders[m] ?? 0;
    types[i] = types[m] ?? 0;
    arg0[i] = arg0[m] ?? 0;
    arg1[i] = arg1[m] ?? 0;
    arg2[i] = arg2[m] ?? 0;
    i = m;
  }
  times[i] = t;
  orders[i] = o;
  types[i] = type;
  arg0[i] = a0;
  arg1[i] = a1;
  arg2[i] = a2;
}

function grow(q: EventQueue): void {
  const cap = q.time.length * 2;
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
  q.type = i32(q.type);
  q.arg0 = i32(q.arg0);
  q.arg1 = i32(q.arg1);
  q.arg2 = i32(q.arg2);
}
