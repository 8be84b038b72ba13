import type { Submission } from '@quip/core';
import { generateDdsPayees } from './dds-qip-payees.ts';
import { ddsPayeeReports, ddsSchedule } from './dds-qip-reports.ts';
import { ddsScreenings } from './dds-qip-screenings.ts';
import {
  type ProgramContext,
  type ProgramGenerator,
  type ProgramShape,
  requiredFields,
} from './program-generator.ts';

/** Fields as docs/programs/dds-qip.md sections 4 and 5 list them. */
export const DDS_QIP_SHAPE: ProgramShape = {
  entityFields: [
    'id',
    'name',
    'vendorNumber',
    'serviceCode',
    'regionalCenter',
    'rateCents',
    'units',
    'unitType',
  ],
  measures: {
    'qip-provider-directory': {
      fields: [
        'businessName',
        'phone',
        'email',
        'zipCodesServed',
        'languages',
        'interpretationLanguages',
        'providerType',
        'acceptingReferrals',
        'verifiedOn',
      ],
      scoresCompleteness: true,
      required: ['businessName', 'phone', 'email', 'verifiedOn'],
    },
    'qip-dsp-survey': {
      ...requiredFields(['surveyConfirmationId', 'completedOn', 'dspCount']),
      scoresCompleteness: true,
    },
    'qip-non-dsp-workforce': {
      fields: [
        'jobCategory',
        'headcount',
        'fte',
        'vacancies',
        'medianHourlyWageCents',
        'healthBenefitsOffered',
        'retirementBenefitsOffered',
        'paidTimeOffDays',
      ],
      scoresCompleteness: true,
      recordKey: ['jobCategory'],
      required: [
        'jobCategory',
        'headcount',
        'fte',
        'vacancies',
        'healthBenefitsOffered',
        'retirementBenefitsOffered',
      ],
    },
    'qip-employment-staff': {
      ...requiredFields(['asOfDate', 'employmentStaff', 'acreTrainedStaff', 'cespCertifiedStaff']),
      scoresCompleteness: true,
    },
    'qip-employment-outcomes': {
      ...requiredFields([
        'internshipPeople',
        'internshipToCie',
        'groupPeople',
        'groupToIndividual',
        'dayProgramPeople',
        'dayProgramToPipOrCie',
        'jobStarters',
        'jobRetained12Months',
      ]),
      scoresCompleteness: true,
    },
    'qip-preventive-screenings': {
      fields: ['personId', 'screening', 'age', 'screenedOn', 'testType', 'missedReason', 'primaryLanguage'],
      scoresCompleteness: true,
      recordKey: ['personId', 'screening'],
      required: ['personId', 'screening', 'age'],
    },
  },
};

/**
 * DDS QIP: payees are provider x service code across the 21 regional centers; residential homes
 * report person-level screenings, supported employment (950, 952) its staff and job moves, every
 * payee its directory record and workforce data.
 */
export function ddsQipGenerator(ctx: ProgramContext): ProgramGenerator {
  const payees = generateDdsPayees(ctx);
  const schedule = ddsSchedule(ctx.year);
  return {
    shape: DDS_QIP_SHAPE,
    entities: payees.map((p) => p.entity),
    people: payees.reduce((sum, p) => sum + p.residents, 0),
    *submissions(): Generator<Submission> {
      for (const payee of payees) {
        yield* ddsPayeeReports(ctx.seed, ctx.year, schedule, payee);
        yield* ddsScreenings(ctx.seed, ctx.year, schedule, payee);
      }
    },
  };
}
