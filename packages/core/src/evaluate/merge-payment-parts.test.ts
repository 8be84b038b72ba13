import { describe, expect, it } from 'vitest';
import type { Payment } from '../payment/payment.ts';
import { mergePaymentParts } from './merge-payment-parts.ts';

const pay = (entityId: string, amounts: number[], details: Record<string, unknown> = {}): Payment => ({
  entityId,
  totalCents: amounts.reduce((t, a) => t + a, 0),
  lines: amounts.map((amountCents) => ({ kind: 'x', amountCents })),
  details,
});

describe('mergePaymentParts', () => {
  it('gives a payee priced only by a part a payment of its own, in payee order', () => {
    // EPT: b is outside the class table (no milestone payment) but its application is ranked.
    const merged = mergePaymentParts(
      ['a', 'b'],
      [pay('a', [100, 50], { class: 'D' })],
      [{ key: 'rubric', payments: [pay('b', [7], { selected: true }), pay('a', [0], { selected: false })] }],
    );
    expect(merged.map((p) => [p.entityId, p.totalCents])).toEqual([
      ['a', 150], // 100 + 50 + 0
      ['b', 7],
    ]);
    expect(merged[0]?.details).toEqual({ class: 'D', parts: { rubric: { selected: false } } });
    expect(merged[1]?.details).toEqual({ parts: { rubric: { selected: true } } });
    expect(merged[1]?.lines).toEqual([{ kind: 'x', amountCents: 7, part: 'rubric' }]);
  });

  it('keeps payees the list does not name, after the named ones', () => {
    const merged = mergePaymentParts(['a'], [pay('z', [1]), pay('a', [2])], []);
    expect(merged.map((p) => p.entityId)).toEqual(['a', 'z']);
  });
});
