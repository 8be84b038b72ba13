import { z } from 'zod';
import { ClassTableMilestonesParamsSchema } from './class-table-milestones.ts';
import { CommunityReinvestmentParamsSchema } from './community-reinvestment.ts';
import { FixedMilestoneScheduleParamsSchema } from './fixed-milestone-schedule.ts';
import { PoolShareParamsSchema } from './pool-share.ts';
import { RateIncentiveParamsSchema } from './rate-incentive.ts';
import { RubricSelectionParamsSchema } from './rubric-selection.ts';
import { SanctionsParamsSchema } from './sanctions.ts';
import { ShareAllocationParamsSchema } from './share-allocation.ts';
import { WithholdEarnBackParamsSchema } from './withhold-earn-back.ts';

/** A rulebook's payment parameters, discriminated on `method`. */
export const PaymentParamsSchema = z.discriminatedUnion('method', [
  RateIncentiveParamsSchema,
  WithholdEarnBackParamsSchema,
  ClassTableMilestonesParamsSchema,
  ShareAllocationParamsSchema,
  FixedMilestoneScheduleParamsSchema,
  PoolShareParamsSchema,
  RubricSelectionParamsSchema,
  SanctionsParamsSchema,
  CommunityReinvestmentParamsSchema,
]);

/** Parsed payment parameters (defaults filled in): what computePayments takes. */
export type PaymentParams = z.output<typeof PaymentParamsSchema>;
/** Payment parameters as written in a rulebook. */
export type PaymentParamsInput = z.input<typeof PaymentParamsSchema>;
export type PaymentMethod = PaymentParams['method'];
export const PAYMENT_METHODS: readonly PaymentMethod[] = PaymentParamsSchema.options.map(
  (o) => o.shape.method.value,
);
