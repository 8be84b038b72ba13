import type { Submission } from '@quip/core';
import {
  CERVICAL_TESTS,
  COLORECTAL_TESTS,
  MISSED_REASONS,
} from '../rulebooks/dds-qip/qip-reporting-measures.ts';
import type { DdsPayee } from './dds-qip-payees.ts';
import type { DdsSchedule } from './dds-qip-reports.ts';
import { dayOf, type FiscalYearSpan, isoDay, shiftYears } from './iso-day.ts';
import { Prng } from './prng.ts';
import { drawSubmittedOn, punctuality } from './submission-timing.ts';

type Screening =
  | 'primary-care-visit'
  | 'dental-exam'
  | 'colorectal-screening'
  | 'breast-cancer-screening'
  | 'cervical-cancer-screening'
  | 'well-child-visit';

/** Chance a resident of an average home is screened on time, by screening. */
const ON_TIME: Record<Screening, number> = {
  'primary-care-visit': 0.92,
  'dental-exam': 0.78,
  'colorectal-screening': 0.66,
  'breast-cancer-screening': 0.72,
  'cervical-cancer-screening': 0.56,
  'well-child-visit': 0.88,
};
/** Test types (the rulebook's lists) drawn by weight, with how many years back a test still counts (docs/programs/dds-qip.md, 5.6). */
const COLORECTAL_WEIGHTS = [45, 15, 3, 2, 35];
const COLORECTAL_YEARS: Record<string, number> = {
  fobt: 1,
  'fit-dna': 3,
  'flexible-sigmoidoscopy': 5,
  'ct-colonography': 5,
  colonoscopy: 10,
};
const CERVICAL_WEIGHTS = [55, 15, 30];
const CERVICAL_YEARS: Record<string, number> = { cytology: 3, hpv: 5, 'co-test': 5 };
const BREAST_YEARS = 2;
const REASON_WEIGHTS = [30, 12, 15, 20, 10, 13];
const OTHER_LANGUAGES = ['vi', 'zh', 'tl', 'ko', 'hy', 'ar', 'fa', 'ase'];

type ScreeningData = Record<string, unknown>;

/** The days a report describes the residents at: quarterly, half-yearly or only after the year. */
function snapshotDays(prng: Prng, year: FiscalYearSpan): number[] {
  const y = year.startYear;
  const cadence = prng.weighted(['annual', 'semiannual', 'quarterly'], [40, 30, 30]);
  if (cadence === 'annual') return [];
  if (cadence === 'semiannual') return [dayOf(`${y + 1}-01-15`)];
  return [dayOf(`${y}-10-15`), dayOf(`${y + 1}-01-15`), dayOf(`${y + 1}-04-15`)];
}

/**
 * One record per resident and screening due, as residential payees report them for
 * `qip-preventive-screenings`. Payees that report during the year send interim snapshots
 * (a screening not done yet reads 'appointment-scheduled'); the final report after the year
 * replaces them record by record (same personId and screening). A payee that never files the
 * final report sends nothing.
 */
export function* ddsScreenings(
  seed: number,
  year: FiscalYearSpan,
  schedule: DdsSchedule,
  payee: DdsPayee,
): Generator<Submission> {
  if (payee.category !== 'residential' || payee.residents === 0) return;
  const prng = Prng.stream(seed, 'dds-qip', 'screenings', payee.index);
  const finalOn = drawSubmittedOn(prng, schedule.yearEnd, punctuality(payee.diligence));
  if (finalOn === null) return;
  const snapshots = snapshotDays(prng, year);
  const quality = 0.6 + 0.5 * prng.beta(6, 2);
  // One home in ten is sloppy: it sometimes leaves a missed screening without any reason.
  const omitsReasons = prng.chance(0.1) ? 0.1 : 0;
  const records: ScreeningData[] = [];
  for (let k = 1; k <= payee.residents; k++) {
    const personId = `R-${String(k).padStart(3, '0')}`;
    const age = payee.childrenHome
      ? prng.int(5, 17)
      : Math.min(95, Math.max(18, Math.round(prng.normal(47, 16))));
    const female = prng.chance(0.45);
    const r = prng.next();
    const language = r < 0.65 ? 'en' : r < 0.85 ? 'es' : r < 0.9 ? prng.pick(OTHER_LANGUAGES) : undefined;
    for (const screening of dueScreenings(age, female)) {
      records.push(screeningRecord(prng, year, quality, omitsReasons, personId, screening, age, language));
    }
  }
  const entityId = payee.entity.id;
  const period = year.name;
  for (const snapshot of snapshots) {
    const on = isoDay(snapshot + prng.int(0, 10));
    for (const data of records)
      yield {
        entityId,
        measure: 'qip-preventive-screenings',
        period,
        submittedOn: on,
        data: interim(data, snapshot),
      };
  }
  const on = isoDay(finalOn);
  for (const data of records)
    yield { entityId, measure: 'qip-preventive-screenings', period, submittedOn: on, data };
}

function dueScreenings(age: number, female: boolean): Screening[] {
  if (age <= 17) return ['well-child-visit'];
  const due: Screening[] = ['primary-care-visit', 'dental-exam'];
  if (age >= 45 && age <= 75) due.push('colorectal-screening');
  if (female && age >= 50 && age <= 74) due.push('breast-cancer-screening');
  if (female && age >= 21 && age <= 65) due.push('cervical-cancer-screening');
  return due;
}

function screeningRecord(
  prng: Prng,
  year: FiscalYearSpan,
  quality: number,
  omitsReasons: number,
  personId: string,
  screening: Screening,
  age: number,
  language: string | undefined,
): ScreeningData {
  let testType: string | undefined;
  let years = 1;
  if (screening === 'colorectal-screening') {
    testType = prng.weighted(COLORECTAL_TESTS, COLORECTAL_WEIGHTS);
    years = COLORECTAL_YEARS[testType] as number;
  } else if (screening === 'cervical-cancer-screening') {
    testType = prng.weighted(CERVICAL_TESTS, CERVICAL_WEIGHTS);
    years = CERVICAL_YEARS[testType] as number;
  } else if (screening === 'breast-cancer-screening') {
    years = BREAST_YEARS;
  }
  // The first day a test still counts as on time, e.g. 2024-07-01 for a 3-year test in 2026-27.
  const countsFrom = shiftYears(isoDay(year.start), -(years - 1));
  let screenedOn: number | undefined;
  let missedReason: string | undefined;
  if (prng.chance(Math.min(0.99, (ON_TIME[screening] as number) * quality))) {
    // 5% just inside the look-back window: near misses on the date rule.
    screenedOn = prng.chance(0.05) ? countsFrom + prng.int(0, 3) : prng.int(countsFrom, year.end);
  } else {
    const overdue = prng.chance(0.35);
    if (overdue) screenedOn = countsFrom - (prng.chance(0.2) ? prng.int(1, 20) : prng.int(21, 700));
    // A reason for most misses; occasionally none, which the record rules must catch.
    if (!prng.chance(overdue ? 0.15 : omitsReasons))
      missedReason = prng.weighted(MISSED_REASONS, REASON_WEIGHTS);
  }
  const data: ScreeningData = { personId, screening, age };
  if (screenedOn !== undefined) {
    data.screenedOn = isoDay(screenedOn);
    if (testType !== undefined) data.testType = testType;
  }
  if (missedReason !== undefined) data.missedReason = missedReason;
  if (language !== undefined) data.primaryLanguage = language;
  return data;
}

/** The record as known on `day`: a screening done later is still only scheduled. */
function interim(final: ScreeningData, day: number): ScreeningData {
  const on = final.screenedOn as string | undefined;
  if (final.missedReason !== undefined || on === undefined || on <= isoDay(day)) return final;
  const data: ScreeningData = {
    personId: final.personId,
    screening: final.screening,
    age: final.age,
    missedReason: 'appointment-scheduled',
  };
  if (final.primaryLanguage !== undefined) data.primaryLanguage = final.primaryLanguage;
  return data;
}
