import { type CompiledRulebook, DEFAULT_TIME_ZONE, dayIn } from '@quip/core';

/** When a batch was received: the server's clock, and its day where the program keeps its dates. */
export interface ReceiptTime {
  /** ISO 8601 UTC. */
  receivedAt: string;
  /** receivedAt's day in the rulebook's time zone: a due date D is met when this is D or before. */
  receivedOn: string;
}

export function receiptTime(now: Date, compiled: CompiledRulebook): ReceiptTime {
  return {
    receivedAt: now.toISOString(),
    receivedOn: dayIn(now, compiled.rulebook.timeZone ?? DEFAULT_TIME_ZONE),
  };
}
