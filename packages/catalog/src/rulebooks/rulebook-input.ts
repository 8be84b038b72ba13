import type { RulebookInput } from '@quip/core';

/**
 * A rulebook as it is written (before zod fills in defaults): core's input type, so a catalog
 * rulebook can never drift from the format core validates.
 */
export type { RulebookInput };

/** One measure of a rulebook as written. */
export type MeasureInput = RulebookInput['measures'][number];

/** One additional payment part of a rulebook as written. */
export type PaymentPartInput = NonNullable<RulebookInput['additionalPayments']>[number];
