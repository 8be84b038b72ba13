import type { Entity } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { docExample } from '../doc-example.ts';
import { expectPlainWords, measureOf, scorecardsOf } from '../scorecards-of.ts';
import { dhcsWpc202627 } from './2026-27.ts';
import { wpcSection7Records } from './section-7-example.ts';

// docs/programs/dhcs-wpc.md sections 7.1 and 7.2, as of 2027-08-31: section 4's four payees; Los
// Angeles and San Francisco each have a start-up grant approved, and Los Angeles, San Francisco and
// Sacramento each sent their four quarterly enrollment reports on time, complete and accurate
// (quarter figures of section 6's file; due 2027-07-31).
const entities = docExample('dhcs-wpc', 'payees dhcs-wpc 2026-27') as Entity[];
const submissions = wpcSection7Records();
const cards = scorecardsOf(dhcsWpc202627, entities, submissions, '2027-08-31');
const line = (id: string, key: string) => cards.get(id)?.payment.lines.find((l) => l.lineKey === key);

describe('dhcs-wpc FY 2026-27 scorecards (docs/programs/dhcs-wpc.md sections 7.1, 7.2)', () => {
  it('start-up grants: $200,000.00 to each approved county, none to a city or a consortium', () => {
    // 2 x $200,000.00 = $400,000.00 of the $20M pool: no scaling.
    expect(line('wpc-los-angeles', 'start-up:milestone:1')).toMatchObject({
      amountCents: 20000000,
      part: 'One-time start-up grants',
      text: 'One-time start-up grants: Milestone 1 (start-up grant) completed: $200,000.00',
    });
    expect(line('wpc-san-francisco', 'start-up:milestone:1')?.amountCents).toBe(20000000);
    // Sacramento is a city, North Coast a consortium: the start-up measure does not apply.
    expect(measureOf(cards.get('wpc-sacramento'), 'wpc-start-up')).toMatchObject({ applies: false });
    expect(measureOf(cards.get('wpc-north-coast'), 'wpc-start-up').explanation).toBe(
      'Does not apply to this payee.',
    );
  });

  it('housing: $100M pro rata to housing enrollees of the pilots whose enrollment reporting is current', () => {
    // 6,000 + 2,500 + 1,500 = 10,000 enrollees: $60,000,000.00, $25,000,000.00, $15,000,000.00.
    expect(line('wpc-los-angeles', 'housing:pool-share')?.amountCents).toBe(6000000000);
    expect(line('wpc-san-francisco', 'housing:pool-share')?.amountCents).toBe(2500000000);
    expect(line('wpc-sacramento', 'housing:pool-share')?.text).toBe(
      'Housing fund allocation: Share of the pool: $15,000,000.00',
    );
    // Four reports received 2027-07-15, due 2027-07-31: on time; met.
    expect(measureOf(cards.get('wpc-sacramento'), 'wpc-enrollment-report')).toMatchObject({
      met: true,
      dueDate: '2027-07-31',
      received: [{ receivedOn: '2027-07-15', records: 4, onTime: true, findings: [] }],
    });
    // North Coast provides no housing services: no housing line.
    expect(line('wpc-north-coast', 'housing:pool-share')).toBeUndefined();
  });

  it('says everything in plain words, without internal names', () => expectPlainWords(cards));
});
