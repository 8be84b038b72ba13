import { countField } from '../count-field.ts';
import type { MeasureInput } from '../rulebook-input.ts';

/** Lead entity types that receive the $200,000 start-up grant (004-05: "for each county"). */
export const START_UP_ELIGIBLE = "leadEntityType in ['county', 'city-and-county']";

const metPoint = { kind: 'met-not-met' as const, points: 1 };

/** An outcome measure from counts, targeted at closing 10% of the gap to the goal from the pilot's own baseline. */
function outcome(o: {
  key: string;
  name: string;
  domain: string;
  numerator: string;
  denominator: string;
  per?: number;
  baselineField: string;
  goal: number;
  direction: 'higher' | 'lower';
  minDenominator: number;
  appliesTo?: string;
}): MeasureInput {
  return {
    key: o.key,
    name: o.name,
    domain: o.domain,
    kind: 'outcome',
    ...(o.appliesTo ? { appliesTo: o.appliesTo } : {}),
    fields: {
      [o.numerator]: countField(o.numerator, o.denominator),
      [o.denominator]: countField(o.denominator),
    },
    compute: {
      kind: 'rate-counts',
      numeratorField: o.numerator,
      denominatorField: o.denominator,
      ...(o.per ? { per: o.per } : {}),
    },
    // DEFAULT — review: minimum denominators (30 for shares, 1,200 member-months for per-1,000 rates).
    minDenominator: o.minDenominator,
    // DEFAULT — review: an outcome a pilot does not report counts as not met, so the incentive share
    // (measures met / measures scored) cannot grow by leaving an outcome out.
    noData: 'not-met',
    // Baseline from the pilot's approved application; an empty one leaves the measure not scored.
    baseline: { payeeField: o.baselineField },
    // DEFAULT — review: improvement over the pilot's own baseline, closing 10% of the gap to the goal.
    target: { kind: 'improvement', goal: o.goal, gapClosed: '0.1', direction: o.direction },
    weight: 1,
  };
}

/** The WPC measures of one fiscal year: start-up milestone, two reports, five outcomes. */
export function wpcMeasures(lastDay: string, dueDate: string): MeasureInput[] {
  return [
    {
      // 004_47dc2bf30543baa1.txt (004-05): one-time $200,000 for each county to start a pilot.
      key: 'wpc-start-up',
      name: 'Start-up grant approved',
      domain: 'start-up',
      kind: 'milestone',
      appliesTo: START_UP_ELIGIBLE,
      fields: {
        milestone: { type: 'number', required: true, enum: [1], description: '1 = start-up grant approved' },
        completedOn: { type: 'date', required: true, description: 'approval date' },
      },
      recordKey: ['milestone'],
      compute: { kind: 'milestone', by: lastDay },
      weight: 0,
    },
    {
      // 004_47dc2bf30543baa1.txt (004-13): WPC enrollment reports. DEFAULT — review: quarterly,
      // all four in by the due date.
      key: 'wpc-enrollment-report',
      name: 'Enrollment reports, four quarters',
      domain: 'reporting',
      kind: 'reporting',
      fields: {
        quarter: { type: 'number', required: true, enum: [1, 2, 3, 4], description: 'Q1 = July-September' },
        enrolledMembers: countField('enrolledMembers'),
        newEnrollees: countField('newEnrollees', 'enrolledMembers'),
        disenrolledMembers: countField('disenrolledMembers'),
        enrolleesExperiencingHomelessness: countField('enrolleesExperiencingHomelessness', 'enrolledMembers'),
        enrolleesReceivingHousingServices: countField('enrolleesReceivingHousingServices', 'enrolledMembers'),
      },
      recordKey: ['quarter'],
      compute: { kind: 'reporting', timely: { dueDate }, minRecords: 4 },
      scoring: metPoint,
      weight: 1,
    },
    {
      // 004_47dc2bf30543baa1.txt (004-13): WPC progress reports. DEFAULT — review: annual.
      key: 'wpc-progress-report',
      name: 'Annual progress report',
      domain: 'reporting',
      kind: 'reporting',
      fields: {
        documentId: {
          type: 'string',
          required: true,
          description: 'reference of the report filed with DHCS',
        },
        partnerOrganizations: { ...countField('partnerOrganizations'), min: 1 },
        // 004-04: pilots share data between systems.
        dataSharingLive: { type: 'boolean', required: true },
      },
      compute: { kind: 'reporting', timely: { dueDate } },
      scoring: metPoint,
      weight: 1,
    },
    // DEFAULT — review, the five outcome measures (the source names WPC's aims, 004-01, 004-04,
    // 004-09, but no outcome measures).
    outcome({
      key: 'wpc-ed-visits',
      name: 'ED visits per 1,000 member-months',
      domain: 'utilization',
      numerator: 'edVisits',
      denominator: 'memberMonths',
      per: 1000,
      baselineField: 'baselineEdVisitsPer1000',
      goal: 0,
      direction: 'lower',
      minDenominator: 1200,
    }),
    outcome({
      key: 'wpc-inpatient-stays',
      name: 'Inpatient stays per 1,000 member-months',
      domain: 'utilization',
      numerator: 'inpatientStays',
      denominator: 'memberMonths',
      per: 1000,
      baselineField: 'baselineInpatientStaysPer1000',
      goal: 0,
      direction: 'lower',
      minDenominator: 1200,
    }),
    outcome({
      key: 'wpc-mental-illness-follow-up',
      name: 'Follow-up within 30 days after hospitalization for mental illness',
      domain: 'behavioral-health',
      numerator: 'followUpWithin30Days',
      denominator: 'discharges',
      baselineField: 'baselineMentalIllnessFollowUp',
      goal: 1,
      direction: 'higher',
      minDenominator: 30,
    }),
    outcome({
      key: 'wpc-care-plan-30-days',
      name: 'Comprehensive care plan within 30 days of enrollment',
      domain: 'care-coordination',
      numerator: 'carePlanWithin30Days',
      denominator: 'newEnrollees',
      baselineField: 'baselineCarePlan30Days',
      goal: 1,
      direction: 'higher',
      minDenominator: 30,
    }),
    outcome({
      // 004_47dc2bf30543baa1.txt (004-08, 004-09): housing services for people who are homeless.
      key: 'wpc-permanent-housing',
      name: 'Homeless enrollees moved into permanent housing',
      domain: 'housing',
      numerator: 'movedToPermanentHousing',
      denominator: 'enrolleesExperiencingHomelessness',
      baselineField: 'baselinePermanentHousing',
      goal: 1,
      direction: 'higher',
      minDenominator: 30,
      appliesTo: 'providesHousingServices == true',
    }),
  ];
}

/** The seven measures the incentive composite counts (all but the start-up milestone). */
export const WPC_INCENTIVE_MEASURES = [
  'wpc-enrollment-report',
  'wpc-progress-report',
  'wpc-ed-visits',
  'wpc-inpatient-stays',
  'wpc-mental-illness-follow-up',
  'wpc-care-plan-30-days',
  'wpc-permanent-housing',
];
