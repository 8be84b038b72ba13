import type { Entity, Submission } from '@quip/core';
import { COUNTIES } from './california-geography.ts';
import { dayOf, isoDay } from './iso-day.ts';
import { Prng } from './prng.ts';
import type { PayeeDraw, ProgramContext, ProgramGenerator, ProgramShape } from './program-generator.ts';
import { perPayeeGenerator, requiredFields } from './program-generator.ts';
import { drawDiligence, drawSubmittedOn, punctuality } from './submission-timing.ts';

/** 25 pilots (`004-07`): mostly counties, as the first rounds were. */
const LEAD_ENTITY_TYPES = [
  ...Array<string>(15).fill('county'),
  'city-and-county',
  ...Array<string>(3).fill('city'),
  'health-authority',
  'health-authority',
  'hospital-authority',
  ...Array<string>(3).fill('consortium'),
];
const OUTCOMES = [
  'wpc-ed-visits',
  'wpc-inpatient-stays',
  'wpc-mental-illness-follow-up',
  'wpc-care-plan-30-days',
  'wpc-permanent-housing',
];
const ENROLLMENT_FIELDS = [
  'quarter',
  'enrolledMembers',
  'newEnrollees',
  'disenrolledMembers',
  'enrolleesExperiencingHomelessness',
  'enrolleesReceivingHousingServices',
];
const OUTCOME_FIELDS: Record<string, string[]> = {
  'wpc-ed-visits': ['edVisits', 'memberMonths'],
  'wpc-inpatient-stays': ['inpatientStays', 'memberMonths'],
  'wpc-mental-illness-follow-up': ['followUpWithin30Days', 'discharges'],
  'wpc-care-plan-30-days': ['carePlanWithin30Days', 'newEnrollees'],
  'wpc-permanent-housing': ['movedToPermanentHousing', 'enrolleesExperiencingHomelessness'],
};

/** Fields as docs/programs/dhcs-wpc.md sections 4 and 5 list them. */
export const DHCS_WPC_SHAPE: ProgramShape = {
  entityFields: [
    'id',
    'name',
    'leadEntityType',
    'counties',
    'enrolledMembers',
    'providesHousingServices',
    'housingEnrollees',
    'baselineEdVisitsPer1000',
    'baselineInpatientStaysPer1000',
    'baselineMentalIllnessFollowUp',
    'baselineCarePlan30Days',
    'baselinePermanentHousing',
  ],
  measures: {
    'wpc-start-up': { fields: ['milestone', 'completedOn'], required: ['milestone', 'completedOn'] },
    'wpc-enrollment-report': {
      fields: ENROLLMENT_FIELDS,
      required: ENROLLMENT_FIELDS,
      scoresCompleteness: true,
      recordKey: ['quarter'],
    },
    'wpc-progress-report': {
      ...requiredFields(['documentId', 'partnerOrganizations', 'dataSharingLive']),
      scoresCompleteness: true,
    },
    ...Object.fromEntries(
      OUTCOMES.map((key) => [
        key,
        { fields: OUTCOME_FIELDS[key] as string[], required: OUTCOME_FIELDS[key] as string[] },
      ]),
    ),
  },
};

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

function leadEntities(prng: Prng): Entity[] {
  const byPopulation = COUNTIES.map((c) => c.populationThousands);
  // Bigger counties ran pilots more often: draw them first (weighted by population), no repeats.
  const pool: string[] = [];
  const candidates = COUNTIES.filter((c) => c.name !== 'San Francisco');
  while (pool.length < 30) {
    const county = prng.weighted(
      candidates,
      candidates.map((c) => Math.sqrt(c.populationThousands)),
    );
    if (!pool.includes(county.name)) pool.push(county.name);
  }
  pool.reverse();
  const population = new Map(COUNTIES.map((c) => [c.name, c.populationThousands]));
  return LEAD_ENTITY_TYPES.map((leadEntityType, i) => {
    const nn = String(i + 1).padStart(2, '0');
    const served =
      leadEntityType === 'city-and-county'
        ? ['San Francisco']
        : leadEntityType === 'consortium'
          ? [pool.pop() as string, pool.pop() as string, ...(prng.chance(0.5) ? [pool.pop() as string] : [])]
          : leadEntityType === 'county'
            ? [pool.pop() as string]
            : [prng.weighted(COUNTIES, byPopulation).name];
    // The last pilot is tiny: under 100 enrollees, its per-1,000 rates fall below 1,200 member-months.
    const thousands = served.reduce((sum, name) => sum + (population.get(name) ?? 0), 0);
    const enrolledMembers =
      i === LEAD_ENTITY_TYPES.length - 1
        ? prng.int(60, 95)
        : Math.min(25_000, Math.max(150, Math.round(thousands * 1.5 * prng.logNormal(1, 0.5))));
    const housing = prng.chance(0.8);
    const entity: Entity = {
      id: `wpc-${nn}`,
      name: `Sample Whole Person Care Pilot ${nn} (${served.join(', ')})`,
      leadEntityType,
      counties: served,
      enrolledMembers,
      providesHousingServices: housing,
    };
    if (housing && prng.chance(0.9))
      entity.housingEnrollees = Math.max(1, Math.round(enrolledMembers * prng.uniform(0.2, 1.5)));
    // Baselines come from approved applications; some pilots lack one, so that measure is not scored.
    if (prng.chance(0.85)) entity.baselineEdVisitsPer1000 = round1(prng.uniform(100, 250));
    if (prng.chance(0.85)) entity.baselineInpatientStaysPer1000 = round1(prng.uniform(20, 60));
    if (prng.chance(0.85)) entity.baselineMentalIllnessFollowUp = round2(prng.uniform(0.3, 0.6));
    if (prng.chance(0.85)) entity.baselineCarePlan30Days = round2(prng.uniform(0.4, 0.7));
    if (housing && prng.chance(0.85)) entity.baselinePermanentHousing = round2(prng.uniform(0.05, 0.25));
    return entity;
  });
}

/** The 25 WPC lead entities with their reports and outcomes for the year. */
export function dhcsWpcGenerator(ctx: ProgramContext): ProgramGenerator {
  const entities = leadEntities(Prng.stream(ctx.seed, 'dhcs-wpc', 'payees'));
  return perPayeeGenerator(ctx, 'dhcs-wpc', DHCS_WPC_SHAPE, entities, entities, pilotSubmissions);
}

function* pilotSubmissions(pilot: Entity, { ctx, prng, submission }: PayeeDraw): Generator<Submission> {
  const y = ctx.year.startYear;
  const row = (measure: string, on: number, data: Record<string, unknown>) =>
    submission(measure, isoDay(on), data);
  const p = punctuality(drawDiligence(prng));
  const enrolled = pilot.enrolledMembers as number;
  const housing = pilot.providesHousingServices === true;

  if (
    (pilot.leadEntityType === 'county' || pilot.leadEntityType === 'city-and-county') &&
    prng.chance(0.85)
  ) {
    const approved = ctx.year.start + prng.int(10, 120);
    yield row('wpc-start-up', approved + prng.int(0, 10), { milestone: 1, completedOn: isoDay(approved) });
  }

  const quarterEnds = [`${y}-09-30`, `${y}-12-31`, `${y + 1}-03-31`].map(dayOf);
  const window = { opens: ctx.year.end + 1, due: dayOf(`${y + 1}-07-31`) };
  for (let q = 1; q <= 4; q++) {
    if (prng.chance(p.missing / 2)) continue; // a missing quarter: fewer than the 4 records required
    const e = Math.round(enrolled * prng.uniform(0.9, 1.1));
    const homeless = Math.round(e * prng.uniform(0.2, 0.6));
    // About 30 days after the quarter; Q4 after the year ends, by the 07-31 due date or late.
    const on =
      q < 4
        ? (quarterEnds[q - 1] as number) + prng.int(15, 35)
        : drawSubmittedOn(prng, window, { missing: 0, late: p.late });
    yield row('wpc-enrollment-report', on as number, {
      quarter: q,
      enrolledMembers: e,
      newEnrollees: Math.round(e * prng.uniform(0.05, 0.2)),
      disenrolledMembers: Math.round(e * prng.uniform(0.03, 0.12)),
      enrolleesExperiencingHomelessness: homeless,
      enrolleesReceivingHousingServices: housing ? Math.round(homeless * prng.uniform(0.3, 0.9)) : 0,
    });
  }

  const reportOn = drawSubmittedOn(prng, window, p);
  if (reportOn === null) return;
  yield row('wpc-progress-report', reportOn, {
    documentId: `WPC-${pilot.id.slice(4)}-${ctx.year.name}-ANNUAL`,
    partnerOrganizations: prng.int(3, 60),
    dataSharingLive: prng.chance(0.8),
  });

  const memberMonths = Math.round(enrolled * 12 * prng.uniform(0.9, 1.05));
  // Utilisation about 10% below baseline, the improvement target: near misses both ways.
  const perThousand = (baseline: unknown, fallback: number) =>
    ((typeof baseline === 'number' ? baseline : fallback) * (1 + prng.normal(-0.1, 0.08)) * memberMonths) /
    1000;
  const share = (baseline: unknown, fallback: number) => {
    const b = typeof baseline === 'number' ? baseline : fallback;
    return Math.min(0.99, Math.max(0.01, b + (1 - b) * prng.normal(0.1, 0.08)));
  };
  yield row('wpc-ed-visits', reportOn, {
    edVisits: Math.max(0, Math.round(perThousand(pilot.baselineEdVisitsPer1000, 170))),
    memberMonths,
  });
  yield row('wpc-inpatient-stays', reportOn, {
    inpatientStays: Math.max(0, Math.round(perThousand(pilot.baselineInpatientStaysPer1000, 40))),
    memberMonths,
  });
  const discharges = Math.round(enrolled * prng.uniform(0.05, 0.12));
  yield row('wpc-mental-illness-follow-up', reportOn, {
    followUpWithin30Days: prng.binomial(discharges, share(pilot.baselineMentalIllnessFollowUp, 0.45)),
    discharges,
  });
  const newEnrollees = Math.round(enrolled * prng.uniform(0.2, 0.4));
  yield row('wpc-care-plan-30-days', reportOn, {
    carePlanWithin30Days: prng.binomial(newEnrollees, share(pilot.baselineCarePlan30Days, 0.55)),
    newEnrollees,
  });
  if (!housing) return;
  const homeless = Math.round(enrolled * prng.uniform(0.2, 0.6));
  yield row('wpc-permanent-housing', reportOn, {
    movedToPermanentHousing: prng.binomial(homeless, share(pilot.baselinePermanentHousing, 0.12)),
    enrolleesExperiencingHomelessness: homeless,
  });
}
