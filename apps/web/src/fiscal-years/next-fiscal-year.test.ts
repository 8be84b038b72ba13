import { describe, expect, it } from 'vitest';
import { nextFiscalYear } from './next-fiscal-year.ts';

describe('nextFiscalYear', () => {
  it('moves both years on by one', () => {
    expect(nextFiscalYear('2026-27')).toBe('2027-28');
    expect(nextFiscalYear('2098-99')).toBe('2099-00');
    expect(nextFiscalYear('2099-00')).toBe('2100-01');
  });
});
