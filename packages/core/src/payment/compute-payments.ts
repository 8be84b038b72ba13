import { computeClassTableMilestones } from './class-table-milestones.ts';
import { computeCommunityReinvestment } from './community-reinvestment.ts';
import { computeFixedMilestoneSchedule } from './fixed-milestone-schedule.ts';
import type { ComputeOptions, EntityOutcome, PaymentRun } from './payment.ts';
import type { PaymentParams } from './payment-params.ts';
import { computePoolShare } from './pool-share.ts';
import { computeRateIncentive } from './rate-incentive.ts';
import { computeRubricSelection } from './rubric-selection.ts';
import { computeSanctions } from './sanctions.ts';
import { computeShareAllocation } from './share-allocation.ts';
import { computeWithholdEarnBack } from './withhold-earn-back.ts';

/**
 * Payments for every entity by the rulebook's payment method. All entities come at once because
 * some methods need the whole population (pool share, share allocation, the withhold pool).
 * `params` must be parsed by PaymentParamsSchema (defaults filled in).
 */
export function computePayments(
  params: PaymentParams,
  entities: readonly EntityOutcome[],
  opts: ComputeOptions,
): PaymentRun {
  switch (params.method) {
    case 'rate-incentive':
      return computeRateIncentive(params, entities, opts);
    case 'withhold-earn-back':
      return computeWithholdEarnBack(params, entities, opts);
    case 'class-table-milestones':
      return computeClassTableMilestones(params, entities, opts);
    case 'share-allocation':
      return computeShareAllocation(params, entities, opts);
    case 'fixed-milestone-schedule':
      return computeFixedMilestoneSchedule(params, entities, opts);
    case 'pool-share':
      return computePoolShare(params, entities, opts);
    case 'rubric-selection':
      return computeRubricSelection(params, entities, opts);
    case 'sanctions':
      return computeSanctions(params, entities, opts);
    case 'community-reinvestment':
      return computeCommunityReinvestment(params, entities, opts);
  }
}
