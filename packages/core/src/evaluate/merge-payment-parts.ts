import { type Payment, type PaymentLine, sumLines } from '../payment/payment.ts';
import { PRIMARY_PAYMENT_PART } from '../rulebook/payment-part-schema.ts';

/** One payment part's payments, by part key. */
export interface PartPayments {
  key: string;
  payments: readonly Payment[];
}

/**
 * Merges the rulebook's own payments and its additional parts' into one Payment per payee, in
 * payee order: every line gets `part` (the primary's lines 'primary', keeping their kinds), the
 * primary's details stay at the top and each part's go under `details.parts[key]`, traces are
 * joined with the part's key in front of each rule, and totalCents is the sum of all the lines.
 */
export function mergePaymentParts(
  entityIds: readonly string[],
  primary: readonly Payment[],
  parts: readonly PartPayments[],
): Payment[] {
  const merged = new Map<string, Payment>();
  const of = (entityId: string): Payment => {
    let p = merged.get(entityId);
    if (!p) {
      p = { entityId, totalCents: 0, lines: [], details: {} };
      merged.set(entityId, p);
    }
    return p;
  };
  const tag = (lines: readonly PaymentLine[], part: string) => lines.map((l) => ({ ...l, part }));
  for (const p of primary) {
    const m = of(p.entityId);
    m.lines.push(...tag(p.lines, PRIMARY_PAYMENT_PART));
    Object.assign(m.details, p.details);
    if (p.trace) m.trace = p.trace.map((s) => ({ ...s, rule: `${PRIMARY_PAYMENT_PART}: ${s.rule}` }));
  }
  for (const part of parts) {
    for (const p of part.payments) {
      const m = of(p.entityId);
      m.lines.push(...tag(p.lines, part.key));
      const details = (m.details.parts ?? {}) as Record<string, unknown>;
      details[part.key] = p.details;
      m.details.parts = details;
      if (p.trace)
        m.trace = [...(m.trace ?? []), ...p.trace.map((s) => ({ ...s, rule: `${part.key}: ${s.rule}` }))];
    }
  }
  const out: Payment[] = [];
  const push = (p: Payment) => {
    p.totalCents = sumLines(p.lines);
    out.push(p);
  };
  for (const id of entityIds) {
    const p = merged.get(id);
    if (p) {
      push(p);
      merged.delete(id);
    }
  }
  for (const p of merged.values()) push(p);
  return out;
}
