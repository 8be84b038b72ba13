import type { Submission } from '@quip/core';

/** A start-up grant approved (docs/programs/dhcs-wpc.md section 7.1), sent on the day given. */
function startUp(entityId: string, completedOn: string, submittedOn: string): Submission {
  return {
    entityId,
    measure: 'wpc-start-up',
    period: '2026-27',
    submittedOn,
    data: { milestone: 1, completedOn },
  };
}

/** A pilot's four quarterly enrollment reports, sent 2027-07-15 (due 2027-07-31): on time, complete, accurate. */
function enrollmentReports(entityId: string): Submission[] {
  return [1, 2, 3, 4].map((quarter) => ({
    entityId,
    measure: 'wpc-enrollment-report',
    period: '2026-27',
    submittedOn: '2027-07-15',
    data: {
      quarter,
      enrolledMembers: 3950,
      newEnrollees: 410,
      disenrolledMembers: 220,
      enrolleesExperiencingHomelessness: 1600,
      enrolleesReceivingHousingServices: 1450,
    },
  }));
}

/**
 * The records of docs/programs/dhcs-wpc.md section 7's examples (sections 7.1 and 7.2, as of
 * 2027-08-31): Los Angeles's and San Francisco's start-up grants approved, and the four quarterly
 * enrollment reports of each pilot named in `reporting` (section 7: Los Angeles, San Francisco and
 * Sacramento), with the quarter figures of section 6's file. Shared by the catalog's scorecard
 * tests and the API's stored-scorecard test, so the worked example is typed once.
 */
export function wpcSection7Records(
  reporting: readonly string[] = ['wpc-los-angeles', 'wpc-san-francisco', 'wpc-sacramento'],
): Submission[] {
  return [
    startUp('wpc-los-angeles', '2026-08-15', '2026-08-20'),
    startUp('wpc-san-francisco', '2026-09-01', '2026-09-10'),
    ...reporting.flatMap(enrollmentReports),
  ];
}
