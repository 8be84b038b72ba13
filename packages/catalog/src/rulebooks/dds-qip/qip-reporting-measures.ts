import type { MeasureInput } from '../rulebook-input.ts';
import type { QipYear } from './qip-year.ts';

// Payee groups, 000_7765ac116eeb0451.txt: (000-29) supported employment programs 950, 952;
// (000-34) residential providers 096, 109, 113, 904, 905, 910, 915, 920. Text, so 096 keeps its 0.
export const EMPLOYMENT_CODES = "serviceCode in ['950', '952']";
export const RESIDENTIAL_CODES = "serviceCode in ['096', '109', '113', '904', '905', '910', '915', '920']";

// Value lists the rulebook's fields allow; the data generator (../../generator) draws from the same lists.
/** Non-DSP staff job categories (000-27 names professionals, 000-28 professional and transportation providers). */
export const JOB_CATEGORIES = [
  'administrator',
  'supervisor',
  'clinical-professional',
  'licensed-nurse',
  'behavior-professional',
  'transportation',
  'other',
] as const;
/** Colorectal and cervical cancer screening test types (docs/programs/dds-qip.md, 5.6). */
export const COLORECTAL_TESTS = [
  'fobt',
  'fit-dna',
  'flexible-sigmoidoscopy',
  'ct-colonography',
  'colonoscopy',
] as const;
export const CERVICAL_TESTS = ['cytology', 'hpv', 'co-test'] as const;
/** Why a screening was missed (000-34). DEFAULT — review: the list. */
export const MISSED_REASONS = [
  'declined',
  'not-clinically-indicated',
  'appointment-unavailable',
  'appointment-scheduled',
  'new-resident',
  'other',
] as const;

const whole = (field: string) => ({
  check: `${field} == floor(${field})`,
  message: `${field} is a whole number`,
});
const count = (description: string) => ({
  type: 'number' as const,
  required: true,
  min: 0,
  description,
});
/** A count that must be a whole number. */
const wholeCount = (field: string, description: string) => ({ ...count(description), rules: [whole(field)] });
const ofThem = (field: string, group: string, description: string) => ({
  ...count(description),
  rules: [whole(field), { check: `${field} <= ${group}`, message: `${field} is more than ${group}` }],
});

// Directory accuracy (000-20: "accurate"), as docs/programs/dds-qip.md §5.1 states it. Failing one
// is a finding: the record is stored, flagged, and the reporting measure scores it inaccurate.
// Phone: the 10 digits alone, no punctuation, so every directory stores one form.
const TEN_DIGIT_PHONE = {
  check: "matches(phone, '^[0-9]{10}$')",
  message: 'phone is 10 digits with no spaces or punctuation, e.g. 9165550100',
};
const EMAIL_ADDRESS = {
  // [.] is a literal dot without a backslash, which would need escaping twice (TypeScript, expression).
  check: "matches(email, '^[^@ ]+@[^@ ]+[.][^@ ]+$')",
  message: 'email is one address like name@example.org: no spaces, one @, a dot in the part after it',
};
const FIVE_DIGIT_ZIPS = {
  check: "all(zipCodesServed, matches(it, '^[0-9]{5}$'))",
  message: 'every ZIP code in zipCodesServed is 5 digits',
};
/**
 * A day the provider reports cannot be after the day Quip received the record. receivedOn is null
 * only where no receipt day is known (a preview given none): the rule does not judge then.
 */
const notAfterReceipt = (field: string) => ({
  check: `isNull(receivedOn) or ${field} <= receivedOn`,
  message: `${field} is after the day the record was received`,
});

/** The six pay-for-reporting measures (000-15: timely, accurate, complete) that carry the 10%. */
export function qipReportingMeasures(y: QipYear): MeasureInput[] {
  const inYear = (field: string) => ({
    check: `${field} >= date('${y.firstDay}') and ${field} <= date('${y.lastDay}')`,
    message: `${field} is outside fiscal year ${y.fiscalYear}`,
  });
  const newField = y.directoryNewFieldsRequired;
  return [
    {
      // 000_7765ac116eeb0451.txt (000-19, 000-20): timely, accurate, complete provider directory
      // with the new fields, all QIP providers.
      key: 'qip-provider-directory',
      name: 'Provider Directory: timely, accurate, complete',
      domain: 'provider-directory',
      kind: 'reporting',
      fields: {
        businessName: { type: 'string', required: true },
        phone: { type: 'string', required: true, description: '10 digits', rules: [TEN_DIGIT_PHONE] },
        email: { type: 'string', required: true, rules: [EMAIL_ADDRESS] },
        // 000-21: ZIP codes of the service area. DEFAULT — review: required from 2026-27, optional
        // in 2025-26 (000-19: the new fields were still under development).
        zipCodesServed: {
          type: 'list',
          required: newField,
          description: '5-digit ZIP codes served (000-21)',
          rules: [FIVE_DIGIT_ZIPS],
        },
        // 000-22: languages staff use / interpretation available.
        languages: {
          type: 'list',
          required: newField,
          description: 'ISO 639 codes of languages staff use (000-22)',
        },
        interpretationLanguages: {
          type: 'list',
          description: 'languages interpretation is arranged for (000-22)',
        },
        // 000-23: agency, or independent (self-employed, no employees).
        providerType: { type: 'string', required: newField, enum: ['agency', 'independent'] },
        // 000-24: accepts referrals is a future consideration. DEFAULT — review: optional.
        acceptingReferrals: { type: 'boolean' },
        verifiedOn: {
          type: 'date',
          required: true,
          rules: [inYear('verifiedOn'), notAfterReceipt('verifiedOn')],
        },
      },
      // DEFAULT — review: due date (no source gives one).
      compute: { kind: 'reporting', timely: { dueDate: y.dueDates.directory } },
      weight: y.weights.directory,
    },
    {
      // 000_7765ac116eeb0451.txt (000-26, 000-27): take part in the DSP survey, all QIP providers.
      key: 'qip-dsp-survey',
      name: 'Workforce: DSP survey participation',
      domain: 'workforce',
      kind: 'reporting',
      fields: {
        surveyConfirmationId: { type: 'string', required: true },
        completedOn: {
          type: 'date',
          required: true,
          rules: [inYear('completedOn'), notAfterReceipt('completedOn')],
        },
        dspCount: wholeCount('dspCount', 'DSPs employed on completedOn'),
      },
      // DEFAULT — review: due date (survey season is winter).
      compute: { kind: 'reporting', timely: { dueDate: y.dueDates.workforce } },
      weight: y.weights.dspSurvey,
    },
    {
      // 000_7765ac116eeb0451.txt (000-27, 000-28): non-DSP staffing, pay and benefits.
      key: 'qip-non-dsp-workforce',
      name: 'Workforce: non-DSP staffing, pay and benefits',
      domain: 'workforce',
      kind: 'reporting',
      fields: {
        // DEFAULT — review: job categories (000-27 names professionals, 000-28 professional and
        // transportation providers); `none` lets a provider without non-DSP staff report that.
        jobCategory: {
          type: 'string',
          required: true,
          enum: [...JOB_CATEGORIES, 'none'],
        },
        headcount: wholeCount('headcount', 'staff in the category'),
        fte: {
          ...count('full-time equivalents'),
          rules: [{ check: 'fte <= headcount', message: 'more FTE than staff' }],
        },
        vacancies: wholeCount('vacancies', 'open positions'),
        medianHourlyWageCents: {
          type: 'number',
          min: 0,
          description: 'median hourly wage, integer cents; required when headcount > 0',
          rules: [whole('medianHourlyWageCents')],
        },
        healthBenefitsOffered: { type: 'boolean', required: true },
        retirementBenefitsOffered: { type: 'boolean', required: true },
        paidTimeOffDays: { type: 'number', min: 0 },
      },
      recordKey: ['jobCategory'],
      compute: {
        kind: 'reporting',
        timely: { dueDate: y.dueDates.workforce },
        accurate: {
          rules: [
            {
              check: 'headcount == 0 or present(medianHourlyWageCents)',
              message: 'give the median hourly wage of a category with staff',
            },
          ],
        },
      },
      weight: y.weights.nonDspWorkforce,
    },
    {
      // 000_7765ac116eeb0451.txt (000-18, 000-31): employment staff with ACRE training and CESP
      // certification, service codes 950, 952 (000-29).
      key: 'qip-employment-staff',
      name: 'Employment: staff ACRE training and CESP certification',
      domain: 'employment',
      kind: 'reporting',
      appliesTo: EMPLOYMENT_CODES,
      fields: {
        asOfDate: { type: 'date', required: true, rules: [inYear('asOfDate')] },
        employmentStaff: wholeCount('employmentStaff', 'staff who provide employment support'),
        acreTrainedStaff: ofThem('acreTrainedStaff', 'employmentStaff', 'of them, completed ACRE training'),
        cespCertifiedStaff: ofThem(
          'cespCertifiedStaff',
          'employmentStaff',
          'of them, current CESP certification',
        ),
      },
      compute: { kind: 'reporting', timely: { dueDate: y.dueDates.employment } },
      weight: y.weights.employmentStaff,
    },
    {
      // 000_7765ac116eeb0451.txt (000-30, 000-32): shares of people moving internship -> CIE,
      // group -> individual, day program -> PIP or CIE, and a job held more than 12 months.
      key: 'qip-employment-outcomes',
      name: "Employment: people's job moves and retention",
      domain: 'employment',
      kind: 'reporting',
      appliesTo: EMPLOYMENT_CODES,
      fields: {
        internshipPeople: wholeCount('internshipPeople', 'people in an internship in the year'),
        internshipToCie: ofThem('internshipToCie', 'internshipPeople', 'of them, started CIE'),
        groupPeople: wholeCount('groupPeople', 'people in group supported employment'),
        groupToIndividual: ofThem(
          'groupToIndividual',
          'groupPeople',
          'of them, moved to individual employment',
        ),
        dayProgramPeople: wholeCount('dayProgramPeople', 'people from an employment-oriented day program'),
        dayProgramToPipOrCie: ofThem(
          'dayProgramToPipOrCie',
          'dayProgramPeople',
          'of them, started PIP or CIE',
        ),
        // 000-32: "more than 12 months"; DEFAULT — review: starters are those who began a job 24 to
        // 12 months before the year's last day.
        jobStarters: wholeCount(
          'jobStarters',
          'people who started a job 24 to 12 months before the year end',
        ),
        jobRetained12Months: ofThem(
          'jobRetained12Months',
          'jobStarters',
          'of them, still in it after 12 months',
        ),
      },
      compute: { kind: 'reporting', timely: { dueDate: y.dueDates.employment } },
      weight: y.weights.employmentOutcomes,
    },
    screeningsReporting(y),
  ];
}

function screeningsReporting(y: QipYear): MeasureInput {
  return {
    // 000_7765ac116eeb0451.txt (000-34..000-37): residents' on-time screenings and the reason for
    // each missed one, residential service codes.
    key: 'qip-preventive-screenings',
    name: 'Prevention & Wellness: screenings and reasons',
    domain: 'prevention-wellness',
    kind: 'reporting',
    appliesTo: RESIDENTIAL_CODES,
    fields: {
      personId: {
        type: 'string',
        required: true,
        description: "the provider's own resident code, never a name or UCI",
      },
      screening: {
        type: 'string',
        required: true,
        // 000-37 adult screenings, plus the child well-child measure new in 2026-27 (000-36).
        enum: [
          'primary-care-visit',
          'dental-exam',
          'colorectal-screening',
          'breast-cancer-screening',
          'cervical-cancer-screening',
          'well-child-visit',
        ],
      },
      age: { type: 'number', required: true, min: 0, max: 120, description: `whole years on ${y.lastDay}` },
      screenedOn: { type: 'date' },
      testType: {
        type: 'string',
        enum: [...COLORECTAL_TESTS, ...CERVICAL_TESTS],
      },
      // 000-34: the reason a screening was missed, e.g. the resident declined. DEFAULT — review: the list.
      missedReason: {
        type: 'string',
        enum: [...MISSED_REASONS],
      },
      primaryLanguage: { type: 'string', description: 'ISO 639 code, for the equity view' },
    },
    recordKey: ['personId', 'screening'],
    compute: {
      kind: 'reporting',
      timely: { dueDate: y.dueDates.screenings },
      accurate: {
        rules: [
          {
            check: 'present(screenedOn) or present(missedReason)',
            message: 'give the screening date or the reason it was missed',
          },
          {
            check: `not present(screenedOn) or screenedOn <= date('${y.lastDay}')`,
            message: "the screening date is after the year's end",
          },
          {
            // Age bands, 000_7765ac116eeb0451.txt (000-37): primary care 18+, dental 18+,
            // colorectal 45-75, mammogram 50-74, cervical 21-65; DEFAULT — review: well-child 0-17.
            check:
              "(screening in ['primary-care-visit', 'dental-exam'] and age >= 18) or " +
              "(screening == 'colorectal-screening' and age >= 45 and age <= 75) or " +
              "(screening == 'breast-cancer-screening' and age >= 50 and age <= 74) or " +
              "(screening == 'cervical-cancer-screening' and age >= 21 and age <= 65) or " +
              "(screening == 'well-child-visit' and age <= 17)",
            message: "the resident's age is outside this screening's age band",
          },
          {
            check:
              "not (screening in ['colorectal-screening', 'cervical-cancer-screening'] and present(screenedOn)) or present(testType)",
            message: 'give the test type of a colorectal or cervical screening',
          },
        ],
      },
    },
    weight: y.weights.screenings,
  };
}
