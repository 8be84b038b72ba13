/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EPT_PMPY_CLASSES } from './ept-pmpy-classes.ts';

// The class table as DHCS publishes it (the program brief's data/ept-pmpy-classes.csv), kept in the
// repository beside the rulebook so the comparison runs on any clone.
const csvPath = fileURLToPath(new URL('./ept-pmpy-classes.csv', import.meta.url));

describe('EPT class table', () => {
  it('is the published class table (ept-pmpy-classes.csv) row by row', () => {
    const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
    expect(EPT_PMPY_CLASSES.map((r) => [r.class, r.membersFrom, r.membersTo, r.pmpy].join(','))).toEqual(
      rows.map((r) => r.trim()),
    );
  });

  it('has 48 contiguous classes from 1 to 138,000 members', () => {
    expect(EPT_PMPY_CLASSES).toHaveLength(48);
    expect(EPT_PMPY_CLASSES[0]).toEqual({ class: 'A', membersFrom: 1, membersTo: 500, pmpy: '580.00' });
    expect(EPT_PMPY_CLASSES[47]).toEqual({
      class: 'VV',
      membersFrom: 120001,
      membersTo: 138000,
      pmpy: '23.00',
    });
    EPT_PMPY_CLASSES.forEach((r, i) => {
      if (i > 0) expect(r.membersFrom).toBe((EPT_PMPY_CLASSES[i - 1]?.membersTo ?? 0) + 1);
    });
  });

  it('keeps the published non-monotonic rows (K > J, V = $50.25 < W = $59.00)', () => {
    const pmpy = (c: string) => EPT_PMPY_CLASSES.find((r) => r.class === c)?.pmpy;
    expect([pmpy('J'), pmpy('K'), pmpy('V'), pmpy('W')]).toEqual(['144.00', '146.00', '50.25', '59.00']);
  });
});
