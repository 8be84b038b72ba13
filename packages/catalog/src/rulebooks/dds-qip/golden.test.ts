import { compileRulebook, evaluateProgram } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { ddsQip202526 } from './2025-26.ts';
import { ddsQip202627 } from './2026-27.ts';

const FY = '2026-27';
const provider = (id: string, serviceCode: string, rateCents: number, units: number) => ({
  id,
  name: `Provider ${id}`,
  vendorNumber: id.split('-')[0],
  serviceCode,
  regionalCenter: 'GGRC',
  rateCents,
  units,
});
const entities = [
  provider('PV1000-950', '950', 5000, 1), // $50.00 rate model, everything met
  provider('PV2000-950', '950', 5000, 1), // $50.00 rate model, nothing reported
  provider('PV1234-950', '950', 5000, 1000), // Bayview: employment outcomes filed late
  provider('HR5678-915', '915', 1250000, 48), // Maple House: residential, all met
  provider('TR9012-875', '875', 3333, 2500), // Valley Transport: non-DSP workforce missing
];
const sub = (entityId: string, measure: string, submittedOn: string, data: Record<string, unknown>) => ({
  entityId,
  measure,
  period: FY,
  submittedOn,
  data,
});
// Accurate under the directory rules: a 10-digit phone, an e-mail with @ and a dot after it,
// 5-digit ZIPs, verifiedOn 2026-09-10 not after the day received (submittedOn 2026-09-12).
const directory = (id: string) =>
  sub(id, 'qip-provider-directory', '2026-09-12', {
    businessName: 'Bayview Supported Employment',
    phone: '4155550142',
    email: 'info@bayview.example',
    zipCodesServed: ['94107', '94110'],
    languages: ['en', 'es'],
    providerType: 'agency',
    acceptingReferrals: true,
    verifiedOn: '2026-09-10',
  });
// completedOn 2027-02-19 is not after the day received, 2027-02-20.
const dsp = (id: string) =>
  sub(id, 'qip-dsp-survey', '2027-02-20', {
    surveyConfirmationId: 'DSP-1',
    completedOn: '2027-02-19',
    dspCount: 14,
  });
const nonDsp = (id: string) =>
  sub(id, 'qip-non-dsp-workforce', '2027-02-20', {
    jobCategory: 'supervisor',
    headcount: 3,
    fte: 2.5,
    vacancies: 1,
    medianHourlyWageCents: 3150,
    healthBenefitsOffered: true,
    retirementBenefitsOffered: true,
  });
const staff = (id: string) =>
  sub(id, 'qip-employment-staff', '2027-07-15', {
    asOfDate: '2027-06-30',
    employmentStaff: 12,
    acreTrainedStaff: 9,
    cespCertifiedStaff: 4,
  });
const outcomes = (id: string, submittedOn: string) =>
  sub(id, 'qip-employment-outcomes', submittedOn, {
    internshipPeople: 10,
    internshipToCie: 3,
    groupPeople: 20,
    groupToIndividual: 4,
    dayProgramPeople: 4,
    dayProgramToPipOrCie: 2,
    jobStarters: 8,
    jobRetained12Months: 6,
  });
const screening = (personId: string, data: Record<string, unknown>) =>
  sub('HR5678-915', 'qip-preventive-screenings', '2027-07-20', { personId, primaryLanguage: 'en', ...data });
const colorectal = { screening: 'colorectal-screening', age: 52 };
const submissions = [
  ...['PV1000-950', 'PV1234-950', 'HR5678-915', 'TR9012-875'].flatMap((id) => [directory(id), dsp(id)]),
  ...['PV1000-950', 'PV1234-950', 'HR5678-915'].map(nonDsp),
  staff('PV1000-950'),
  staff('PV1234-950'),
  outcomes('PV1000-950', '2027-07-15'),
  outcomes('PV1234-950', '2027-08-10'), // after the 2027-07-31 due date: not timely
  // Six residents in the colorectal band: 4 on time, 1 declined, 1 not clinically indicated.
  screening('R-01', { ...colorectal, screenedOn: '2026-11-03', testType: 'fobt' }),
  screening('R-02', { ...colorectal, screenedOn: '2024-09-01', testType: 'fit-dna' }),
  screening('R-03', { ...colorectal, screenedOn: '2019-05-01', testType: 'colonoscopy' }),
  screening('R-04', { ...colorectal, age: 70, screenedOn: '2023-01-15', testType: 'ct-colonography' }),
  screening('R-05', { ...colorectal, missedReason: 'declined' }),
  screening('R-06', { ...colorectal, missedReason: 'not-clinically-indicated' }),
  screening('R-01', { screening: 'dental-exam', age: 52, missedReason: 'appointment-unavailable' }),
];

describe('dds-qip FY 2026-27 golden scenario', () => {
  const { results, payments } = evaluateProgram(compileRulebook(ddsQip202627), {
    entities,
    submissions,
    asOf: '2027-08-31',
  });
  const lines = (id: string) =>
    Object.fromEntries(
      (payments.find((p) => p.entityId === id)?.lines ?? []).map((l) => [l.kind, l.amountCents]),
    );
  const total = (id: string) => payments.find((p) => p.entityId === id)?.totalCents;
  const result = (id: string, measure: string) =>
    results.find((r) => r.entityId === id && r.measure === measure);

  it('$50.00 rate model with every reporting measure met: $45.00 base + $5.00 incentive', () => {
    // incentive rate = 5000 x 0.10 = 500; base rate = 5000 - 500 = 4500; 1 unit.
    expect(lines('PV1000-950')).toEqual({ base: 4500, incentive: 500 });
    expect(total('PV1000-950')).toBe(5000);
  });

  it('$50.00 rate model with nothing reported: the incentive share is lost', () => {
    // 0 of 6 weight met: incentive = round(500 x 0) = 0.
    expect(lines('PV2000-950')).toEqual({ base: 4500, incentive: 0 });
    expect(total('PV2000-950')).toBe(4500);
  });

  it('Bayview: one late employment file costs 1/6 of the incentive', () => {
    // base = 1000 x 4500 = 4,500,000; potential = 1000 x 500 = 500,000. Weights applying:
    // directory 2 + DSP 1 + non-DSP 1 + staff 1 + outcomes 1 = 6; met 5 -> 500,000 x 5/6 =
    // 416,666.67 -> 416,667 (half-up). Total 4,916,667.
    expect(result('PV1234-950', 'qip-employment-outcomes')).toMatchObject({ met: false });
    expect(lines('PV1234-950')).toEqual({ base: 4500000, incentive: 416667 });
    expect(total('PV1234-950')).toBe(4916667);
  });

  it('Maple House (915, 48 months at $12,500.00), all met', () => {
    // incentive rate = 1,250,000 x 0.10 = 125,000; base rate 1,125,000; x 48:
    // base 54,000,000, incentive 6,000,000 (directory 2 + DSP 1 + non-DSP 1 + screenings 2, all met).
    expect(lines('HR5678-915')).toEqual({ base: 54000000, incentive: 6000000 });
  });

  it('Valley Transport ($33.33, code 875): non-DSP workforce missing -> 3/4', () => {
    // incentive rate = round(333.3) = 333; base rate 3000. potential = 2500 x 333 = 832,500;
    // directory 2 + DSP 1 met of 2 + 1 + 1 = 3/4 -> 624,375. base = 2500 x 3000 = 7,500,000.
    expect(lines('TR9012-875')).toEqual({ base: 7500000, incentive: 624375 });
    expect(result('TR9012-875', 'qip-employment-staff')?.status).toBe('not-applicable');
    expect(result('TR9012-875', 'qip-preventive-screenings')?.status).toBe('not-applicable');
  });

  it('colorectal rate: 6 residents, 1 excluded, 4 of 5 on time = 0.8', () => {
    // On time for FY 2026-27: FOBT since 2026-07-01, FIT-DNA since 2024-07-01, CT colonography since
    // 2022-07-01, colonoscopy since 2017-07-01. The declined resident stays in the denominator.
    expect(result('HR5678-915', 'qip-colorectal-screening')).toMatchObject({
      numerator: 4,
      denominator: 5,
      value: 0.8,
      exclusions: { 'not-clinically-indicated': 1 },
    });
    // One dental record: below the minimum denominator of 5, not scored (never 0).
    expect(result('HR5678-915', 'qip-dental-exam')).toMatchObject({ status: 'not-scored', value: null });
  });

  it('employment rates: counts from the reporting data, small denominators not scored', () => {
    // 3 / 10 interns moved to CIE; ACRE 9 / 12 = 0.75; day program 2 / 4: denominator below 5.
    expect(result('PV1234-950', 'qip-internship-to-cie')?.value).toBeCloseTo(0.3, 12);
    expect(result('PV1000-950', 'qip-acre-trained-share')?.value).toBe(0.75);
    expect(result('PV1000-950', 'qip-day-program-to-pip-or-cie')?.status).toBe('not-scored');
  });
});

describe('dds-qip FY 2025-26 weights', () => {
  it('pays directory + DSP survey of directory 2 + DSP 2 + employment staff 2 as 4/6', () => {
    // Non-DSP workforce and employment outcomes weigh 0 in 2025-26. A 950 provider with the
    // directory and the DSP survey in (due 2026-07-31) but no staff file: 4/6 of 500 = 333.33 -> 333.
    const at = (s: ReturnType<typeof sub>) => ({ ...s, period: '2025-26', submittedOn: '2026-06-15' });
    const d = directory('PV1000-950');
    const { payments } = evaluateProgram(compileRulebook(ddsQip202526), {
      entities: [provider('PV1000-950', '950', 5000, 1)],
      submissions: [
        at({ ...d, data: { ...d.data, verifiedOn: '2026-06-01' } }),
        at(
          sub('PV1000-950', 'qip-dsp-survey', '', {
            surveyConfirmationId: 'DSP-1',
            completedOn: '2026-02-19',
            dspCount: 14,
          }),
        ),
      ],
      asOf: '2026-08-31',
    });
    expect(payments[0]?.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['base', 4500],
      ['incentive', 333],
    ]);
  });
});
