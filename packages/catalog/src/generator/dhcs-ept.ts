import type { Entity, Submission } from '@quip/core';
import { isoDay } from './iso-day.ts';
import { Prng } from './prng.ts';
import type { PayeeDraw, ProgramContext, ProgramGenerator, ProgramShape } from './program-generator.ts';
import { perPayeeGenerator, requiredFields } from './program-generator.ts';

/** The `members_to` column of data/ept-pmpy-classes.csv (classes A..VV); class A starts at 1. */
export const EPT_CLASS_UPPER_BOUNDS: readonly number[] = [
  500, 700, 850, 1000, 1200, 1400, 1600, 1800, 2000, 2250, 2500, 2750, 3000, 3250, 3500, 4000, 4500, 5000,
  5500, 6000, 6500, 7000, 7500, 8000, 8500, 9000, 9500, 10000, 11500, 13000, 14500, 16000, 17500, 20000,
  22500, 25000, 27500, 30000, 35000, 45000, 55000, 60000, 65000, 75000, 90000, 105000, 120000, 138000,
];
/** The source's 197 practices (`002-06`). */
export const EPT_PRACTICES = 197;
/** Member counts every data set holds: both sides of the A|B and J|K cliffs, and the source's 920. */
const PINNED_MEMBERS = [500, 501, 2250, 2251, 920];
const PRACTICE_KINDS = [
  'Family Practice',
  'Pediatrics',
  'Adult Primary Care',
  'OB/GYN',
  'Behavioral Primary Care',
  'Community Clinic',
];

/** Fields exactly as docs/programs/dhcs-ept.md section 4 lists them. */
export const DHCS_EPT_SHAPE: ProgramShape = {
  entityFields: [
    'id',
    'name',
    'assignedMembers',
    'milestoneCount',
    'planScore',
    'childrenYouthFocus',
    'pregnantIndividualsFocus',
    'tribalPractice',
  ],
  measures: {
    'ept-milestone': { fields: ['milestone', 'completedOn'], required: ['milestone', 'completedOn'] },
    'ept-application-score': requiredFields([
      'planScore',
      'childrenYouthFocus',
      'pregnantIndividualsFocus',
      'tribalPractice',
    ]),
  },
};

/**
 * About one practice in five sits within 3 members of a class boundary, on either side, so the
 * class table's cliffs (501 members pay $91,103 less potential than 500) show up in every run.
 */
function memberCounts(prng: Prng): number[] {
  const counts = [...PINNED_MEMBERS];
  while (counts.length < EPT_PRACTICES) {
    if (prng.chance(0.2)) {
      const bound = prng.pick(EPT_CLASS_UPPER_BOUNDS.slice(0, -1));
      counts.push(prng.chance(0.5) ? bound - prng.int(0, 2) : bound + 1 + prng.int(0, 2));
    } else {
      counts.push(Math.min(120_000, Math.max(60, Math.round(prng.logNormal(1800, 1)))));
    }
  }
  return prng.sample(counts, counts.length);
}

/** 197 practices: milestones completed during the year, and the application score they were selected with. */
export function dhcsEptGenerator(ctx: ProgramContext): ProgramGenerator {
  const prng = Prng.stream(ctx.seed, 'dhcs-ept', 'payees');
  const entities: Entity[] = memberCounts(prng).map((assignedMembers, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      id: `ept-${n}`,
      name: `Sample ${prng.pick(PRACTICE_KINDS)} ${n}`,
      assignedMembers,
      // The 920-member practice keeps the source's 25 milestones, so its worked example holds.
      milestoneCount: assignedMembers === 920 || prng.chance(0.7) ? 25 : 23,
      // The selection rubric reads the application from the payee record; the same answers are
      // also submitted as the ept-application-score measure.
      ...applicationOf(ctx, i),
    };
  });
  return perPayeeGenerator(ctx, 'dhcs-ept', DHCS_EPT_SHAPE, entities, entities, practiceSubmissions);
}

function* practiceSubmissions(
  practice: Entity,
  { ctx, prng, index, submission }: PayeeDraw,
): Generator<Submission> {
  // The application score has no day received (submittedOn absent).
  yield {
    entityId: practice.id,
    measure: 'ept-application-score',
    period: ctx.year.name,
    data: applicationOf(ctx, index),
  };

  const count = practice.milestoneCount as number;
  const earlier = ctx.year.startYear >= 2026 ? prng.int(0, 8) : prng.int(0, 3);
  const open = Array.from({ length: count - earlier }, (_, k) => earlier + 1 + k);
  const done = prng.sample(open, prng.binomial(open.length, prng.beta(2, 3))).sort((a, b) => a - b);
  const rows: Submission[] = [];
  for (const milestone of done) {
    const completed = prng.int(ctx.year.start, ctx.year.end);
    const submitted = completed + prng.int(0, 21);
    rows.push(submission('ept-milestone', isoDay(submitted), { milestone, completedOn: isoDay(completed) }));
    if (prng.chance(0.05)) {
      // A correction: the same milestone again with the right date (the later record replaces it).
      const corrected = Math.max(ctx.year.start, completed - prng.int(1, 10));
      rows.push(
        submission('ept-milestone', isoDay(submitted + prng.int(5, 30)), {
          milestone,
          completedOn: isoDay(corrected),
        }),
      );
    }
  }
  rows.sort((a, b) =>
    (a.submittedOn as string) < (b.submittedOn as string)
      ? -1
      : (a.submittedOn as string) > (b.submittedOn as string)
        ? 1
        : 0,
  );
  yield* rows;
}

/** A practice's application as the plan scored it: base points out of 90 and the bonus answers. */
function applicationOf(ctx: ProgramContext, index: number) {
  const prng = Prng.stream(ctx.seed, 'dhcs-ept', 'application', index);
  const childrenYouthFocus = prng.chance(0.25);
  const pregnantIndividualsFocus = prng.chance(0.15);
  const tribalPractice = prng.chance(0.04);
  const bonus =
    (childrenYouthFocus ? 12 : 0) + (pregnantIndividualsFocus ? 20 : 0) + (tribalPractice ? 15 : 0);
  // Selected practices score 77 or more; one in ten sits right at the cut-off (74..78).
  const total = prng.chance(0.1) ? prng.int(74, 78) : Math.round(Math.max(77, prng.normal(85, 6)));
  return {
    planScore: Math.min(90, Math.max(0, total - bonus)),
    childrenYouthFocus,
    pregnantIndividualsFocus,
    tribalPractice,
  };
}
