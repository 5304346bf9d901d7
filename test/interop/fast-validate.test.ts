/**
 * The compiled validator must say yes exactly when zod does: a wrong yes would let an invalid document in,
 * a wrong no only costs time (zod then runs). Checked construct by construct, then on whole documents.
 */
import * as fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { workflowShapeSchema } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { compileValidator } from '../../src/interop/fast-validate.ts';
import { arbWorkflow } from './arbitraries.ts';
import { arbMutation, mutate } from './mutations.ts';

const same = (schema: z.ZodType, values: readonly unknown[]) => {
  const fast = compileValidator(schema);
  for (const v of values) expect([v, fast(v)]).toEqual([v, schema.safeParse(v).success]);
};

describe('compileValidator agrees with zod', () => {
  it('on numbers: finite, bounds inclusive and exclusive, safe integers', () => {
    same(z.number().min(0).max(1), [0, 1, -0, 0.5, -1e-9, 1.0000001, Infinity, NaN, '1', null]);
    same(z.number().gt(0).lt(10), [0, 5, 10, 9.999, 1e-300]);
    same(z.number().int().min(1).max(2 ** 60), [1, 1.5, 2 ** 53, 2 ** 53 - 1, 0]);
  });

  it('on strings: lengths and patterns', () => {
    // zod measures strings in code points: two emoji are 4 UTF-16 units but 2 characters.
    same(z.string().min(1).max(3), ['', 'a', 'abc', 'abcd', 3, '😀😀', '😀😀😀😀', '\ud800\ud800\ud800\ud800']);
    same(z.string().min(2).max(4), ['😀', '😀a', 'a', '\ud800', '😀😀😀', 'abcde']);
    same(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/), ['missing-timeout', 'Bad', '', 'a'.repeat(65)]);
  });

  it('on literals, enums, booleans, optionals', () => {
    same(z.literal('x'), ['x', 'y', undefined]);
    same(z.enum(['a', 'b']), ['a', 'c', 1]);
    same(z.boolean(), [true, false, 0, 'true']);
    same(z.strictObject({ a: z.number().optional() }), [{}, { a: 1 }, { a: undefined }, { a: 'x' }]);
  });

  it('on strict objects, arrays, tuples and records', () => {
    same(z.strictObject({ a: z.number(), b: z.string() }), [{ a: 1, b: '' }, { a: 1 }, { a: 1, b: '', c: 0 }, [], null, 'x']);
    same(z.array(z.number()).min(1).max(2), [[], [1], [1, 2], [1, 2, 3], [1, 'x']]);
    same(z.tuple([z.string(), z.number()]), [['a', 1], ['a'], ['a', 1, 2], [1, 'a']]);
    same(z.record(z.string().regex(/^[a-z]+$/), z.number()), [{}, { a: 1 }, { A: 1 }, { a: 'x' }, []]);
  });

  it('on unions, discriminated or not, and refinements', () => {
    const du = z.discriminatedUnion('t', [z.strictObject({ t: z.literal('a'), x: z.number() }), z.strictObject({ t: z.literal('b') })]);
    same(du, [{ t: 'a', x: 1 }, { t: 'a' }, { t: 'b' }, { t: 'c' }, {}, { t: 'b', x: 1 }]);
    same(z.union([z.number(), z.string().max(2)]), [1, 'ab', 'abc', null]);
    same(z.strictObject({ min: z.number(), max: z.number() }).refine((d) => d.min <= d.max), [{ min: 1, max: 2 }, { min: 2, max: 1 }, { min: 1 }]);
  });

  it('on valid documents: always yes (1,000 cases)', () => {
    const fast = compileValidator(workflowShapeSchema);
    fc.assert(fc.property(arbWorkflow({ maxNodes: 8 }), (doc) => fast(JSON.parse(exportWorkflow(doc)))), { numRuns: 1000 });
  });

  it('on mutated documents: the same answer as zod (2,000 cases)', () => {
    const fast = compileValidator(workflowShapeSchema);
    fc.assert(
      fc.property(arbWorkflow({ maxNodes: 6 }), arbMutation, (doc, m) => {
        let value: unknown;
        try {
          value = JSON.parse(mutate(exportWorkflow(doc), m));
        } catch {
          return; // text-level damage that is no longer JSON says nothing about the validator
        }
        const zodSays = workflowShapeSchema.safeParse(value).success;
        // Never a wrong yes. Keys import refuses before validation (zod skips "__proto__" in records) may
        // give a stricter no; everywhere else the answers must be equal, or the fast path is wasted.
        if (fast(value)) expect(zodSays).toBe(true);
        else if (!(m.kind === 'addKey' && ['__proto__', 'constructor', 'prototype'].includes(m.key))) expect(zodSays).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
