import type { RulebookSchema } from '@quip/core';

/**
 * A rulebook as it is written (before zod fills in defaults): the type every catalog rulebook is
 * checked against at compile time. Taken from core's schema so a catalog rulebook can never drift
 * from the format core validates.
 */
export type RulebookInput = (typeof RulebookSchema)['_zod']['input'];

/** One measure of a rulebook as written. */
export type MeasureInput = RulebookInput['measures'][number];
