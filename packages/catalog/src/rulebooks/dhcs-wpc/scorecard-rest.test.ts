import type { Entity } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { docExample } from '../doc-example.ts';
import { scorecardsOf } from '../scorecards-of.ts';
import { dhcsWpc202627 } from './2026-27.ts';
import { wpcSection7Records } from './section-7-example.ts';
import { WPC_INCENTIVE_MEASURES } from './wpc-measures.ts';

// "What would have earned the rest" in a pooled program, worked by hand from docs/programs/dhcs-wpc.md
// sections 4 and 7: section 7's example (as of 2027-08-31) except that Sacramento sent no enrollment
// reports; Los Angeles and San Francisco sent their four on time and had a start-up grant approved.
// No pilot sent a progress report or outcome counts: Los Angeles and San Francisco have baselines,
// so their five outcome measures are scored and missed; Sacramento and North Coast have none, so
// theirs are not scored and drop out of the composite (North Coast's permanent housing does not apply).
const entities = docExample('dhcs-wpc', 'payees dhcs-wpc 2026-27') as Entity[];
const submissions = wpcSection7Records(['wpc-los-angeles', 'wpc-san-francisco']);
const cards = scorecardsOf(dhcsWpc202627, entities, submissions, '2027-08-31');
const rest = (id: string) =>
  Object.fromEntries((cards.get(id)?.payment.rest ?? []).map((r) => [r.measure, r.addedCents]));
const paid = (id: string) =>
  Object.fromEntries((cards.get(id)?.payment.lines ?? []).map((l) => [l.lineKey, l.amountCents]));

describe('dhcs-wpc: what meeting a measure would add, paying the pools again', () => {
  it('pays the pools as section 7 says, without Sacramento', () => {
    // Housing ($100M = 10,000,000,000 cents) among LA 6,000 and SF 2,500 = 8,500 enrollees:
    // LA 10^10 x 6000/8500 = 7,058,823,529.41, SF 2,941,176,470.59; floors 9,999,999,999, the
    // leftover cent to the larger remainder (SF .59): LA 7,058,823,529, SF 2,941,176,471.
    // Incentive ($10M = 1,000,000,000 cents): LA and SF meet 1 of 7 scored measures (the enrollment
    // reports), Sacramento and North Coast 0 of 2: weights 4,000 x 1/7 : 1,000 x 1/7 = 4 : 1 ->
    // LA 800,000,000, SF 200,000,000. Start-up: $200,000.00 each.
    expect(paid('wpc-los-angeles')).toEqual({
      'pool-share': 800000000,
      'start-up:milestone:1': 20000000,
      'housing:pool-share': 7058823529,
    });
    expect(paid('wpc-san-francisco')).toEqual({
      'pool-share': 200000000,
      'start-up:milestone:1': 20000000,
      'housing:pool-share': 2941176471,
    });
    expect(cards.get('wpc-sacramento')?.payment.totalCents).toBe(0);
  });

  it('Sacramento: its enrollment reports would bring its housing share and half its composite', () => {
    // Met: housing back among 10,000 enrollees, Sacramento 10^10 x 1500/10000 = 1,500,000,000.
    // Incentive: Sacramento 1 of 2 scored -> weight 600 x 1/2 = 300; LA 4000/7, SF 1000/7; total
    // 7100/7: Sacramento 10^9 x 2100/7100 = 295,774,647.89, LA x 4000/7100 = 563,380,281.69, SF x
    // 1000/7100 = 140,845,070.42; floors 999,999,998, the 2 cents to the larger remainders (.89, .69):
    // Sacramento 295,774,648. Added 1,500,000,000 + 295,774,648 = 1,795,774,648 ($17,957,746.48).
    // The progress report alone: the same composite 1/2, no housing: 295,774,648.
    expect(rest('wpc-sacramento')).toEqual({
      'wpc-enrollment-report': 1795774648,
      'wpc-progress-report': 295774648,
    });
    expect(cards.get('wpc-sacramento')?.payment.rest[0]?.text).toBe(
      "Meeting 'Enrollment reports, four quarters' would have added $17,957,746.48.",
    );
  });

  it('North Coast: no housing services, so only the incentive share moves', () => {
    // Weight 300 x 1/2 = 150 = 1050/7; total (5000 + 1050)/7: North Coast 10^9 x 1050/6050 =
    // 173,553,719.01, LA x 4000/6050 = 661,157,024.79, SF x 1000/6050 = 165,289,256.20; floors
    // 999,999,999, the cent to LA (.79): North Coast 173,553,719 either way.
    expect(rest('wpc-north-coast')).toEqual({
      'wpc-enrollment-report': 173553719,
      'wpc-progress-report': 173553719,
    });
  });

  it('Los Angeles and San Francisco: each missed measure would raise the composite to 2 of 7', () => {
    // LA 2/7: weights 8000/7 : 1000/7 = 8 : 1 -> 888,888,888.89 and 111,111,111.11, floors
    // 999,999,999, the cent to LA: 888,888,889, up 88,888,889 from 800,000,000.
    // SF 2/7: 4000/7 : 2000/7 = 2 : 1 -> LA 666,666,666.67, SF 333,333,333.33, the cent to LA:
    // SF 333,333,333, up 133,333,333 from 200,000,000. Housing does not move (reports already met).
    const missed = WPC_INCENTIVE_MEASURES.filter((m) => m !== 'wpc-enrollment-report');
    expect(rest('wpc-los-angeles')).toEqual(Object.fromEntries(missed.map((m) => [m, 88888889])));
    expect(rest('wpc-san-francisco')).toEqual(Object.fromEntries(missed.map((m) => [m, 133333333])));
  });
});
