import { describe, expect, it } from 'vitest';
import { type DataFilter, filtersTest, optionPairs, showsAll, valueOptions } from './data-filter.ts';

interface Row {
  id: string;
  cents: number;
  kind: string;
}
const rows: Row[] = [
  { id: 'a', cents: 100, kind: 'base' },
  { id: 'b', cents: -50, kind: 'bonus' },
  { id: 'c', cents: 0, kind: 'base' },
  { id: 'd', cents: 20, kind: 'bonus' },
];
const side: DataFilter<Row> = {
  id: 'side',
  label: 'Show',
  options: { all: 'everyone', gain: 'gainers', lose: 'losers' },
  keeps: (r, v) => (v === 'gain' ? r.cents > 0 : r.cents < 0),
};
const kind: DataFilter<Row> = {
  id: 'kind',
  label: 'Kind',
  options: valueOptions('all kinds', ['base', 'bonus']),
  keeps: (r, v) => r.kind === v,
};
const kept = (chosen: Record<string, string>) => {
  const test = filtersTest([side, kind], chosen);
  return test ? rows.filter(test).map((r) => r.id) : null;
};

describe('data filters', () => {
  it('lists the choices in order, the first showing every row', () => {
    expect(optionPairs(side.options)).toEqual([
      ['all', 'everyone'],
      ['gain', 'gainers'],
      ['lose', 'losers'],
    ]);
    expect(showsAll(side)).toBe('all');
    expect(optionPairs(kind.options)).toEqual([
      ['', 'all kinds'],
      ['base', 'base'],
      ['bonus', 'bonus'],
    ]);
    expect(showsAll(kind)).toBe('');
  });

  it('keeps every row while no filter is chosen away from its first choice', () => {
    expect(kept({})).toBeNull();
    expect(kept({ side: 'all', kind: '' })).toBeNull();
  });

  it('keeps the rows that pass every filter chosen', () => {
    // Gainers: a (+100) and d (+20); c (0) neither gains nor loses.
    expect(kept({ side: 'gain' })).toEqual(['a', 'd']);
    expect(kept({ side: 'lose' })).toEqual(['b']);
    // Gainers of kind bonus: d only.
    expect(kept({ side: 'gain', kind: 'bonus' })).toEqual(['d']);
    expect(kept({ side: 'all', kind: 'base' })).toEqual(['a', 'c']);
  });
});
