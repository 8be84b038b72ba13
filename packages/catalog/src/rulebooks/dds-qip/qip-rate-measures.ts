import type { MeasureInput } from '../rulebook-input.ts';
import { EMPLOYMENT_CODES, RESIDENTIAL_CODES } from './qip-reporting-measures.ts';
import { type QipYear, yearsBefore } from './qip-year.ts';

// The rates computed from the reporting measures' data. DEFAULT — review, for every rate:
// weight 0 (the sources make FY 2025-26 and 2026-27 pay-for-reporting, 000-06, 000-41; the rates
// become the baseline for targets, 000-16), an informational target at this year's peer median,
// and not scored below 5 in the denominator (small residential homes).
const informational = {
  minDenominator: 5,
  target: { kind: 'peer-percentile' as const, percentile: 50 },
  weight: 0,
};

const countRate = (
  key: string,
  name: string,
  kind: 'performance' | 'outcome',
  dataFrom: string,
  numeratorField: string,
  denominatorField: string,
): MeasureInput => ({
  key,
  name,
  domain: 'employment',
  kind,
  appliesTo: EMPLOYMENT_CODES,
  dataFrom,
  compute: { kind: 'rate-counts', numeratorField, denominatorField },
  ...informational,
});

/** Employment rates: staff credentials (000-18, 000-31) and people's job moves (000-32). */
export function qipEmploymentRates(): MeasureInput[] {
  const staff = 'qip-employment-staff';
  const outcomes = 'qip-employment-outcomes';
  return [
    countRate(
      'qip-acre-trained-share',
      'Share of employment staff with ACRE training',
      'performance',
      staff,
      'acreTrainedStaff',
      'employmentStaff',
    ),
    countRate(
      'qip-cesp-certified-share',
      'Share of employment staff with CESP certification',
      'performance',
      staff,
      'cespCertifiedStaff',
      'employmentStaff',
    ),
    countRate(
      'qip-internship-to-cie',
      'Internship -> competitive integrated employment',
      'outcome',
      outcomes,
      'internshipToCie',
      'internshipPeople',
    ),
    countRate(
      'qip-group-to-individual',
      'Group -> individual employment',
      'outcome',
      outcomes,
      'groupToIndividual',
      'groupPeople',
    ),
    countRate(
      'qip-day-program-to-pip-or-cie',
      'Day program -> paid internship (PIP) or CIE',
      'outcome',
      outcomes,
      'dayProgramToPipOrCie',
      'dayProgramPeople',
    ),
    // 000_7765ac116eeb0451.txt (000-32): job held more than 12 months.
    countRate(
      'qip-job-retention-12-months',
      'Job held more than 12 months',
      'outcome',
      outcomes,
      'jobRetained12Months',
      'jobStarters',
    ),
  ];
}

/** Prevention & Wellness rates over the person-level screening records (000-36, 000-37). */
export function qipScreeningRates(y: QipYear): MeasureInput[] {
  // DEFAULT — review: on-time intervals (USPSTF / HEDIS; the source gives only ages): 12 months
  // = since the fiscal year's first day, n years = since the first day n - 1 years earlier.
  const since = (years: number) => `date('${yearsBefore(y.firstDay, years - 1)}')`;
  const rate = (
    key: string,
    name: string,
    screening: string,
    ages: string,
    numerator: string,
  ): MeasureInput => ({
    key,
    name,
    domain: 'prevention-wellness',
    kind: 'outcome',
    appliesTo: RESIDENTIAL_CODES,
    dataFrom: 'qip-preventive-screenings',
    compute: {
      kind: 'rate-records',
      denominator: `screening == '${screening}' and ${ages}`,
      numerator,
      // DEFAULT — review: a clinician's advice and a resident who arrived too late are fair
      // exclusions; a refusal stays in the denominator.
      exclusions: [
        { when: "missedReason == 'not-clinically-indicated'", reason: 'not-clinically-indicated' },
        { when: "missedReason == 'new-resident'", reason: 'new-resident' },
      ],
      // 000_7765ac116eeb0451.txt (000-34, 000-36): the reason for every missed screening.
      missedReason: { field: 'missedReason', required: true },
    },
    strata: [
      {
        name: 'age',
        field: 'age',
        bands: [
          { label: '0-17', min: 0, max: 17 },
          { label: '18-44', min: 18, max: 44 },
          { label: '45-64', min: 45, max: 64 },
          { label: '65+', min: 65, max: 120 },
        ],
      },
      { name: 'language', field: 'primaryLanguage' },
    ],
    ...informational,
  });
  // Ages, 000_7765ac116eeb0451.txt (000-37): primary care 18+, dental 18+, colorectal 45-75,
  // mammogram 50-74, cervical 21-65; (000-36) a child well-child measure, DEFAULT — review: 0-17.
  return [
    rate(
      'qip-primary-care-visit',
      'Primary care visit, ages 18+',
      'primary-care-visit',
      'age >= 18',
      `screenedOn >= ${since(1)}`,
    ),
    rate('qip-dental-exam', 'Dental exam, ages 18+', 'dental-exam', 'age >= 18', `screenedOn >= ${since(1)}`),
    rate(
      'qip-colorectal-screening',
      'Colorectal cancer screening, ages 45-75',
      'colorectal-screening',
      'age >= 45 and age <= 75',
      // FOBT/FIT 1 year, FIT-DNA 3 years, sigmoidoscopy or CT colonography 5 years, colonoscopy 10 years.
      `(testType == 'fobt' and screenedOn >= ${since(1)}) or (testType == 'fit-dna' and screenedOn >= ${since(3)}) or ` +
        `(testType in ['flexible-sigmoidoscopy', 'ct-colonography'] and screenedOn >= ${since(5)}) or ` +
        `(testType == 'colonoscopy' and screenedOn >= ${since(10)})`,
    ),
    rate(
      'qip-breast-cancer-screening',
      'Mammogram, ages 50-74',
      'breast-cancer-screening',
      'age >= 50 and age <= 74',
      `screenedOn >= ${since(2)}`,
    ),
    rate(
      'qip-cervical-cancer-screening',
      'Cervical cancer screening, ages 21-65',
      'cervical-cancer-screening',
      'age >= 21 and age <= 65',
      // Cytology 3 years; HPV or co-test 5 years.
      `(testType == 'cytology' and screenedOn >= ${since(3)}) or (testType in ['hpv', 'co-test'] and screenedOn >= ${since(5)})`,
    ),
    rate(
      'qip-well-child-visit',
      'Well-child visit, ages 0-17',
      'well-child-visit',
      'age <= 17',
      `screenedOn >= ${since(1)}`,
    ),
  ];
}
