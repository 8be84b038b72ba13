import type { RulebookInput } from '../rulebook-input.ts';
import { START_UP_ELIGIBLE, WPC_INCENTIVE_MEASURES, wpcMeasures } from './wpc-measures.ts';

const baseline = (description: string) => ({ type: 'number' as const, min: 0, description });

/**
 * DHCS Whole Person Care pilots, FY 2026-27 (source 004_47dc2bf30543baa1.txt). A configurable
 * template with the source's amounts: both funds are 2019-20 one-time money (004-06, 004-08) and
 * the housing spending authority ended 2025-06-30 (004-08). DEFAULT — review: every amount before
 * publishing a new round. No FY 2025-26 rulebook: the source describes nothing for that year.
 */
export const dhcsWpc202627: RulebookInput = {
  schemaVersion: 1,
  program: 'dhcs-wpc',
  name: 'DHCS Whole Person Care (WPC) pilots',
  description:
    'Lead entities (county, city, consortium): $200,000 start-up grants per county from a $20M pool, a $100M ' +
    'housing allocation, enrollment and progress reporting, and an incentive pool for reported outcomes.',
  fiscalYear: '2026-27',
  effectiveFrom: '2026-07-01',
  payee: {
    kind: 'lead-entity',
    fields: {
      name: { type: 'string', required: true },
      // 004_47dc2bf30543baa1.txt (004-02): counties, cities and counties, health or hospital
      // authorities, consortia; (004-10) cities since 2017-06-01.
      leadEntityType: {
        type: 'string',
        required: true,
        enum: ['county', 'city-and-county', 'city', 'health-authority', 'hospital-authority', 'consortium'],
      },
      counties: { type: 'list', required: true, description: 'counties served' },
      enrolledMembers: {
        type: 'number',
        required: true,
        min: 0,
        description: 'average monthly WPC enrollment',
      },
      // 004-08: the housing funds are for pilots that actively provide housing services.
      providesHousingServices: { type: 'boolean', required: true },
      housingEnrollees: {
        type: 'number',
        min: 0,
        description: 'enrollees receiving housing services at the snapshot',
      },
      baselineEdVisitsPer1000: baseline('approved baseline of wpc-ed-visits'),
      baselineInpatientStaysPer1000: baseline('approved baseline of wpc-inpatient-stays'),
      baselineMentalIllnessFollowUp: baseline('approved baseline share of wpc-mental-illness-follow-up'),
      baselineCarePlan30Days: baseline('approved baseline share of wpc-care-plan-30-days'),
      baselinePermanentHousing: baseline('approved baseline share of wpc-permanent-housing'),
    },
  },
  // DEFAULT — review: reports and outcomes due 2027-07-31, one month after the year.
  measures: wpcMeasures('2027-06-30', '2027-07-31'),
  scoring: { kind: 'met-not-met', points: 1 },
  composite: { measures: WPC_INCENTIVE_MEASURES },
  payment: {
    // Incentive payments for reported outcomes (a Quip default, not in the source; dhcs-wpc.md §1).
    method: 'pool-share',
    // DEFAULT — review: placeholder $10,000,000 pool; the amount must come from a budget act.
    pool: '10000000.00',
    // DEFAULT — review: pro rata to the share of the seven measures met x enrollment.
    score: 'composite',
    sizeAttribute: 'enrolledMembers',
    rounding: 'down',
  },
  additionalPayments: [
    {
      key: 'start-up',
      name: 'One-time start-up grants',
      description: '$200,000 per county that starts a pilot, from a $20,000,000 pool.',
      // DEFAULT — review: one grant per county or city-and-county lead entity (004-05: "for each county").
      appliesTo: START_UP_ELIGIBLE,
      params: {
        method: 'fixed-milestone-schedule',
        // 004_47dc2bf30543baa1.txt (004-05): one-time $200,000 for each county, paid on approval.
        schedule: [{ milestone: 1, label: 'start-up grant', amount: '200000.00' }],
        // 004_47dc2bf30543baa1.txt (004-06): $20 million from the Mental Health Services Fund.
        // DEFAULT — review: claims beyond it scaled down pro rata.
        pool: { amount: '20000000.00', overflow: 'pro-rata' },
        rounding: 'half-up',
      },
    },
    {
      key: 'housing',
      name: 'Housing fund allocation',
      description:
        'The housing fund among pilots that provide housing services, pro rata to housing enrollees.',
      // 004_47dc2bf30543baa1.txt (004-08): for pilots that actively provide housing services.
      appliesTo: 'providesHousingServices == true',
      // DEFAULT — review: a pilot receives housing money while its enrollment reporting is current.
      composite: { measures: ['wpc-enrollment-report'] },
      params: {
        method: 'pool-share',
        // 004_47dc2bf30543baa1.txt (004-08): $100 million State General Fund, one-time.
        pool: '100000000.00',
        score: 'composite',
        // DEFAULT — review: pro rata to enrollees receiving housing services.
        sizeAttribute: 'housingEnrollees',
        rounding: 'down',
      },
    },
  ],
};
