import { countField } from '../count-field.ts';
import type { MeasureInput, RulebookInput } from '../rulebook-input.ts';

/** What differs between QWI fiscal years. */
export interface QwiYear {
  fiscalYear: string;
  firstDay: string;
  /** The HEDIS / CAHPS calendar measurement year the fiscal year's rulebook evaluates. */
  measurementYear: number;
}

// DEFAULT — review, every benchmark below: the target is the national 50th percentile (the MPL;
// 001_2c0d9f2df17bfea1.txt (001-02), 003_ede2f8d937c7bbff.txt (003-02)), but the values are
// ILLUSTRATIVE PLACEHOLDERS: the real percentiles are licensed benchmark data an administrator enters.
// The measure list itself is issue 4's (the sources name only quality, patient satisfaction and
// efficiency, 001-03 / 003-03).
const HEDIS: { key: string; name: string; mpl: number; direction: 'higher' | 'lower' }[] = [
  {
    key: 'qwi-controlling-blood-pressure',
    name: 'Controlling High Blood Pressure (CBP)',
    mpl: 0.6,
    direction: 'higher',
  },
  {
    key: 'qwi-glycemic-status-above-9',
    name: 'Glycemic Status Assessment for Patients with Diabetes, > 9.0% (GSD), lower is better',
    mpl: 0.38,
    direction: 'lower',
  },
  {
    key: 'qwi-prenatal-care',
    name: 'Prenatal and Postpartum Care: timeliness of prenatal care (PPC-Pre)',
    mpl: 0.85,
    direction: 'higher',
  },
  {
    key: 'qwi-postpartum-care',
    name: 'Prenatal and Postpartum Care: postpartum care (PPC-Pst)',
    mpl: 0.78,
    direction: 'higher',
  },
  {
    key: 'qwi-well-child-first-15-months',
    name: 'Well-Child Visits in the First 30 Months: 6+ visits by 15 months (W30)',
    mpl: 0.58,
    direction: 'higher',
  },
  {
    key: 'qwi-well-child-15-to-30-months',
    name: 'Well-Child Visits in the First 30 Months: 2+ visits 15-30 months (W30)',
    mpl: 0.66,
    direction: 'higher',
  },
  {
    key: 'qwi-child-adolescent-well-care',
    name: 'Child and Adolescent Well-Care Visits, ages 3-21 (WCV)',
    mpl: 0.48,
    direction: 'higher',
  },
];

/**
 * An earn-back measure a plan does not report counts as not met: the withhold is earned back by
 * meeting targets (001_2c0d9f2df17bfea1.txt (001-03)), so reporting one measure of nine cannot earn
 * back all of it. A measure reported with too small a denominator stays "not scored" (HEDIS
 * reportability), which is not the same as not reporting.
 */
const EARN_BACK_NO_DATA = { noData: 'not-met' as const };

/** The nine measures the withhold is earned back on: seven quality, one satisfaction, one efficiency. */
export const QWI_EARN_BACK = [
  ...HEDIS.map((m) => m.key),
  'qwi-cahps-rating-of-plan',
  'qwi-readmissions-oe-ratio',
];

function measures(y: QwiYear): MeasureInput[] {
  const measurementYear = {
    type: 'number' as const,
    required: true,
    rules: [
      {
        check: `measurementYear == ${y.measurementYear}`,
        message: `the measurement year is ${y.measurementYear}`,
      },
    ],
  };
  const hedis = HEDIS.map(
    (m): MeasureInput => ({
      key: m.key,
      name: m.name,
      domain: 'quality',
      kind: 'performance',
      fields: {
        measurementYear,
        numerator: countField('numerator', 'denominator'),
        denominator: countField('denominator'),
      },
      compute: { kind: 'rate-counts', numeratorField: 'numerator', denominatorField: 'denominator' },
      // DEFAULT — review: the usual HEDIS reportability minimum.
      minDenominator: 30,
      ...EARN_BACK_NO_DATA,
      target: { kind: 'absolute', value: m.mpl, direction: m.direction },
      weight: 1,
    }),
  );
  return [
    ...hedis,
    {
      // 001_2c0d9f2df17bfea1.txt (001-03): patient satisfaction. DEFAULT — review: CAHPS "rating of
      // health plan" top box (9 or 10), placeholder MPL 0.60, not scored below 100 respondents.
      key: 'qwi-cahps-rating-of-plan',
      name: 'CAHPS rating of health plan, 9 or 10',
      domain: 'member-satisfaction',
      kind: 'performance',
      fields: {
        measurementYear,
        respondents: countField('respondents'),
        topBoxResponses: countField('topBoxResponses', 'respondents'),
      },
      compute: { kind: 'rate-counts', numeratorField: 'topBoxResponses', denominatorField: 'respondents' },
      minDenominator: 100,
      ...EARN_BACK_NO_DATA,
      target: { kind: 'absolute', value: 0.6 },
      weight: 1,
    },
    {
      // 001_2c0d9f2df17bfea1.txt (001-03): efficiency. DEFAULT — review: plan all-cause readmissions,
      // observed / expected (lower is better), placeholder target 1.00, not scored below 150 index stays.
      key: 'qwi-readmissions-oe-ratio',
      name: 'Plan All-Cause Readmissions, observed / expected (PCR), lower is better',
      domain: 'efficiency',
      kind: 'performance',
      fields: {
        measurementYear,
        indexStays: countField('indexStays'),
        observedReadmissions: countField('observedReadmissions', 'indexStays'),
        expectedReadmissions: {
          type: 'number',
          required: true,
          rules: [{ check: 'expectedReadmissions > 0', message: 'the expected count is above 0' }],
        },
      },
      // A value that is not a number drops the record, so fewer than 150 stays is "not scored".
      compute: {
        kind: 'value',
        formula: 'if(indexStays >= 150, observedReadmissions / expectedReadmissions, null)',
        aggregate: 'latest',
      },
      target: { kind: 'absolute', value: 1, direction: 'lower' },
      weight: 1,
      ...EARN_BACK_NO_DATA,
    },
    {
      // DEFAULT — review (not in the sources; docs/programs/dhcs-qwi.md): unearned withhold funds an
      // incentive for reducing disparities. Met when the largest race/ethnicity gap on one quality
      // measure shrank by at least 1 percentage point. Weight 0: eligibility for the pool only.
      key: 'qwi-disparity-reduction',
      name: 'Reduction of the largest race/ethnicity gap',
      domain: 'equity',
      kind: 'outcome',
      fields: {
        baseMeasure: { type: 'string', required: true, enum: HEDIS.map((m) => m.key) },
        baselineGapPoints: { type: 'number', required: true, min: 0 },
        currentGapPoints: { type: 'number', required: true, min: 0 },
      },
      compute: { kind: 'value', formula: 'baselineGapPoints - currentGapPoints', aggregate: 'latest' },
      target: { kind: 'absolute', value: 1 },
      weight: 0,
    },
  ];
}

/** DHCS Quality Withhold and Incentive for one fiscal year. */
export function qwiRulebook(y: QwiYear): RulebookInput {
  return {
    schemaVersion: 1,
    program: 'dhcs-qwi',
    name: 'DHCS Quality Withhold and Incentive (QWI)',
    description:
      `0.5% of capitation withheld and earned back on quality, member satisfaction and efficiency targets ` +
      `(measurement year ${y.measurementYear}); unearned withhold funds a disparity-reduction pool; 105% cap.`,
    fiscalYear: y.fiscalYear,
    effectiveFrom: y.firstDay,
    payee: {
      kind: 'plan',
      fields: {
        name: { type: 'string', required: true },
        capitationCents: {
          type: 'number',
          required: true,
          min: 0,
          description: 'capitation for the rating period, before the withhold, integer cents',
        },
        counties: { type: 'list', description: 'counties served (display)' },
      },
    },
    measures: measures(y),
    // Met = 1 point, so every result shows the points the earn-back counts.
    scoring: { kind: 'met-not-met', points: 1 },
    composite: { measures: QWI_EARN_BACK },
    payment: {
      method: 'withhold-earn-back',
      // 001_2c0d9f2df17bfea1.txt (001-03), 003_ede2f8d937c7bbff.txt (003-03): 0.5% of capitation withheld.
      withholdRate: '0.005',
      // DEFAULT — review: 105% of capitation, from federal rule (42 CFR 438.6(b)(2)), not the sources.
      capRate: '1.05',
      // DEFAULT — review: weight of the met measures / weight of the scored ones, every weight 1.
      earning: 'weighted-met',
      measures: QWI_EARN_BACK,
      capitationAttribute: 'capitationCents',
      includeCapitation: true,
      // DEFAULT — review: the pool of everyone's unearned withhold goes to plans that met the
      // disparity measure, pro rata to capitation.
      incentivePool: { eligibleMeasures: ['qwi-disparity-reduction'], distribute: 'capitation' },
      rounding: 'half-up',
    },
  };
}
