import type { Submission } from '@quip/core';
import { QWI_EARN_BACK } from './qwi-rulebook.ts';

/** The rulebook's placeholder MPLs of the HEDIS earn-back rates, per 1,000 members. */
const MPL_PER_1000: Record<string, number> = {
  'qwi-controlling-blood-pressure': 600,
  'qwi-glycemic-status-above-9': 380, // lower is better
  'qwi-prenatal-care': 850,
  'qwi-postpartum-care': 780,
  'qwi-well-child-first-15-months': 580,
  'qwi-well-child-15-to-30-months': 660,
  'qwi-child-adolescent-well-care': 480,
};

/**
 * Test data of one earn-back measure for 2026, met or missed clearly: a HEDIS rate over a
 * denominator of 1,000 that sits 50 (5 points) better than its MPL, or 50 worse; CAHPS 325 or 250
 * top-box answers of 500 respondents (65% or 50% against 60%); readmissions 90 or 110 observed of
 * 100 expected over 500 index stays (O/E 0.9 or 1.1 against 1).
 */
export function earnBackData(measure: string, met: boolean): Record<string, unknown> {
  if (measure === 'qwi-cahps-rating-of-plan')
    return { measurementYear: 2026, respondents: 500, topBoxResponses: met ? 325 : 250 };
  if (measure === 'qwi-readmissions-oe-ratio')
    return {
      measurementYear: 2026,
      indexStays: 500,
      observedReadmissions: met ? 90 : 110,
      expectedReadmissions: 100,
    };
  const better = measure === 'qwi-glycemic-status-above-9' ? -50 : 50;
  return {
    measurementYear: 2026,
    numerator: (MPL_PER_1000[measure] as number) + (met ? better : -better),
    denominator: 1000,
  };
}

/**
 * A plan's submissions for 2026-27: every earn-back measure, received 2027-06-15 and met where
 * `met` says; then the disparity measure on `disparity.baseMeasure`, received
 * `disparity.submittedOn`, its gap narrowed from 14.2 to 11.9 points (2.3 >= 1: met) or to 13.9
 * (0.3: not met).
 */
export function planSubmissions(
  entityId: string,
  met: (measure: string) => boolean,
  disparity: { met: boolean; baseMeasure: string; submittedOn: string },
): Submission[] {
  const row = (measure: string, submittedOn: string, data: Record<string, unknown>) => ({
    entityId,
    measure,
    period: '2026-27',
    submittedOn,
    data,
  });
  return [
    ...QWI_EARN_BACK.map((m) => row(m, '2027-06-15', earnBackData(m, met(m)))),
    row('qwi-disparity-reduction', disparity.submittedOn, {
      baseMeasure: disparity.baseMeasure,
      baselineGapPoints: 14.2,
      currentGapPoints: disparity.met ? 11.9 : 13.9,
    }),
  ];
}
