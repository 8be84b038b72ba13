import type { Entity, Submission } from '@quip/core';
import { dayOf, isoDay } from './iso-day.ts';
import { HEDIS_COUNTS, hedisRates, type PlanCounty, planCoverage, rateNear } from './managed-care-plans.ts';
import { Prng } from './prng.ts';
import type { PayeeDraw, ProgramContext, ProgramGenerator, ProgramShape } from './program-generator.ts';
import { perPayeeGenerator } from './program-generator.ts';

/** The 14 held measures. */
const MEASURES = hedisRates('mcas-', [
  'breast-cancer-screening',
  'cervical-cancer-screening',
  'childhood-immunizations',
  'adolescent-immunizations',
  'lead-screening',
  'well-child-first-15-months',
  'well-child-15-to-30-months',
  'child-adolescent-well-care',
  'prenatal-care',
  'postpartum-care',
  'controlling-blood-pressure',
  'glycemic-status-above-9',
  'follow-up-ed-mental-illness',
  'follow-up-ed-substance-use',
]);

/** Fields as docs/programs/dhcs-mcas.md sections 4 and 5 list them. */
export const DHCS_MCAS_SHAPE: ProgramShape = {
  entityFields: [
    'id',
    'name',
    'planId',
    'county',
    'enrolledMembers',
    'countyDefaultMembers',
    'netIncomeCents',
  ],
  measures: Object.fromEntries(MEASURES.map((m) => [m.key, HEDIS_COUNTS])),
};

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Plan x county units; each files 14 rates in June after the measurement year. */
export function dhcsMcasGenerator(ctx: ProgramContext): ProgramGenerator {
  const { units } = planCoverage(ctx);
  const prng = Prng.stream(ctx.seed, 'dhcs-mcas', 'payees');
  const entities: Entity[] = units.map((u) => {
    const entity: Entity = {
      id: `${u.plan.id}-${slug(u.county)}`,
      name: `${u.plan.name} - ${u.county}`,
      planId: u.plan.id,
      county: u.county,
      enrolledMembers: u.members,
      countyDefaultMembers: u.countyDefaultMembers,
    };
    if (prng.chance(0.9)) {
      // Net income: revenue (members x $350 x 12) x a margin around 1.5%, a loss for about a quarter.
      entity.netIncomeCents = Math.round(u.members * 35_000 * 12 * prng.normal(0.015, 0.025));
    }
    return entity;
  });
  return perPayeeGenerator(ctx, 'dhcs-mcas', DHCS_MCAS_SHAPE, entities, units, unitSubmissions);
}

function* unitSubmissions(unit: PlanCounty, { ctx, prng, submission }: PayeeDraw): Generator<Submission> {
  const measurementYear = ctx.year.startYear;
  const submittedOn = isoDay(dayOf(`${ctx.year.startYear + 1}-06-01`) + prng.int(0, 29));
  // Quality varies by county within a plan, around the plan's own level.
  const quality = unit.plan.quality + prng.normal(0, 0.5);
  for (const m of MEASURES) {
    if (prng.chance(0.03)) continue; // a missing report: not scored, not sanctioned
    const denominator = Math.round(unit.members * m.eligible * prng.uniform(0.85, 1.15));
    const numerator = prng.binomial(denominator, rateNear(prng, m.mpl, quality, m.lower));
    yield submission(m.key, submittedOn, { measurementYear, numerator, denominator });
  }
}
