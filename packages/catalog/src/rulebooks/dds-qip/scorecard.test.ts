import type { Entity, Submission } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { docExample } from '../doc-example.ts';
import { expectPlainWords, measureOf, scorecardsOf } from '../scorecards-of.ts';
import { ddsQip202627 } from './2026-27.ts';

// docs/programs/dds-qip.md section 7: the payees of section 4 with the JSON records of section 6
// (an administrator's load, each row with its submittedOn), as of 2027-08-31.
const entities = docExample('dds-qip', 'payees dds-qip 2026-27') as Entity[];
const submissions = docExample(
  'dds-qip',
  'submissions dds-qip 2026-27 admin received=2027-08-31',
) as Submission[];
const cards = scorecardsOf(ddsQip202627, entities, submissions, '2027-08-31');

describe('dds-qip FY 2026-27 scorecards (docs/programs/dds-qip.md section 7)', () => {
  it('Bayview: the late employment outcomes file forgoes 1/6 of the incentive', () => {
    const card = cards.get('PV1234-950');
    expect(card?.name).toBe('Bayview Supported Employment');
    expect(card?.run).toEqual({ id: 1, asOf: '2027-08-31', stage: 'preliminary' });
    // Received 2027-08-05, due 2027-07-31: late, so not met.
    const outcomes = measureOf(card, 'qip-employment-outcomes');
    expect(outcomes).toMatchObject({ applies: true, dueDate: '2027-07-31', met: false, weight: 1 });
    expect(outcomes.received).toEqual([
      { receivedOn: '2027-08-05', records: 1, onTime: false, findings: [] },
    ]);
    expect(outcomes.explanation).toContain('Not met: the records were late.');
    // The directory: received 2026-09-12, due 2026-09-30: on time; complete and accurate: met.
    expect(measureOf(card, 'qip-provider-directory')).toMatchObject({
      met: true,
      weight: 2,
      dueDate: '2026-09-30',
    });
    // ACRE share from the employment staff record: 9 / 12 = 75%. Bayview is the only payee with a
    // value (the only 950), so the 50th percentile of 1 peer is its own 75%.
    expect(measureOf(card, 'qip-acre-trained-share')).toMatchObject({
      numerator: 9,
      denominator: 12,
      value: 0.75,
      valueText: '75%',
      target: 0.75,
      targetText: '50th percentile of 1 peer = 75%',
      met: true,
      weight: 0,
    });
    // Residential screenings do not apply to a 950 provider.
    expect(measureOf(card, 'qip-preventive-screenings')).toMatchObject({ applies: false, received: [] });
    // Money: incentive rate 5000 x 0.10 = 500, base rate 4500; 1,000 hours: base 4,500,000, potential
    // incentive 500,000. Weights 2 + 1 + 1 + 1 + 1 = 6, met 5: 500,000 x 5/6 = 416,666.67 -> 416,667.
    // Total 4,916,667. Every measure met: 4,500,000 + 500,000 = 5,000,000; forgone 5,000,000 -
    // 4,916,667 = 83,333, all of it the late file's.
    expect(card?.payment).toMatchObject({
      totalCents: 4916667,
      potentialCents: 5000000,
      forgoneCents: 83333,
    });
    expect(card?.payment.lines.map((l) => [l.lineKey, l.amountCents, l.text])).toEqual([
      ['base', 4500000, 'Base rate: 1,000 units at $45.00: $45,000.00'],
      [
        'incentive',
        416667,
        'Quality incentive earned (of $5,000.00 possible, 1,000 units at $5.00): $4,166.67',
      ],
    ]);
    expect(card?.payment.rest).toEqual([
      {
        measure: 'qip-employment-outcomes',
        name: "Employment: people's job moves and retention",
        addedCents: 83333,
        text: "Meeting 'Employment: people's job moves and retention' would have added $833.33.",
      },
    ]);
    expect(outcomes.addedCents).toBe(83333);
    expect(card?.payment.explanation).toBe(
      'The payment is $49,166.67. With every measure that applies met it would have been $50,000.00: $833.33 was forgone.',
    );
  });

  it('Maple House: everything met, nothing forgone; a rate under its minimum denominator is not scored', () => {
    const card = cards.get('HR5678-915');
    // 48 months at $12,500.00: incentive rate 125,000, base rate 1,125,000; base 54,000,000,
    // incentive 6,000,000 (all of 2 + 1 + 1 + 2 met); total 60,000,000 = the potential.
    expect(card?.payment).toMatchObject({
      totalCents: 60000000,
      potentialCents: 60000000,
      forgoneCents: 0,
      rest: [],
    });
    // Two screening records received 2027-07-20, due 2027-07-31: on time.
    expect(measureOf(card, 'qip-preventive-screenings')).toMatchObject({
      met: true,
      received: [{ receivedOn: '2027-07-20', records: 2, onTime: true, findings: [] }],
    });
    // One resident in the colorectal band: denominator 1 < the minimum 5.
    const colorectal = measureOf(card, 'qip-colorectal-screening');
    expect(colorectal.met).toBeUndefined();
    expect(colorectal.explanation).toContain('Not scored: denominator 1 is below the minimum of 5.');
    expect(measureOf(card, 'qip-employment-staff').applies).toBe(false);
  });

  it('Valley Transport: the non-DSP workforce file never sent costs 1/4 of the incentive', () => {
    const card = cards.get('TR9012-875');
    const nonDsp = measureOf(card, 'qip-non-dsp-workforce');
    expect(nonDsp).toMatchObject({ met: false, received: [], dueDate: '2027-03-31' });
    expect(nonDsp.explanation).toContain('Nothing received (due 2027-03-31).');
    expect(nonDsp.explanation).toContain('Not met: nothing was received.');
    // Incentive rate round(3333 x 0.10 = 333.3) = 333, base rate 3000; 2,500 trips: potential
    // 832,500, base 7,500,000. Weights 2 + 1 + 1 = 4, met 3: 832,500 x 3/4 = 624,375.
    // Total 8,124,375; all met 7,500,000 + 832,500 = 8,332,500; forgone 208,125 = 832,500 / 4.
    expect(card?.payment).toMatchObject({
      totalCents: 8124375,
      potentialCents: 8332500,
      forgoneCents: 208125,
    });
    expect(card?.payment.rest.map((r) => [r.measure, r.addedCents, r.text])).toEqual([
      [
        'qip-non-dsp-workforce',
        208125,
        "Meeting 'Workforce: non-DSP staffing, pay and benefits' would have added $2,081.25.",
      ],
    ]);
  });

  it('says everything in plain words, without internal names', () => expectPlainWords(cards));
});
