import { countField } from '../count-field.ts';
import type { MeasureInput } from '../rulebook-input.ts';

interface McasMeasure {
  key: string;
  name: string;
  domain: string;
  mpl: number;
  direction: 'higher' | 'lower';
  autoAssignment: boolean;
}

// The floor of every measure is the national 50th percentile, the minimum performance level (MPL):
// 001_2c0d9f2df17bfea1.txt (001-02), 003_ede2f8d937c7bbff.txt (003-02).
// DEFAULT — review, the whole list: the sources name no measures, so Quip holds 14 HEDIS measures
// covering the Bold Goals areas (001-11), and the MPL values are ILLUSTRATIVE PLACEHOLDERS (the real
// percentiles are licensed benchmark data). Auto-assignment uses "select quality measures" aligned
// with the Bold Goals (001-06): DEFAULT — review, the 8 marked below.
export const MCAS_MEASURES: readonly McasMeasure[] = [
  {
    key: 'mcas-breast-cancer-screening',
    name: 'Breast Cancer Screening (BCS-E)',
    domain: 'cancer-prevention',
    mpl: 0.52,
    direction: 'higher',
    autoAssignment: false,
  },
  {
    key: 'mcas-cervical-cancer-screening',
    name: 'Cervical Cancer Screening (CCS-E)',
    domain: 'cancer-prevention',
    mpl: 0.57,
    direction: 'higher',
    autoAssignment: false,
  },
  {
    key: 'mcas-childhood-immunizations',
    name: 'Childhood Immunization Status, Combination 10 (CIS-10)',
    domain: 'children',
    mpl: 0.3,
    direction: 'higher',
    autoAssignment: true,
  },
  {
    key: 'mcas-adolescent-immunizations',
    name: 'Immunizations for Adolescents, Combination 2 (IMA-2)',
    domain: 'children',
    mpl: 0.35,
    direction: 'higher',
    autoAssignment: false,
  },
  {
    key: 'mcas-lead-screening',
    name: 'Lead Screening in Children (LSC)',
    domain: 'children',
    mpl: 0.63,
    direction: 'higher',
    autoAssignment: false,
  },
  {
    key: 'mcas-well-child-first-15-months',
    name: 'Well-Child Visits, 6+ by 15 months (W30)',
    domain: 'children',
    mpl: 0.58,
    direction: 'higher',
    autoAssignment: true,
  },
  {
    key: 'mcas-well-child-15-to-30-months',
    name: 'Well-Child Visits, 2+ at 15-30 months (W30)',
    domain: 'children',
    mpl: 0.66,
    direction: 'higher',
    autoAssignment: true,
  },
  {
    key: 'mcas-child-adolescent-well-care',
    name: 'Child and Adolescent Well-Care Visits (WCV)',
    domain: 'children',
    mpl: 0.48,
    direction: 'higher',
    autoAssignment: true,
  },
  {
    key: 'mcas-prenatal-care',
    name: 'Prenatal and Postpartum Care: prenatal (PPC-Pre)',
    domain: 'maternity',
    mpl: 0.85,
    direction: 'higher',
    autoAssignment: true,
  },
  {
    key: 'mcas-postpartum-care',
    name: 'Prenatal and Postpartum Care: postpartum (PPC-Pst)',
    domain: 'maternity',
    mpl: 0.78,
    direction: 'higher',
    autoAssignment: true,
  },
  {
    key: 'mcas-controlling-blood-pressure',
    name: 'Controlling High Blood Pressure (CBP)',
    domain: 'chronic-disease',
    mpl: 0.6,
    direction: 'higher',
    autoAssignment: false,
  },
  {
    key: 'mcas-glycemic-status-above-9',
    name: 'Glycemic Status > 9.0% (GSD), lower is better',
    domain: 'chronic-disease',
    mpl: 0.38,
    direction: 'lower',
    autoAssignment: false,
  },
  {
    key: 'mcas-follow-up-ed-mental-illness',
    name: 'Follow-Up After ED Visit for Mental Illness, 30 days (FUM)',
    domain: 'behavioral-health',
    mpl: 0.54,
    direction: 'higher',
    autoAssignment: true,
  },
  {
    key: 'mcas-follow-up-ed-substance-use',
    name: 'Follow-Up After ED Visit for Substance Use, 30 days (FUA)',
    domain: 'behavioral-health',
    mpl: 0.37,
    direction: 'higher',
    autoAssignment: true,
  },
];

export const MCAS_AUTO_ASSIGNMENT = MCAS_MEASURES.filter((m) => m.autoAssignment).map((m) => m.key);

/** Rate-counts measures with the MPL as both the target (auto-assignment score) and the floor (sanctions). */
export function mcasMeasures(measurementYear: number): MeasureInput[] {
  return MCAS_MEASURES.map((m) => ({
    key: m.key,
    name: m.name,
    domain: m.domain,
    kind: 'performance',
    fields: {
      measurementYear: {
        type: 'number',
        required: true,
        rules: [
          {
            check: `measurementYear == ${measurementYear}`,
            message: `the measurement year is ${measurementYear}`,
          },
        ],
      },
      numerator: countField('numerator', 'denominator'),
      denominator: countField('denominator'),
    },
    compute: { kind: 'rate-counts', numeratorField: 'numerator', denominatorField: 'denominator' },
    // DEFAULT — review: not scored (so never sanctioned) below 30 in the denominator.
    minDenominator: 30,
    // DEFAULT — review: a required measure a plan does not report is held below the MPL
    // (sanctioned, the higher reinvestment rate, no auto-assignment credit). 001_2c0d9f2df17bfea1.txt
    // (001-02): sanctions fall on plans that "did not reach" the national 50th percentile; a plan
    // that reports nothing has not reached it, and not reporting cannot be better than reporting badly.
    noData: 'not-met' as const,
    target: { kind: 'absolute', value: m.mpl, direction: m.direction },
    floor: { kind: 'absolute', value: m.mpl, direction: m.direction },
    weight: 1,
  }));
}
