import { describe, expect, it } from 'vitest';
import { compileRulebook } from './compile-rulebook.ts';
import { shiftRulebookYear } from './shift-rulebook-year.ts';
import { validateRulebook } from './validate-rulebook.ts';

/** A small rulebook holding a date, a fiscal-year name or a year in every place one can stand. */
function rulebook2026() {
  return {
    schemaVersion: 1,
    program: 'dds-qip',
    name: 'DDS QIP FY 2026-27',
    description: 'Rules for 2026-2027 (FY26-27, FY27); directory due 2026-10-31; measurement year 2026.',
    fiscalYear: '2026-27',
    effectiveFrom: '2026-07-01',
    payee: {
      kind: 'provider-service-code',
      fields: {
        serviceCode: { type: 'string', required: true },
        contractedOn: { type: 'date', required: true },
        rateCents: { type: 'number', required: true },
        units: { type: 'number', required: true },
      },
    },
    measures: [
      {
        key: 'directory-2026-27',
        name: 'Provider directory',
        domain: 'provider-directory',
        kind: 'reporting',
        appliesTo: "contractedOn < date('2027-01-01')",
        fields: {
          verifiedOn: {
            type: 'date',
            required: true,
            min: '2026-07-01',
            max: '2027-06-30',
            rules: [
              { check: 'verifiedOn >= date("2026-07-01")', message: 'verifiedOn is before FY 2026-27' },
            ],
          },
          cohort: { type: 'string', enum: ['2025-26', '2026-27'] },
          measurementYear: { type: 'number', enum: [2026], max: 5000 },
        },
        compute: {
          kind: 'reporting',
          timely: { dueDate: '2026-10-31' },
          accurate: {
            rules: [
              { check: "cohort == '2026-27' or measurementYear == 2026", message: 'the cohort is 2026-27' },
            ],
          },
        },
      },
      {
        key: 'screening',
        name: 'Screened since the 2024 leap day',
        domain: 'prevention-wellness',
        kind: 'performance',
        period: '2026-27',
        fields: {
          personId: { type: 'string', required: true },
          age: { type: 'number', required: true },
          screenedOn: { type: 'date' },
          note: { type: 'string' },
        },
        recordKey: ['personId'],
        compute: {
          kind: 'rate-records',
          denominator: 'age >= 45',
          numerator: "screenedOn >= date('2024-02-29') and not contains(note, 'it\\'s 2026-07-01')",
          exclusions: [{ when: "screenedOn < date('2016-07-01')", reason: 'screened before FY 2016-17' }],
        },
        strata: [{ name: 'season', expression: "if(screenedOn >= date('2027-01-01'), 'spring', 'fall')" }],
        baseline: { period: '2025-26' },
        target: { kind: 'improvement', goal: 0.8 },
      },
      {
        key: 'days-to-screen',
        name: 'Days from the start of the year to screening',
        domain: 'prevention-wellness',
        kind: 'outcome',
        dataFrom: 'screening',
        compute: { kind: 'value', formula: "daysBetween(date('2026-07-01'), screenedOn)", aggregate: 'mean' },
      },
      {
        key: 'milestones',
        name: 'Milestones',
        domain: 'practice',
        kind: 'milestone',
        fields: {
          milestone: { type: 'number', required: true },
          completedOn: { type: 'date', required: true },
        },
        compute: { kind: 'milestone', by: '2027-06-30' },
      },
    ],
    composite: { measures: ['directory-2026-27', 'screening'] },
    payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'all-met' },
  };
}

describe('shiftRulebookYear', () => {
  it('moves every date and fiscal-year name a year on, and lists what it leaves as written', () => {
    const source = rulebook2026();
    const before = JSON.stringify(source);
    const { rulebook, shifted, unshifted } = shiftRulebookYear(source, '2026-27', '2027-28');
    expect(JSON.stringify(source)).toBe(before);

    expect(shifted).toEqual([
      { path: ['name'], from: 'DDS QIP FY 2026-27', to: 'DDS QIP FY 2027-28' },
      {
        path: ['description'],
        from: 'Rules for 2026-2027 (FY26-27, FY27); directory due 2026-10-31; measurement year 2026.',
        to: 'Rules for 2027-2028 (FY27-28, FY27); directory due 2026-10-31; measurement year 2026.',
      },
      { path: ['fiscalYear'], from: '2026-27', to: '2027-28' },
      { path: ['effectiveFrom'], from: '2026-07-01', to: '2027-07-01' },
      {
        path: ['measures', 0, 'appliesTo'],
        from: "contractedOn < date('2027-01-01')",
        to: "contractedOn < date('2028-01-01')",
      },
      { path: ['measures', 0, 'fields', 'verifiedOn', 'min'], from: '2026-07-01', to: '2027-07-01' },
      { path: ['measures', 0, 'fields', 'verifiedOn', 'max'], from: '2027-06-30', to: '2028-06-30' },
      {
        // a double-quoted literal keeps its quotes
        path: ['measures', 0, 'fields', 'verifiedOn', 'rules', 0, 'check'],
        from: 'verifiedOn >= date("2026-07-01")',
        to: 'verifiedOn >= date("2027-07-01")',
      },
      {
        path: ['measures', 0, 'fields', 'verifiedOn', 'rules', 0, 'message'],
        from: 'verifiedOn is before FY 2026-27',
        to: 'verifiedOn is before FY 2027-28',
      },
      { path: ['measures', 0, 'fields', 'cohort', 'enum', 0], from: '2025-26', to: '2026-27' },
      { path: ['measures', 0, 'fields', 'cohort', 'enum', 1], from: '2026-27', to: '2027-28' },
      { path: ['measures', 0, 'compute', 'timely', 'dueDate'], from: '2026-10-31', to: '2027-10-31' },
      {
        // a literal that is exactly a fiscal-year name moves; the number 2026 does not
        path: ['measures', 0, 'compute', 'accurate', 'rules', 0, 'check'],
        from: "cohort == '2026-27' or measurementYear == 2026",
        to: "cohort == '2027-28' or measurementYear == 2026",
      },
      {
        path: ['measures', 0, 'compute', 'accurate', 'rules', 0, 'message'],
        from: 'the cohort is 2026-27',
        to: 'the cohort is 2027-28',
      },
      { path: ['measures', 1, 'period'], from: '2026-27', to: '2027-28' },
      {
        // 2025 has no February 29: February 28; the escaped quote after it is written as it was
        path: ['measures', 1, 'compute', 'numerator'],
        from: "screenedOn >= date('2024-02-29') and not contains(note, 'it\\'s 2026-07-01')",
        to: "screenedOn >= date('2025-02-28') and not contains(note, 'it\\'s 2026-07-01')",
      },
      {
        path: ['measures', 1, 'compute', 'exclusions', 0, 'when'],
        from: "screenedOn < date('2016-07-01')",
        to: "screenedOn < date('2017-07-01')",
      },
      {
        path: ['measures', 1, 'compute', 'exclusions', 0, 'reason'],
        from: 'screened before FY 2016-17',
        to: 'screened before FY 2017-18',
      },
      {
        path: ['measures', 1, 'strata', 0, 'expression'],
        from: "if(screenedOn >= date('2027-01-01'), 'spring', 'fall')",
        to: "if(screenedOn >= date('2028-01-01'), 'spring', 'fall')",
      },
      { path: ['measures', 1, 'baseline', 'period'], from: '2025-26', to: '2026-27' },
      {
        path: ['measures', 2, 'compute', 'formula'],
        from: "daysBetween(date('2026-07-01'), screenedOn)",
        to: "daysBetween(date('2027-07-01'), screenedOn)",
      },
      { path: ['measures', 3, 'compute', 'by'], from: '2027-06-30', to: '2028-06-30' },
    ]);

    expect(unshifted.map(({ message: _, ...rest }) => rest)).toEqual([
      // 'Rules for 2026-2027 (FY26-27, ' is 30 characters: FY27 stands at 30; '); directory due ' (17)
      // puts the date at 51; '; measurement year ' (19) puts the year at 80
      { path: ['description'], value: 'FY27', position: 30, reason: 'fiscal-year-in-text' },
      { path: ['description'], value: '2026-10-31', position: 51, reason: 'date-in-text' },
      { path: ['description'], value: '2026', position: 80, reason: 'year-number' },
      { path: ['measures', 0, 'key'], value: '2026-27', reason: 'name' },
      { path: ['measures', 0, 'fields', 'measurementYear', 'enum', 0], value: '2026', reason: 'year-number' },
      {
        // "cohort == '2026-27' or measurementYear == " is 42 characters
        path: ['measures', 0, 'compute', 'accurate', 'rules', 0, 'check'],
        value: '2026',
        position: 42,
        reason: 'year-number',
      },
      // 'Screened since the ' is 19 characters
      { path: ['measures', 1, 'name'], value: '2024', position: 19, reason: 'year-number' },
      {
        // "screenedOn >= date('" is 20 characters
        path: ['measures', 1, 'compute', 'numerator'],
        value: '2024-02-29',
        position: 20,
        reason: 'february-29',
      },
      {
        // a date inside a longer literal is left; the literal has an escape, so the position is its
        // opening quote: "screenedOn >= date('2024-02-29')" (32) + " and not contains(note, " (24) = 56
        path: ['measures', 1, 'compute', 'numerator'],
        value: '2026-07-01',
        position: 56,
        reason: 'date-in-text',
      },
      { path: ['composite', 'measures', 0], value: '2026-27', reason: 'name' },
    ]);
    expect(unshifted.find((u) => u.reason === 'february-29')?.message).toBe(
      '2025 has no February 29: written as 2025-02-28; check it',
    );
    expect(unshifted.find((u) => u.reason === 'date-in-text')?.message).toBe(
      'a date inside text: left as written (moved it would be 2027-10-31)',
    );

    expect(validateRulebook(rulebook)).toMatchObject({ ok: true });
    expect(() => compileRulebook(rulebook)).not.toThrow();
  });

  it('gives an unchanged position for a fragment listed in a literal written without escapes', () => {
    const { unshifted } = shiftRulebookYear(
      { fiscalYear: '2026-27', measures: [{ appliesTo: "contains(note, 'FY 2026-27 list')" }] },
      '2026-27',
      '2027-28',
    );
    // "contains(note, 'FY " is 19 characters: the name starts at 19 in the source
    expect(unshifted.map(({ message: _, ...rest }) => rest)).toEqual([
      { path: ['measures', 0, 'appliesTo'], value: '2026-27', position: 19, reason: 'fiscal-year-in-text' },
    ]);
  });

  it('moves by the years between the two fiscal years, backwards too', () => {
    const source = {
      fiscalYear: '2026-27',
      effectiveFrom: '2026-07-01',
      name: 'FY 2026-27',
      period: '2028-29',
    };
    expect(shiftRulebookYear(source, '2026-27', '2029-30')).toEqual({
      rulebook: { fiscalYear: '2029-30', effectiveFrom: '2029-07-01', name: 'FY 2029-30', period: '2031-32' },
      shifted: [
        { path: ['fiscalYear'], from: '2026-27', to: '2029-30' },
        { path: ['effectiveFrom'], from: '2026-07-01', to: '2029-07-01' },
        { path: ['name'], from: 'FY 2026-27', to: 'FY 2029-30' },
        { path: ['period'], from: '2028-29', to: '2031-32' },
      ],
      unshifted: [],
    });
    expect(shiftRulebookYear(source, '2026-27', '2025-26').rulebook).toEqual({
      fiscalYear: '2025-26',
      effectiveFrom: '2025-07-01',
      name: 'FY 2025-26',
      period: '2027-28',
    });
  });

  it('moves February 29 to February 28 of a common year and lists it; keeps it in a leap year', () => {
    const source = { fiscalYear: '2027-28', compute: { timely: { dueDate: '2028-02-29' } } };
    const path = ['compute', 'timely', 'dueDate'];
    // 2028-29: February 2029 has 28 days
    expect(shiftRulebookYear(source, '2027-28', '2028-29')).toEqual({
      rulebook: { fiscalYear: '2028-29', compute: { timely: { dueDate: '2029-02-28' } } },
      shifted: [
        { path: ['fiscalYear'], from: '2027-28', to: '2028-29' },
        { path, from: '2028-02-29', to: '2029-02-28' },
      ],
      unshifted: [
        {
          path,
          value: '2028-02-29',
          reason: 'february-29',
          message: '2029 has no February 29: written as 2029-02-28; check it',
        },
      ],
    });
    // 2031-32: 2032 is a leap year, nothing to check
    const fourYears = shiftRulebookYear(source, '2027-28', '2031-32');
    expect(fourYears.rulebook.compute.timely.dueDate).toBe('2032-02-29');
    expect(fourYears.unshifted).toEqual([]);
  });

  it('lists dates, years and fiscal-year names in names, values and unreadable expressions', () => {
    const source = {
      fiscalYear: '2026-27',
      payment: { floors: { 'cis-2026': 0.5 }, pool: '2026000.00', region: 'north 2026-07-01' },
      measures: [{ numerator: "screenedOn >= date('2026-07-01') && x" }],
      description: 'looks like 2026-02-30, not a day',
    };
    const { rulebook, shifted, unshifted } = shiftRulebookYear(source, '2026-27', '2027-28');
    expect(rulebook).toEqual({ ...source, fiscalYear: '2027-28' });
    expect(shifted).toEqual([{ path: ['fiscalYear'], from: '2026-27', to: '2027-28' }]);
    expect(unshifted).toEqual([
      {
        // an object key is a name: never renamed
        path: ['payment', 'floors', 'cis-2026'],
        value: '2026',
        reason: 'name',
        message: 'may be a year: left as written (moved it would be 2027)',
      },
      {
        // 'north ' is 6 characters; 2026000.00 is no year (seven digits)
        path: ['payment', 'region'],
        value: '2026-07-01',
        position: 6,
        reason: 'date-in-text',
        message: 'a date inside text: left as written (moved it would be 2027-07-01)',
      },
      {
        // '&&' does not tokenize: the expression is read as text; "screenedOn >= date('" is 20 characters
        path: ['measures', 0, 'numerator'],
        value: '2026-07-01',
        position: 20,
        reason: 'unreadable-expression',
        message: 'a date inside text: left as written (moved it would be 2027-07-01)',
      },
      {
        // 'looks like ' is 11 characters
        path: ['description'],
        value: '2026-02-30',
        position: 11,
        reason: 'date-in-text',
        message: 'looks like a date but is not a real day: left as written',
      },
    ]);
  });

  it('keeps a "__proto__" member a plain member', () => {
    const source = JSON.parse(
      '{"fiscalYear": "2026-27", "payment": {"__proto__": {"dueDate": "2026-10-31"}}}',
    );
    const { rulebook } = shiftRulebookYear(source, '2026-27', '2027-28');
    expect(Object.getPrototypeOf(rulebook.payment)).toBe(Object.prototype);
    expect(JSON.stringify(rulebook)).toBe(
      '{"fiscalYear":"2027-28","payment":{"__proto__":{"dueDate":"2027-10-31"}}}',
    );
  });

  it('returns a copy with nothing listed when the years are the same', () => {
    const source = rulebook2026();
    const same = shiftRulebookYear(source, '2026-27', '2026-27');
    expect(same).toEqual({ rulebook: source, shifted: [], unshifted: [] });
    expect(same.rulebook).not.toBe(source);
  });

  it('refuses names that are not fiscal years', () => {
    expect(() => shiftRulebookYear({}, '2026-28', '2027-28')).toThrow('not a fiscal year: 2026-28');
    expect(() => shiftRulebookYear({}, '2026-27', 'FY28')).toThrow('not a fiscal year: FY28');
  });
});
