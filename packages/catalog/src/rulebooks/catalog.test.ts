import { contentHash, validateRulebook } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogRulebook } from './catalog.ts';

describe('CATALOG', () => {
  it('holds each program and fiscal year once', () => {
    const keys = CATALOG.map((e) => `${e.fiscalYear}/${e.programId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(CATALOG.map((e) => [`${e.fiscalYear} ${e.programId}`, e] as const))(
    '%s passes validateRulebook and names its own program and year',
    (_name, e) => {
      const checked = validateRulebook(e.rulebook);
      expect(checked.ok ? [] : checked.issues).toEqual([]);
      expect(e.rulebook).toMatchObject({ program: e.programId, fiscalYear: e.fiscalYear });
    },
  );

  it('is JSON: a round trip keeps the content hash', () => {
    for (const e of CATALOG)
      expect(contentHash(JSON.parse(JSON.stringify(e.rulebook)))).toBe(contentHash(e.rulebook));
  });
});

describe('catalogRulebook', () => {
  it('returns a copy the caller may edit without changing the catalog', () => {
    const a = catalogRulebook('2026-27', 'dhcs-ept') as { name: string };
    a.name = 'edited';
    expect((catalogRulebook('2026-27', 'dhcs-ept') as { name: string }).name).not.toBe('edited');
  });

  it('is undefined for a program or year the catalog does not hold', () => {
    expect(catalogRulebook('2019-20', 'dhcs-ept')).toBeUndefined();
    expect(catalogRulebook('2026-27', 'nope')).toBeUndefined();
  });
});
