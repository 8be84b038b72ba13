import { describe, expect, it } from 'vitest';
import { parseCorrections, parseProposedValue } from './request-input.ts';

describe('parseProposedValue', () => {
  it('reads numbers, booleans and JSON as such, other text as text, and empty as none', () => {
    expect(parseProposedValue(' 0.75 ')).toBe(0.75);
    expect(parseProposedValue('true')).toBe(true);
    expect(parseProposedValue('on time')).toBe('on time');
    expect(parseProposedValue('  ')).toBeUndefined();
  });
});

describe('parseCorrections', () => {
  it('takes one submission object or a list, and nothing when empty', () => {
    const row = { entityId: 'PV1234-950', measure: 'qip-employment-outcomes', period: '2026-27', data: {} };
    expect(parseCorrections(JSON.stringify(row))).toEqual({ rows: [row] });
    expect(parseCorrections(JSON.stringify([row, row]))).toEqual({ rows: [row, row] });
    expect(parseCorrections('')).toEqual({ rows: [] });
  });

  it('names what is wrong with text that is not a list of records', () => {
    expect(parseCorrections('{oops')).toEqual({ error: expect.stringContaining('not JSON') });
    expect(parseCorrections('[1]')).toEqual({ error: expect.stringContaining('is an object') });
  });
});
