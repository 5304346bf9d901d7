import { describe, expect, it } from 'vitest';
import { formatEdgeRouting, parseEdgeRouting, withRouting } from '../../src/ui/canvas/edge-routing-text.ts';

describe('edge routing text', () => {
  it('parses a condition into structured data', () => {
    expect(parseEdgeRouting('confidence < 0.8')).toEqual({ ok: true, routing: { condition: { field: 'confidence', op: '<', value: 0.8 } } });
    expect(parseEdgeRouting('tier = "gold"')).toEqual({ ok: true, routing: { condition: { field: 'tier', op: '==', value: 'gold' } } });
    expect(parseEdgeRouting('vip != true')).toEqual({ ok: true, routing: { condition: { field: 'vip', op: '!=', value: true } } });
  });

  it('parses shares as percent or fraction, default, and combinations', () => {
    expect(parseEdgeRouting('30%')).toEqual({ ok: true, routing: { probability: 0.3 } });
    expect(parseEdgeRouting('0.25')).toEqual({ ok: true, routing: { probability: 0.25 } });
    expect(parseEdgeRouting('default')).toEqual({ ok: true, routing: { isDefault: true } });
    expect(parseEdgeRouting('attempt >= 3 · 10%')).toEqual({ ok: true, routing: { condition: { field: 'attempt', op: '>=', value: 3 }, probability: 0.1 } });
    expect(parseEdgeRouting('  ')).toEqual({ ok: true, routing: {} });
  });

  it('refuses what it cannot read, with a reason', () => {
    for (const bad of ['when it feels right', '130%', 'a < 1 · b > 2', '10% · 20%', 'tier < "gold"', 'confidence <']) {
      const r = parseEdgeRouting(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it('round-trips through its text form', () => {
    const routing = { condition: { field: 'confidence', op: '>=' as const, value: 0.8 }, probability: 0.7, isDefault: true };
    const r = parseEdgeRouting(formatEdgeRouting(routing));
    expect(r).toEqual({ ok: true, routing });
  });

  it('replaces routing and removes emptied keys', () => {
    const edge = { id: 'e', source: 'a', sourcePort: 'out', target: 'b', label: 'x', probability: 0.3, isDefault: true };
    expect(withRouting(edge, { condition: { field: 'c', op: '<', value: 1 } })).toEqual({ id: 'e', source: 'a', sourcePort: 'out', target: 'b', label: 'x', condition: { field: 'c', op: '<', value: 1 } });
  });
});
