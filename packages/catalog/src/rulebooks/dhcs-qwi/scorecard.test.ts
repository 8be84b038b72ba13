import type { Entity } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { docExample } from '../doc-example.ts';
import { expectPlainWords, measureOf, scorecardsOf } from '../scorecards-of.ts';
import { dhcsQwi202627 } from './2026-27.ts';
import { planSubmissions } from './qwi-plan-submissions.ts';

// docs/programs/dhcs-qwi.md section 7: section 4's three plans; Alpha meets every earn-back measure
// but postpartum care and well-child visits 15-30 months (7 of 9), Bravo all nine, Charlie only
// controlling blood pressure, CAHPS and readmissions (3 of 9); Alpha and Bravo met the disparity
// measure, Charlie did not. Every denominator 1,000 (above every minimum): a met rate sits 5
// points better than the rulebook's MPL, a missed one 5 points worse.
const entities = docExample('dhcs-qwi', 'payees dhcs-qwi 2026-27') as Entity[];
// Each plan's data: qwi-plan-submissions.ts; the disparity measure on postpartum care.
const plan = (entityId: string, met: (measure: string) => boolean, disparityMet: boolean) =>
  planSubmissions(entityId, met, {
    met: disparityMet,
    baseMeasure: 'qwi-postpartum-care',
    submittedOn: '2027-06-15',
  });
const alphaMisses = ['qwi-postpartum-care', 'qwi-well-child-15-to-30-months'];
const charlieMeets = [
  'qwi-controlling-blood-pressure',
  'qwi-cahps-rating-of-plan',
  'qwi-readmissions-oe-ratio',
];
const submissions = [
  ...plan('mcp-alpha', (m) => !alphaMisses.includes(m), true),
  ...plan('mcp-bravo', () => true, true),
  ...plan('mcp-charlie', (m) => charlieMeets.includes(m), false),
];
const cards = scorecardsOf(dhcsQwi202627, entities, submissions, '2027-07-31');

describe('dhcs-qwi FY 2026-27 scorecards (docs/programs/dhcs-qwi.md section 7)', () => {
  it('Alpha: 7 of 9 earned back, a share of the pool, and what each miss cost', () => {
    const card = cards.get('mcp-alpha');
    // Postpartum care 730 / 1,000 = 73% against the fixed 78%.
    const postpartum = measureOf(card, 'qwi-postpartum-care');
    expect(postpartum).toMatchObject({
      value: 0.73,
      numerator: 730,
      denominator: 1000,
      target: 0.78,
      met: false,
    });
    expect(postpartum.targetText).toBe('fixed at 78%');
    expect(postpartum.explanation).toContain('Not met: 73% is below the target 78%.');
    expect(postpartum.received).toEqual([
      { receivedOn: '2027-06-15', records: 1, onTime: null, findings: [] },
    ]);
    // The doc's figures: withhold 200,000,000.00 x 0.5% = 1,000,000.00; returned 7/9 -> 777,777.78;
    // pool 22,222,222 + 0 + 16,666,667 = 38,888,889, Alpha's 5/7 -> 277,777.78 (the leftover cent);
    // total 200,000,000.00 - 1,000,000.00 + 777,777.78 + 277,777.78 = 200,055,555.56.
    expect(card?.payment.lines.map((l) => [l.kind, l.amountCents, l.text])).toEqual([
      ['capitation', 20000000000, 'Capitation: $200,000,000.00'],
      ['withhold', -100000000, 'Quality withhold (0.5% of capitation): -$1,000,000.00'],
      ['withhold-returned', 77777778, 'Withhold earned back by meeting quality measures: $777,777.78'],
      ['incentive', 27777778, 'Share of the incentive pool funded by withholds not earned back: $277,777.78'],
    ]);
    // Every measure met: all 1,000,000.00 returned; the pool is then Charlie's 16,666,667 alone, Alpha's
    // 5/7 = 11,904,762.14 and Bravo's 2/7 = 4,761,904.86 (the leftover cent to Bravo's larger remainder):
    // 20,000,000,000 - 100,000,000 + 100,000,000 + 11,904,762 = 20,011,904,762; forgone
    // 20,011,904,762 - 20,005,555,556 = 6,349,206.
    expect(card?.payment).toMatchObject({
      totalCents: 20005555556,
      potentialCents: 20011904762,
      forgoneCents: 6349206,
    });
    // Meeting postpartum care alone: 8/9 x 100,000,000 = 88,888,888.89 -> 88,888,889 returned,
    // unearned 11,111,111; pool 11,111,111 + 16,666,667 = 27,777,778, Alpha's 5/7 = 19,841,270 exactly.
    // Total 20,000,000,000 - 100,000,000 + 88,888,889 + 19,841,270 = 20,008,730,159: +3,174,603.
    // The well-child measure weighs the same, so it adds the same.
    expect(card?.payment.rest.map((r) => [r.measure, r.addedCents])).toEqual([
      ['qwi-postpartum-care', 3174603],
      ['qwi-well-child-15-to-30-months', 3174603],
    ]);
    expect(card?.payment.rest[0]?.text).toBe(
      "Meeting 'Prenatal and Postpartum Care: postpartum care (PPC-Pst)' (target fixed at 78%) would have added $31,746.03.",
    );
  });

  it('Bravo: everything met, nothing forgone', () => {
    // 80,000,000.00 - 400,000.00 + 400,000.00 + 111,111.11 (2/7 of the pool) = 80,111,111.11.
    expect(cards.get('mcp-bravo')?.payment).toMatchObject({
      totalCents: 8011111111,
      potentialCents: 8011111111,
      forgoneCents: 0,
      rest: [],
    });
  });

  it('Charlie: 3 of 9, outside the pool; what a met measure and the disparity measure would add', () => {
    const card = cards.get('mcp-charlie');
    // 50,000,000.00 - 250,000.00 + 25,000,000 x 3/9 = 8,333,333.33 -> 83,333.33: 49,833,333.33.
    expect(card?.payment.totalCents).toBe(4983333333);
    const rest = Object.fromEntries((card?.payment.rest ?? []).map((r) => [r.measure, r.addedCents]));
    // Prenatal care met: 4/9 x 25,000,000 = 11,111,111.11 -> 11,111,111 returned, +2,777,778 (Charlie
    // takes no pool money, so the pool shrinking changes nothing for it).
    expect(rest['qwi-prenatal-care']).toBe(2777778);
    // The disparity measure met (weight 0: no withhold back) makes Charlie eligible: pool 22,222,222
    // + 0 + 16,666,667 = 38,888,889 shared 200 : 80 : 50 by capitation; Charlie 38,888,889 x 50/330 =
    // 5,892,255.91, Alpha 23,569,023.64, Bravo 9,427,609.45; floors add to 38,888,887 and the two
    // leftover cents go to the largest remainders, Charlie's (.91) and Alpha's (.64): Charlie 5,892,256.
    expect(rest['qwi-disparity-reduction']).toBe(5892256);
  });

  it('says everything in plain words, without internal names', () => expectPlainWords(cards));
});
