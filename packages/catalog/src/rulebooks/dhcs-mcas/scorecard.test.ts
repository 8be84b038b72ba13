import type { Entity, Submission } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { docExample } from '../doc-example.ts';
import { expectPlainWords, measureOf, scorecardsOf } from '../scorecards-of.ts';
import { dhcsMcas202627 } from './2026-27.ts';
import { MCAS_MEASURES } from './mcas-measures.ts';

// docs/programs/dhcs-mcas.md section 7: section 4's payees. Alpha-Alameda is below the floor on GSD
// and lead screening only; Bravo-Alameda on childhood immunizations, prenatal care, postpartum care,
// FUM and FUA; Charlie-Fresno reported nothing. Denominators 1,000: a rate 5 points better than
// its MPL, or 5 points worse for the measures below.
const entities = docExample('dhcs-mcas', 'payees dhcs-mcas 2026-27') as Entity[];
function unit(entityId: string, below: readonly string[]): Submission[] {
  return MCAS_MEASURES.map((m) => {
    const worse = m.direction === 'lower' ? 50 : -50;
    return {
      entityId,
      measure: m.key,
      period: '2026-27',
      submittedOn: '2027-06-15',
      data: {
        measurementYear: 2026,
        numerator: Math.round(m.mpl * 1000) + (below.includes(m.key) ? worse : -worse),
        denominator: 1000,
      },
    };
  });
}
const submissions = [
  ...unit('alpha-alameda', ['mcas-glycemic-status-above-9', 'mcas-lead-screening']),
  ...unit('bravo-alameda', [
    'mcas-childhood-immunizations',
    'mcas-prenatal-care',
    'mcas-postpartum-care',
    'mcas-follow-up-ed-mental-illness',
    'mcas-follow-up-ed-substance-use',
  ]),
];
const cards = scorecardsOf(dhcsMcas202627, entities, submissions, '2027-06-30');

describe('dhcs-mcas FY 2026-27 scorecards (docs/programs/dhcs-mcas.md section 7)', () => {
  it('Alpha-Alameda: two sanctions, what meeting each floor would save, the reinvestment owed', () => {
    const card = cards.get('alpha-alameda');
    // GSD, lower is better: 380 + 50 = 430 of 1,000 = 43% against the MPL 38%.
    const gsd = measureOf(card, 'mcas-glycemic-status-above-9');
    expect(gsd).toMatchObject({
      value: 0.43,
      numerator: 430,
      denominator: 1000,
      target: 0.38,
      floor: 0.38,
      met: false,
    });
    expect(gsd.explanation).toContain('Not met: 43% is above the target 38%.');
    expect(gsd.explanation).toContain('Minimum performance level: fixed at 38%; not reached.');
    // 2 x $25,000.00 = -5,000,000 cents; with both floors met no sanction: potential 0, forgone 5,000,000.
    expect(card?.payment).toMatchObject({ totalCents: -5000000, potentialCents: 0, forgoneCents: 5000000 });
    expect(card?.payment.explanation).toContain('The payee owes $50,000.00.');
    expect(card?.payment.rest.map((r) => [r.measure, r.addedCents])).toEqual([
      ['mcas-lead-screening', 2500000],
      ['mcas-glycemic-status-above-9', 2500000],
    ]);
    const lines = card?.payment.lines.map((l) => [l.lineKey, l.amountCents, l.text]);
    expect(lines).toContainEqual([
      'sanction:mcas-glycemic-status-above-9',
      -2500000,
      "Sanction: 'Glycemic Status > 9.0% (GSD), lower is better' 43%, minimum performance level 38%: -$25,000.00",
    ]);
    // Auto-assignment in Alameda: Alpha 8 of 8 (score 1), Bravo 3 of 8 (0.375); 0.25 + 0.5 x 1 / 1.375
    // = 27/44 of 1,000 = 613.64, Bravo 17/44 = 386.36; the leftover member to Alpha: 614.
    expect(lines).toContainEqual([
      'auto-assignment:assignment:Alameda',
      0,
      'Auto-assignment of default members by quality: Default members assigned in Alameda: 614: $0.00',
    ]);
    // Net income $10,000,000.00, two floors missed -> 15% -> $1,500,000.00.
    expect(card?.payment.notes).toEqual([
      'Community reinvestment obligation: Community reinvestment required (an obligation, not a payment): $1,500,000.00 = 15% of net income $10,000,000.00, 2 measures below the minimum performance level.',
    ]);
  });

  it('Bravo-Alameda: five sanctions', () => {
    // 5 x $25,000.00 = -12,500,000; each floor met would give back 2,500,000.
    const card = cards.get('bravo-alameda');
    expect(card?.payment).toMatchObject({ totalCents: -12500000, potentialCents: 0, forgoneCents: 12500000 });
    expect(card?.payment.rest.every((r) => r.addedCents === 2500000)).toBe(true);
    expect(card?.payment.rest).toHaveLength(5);
  });

  it('Charlie-Fresno: nothing reported, every measure below its floor', () => {
    const card = cards.get('charlie-fresno');
    const lead = measureOf(card, 'mcas-lead-screening');
    expect(lead).toMatchObject({ met: false, received: [] });
    expect(lead.explanation).toContain('Nothing received.');
    expect(lead.explanation).toContain('Not met: no data submitted.');
    // 14 x $25,000.00 = -35,000,000.
    expect(card?.payment).toMatchObject({ totalCents: -35000000, potentialCents: 0, forgoneCents: 35000000 });
    expect(card?.payment.rest).toHaveLength(14);
    // Net income $3,000,000.00, every measure below -> 15% -> $450,000.00.
    expect(card?.payment.notes[0]).toContain(
      '$450,000.00 = 15% of net income $3,000,000.00, 14 measures below',
    );
  });

  it('says everything in plain words, without internal names', () => expectPlainWords(cards));
});
