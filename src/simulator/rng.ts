/**
 * Seeded, splittable randomness for the simulator.
 *
 * Every random draw comes from a *stream* keyed by (seed, replication, node index, purpose). A stream is an sfc32
 * generator (Chris Doty-Humphrey's Small Fast Counting generator: 128-bit state, passes PractRand to 2^60 bytes,
 * 32-bit integer arithmetic only, so it is exact and identical in every JavaScript engine) whose state is derived
 * from the key by a murmur3-style hash. Consequences:
 *
 * - the same key gives the same numbers in Node, a Web Worker and the page;
 * - replications are independent and do not depend on how they are split across workers;
 * - a change to one node (its stub, its policy) does not reshuffle the numbers other nodes draw (common random
 *   numbers: scenario A vs B differ by the design change, not by luck).
 *
 * All streams of one replication live in one Uint32Array (4 words per stream), so the whole generator state is a
 * plain typed array that checkpoints and transfers trivially. Because a stream's state depends on its key alone, a
 * stream can be seeded when it is first drawn from (`seedStream`) rather than with all the others up front: the
 * engine does that (engine-core.ts, `stream`), as a design uses two or three of a node's ten purposes.
 */

/** What a stream is used for; part of the stream key so two uses of one node never share numbers. */
export const PURPOSE = {
  outcome: 0,
  latency: 1,
  confidence: 2,
  tokens: 3,
  jitter: 4,
  route: 5,
  fault: 6,
  decision: 7,
  arrival: 8,
  /** Whether a retry repeats the previous try's error (retries.ts in src/domain/semantics). */
  repeat: 9,
} as const;
export const PURPOSE_COUNT = 10;

/** 2^-32: turns a uint32 into [0, 1). */
const INV_2_32 = 1 / 4294967296;

/**
 * murmur3's 32-bit finaliser: a bijective avalanche mix.
 * @example mix32(1) !== mix32(2) // true
 */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash a list of non-negative integers (each < 2^32) into one uint32.
 * @example hashKey([42, 0, 3, 1]) === hashKey([42, 0, 3, 1]) // true
 */
export function hashKey(parts: readonly number[]): number {
  let h = 0x9e3779b9;
  // Indexed: the interpreter runs for-of through the iterator protocol.
  for (let i = 0; i < parts.length; i++) {
    h = mix32((h ^ ((parts[i] ?? 0) >>> 0)) + 0x7f4a7c15);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return mix32(h);
}

/**
 * The streams of one replication: `nodeSlots` x PURPOSE_COUNT sfc32 states. Slot `nodeSlots - 1` is conventionally
 * the workflow-level stream (arrivals).
 */
export interface StreamSet {
  readonly state: Uint32Array;
  readonly nodeSlots: number;
}

/**
 * Build the streams of one replication. O(nodeSlots x purposes), done once per replication.
 * @example const s = createStreams(42, 0, 3); nextFloat(s.state, streamIndex(0, PURPOSE.outcome))
 */
export function createStreams(seed: number, replication: number, nodeSlots: number): StreamSet {
  const state = new Uint32Array(nodeSlots * PURPOSE_COUNT * 4);
  for (let node = 0; node < nodeSlots; node++) {
    for (let purpose = 0; purpose < PURPOSE_COUNT; purpose++) seedStream(state, seed, replication, node, purpose);
  }
  return { state, nodeSlots };
}

/** Base offset (in words) of a stream in a StreamSet's state. */
export function streamIndex(node: number, purpose: number): number {
  return (node * PURPOSE_COUNT + purpose) * 4;
}

/**
 * Seed the stream of key (seed, replication, node, purpose) in `s`, at `streamIndex(node, purpose)`: the state
 * `createStreams` gives it, whenever it is called.
 * @example const s = new Uint32Array(4); seedStream(s, 42, 0, 0, PURPOSE.outcome); nextFloat(s, 0)
 */
export function seedStream(s: Uint32Array, seed: number, replication: number, node: number, purpose: number): void {
  const base = streamIndex(node, purpose);
  // The four words from a splitmix32 sequence over the key's hash, then a few outputs discarded so that keys that
  // differ in one bit have fully decorrelated states (the sfc32 author's recommendation).
  let x = hashKey([seed, replication, node, purpose]);
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    s[base + i] = mix32(x);
  }
  for (let i = 0; i < 12; i++) nextUint32(s, base);
}

/**
 * A float in the open interval (0, 1): never 0, so -log(u) and log(u) are always finite. The sfc32 step is here
 * rather than in `nextUint32` so that a draw, the engine's commonest call, makes no call of its own (the first
 * thousands of events of a one-shot run are interpreted, where every call counts).
 * @example const u = nextFloat(createStreams(1, 0, 1).state, 0); u > 0 && u < 1 // true
 */
export function nextFloat(s: Uint32Array, base: number): number {
  const a = s[base] ?? 0;
  const b = s[base + 1] ?? 0;
  const c = s[base + 2] ?? 0;
  const d = s[base + 3] ?? 0;
  const t = (((a + b) | 0) + d) | 0;
  s[base + 3] = d + 1;
  s[base] = b ^ (b >>> 9);
  s[base + 1] = c + (c << 3);
  s[base + 2] = ((c << 21) | (c >>> 11)) + t;
  return ((t >>> 0) + 0.5) * INV_2_32;
}

/**
 * Next uint32 of the stream at `base` (sfc32): the integer `nextFloat` scales, recovered exactly (it needs 33 bits
 * of a double's 53).
 * @example nextUint32(createStreams(1, 0, 1).state, 0) // a number in [0, 2^32)
 */
export function nextUint32(s: Uint32Array, base: number): number {
  return nextFloat(s, base) * 4294967296 - 0.5;
}

/** A source of uniform numbers in (0, 1); samplers take this so they work on any stream. */
export interface Uniform {
  next(): number;
}

/**
 * A Uniform bound to one stream: convenient in tests and in code that is not on the hot path.
 * @example const u = streamUniform(createStreams(7, 0, 1), 0, PURPOSE.latency); u.next()
 */
export function streamUniform(set: StreamSet, node: number, purpose: number): Uniform {
  const base = streamIndex(node, purpose);
  const state = set.state;
  return { next: () => nextFloat(state, base) };
}
