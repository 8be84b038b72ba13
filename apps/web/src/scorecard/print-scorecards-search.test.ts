import { describe, expect, it } from 'vitest';
import { payeesOf, printSearch, validatePrintScorecardsSearch } from './print-scorecards-search.ts';

describe('the print page search', () => {
  it('keeps a list of payees, in order and once each, and reads no list as every payee', () => {
    const search = validatePrintScorecardsSearch({ payees: 'PV1234-950, TR9012-875,PV1234-950,' });
    expect(payeesOf(search)).toEqual(['PV1234-950', 'TR9012-875']);
    expect(payeesOf(validatePrintScorecardsSearch({}))).toBeNull();
    expect(payeesOf(validatePrintScorecardsSearch({ payees: ' ' }))).toBeNull();
    expect(payeesOf(validatePrintScorecardsSearch({ payees: 3 }))).toBeNull();
  });

  it('writes the search that prints a set of payees back', () => {
    expect(printSearch(['A', 'B'])).toEqual({ payees: 'A,B' });
    expect(printSearch(null)).toEqual({});
    expect(payeesOf(printSearch(['A', 'B']))).toEqual(['A', 'B']);
  });
});
