import { describe, expect, it } from 'vitest';
import { fiscalYearOf, nextFiscalYear, parseFiscalYear } from './fiscal-year.ts';

describe('fiscal years (July 1 to June 30)', () => {
  it('spans July 1 to June 30', () => {
    expect(parseFiscalYear('2026-27')).toEqual({
      fiscalYear: '2026-27',
      startsOn: '2026-07-01',
      endsOn: '2027-06-30',
    });
  });

  it('rejects names whose years do not follow each other', () => {
    expect(parseFiscalYear('2026-28')).toBeNull();
    expect(parseFiscalYear('2026/27')).toBeNull();
    expect(parseFiscalYear('26-27')).toBeNull();
  });

  it('crosses the century: 2099-00', () => {
    expect(parseFiscalYear('2099-00')?.endsOn).toBe('2100-06-30');
    expect(nextFiscalYear('2098-99')).toBe('2099-00');
  });

  it('places dates on both sides of July 1', () => {
    expect(fiscalYearOf('2026-06-30')).toBe('2025-26');
    expect(fiscalYearOf('2026-07-01')).toBe('2026-27');
    expect(nextFiscalYear('2026-27')).toBe('2027-28');
  });
});
