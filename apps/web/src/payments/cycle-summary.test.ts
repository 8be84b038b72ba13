import { describe, expect, it } from 'vitest';
import type { LedgerEntry, PaymentCycleLine } from '../api/resources.ts';
import {
  grandTotal,
  historySummary,
  isRecovery,
  payeeHistory,
  previewLines,
  totalsByKind,
} from './cycle-summary.ts';

const line = (entityId: string, key: string, kind: string, dueCents: number): PaymentCycleLine => ({
  entityId,
  key,
  kind,
  lifetime: false,
  entitledCents: Math.max(dueCents, 0),
  payableCents: Math.max(dueCents, 0),
  elsewhereCents: 0,
  paidBeforeCents: 0,
  deferredCents: 0,
  dueCents,
});

const entry = (id: number, cycleId: number, amountCents: number, key = 'incentive'): LedgerEntry => ({
  id,
  cycleId,
  fiscalYear: '2026-27',
  entityId: 'P-1',
  key,
  kind: key,
  amountCents,
  balanceCents: 0,
  approvedAt: '2026-10-01T00:00:00.000Z',
});

describe('isRecovery', () => {
  it('marks negative amounts due only', () => {
    expect(isRecovery({ dueCents: -1 })).toBe(true);
    expect(isRecovery({ dueCents: 0 })).toBe(false);
    expect(isRecovery({ dueCents: 5 })).toBe(false);
  });
});

describe('totalsByKind', () => {
  it('sums due and recovered separately per kind, kinds in order, and adds up to the grand total', () => {
    const kinds = totalsByKind([
      line('A', 'milestone:2', 'milestone', 10_000),
      line('B', 'incentive', 'incentive', 5_000),
      line('A', 'milestone:1', 'milestone', -2_500),
      line('C', 'incentive', 'incentive', -100),
      line('D', 'incentive', 'incentive', 0),
    ]);
    expect(kinds).toEqual([
      { kind: 'incentive', lines: 3, recoveries: 1, dueCents: 5_000, recoveredCents: 100, netCents: 4_900 },
      {
        kind: 'milestone',
        lines: 2,
        recoveries: 1,
        dueCents: 10_000,
        recoveredCents: 2_500,
        netCents: 7_500,
      },
    ]);
    expect(grandTotal(kinds)).toEqual({
      lines: 5,
      recoveries: 2,
      dueCents: 15_000,
      recoveredCents: 2_600,
      netCents: 12_400,
    });
  });

  it('is empty for no lines', () => {
    expect(totalsByKind([])).toEqual([]);
    expect(grandTotal([])).toEqual({ lines: 0, recoveries: 0, dueCents: 0, recoveredCents: 0, netCents: 0 });
  });
});

describe('previewLines', () => {
  it('lists recoveries first, the largest first, then the rest in order, and counts what it leaves out', () => {
    const lines = [
      line('A', 'k', 'x', 1),
      line('B', 'k', 'x', -5),
      line('C', 'k', 'x', 2),
      line('D', 'k', 'x', -9),
    ];
    expect(previewLines(lines, 10).rows.map((l) => l.entityId)).toEqual(['D', 'B', 'A', 'C']);
    const cut = previewLines(lines, 3);
    expect(cut.rows.map((l) => l.entityId)).toEqual(['D', 'B', 'A']);
    expect(cut.hidden).toBe(1);
  });
});

describe('payeeHistory', () => {
  it('adds each cycle to what was paid so far, oldest cycle first, with its run entitlement', () => {
    const points = payeeHistory(
      [entry(3, 9, -1_000), entry(1, 4, 5_000, 'incentive'), entry(2, 4, 2_000, 'startup')],
      new Map([
        [4, 7_000],
        [9, 6_000],
      ]),
    );
    expect(points).toEqual([
      { cycleId: 4, entitledCents: 7_000, paidCents: 7_000, cycleCents: 7_000 },
      { cycleId: 9, entitledCents: 6_000, paidCents: 6_000, cycleCents: -1_000 },
    ]);
    expect(historySummary('P-1', points)).toEqual([
      'P-1: entitled to $60.00 by the run of cycle 9, $60.00 paid over 2 cycles, fully paid.',
      'Cycle 4: paid $70.00, $70.00 paid so far of $70.00 entitled.',
      'Cycle 9: recovered $10.00, $60.00 paid so far of $60.00 entitled.',
    ]);
  });

  it('says what is not yet paid (an interim share) and when nothing was paid', () => {
    const points = payeeHistory([entry(1, 2, 8_000)], new Map([[2, 10_000]]));
    expect(historySummary('P-1', points)[0]).toBe(
      'P-1: entitled to $100.00 by the run of cycle 2, $80.00 paid over 1 cycle, $20.00 not yet paid.',
    );
    expect(historySummary('P-1', [])).toEqual(['P-1 has no approved payments in this ledger.']);
  });
});
