import type { Submission } from '@quip/core';
import { JOB_CATEGORIES } from '../rulebooks/dds-qip/qip-reporting-measures.ts';
import type { DdsPayee } from './dds-qip-payees.ts';
import { dayOf, type FiscalYearSpan, isoDay } from './iso-day.ts';
import { Prng } from './prng.ts';
import { drawSubmittedOn, punctuality, type ReportWindow } from './submission-timing.ts';

/** When each DDS report opens and is due (docs/programs/dds-qip.md section 3, Quip defaults). */
export interface DdsSchedule {
  directory: ReportWindow;
  workforce: ReportWindow;
  /** Employment and screenings: after the year ends. */
  yearEnd: ReportWindow;
  /** FY 2026-27 requires the new directory fields; FY 2025-26 leaves them optional. */
  newFieldsRequired: boolean;
}

export function ddsSchedule(year: FiscalYearSpan): DdsSchedule {
  const y = year.startYear;
  const yearEnd = { opens: year.end + 1, due: dayOf(`${y + 1}-07-31`) };
  if (y < 2026) {
    // FY 2025-26: every measure due 2026-07-31.
    return {
      directory: { opens: year.start, due: yearEnd.due },
      workforce: { opens: dayOf(`${y}-11-01`), due: yearEnd.due },
      yearEnd,
      newFieldsRequired: false,
    };
  }
  return {
    directory: { opens: year.start, due: dayOf(`${y}-09-30`) },
    workforce: { opens: dayOf(`${y}-11-01`), due: dayOf(`${y + 1}-03-31`) },
    yearEnd,
    newFieldsRequired: true,
  };
}

const LANGUAGES = ['es', 'zh', 'vi', 'tl', 'ko', 'hy', 'ar', 'fa', 'ru', 'pa', 'km', 'hmn', 'ase'];
const LANGUAGE_WEIGHTS = [50, 9, 8, 7, 5, 4, 3, 3, 3, 3, 2, 2, 6];
/** Median hourly wage in cents by job category, before each payee's own spread. */
const WAGE_CENTS: Record<string, number> = {
  administrator: 4200,
  supervisor: 3100,
  'clinical-professional': 5200,
  'licensed-nurse': 5600,
  'behavior-professional': 4400,
  transportation: 2400,
  other: 2600,
};

function submission(
  payee: DdsPayee,
  measure: string,
  period: string,
  on: number,
  data: Record<string, unknown>,
): Submission {
  return { entityId: payee.entity.id, measure, period, submittedOn: isoDay(on), data };
}

/** The payee-level DDS reports of one payee: directory, workforce and (950/952) employment. */
export function* ddsPayeeReports(
  seed: number,
  year: FiscalYearSpan,
  schedule: DdsSchedule,
  payee: DdsPayee,
): Generator<Submission> {
  const prng = Prng.stream(seed, 'dds-qip', 'reports', payee.index);
  const p = punctuality(payee.diligence);
  const period = year.name;

  const directoryOn = drawSubmittedOn(prng, schedule.directory, p);
  if (directoryOn !== null)
    yield submission(
      payee,
      'qip-provider-directory',
      period,
      directoryOn,
      directoryData(prng, payee, directoryOn, schedule, year),
    );

  const surveyOn = drawSubmittedOn(prng, schedule.workforce, p);
  if (surveyOn !== null) {
    const dspCount = payee.independent
      ? 1
      : payee.category === 'residential'
        ? Math.max(2, Math.round(payee.residents * prng.uniform(1, 2.2)))
        : prng.int(2, 60);
    yield submission(payee, 'qip-dsp-survey', period, surveyOn, {
      surveyConfirmationId: `DSP-${year.startYear + 1}-${String(prng.int(1, 999_999)).padStart(6, '0')}`,
      // Within the fiscal year even when filed after it (a late FY 2025-26 report).
      completedOn: isoDay(Math.min(year.end, Math.max(schedule.workforce.opens, surveyOn - prng.int(0, 3)))),
      dspCount,
    });
  }

  // Non-DSP workforce is filed with the survey by most payees, separately by some.
  const workforceOn =
    prng.chance(0.7) && surveyOn !== null ? surveyOn : drawSubmittedOn(prng, schedule.workforce, p);
  if (workforceOn !== null) {
    for (const data of nonDspRecords(prng, payee))
      yield submission(payee, 'qip-non-dsp-workforce', period, workforceOn, data);
  }

  if (payee.category !== 'employment') return;
  const staffOn = drawSubmittedOn(prng, schedule.yearEnd, p);
  if (staffOn !== null) {
    const employmentStaff = prng.chance(0.05) ? prng.int(0, 2) : Math.round(prng.logNormal(9, 0.6));
    yield submission(payee, 'qip-employment-staff', period, staffOn, {
      asOfDate: isoDay(year.end),
      employmentStaff,
      acreTrainedStaff: prng.binomial(employmentStaff, prng.beta(4, 2)),
      cespCertifiedStaff: prng.binomial(employmentStaff, prng.beta(2, 4)),
    });
  }
  const outcomesOn =
    prng.chance(0.8) && staffOn !== null ? staffOn : drawSubmittedOn(prng, schedule.yearEnd, p);
  if (outcomesOn !== null)
    yield submission(payee, 'qip-employment-outcomes', period, outcomesOn, employmentOutcomes(prng));
}

function directoryData(
  prng: Prng,
  payee: DdsPayee,
  on: number,
  schedule: DdsSchedule,
  year: FiscalYearSpan,
): Record<string, unknown> {
  const vendor = payee.entity.vendorNumber as string;
  const data: Record<string, unknown> = {
    businessName: payee.entity.name,
    // 555-01xx numbers are reserved for fiction.
    phone: `${prng.pick(['209', '213', '310', '408', '415', '510', '559', '619', '707', '714', '916', '951'])}55501${String(prng.int(0, 99)).padStart(2, '0')}`,
    email: `info@${vendor.toLowerCase()}.example`,
  };
  const withNewFields = schedule.newFieldsRequired || prng.chance(0.6);
  if (withNewFields) {
    const zipCount = prng.weighted([1, 2, 3, 5, 8], [25, 25, 25, 15, 10]);
    const zips = new Set<string>();
    while (zips.size < zipCount)
      zips.add(`${prng.pick(payee.center.zipPrefixes)}${String(prng.int(1, 99)).padStart(2, '0')}`);
    data.zipCodesServed = [...zips].sort();
    const languages = ['en'];
    const extra = prng.weighted([0, 1, 2, 3], [30, 40, 20, 10]);
    for (let i = 0; i < extra; i++) {
      const language = prng.weighted(LANGUAGES, LANGUAGE_WEIGHTS);
      if (!languages.includes(language)) languages.push(language);
    }
    data.languages = languages;
    if (prng.chance(0.6))
      data.interpretationLanguages = prng
        .sample(LANGUAGES, prng.int(1, 3))
        .filter((l) => !languages.includes(l));
    if ((data.interpretationLanguages as string[] | undefined)?.length === 0)
      delete data.interpretationLanguages;
    data.providerType = payee.independent ? 'independent' : 'agency';
    if (prng.chance(0.7)) data.acceptingReferrals = prng.chance(0.75);
  }
  data.verifiedOn = isoDay(Math.min(year.end, Math.max(schedule.directory.opens, on - prng.int(0, 5))));
  return data;
}

function nonDspRecords(prng: Prng, payee: DdsPayee): Record<string, unknown>[] {
  if (payee.independent || prng.chance(0.05)) {
    return [
      {
        jobCategory: 'none',
        headcount: 0,
        fte: 0,
        vacancies: 0,
        healthBenefitsOffered: false,
        retirementBenefitsOffered: false,
      },
    ];
  }
  const categories = prng.sample(JOB_CATEGORIES, prng.weighted([1, 2, 3, 4], [20, 35, 30, 15]));
  const wageFactor = prng.uniform(0.85, 1.2);
  const health = prng.chance(0.85);
  const retirement = prng.chance(0.6);
  const records = [];
  for (const jobCategory of JOB_CATEGORIES) {
    if (!categories.includes(jobCategory)) continue;
    const headcount = Math.max(1, Math.round(prng.logNormal(3, 0.7)));
    const record: Record<string, unknown> = {
      jobCategory,
      headcount,
      // FTE in half steps, never above the headcount.
      fte: Math.max(0.5, Math.round(headcount * prng.uniform(0.6, 1) * 2) / 2),
      vacancies: prng.poisson(0.6),
      medianHourlyWageCents: Math.round(
        (WAGE_CENTS[jobCategory] as number) * wageFactor * prng.uniform(0.95, 1.05),
      ),
      healthBenefitsOffered: health,
      retirementBenefitsOffered: retirement,
    };
    if (prng.chance(0.8)) record.paidTimeOffDays = prng.int(5, 25);
    records.push(record);
  }
  return records;
}

/** Group sizes around the minimum denominator of 5, so some rates are not scored. */
function employmentOutcomes(prng: Prng): Record<string, unknown> {
  const internshipPeople = prng.poisson(6);
  const groupPeople = prng.poisson(14);
  const dayProgramPeople = prng.poisson(5);
  const jobStarters = prng.poisson(8);
  return {
    internshipPeople,
    internshipToCie: prng.binomial(internshipPeople, prng.beta(3, 5)),
    groupPeople,
    groupToIndividual: prng.binomial(groupPeople, prng.beta(2, 7)),
    dayProgramPeople,
    dayProgramToPipOrCie: prng.binomial(dayProgramPeople, prng.beta(2, 5)),
    jobStarters,
    jobRetained12Months: prng.binomial(jobStarters, prng.beta(6, 3)),
  };
}
