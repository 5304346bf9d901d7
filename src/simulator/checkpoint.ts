/**
 * Checkpoints: a deep, JSON-safe copy of an engine's whole state, and back. The debugger keeps them to step
 * backwards and to resume after injecting a fault; they never leave the session (not stored, not user input).
 */
import type { EngineState } from './engine-state.ts';

/** JSON-safe value: what a checkpoint is made of. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const TYPED = { Float64Array, Int32Array, Uint32Array, Uint8Array, Int8Array } as const;
type TypedName = keyof typeof TYPED;

function toPlain(v: unknown): Plain {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name as TypedName;
    return { $typed: name, data: Array.from(v as unknown as ArrayLike<number>) };
  }
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object') {
    const out: { [key: string]: Plain } = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  throw new Error(`cannot checkpoint a ${typeof v}`);
}

function fromPlain(v: Plain): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(fromPlain);
  const typed = v.$typed;
  if (typeof typed === 'string' && typed in TYPED && Array.isArray(v.data)) {
    return TYPED[typed as TypedName].from(v.data as number[]);
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = fromPlain(x);
  return out;
}

/**
 * A deep, JSON-safe copy of an engine's whole state (typed arrays become tagged number lists).
 * @example const cp = checkpointState(engine.s); JSON.stringify(cp) // storable anywhere
 */
export function checkpointState(s: EngineState): Plain {
  return toPlain(s);
}

/**
 * Rebuild an engine state from a checkpoint made by `checkpointState` of the same compiled graph. The checkpoint is
 * trusted data this module wrote (not user input), so its shape is not re-validated field by field.
 * @example const e2 = new Engine(g, faults, cfg, restoreState(cp))
 */
export function restoreState(cp: Plain): EngineState {
  return fromPlain(cp) as EngineState;
}
