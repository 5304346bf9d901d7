import { describe, expect, it } from 'vitest';
import { createNode } from '../../../src/domain/index.ts';
import { configFieldApplies, suggestedOutcome } from '../../../src/ui/inspector/field-applies.ts';

const check = (config: Record<string, unknown>) => {
  const n = createNode('check', { id: 'c', position: { x: 0, y: 0 } });
  return n.kind === 'check' ? { ...n, config: { ...n.config, ...config } } : n;
};

describe('configFieldApplies', () => {
  it('a threshold check: threshold, no sample rate, no re-asks unless it re-asks', () => {
    const t = check({ type: 'threshold', onFail: 'route' });
    expect(configFieldApplies(t, 'threshold')).toBe(true);
    expect(configFieldApplies(t, 'sampleRate')).toBe(false);
    expect(configFieldApplies(t, 'maxReasks')).toBe(false);
    expect(configFieldApplies(check({ type: 'threshold', onFail: 'reask' }), 'maxReasks')).toBe(true);
  });
  it('a field holding a value is always shown', () => {
    expect(configFieldApplies(check({ type: 'schema', sampleRate: 0.1 }), 'sampleRate')).toBe(true);
  });
});

describe('suggestedOutcome', () => {
  const out = (label: string, outcome: 'success' | 'rejected') => {
    const n = createNode('output', { id: 'o', position: { x: 0, y: 0 }, label });
    return n.kind === 'output' ? { ...n, config: { ...n.config, outcome } } : n;
  };
  it('"Rejected" counted as success suggests rejected; a matching outcome suggests nothing', () => {
    expect(suggestedOutcome(out('Rejected', 'success'))).toBe('rejected');
    expect(suggestedOutcome(out('Reject application', 'rejected'))).toBeNull();
    expect(suggestedOutcome(out('Send reply', 'success'))).toBeNull();
  });
});
