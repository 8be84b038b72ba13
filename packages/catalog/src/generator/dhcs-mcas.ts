import type { Entity, Submission } from '@quip/core';
import { dayOf, isoDay } from './iso-day.ts';
import { type PlanCounty, planCoverage, rateNear } from './managed-care-plans.ts';
import { Prng } from './prng.ts';
import type { ProgramContext, ProgramGenerator, ProgramShape } from './program-generator.ts';

/** The 14 held measures: placeholder MPL, direction, eligible share of the unit's members. */
const MEASURES: readonly { key: string; mpl: number; lower: boolean; eligible: number }[] = [
  { key: 'mcas-breast-cancer-screening', mpl: 0.52, lower: false, eligible: 0.04 },
  { key: 'mcas-cervical-cancer-screening', mpl: 0.57, lower: false, eligible: 0.12 },
  { key: 'mcas-childhood-immunizations', mpl: 0.3, lower: false, eligible: 0.008 },
  { key: 'mcas-adolescent-immunizations', mpl: 0.35, lower: false, eligible: 0.012 },
  { key: 'mcas-lead-screening', mpl: 0.63, lower: false, eligible: 0.008 },
  { key: 'mcas-well-child-first-15-months', mpl: 0.58, lower: false, eligible: 0.006 },
  { key: 'mcas-well-child-15-to-30-months', mpl: 0.66, lower: false, eligible: 0.007 },
  { key: 'mcas-child-adolescent-well-care', mpl: 0.48, lower: false, eligible: 0.3 },
  { key: 'mcas-prenatal-care', mpl: 0.85, lower: false, eligible: 0.012 },
  { key: 'mcas-postpartum-care', mpl: 0.78, lower: false, eligible: 0.012 },
  { key: 'mcas-controlling-blood-pressure', mpl: 0.6, lower: false, eligible: 0.035 },
  { key: 'mcas-glycemic-status-above-9', mpl: 0.38, lower: true, eligible: 0.03 },
  { key: 'mcas-follow-up-ed-mental-illness', mpl: 0.54, lower: false, eligible: 0.004 },
  { key: 'mcas-follow-up-ed-substance-use', mpl: 0.37, lower: false, eligible: 0.005 },
];
const COUNTS = {
  fields: ['measurementYear', 'numerator', 'denominator'],
  required: ['measurementYear', 'numerator', 'denominator'],
};

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
  measures: Object.fromEntries(MEASURES.map((m) => [m.key, COUNTS])),
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
  return {
    shape: DHCS_MCAS_SHAPE,
    entities,
    *submissions(): Generator<Submission> {
      for (let i = 0; i < units.length; i++)
        yield* unitSubmissions(ctx, units[i] as PlanCounty, entities[i] as Entity, i);
    },
  };
}

function* unitSubmissions(
  ctx: ProgramContext,
  unit: PlanCounty,
  entity: Entity,
  index: number,
): Generator<Submission> {
  const prng = Prng.stream(ctx.seed, 'dhcs-mcas', 'submissions', index);
  const measurementYear = ctx.year.startYear;
  const submittedOn = isoDay(dayOf(`${ctx.year.startYear + 1}-06-01`) + prng.int(0, 29));
  // Quality varies by county within a plan, around the plan's own level.
  const quality = unit.plan.quality + prng.normal(0, 0.5);
  for (const m of MEASURES) {
    if (prng.chance(0.03)) continue; // a missing report: not scored, not sanctioned
    const denominator = Math.round(unit.members * m.eligible * prng.uniform(0.85, 1.15));
    const numerator = prng.binomial(denominator, rateNear(prng, m.mpl, quality, m.lower));
    yield {
      entityId: entity.id,
      measure: m.key,
      period: ctx.year.name,
      submittedOn,
      data: { measurementYear, numerator, denominator },
    };
  }
}
