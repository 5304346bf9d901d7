/**
 * The event queue pops events in (time, insertion order) order whatever the interleaving of pushes and pops, keeps
 * each event's type and arguments with it, and grows past its capacity without losing or reordering anything.
 */
import { describe, expect, it } from 'vitest';
import { createEventQueue, popEvent, pushEvent, topSlot, type EventQueue } from '../../src/simulator/event-queue.ts';
import { createStreams, nextFloat } from '../../src/simulator/rng.ts';

interface Ev {
  time: number;
  order: number;
  type: number;
  a0: number;
  a1: number;
  a2: number;
}

function pop(q: EventQueue): Ev {
  const s = topSlot(q);
  const ev = { time: q.time[0] ?? NaN, order: q.order[0] ?? NaN, type: q.type[s] ?? NaN, a0: q.arg0[s] ?? NaN, a1: q.arg1[s] ?? NaN, a2: q.arg2[s] ?? NaN };
  popEvent(q);
  return ev;
}

const before = (a: Ev, b: Ev): number => a.time - b.time || a.order - b.order;

describe('event queue', () => {
  it('pops by time, and events at the same time first-in first-out', () => {
    const q = createEventQueue(2);
    const times = [5, 1, 5, 3, 1, 0, 5, 3];
    times.forEach((t, i) => pushEvent(q, t, 1 + (i % 8), i, 10 * i, 100 * i));
    const out: number[] = [];
    while (q.size > 0) out.push(pop(q).a0);
    expect(out).toEqual([5, 1, 4, 3, 7, 0, 2, 6]);
  });

  it('matches a sorted list under random pushes and pops (ties included), across growth', () => {
    const rng = createStreams(7, 0, 1).state;
    const q = createEventQueue(1);
    const model: Ev[] = [];
    let order = 0;
    let now = 0;
    for (let step = 0; step < 20_000; step++) {
      const u = nextFloat(rng, 0);
      if (u < 0.55 || model.length === 0) {
        // Coarse times so that many events share an instant.
        const time = now + Math.floor(nextFloat(rng, 0) * 20);
        const ev = { time, order: order++, type: step % 9, a0: step, a1: -step - 1, a2: step * 3 };
        pushEvent(q, ev.time, ev.type, ev.a0, ev.a1, ev.a2);
        model.push(ev);
      } else {
        model.sort(before);
        const want = model.shift();
        const got = pop(q);
        expect(got).toEqual(want);
        now = got.time;
      }
      expect(q.size).toBe(model.length);
    }
    model.sort(before);
    for (const want of model) expect(pop(q)).toEqual(want);
    expect(q.size).toBe(0);
  });

  it('keeps its slots a permutation, so a drained queue can be refilled', () => {
    const q = createEventQueue(4);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 37; i++) pushEvent(q, (i * 7) % 11, 2, i, round, 0);
      const seen: number[] = [];
      while (q.size > 0) seen.push(pop(q).a0);
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 37 }, (_, i) => i));
      expect([...q.slot].sort((a, b) => a - b)).toEqual(Array.from({ length: q.slot.length }, (_, i) => i));
    }
  });
});
