import type { RulebookInput } from '../rulebook-input.ts';
import { MCAS_AUTO_ASSIGNMENT, MCAS_MEASURES, mcasMeasures } from './mcas-measures.ts';

/** What differs between MCAS fiscal years. */
export interface McasYear {
  fiscalYear: string;
  firstDay: string;
  measurementYear: number;
}

/**
 * DHCS Managed Care Accountability Set for one fiscal year: payees are plan x county reporting
 * units; each measure is held to the MPL. The primary payment is the sanctions.
 */
export function mcasRulebook(y: McasYear): RulebookInput {
  return {
    schemaVersion: 1,
    program: 'dhcs-mcas',
    name: 'DHCS Managed Care Accountability Set (MPL floors, sanctions, auto-assignment, reinvestment)',
    description:
      `Measurement year ${y.measurementYear}: a sanction per measure below the MPL (national 50th percentile); ` +
      'auto-assignment shares of default members by quality in counties with two or more plans; ' +
      'community reinvestment of 7.5-15% of net income.',
    fiscalYear: y.fiscalYear,
    effectiveFrom: y.firstDay,
    payee: {
      kind: 'plan-county',
      fields: {
        name: { type: 'string', required: true },
        planId: { type: 'string', required: true },
        // 001_2c0d9f2df17bfea1.txt (001-05): auto-assignment works county by county.
        county: { type: 'string', required: true },
        enrolledMembers: { type: 'number', required: true, min: 0 },
        countyDefaultMembers: {
          type: 'number',
          min: 0,
          description:
            'members expected to be auto-assigned in the county (the same on each plan of the county)',
        },
        netIncomeCents: {
          type: 'number',
          description: "the plan's net income in this county, integer cents (may be negative)",
        },
      },
    },
    measures: mcasMeasures(y.measurementYear),
    // Met = 1 point; the auto-assignment score is the share of its 8 measures at or above the MPL.
    scoring: { kind: 'met-not-met', points: 1 },
    composite: { measures: MCAS_AUTO_ASSIGNMENT },
    payment: {
      // 001_2c0d9f2df17bfea1.txt (001-01, 001-02), 003_ede2f8d937c7bbff.txt (003-01, 003-02):
      // financial sanctions for plans below the national 50th percentile.
      method: 'sanctions',
      // The sanctions method reads the direction here, not from the floor spec.
      directions: Object.fromEntries(MCAS_MEASURES.map((m) => [m.key, m.direction])),
      // DEFAULT — review: $25,000.00 per measure below its floor (no source gives an amount).
      amount: { kind: 'per-measure', amount: '25000.00' },
      // DEFAULT — review: a measure too small to score is not evidence of poor quality.
      unscoredIsBelow: false,
      rounding: 'half-up',
    },
    additionalPayments: [
      {
        key: 'auto-assignment',
        name: 'Auto-assignment of default members by quality',
        description:
          'Members who do not choose a plan, split among the county plans by the auto-assignment score.',
        params: {
          // 001_2c0d9f2df17bfea1.txt (001-05), 003_ede2f8d937c7bbff.txt (003-04): in counties with
          // two or more plans, better performers get a larger share of default members.
          method: 'share-allocation',
          groupAttribute: 'county',
          quantityAttribute: 'countyDefaultMembers',
          score: 'composite',
          // DEFAULT — review: half the default members split evenly, half by quality score.
          baseShare: '0.5',
          // 001-05: two or more plans; a county with one plan is outside the incentive.
          minEntities: 2,
          unit: 'members',
        },
      },
      {
        key: 'reinvestment',
        name: 'Community reinvestment obligation',
        description: 'Share of net income to reinvest in the community (an obligation, not a payment).',
        // Units without a reported net income are left out (the field is optional).
        appliesTo: 'present(netIncomeCents)',
        params: {
          method: 'community-reinvestment',
          netIncomeAttribute: 'netIncomeCents',
          // 001_2c0d9f2df17bfea1.txt (001-09), 003_ede2f8d937c7bbff.txt (003-07): plans with net
          // income reinvest 7.5-15% of it. DEFAULT — review: 7.5% when every held MPL is met, 15%
          // when any is missed (the source gives only the range).
          rateFloorsMet: '0.075',
          rateBelowFloor: '0.15',
          directions: Object.fromEntries(MCAS_MEASURES.map((m) => [m.key, m.direction])),
          unscoredIsBelow: false,
          rounding: 'half-up',
        },
      },
    ],
  };
}
