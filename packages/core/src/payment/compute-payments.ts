import { computeClassTableMilestones } from './class-table-milestones.ts';
import { computeCommunityReinvestment } from './community-reinvestment.ts';
import { computeFixedMilestoneSchedule } from './fixed-milestone-schedule.ts';
import type { PaymentMethod } from './payment.ts';
import type { PaymentParams } from './payment-params.ts';
import { computePoolShare } from './pool-share.ts';
import { computeRateIncentive } from './rate-incentive.ts';
import { computeRubricSelection } from './rubric-selection.ts';
import { computeSanctions } from './sanctions.ts';
import { computeShareAllocation } from './share-allocation.ts';
import { computeWithholdEarnBack } from './withhold-earn-back.ts';

/** Each method by its name: the table type ties every name to its own parameters. */
const METHODS: { [M in PaymentParams['method']]: PaymentMethod<Extract<PaymentParams, { method: M }>> } = {
  'rate-incentive': computeRateIncentive,
  'withhold-earn-back': computeWithholdEarnBack,
  'class-table-milestones': computeClassTableMilestones,
  'share-allocation': computeShareAllocation,
  'fixed-milestone-schedule': computeFixedMilestoneSchedule,
  'pool-share': computePoolShare,
  'rubric-selection': computeRubricSelection,
  sanctions: computeSanctions,
  'community-reinvestment': computeCommunityReinvestment,
};

/**
 * Payments for every entity by the rulebook's payment method. All entities come at once because
 * some methods need the whole population (pool share, share allocation, the withhold pool).
 * `params` must be parsed by PaymentParamsSchema (defaults filled in).
 */
export const computePayments: PaymentMethod<PaymentParams> = (params, entities, opts) =>
  // The table's type pairs each name with its parameters; TypeScript cannot follow that through the lookup.
  (METHODS[params.method] as PaymentMethod<PaymentParams>)(params, entities, opts);
