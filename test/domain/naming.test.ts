import { describe, expect, it } from 'vitest';
import { distinctName } from '../../src/domain/index.ts';

describe('distinctName', () => {
  it('keeps a free name and numbers the taken ones', () => {
    expect(distinctName('KYC', ['Other'])).toBe('KYC');
    expect(distinctName('KYC', ['kyc'])).toBe('KYC (imported)');
    expect(distinctName('KYC', ['KYC', 'KYC (imported)'])).toBe('KYC (imported 2)');
  });
});
