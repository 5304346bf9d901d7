import { describe, expect, it } from 'vitest';
import { aiOutcomesSchema } from '../../../src/domain/stub.schema.ts';
import { defaultAbsorber, rebalance } from '../../../src/ui/inspector/outcome-balance.ts';

const sum = (t: Record<string, number>): number => Object.values(t).reduce((a, b) => a + b, 0);

describe('rebalance', () => {
  it('the rest goes to ok by default, and the table stays valid', () => {
    const t = rebalance({ ok: 0.98, wrong: 0.02 }, 'wrong', 0.03, defaultAbsorber(['ok', 'wrong']));
    expect(t).toEqual({ ok: 0.97, wrong: 0.03 });
    expect(aiOutcomesSchema.safeParse(t).success).toBe(true);
  });
  it('or to the outcome the person picks', () => {
    const t = rebalance({ ok: 0.9, wrong: 0.05, timeout: 0.05 }, 'wrong', 0.08, 'timeout');
    expect(t.timeout).toBeCloseTo(0.02, 9);
    expect(t.ok).toBe(0.9);
    expect(sum(t)).toBeCloseTo(1, 9);
  });
  it('editing the absorber itself moves the difference to the largest other outcome', () => {
    expect(rebalance({ ok: 0.97, wrong: 0.03 }, 'ok', 0.9, 'ok')).toEqual({ ok: 0.9, wrong: 0.1 });
  });
  it('never goes negative: with too little left the absorber is 0 and the typed value stays', () => {
    const t = rebalance({ ok: 0.5, wrong: 0.3, timeout: 0.2 }, 'wrong', 0.95, 'ok');
    expect(t).toEqual({ ok: 0, wrong: 0.95, timeout: 0.2 });
  });
  it('import still refuses a table that does not sum to 1', () => {
    expect(aiOutcomesSchema.safeParse({ ok: 0.98, wrong: 0.03 }).success).toBe(false);
  });
  it('ok, else approve, else the first', () => {
    expect(defaultAbsorber(['wrong', 'ok'])).toBe('ok');
    expect(defaultAbsorber(['reject', 'approve'])).toBe('approve');
    expect(defaultAbsorber(['reject'])).toBe('reject');
  });
});
