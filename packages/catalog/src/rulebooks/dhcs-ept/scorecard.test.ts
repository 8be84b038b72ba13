import type { Entity, Submission } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { docExample } from '../doc-example.ts';
import { expectPlainWords, measureOf, scorecardsOf } from '../scorecards-of.ts';
import { dhcsEpt202627 } from './2026-27.ts';

// docs/programs/dhcs-ept.md section 7, as of 2027-06-30: section 4's practices; Mission Family
// Health's file of section 6 (received 2027-01-15: milestones 3 and 4 and its application) and
// Delta Pediatrics' milestone 1 (completed 2026-11-28, from the administrator's CSV, sent 2026-12-01).
const entities = docExample('dhcs-ept', 'payees dhcs-ept 2026-27') as Entity[];
const mission = docExample(
  'dhcs-ept',
  'submissions dhcs-ept 2026-27 submitter received=2027-01-15',
) as Submission[];
const submissions: Submission[] = [
  ...mission.map((s) => ({ ...s, submittedOn: '2027-01-15' })),
  {
    entityId: 'ept-0002',
    measure: 'ept-milestone',
    period: '2026-27',
    submittedOn: '2026-12-01',
    data: { milestone: 1, completedOn: '2026-11-28' },
  },
];
const cards = scorecardsOf(dhcsEpt202627, entities, submissions, '2027-06-30');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('dhcs-ept FY 2026-27 scorecards (docs/programs/dhcs-ept.md section 7)', () => {
  it('Mission Family Health: 2 of 25 milestones paid, the other 23 forgone', () => {
    const card = cards.get('ept-0001');
    const milestones = measureOf(card, 'ept-milestone');
    expect(milestones).toMatchObject({ met: true, value: 2, valueText: '2 milestones' });
    expect(milestones.received).toEqual([
      { receivedOn: '2027-01-15', records: 2, onTime: null, findings: [] },
    ]);
    expect(milestones.explanation).toContain('2 milestones completed: 3 (2026-09-30), 4 (2027-01-10).');
    expect(milestones.explanation).toContain(`Not yet completed: ${[1, 2, ...range(5, 25)].join(', ')}.`);
    // The rubric: plan score 70 + 12 (children and youth) = 82 against a fixed 77: met, weight 0.
    expect(measureOf(card, 'ept-application-score')).toMatchObject({
      value: 82,
      target: 77,
      targetText: 'fixed at 77',
      met: true,
      weight: 0,
    });
    // 920 members -> class D (851..1,000), $305.00 PMPY: potential 920 x 30,500 = 28,060,000 cents;
    // / 25 = 1,122,400 per milestone. Paid 3 and 4: 2 x 1,122,400 = 2,244,800. All 25 completed
    // would pay the potential, 28,060,000; forgone 28,060,000 - 2,244,800 = 25,815,200 = 23 x 1,122,400.
    expect(card?.payment).toMatchObject({
      totalCents: 2244800,
      potentialCents: 28060000,
      forgoneCents: 25815200,
    });
    expect(card?.payment.lines.map((l) => [l.lineKey, l.amountCents, l.text])).toEqual([
      ['milestone:3', 1122400, 'Milestone 3 completed: $11,224.00'],
      ['milestone:4', 1122400, 'Milestone 4 completed: $11,224.00'],
    ]);
    expect(card?.payment.rest).toEqual([
      {
        measure: 'ept-milestone',
        name: 'Milestones completed',
        addedCents: 25815200,
        text: `Completing the remaining milestones of 'Milestones completed' (${[1, 2, ...range(5, 25)].join(
          ', ',
        )}) would have added $258,152.00.`,
      },
    ]);
    expect(card?.payment.notes).toEqual([
      'Potential $280,600.00: 920 members at $305.00 per member per year (class D), $11,224.00 for each of 25 milestones.',
      // 70 base + 12 bonus = 82 >= 77.
      'Application rubric selection: Selected: 82 points (70 base + 12 bonus), cut-off 77.',
    ]);
  });

  it('Delta Pediatrics: leftover cents go to the first milestones; milestone 1 pays 1,394,957', () => {
    const card = cards.get('ept-0002');
    // 1,234 members -> class F, $260.00: potential 1,234 x 26,000 = 32,084,000; / 23 = 1,394,956.52:
    // 23 x 1,394,956 = 32,083,988, the 12 cents left go to milestones 1..12 (1,394,957 each).
    // Paid milestone 1: 1,394,957; forgone 32,084,000 - 1,394,957 = 30,689,043.
    expect(card?.payment).toMatchObject({
      totalCents: 1394957,
      potentialCents: 32084000,
      forgoneCents: 30689043,
    });
    expect(card?.payment.notes[0]).toBe(
      'Potential $320,840.00: 1,234 members at $260.00 per member per year (class F), 23 milestones of $13,949.56 to $13,949.57.',
    );
    // No plan score: the rubric part does not apply, and there is no application to score.
    expect(measureOf(card, 'ept-application-score').explanation).toContain('Not scored: no data submitted.');
  });

  it('Harbor OB/GYN: nothing completed yet, the whole potential is ahead', () => {
    const card = cards.get('ept-0003');
    const milestones = measureOf(card, 'ept-milestone');
    expect(milestones).toMatchObject({ met: false, received: [] });
    expect(milestones.explanation).toContain('No milestone completed.');
    // 501 members -> class B, $397.00: potential 501 x 39,700 = 19,889,700; nothing paid.
    expect(card?.payment).toMatchObject({ totalCents: 0, potentialCents: 19889700, forgoneCents: 19889700 });
    expect(card?.payment.rest[0]?.text).toContain('would have added $198,897.00.');
  });

  it('says everything in plain words, without internal names', () => expectPlainWords(cards));
});
