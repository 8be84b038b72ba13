import type { Entity, Submission } from '@quip/core';
import { dayOf, isoDay } from './iso-day.ts';
import { HEDIS_COUNTS, hedisRates, type Plan, planCoverage, rateNear } from './managed-care-plans.ts';
import { Prng } from './prng.ts';
import type { PayeeDraw, ProgramContext, ProgramGenerator, ProgramShape } from './program-generator.ts';
import { perPayeeGenerator, requiredFields } from './program-generator.ts';

/** The seven HEDIS rates. */
const HEDIS = hedisRates('qwi-', [
  'controlling-blood-pressure',
  'glycemic-status-above-9',
  'prenatal-care',
  'postpartum-care',
  'well-child-first-15-months',
  'well-child-15-to-30-months',
  'child-adolescent-well-care',
]);

/** Fields as docs/programs/dhcs-qwi.md sections 4 and 5 list them. */
export const DHCS_QWI_SHAPE: ProgramShape = {
  entityFields: ['id', 'name', 'capitationCents', 'counties'],
  measures: {
    ...Object.fromEntries(HEDIS.map((m) => [m.key, HEDIS_COUNTS])),
    'qwi-cahps-rating-of-plan': requiredFields(['measurementYear', 'respondents', 'topBoxResponses']),
    'qwi-readmissions-oe-ratio': requiredFields([
      'measurementYear',
      'indexStays',
      'observedReadmissions',
      'expectedReadmissions',
    ]),
    'qwi-disparity-reduction': requiredFields(['baseMeasure', 'baselineGapPoints', 'currentGapPoints']),
  },
};

/** The 25 plans with their capitation; each files its rates in June after the measurement year. */
export function dhcsQwiGenerator(ctx: ProgramContext): ProgramGenerator {
  const { plans } = planCoverage(ctx);
  const prng = Prng.stream(ctx.seed, 'dhcs-qwi', 'payees');
  const entities: Entity[] = plans.map((plan) => ({
    id: plan.id,
    name: plan.name,
    // Capitation: members x $280-$420 per member per month x 12, in cents.
    capitationCents: plan.members * prng.int(28_000, 42_000) * 12,
    counties: plan.counties,
  }));
  return perPayeeGenerator(ctx, 'dhcs-qwi', DHCS_QWI_SHAPE, entities, plans, planSubmissions);
}

function* planSubmissions(plan: Plan, { ctx, prng, submission }: PayeeDraw): Generator<Submission> {
  const measurementYear = ctx.year.startYear;
  const june = dayOf(`${ctx.year.startYear + 1}-06-01`);
  const filedOn = isoDay(june + prng.int(0, 29));
  const row = (measure: string, data: Record<string, unknown>, on = filedOn) => submission(measure, on, data);
  // A plan now and then leaves one rate out: "missing" and not scored.
  const missing = prng.chance(0.3) ? prng.pick(HEDIS).key : null;
  for (const m of HEDIS) {
    if (m.key === missing) continue;
    const denominator = Math.round(plan.members * m.eligible * prng.uniform(0.85, 1.15));
    const numerator = prng.binomial(denominator, rateNear(prng, m.mpl, plan.quality, m.lower));
    yield row(m.key, { measurementYear, numerator, denominator });
  }
  // CAHPS samples a few hundred members; small plans fall under the 100-respondent minimum.
  const respondents = plan.members < 20_000 ? prng.int(40, 120) : prng.int(250, 900);
  yield row('qwi-cahps-rating-of-plan', {
    measurementYear,
    respondents,
    topBoxResponses: prng.binomial(respondents, rateNear(prng, 0.6, plan.quality, false, 0.04)),
  });

  const indexStays = Math.round(plan.members * prng.uniform(0.015, 0.025));
  const expectedRate = prng.uniform(0.1, 0.14);
  const ratio = Math.max(0.5, 1 - 0.05 * plan.quality + prng.normal(0, 0.06));
  yield row('qwi-readmissions-oe-ratio', {
    measurementYear,
    indexStays,
    observedReadmissions: Math.min(
      indexStays,
      prng.binomial(indexStays, Math.min(0.9, expectedRate * ratio)),
    ),
    expectedReadmissions: Math.max(0.1, Math.round(indexStays * expectedRate * 10) / 10),
  });

  const baselineGapPoints = Math.round(prng.uniform(3, 20) * 10) / 10;
  // Around the 1.0-point target: near misses on both sides.
  const reduction = Math.round(prng.normal(1.1, 1.6) * 10) / 10;
  yield row(
    'qwi-disparity-reduction',
    {
      baseMeasure: prng.pick(HEDIS).key,
      baselineGapPoints,
      currentGapPoints: Math.max(0, Math.round((baselineGapPoints - reduction) * 10) / 10),
    },
    isoDay(dayOf(`${ctx.year.startYear + 1}-07-01`) + prng.int(0, 14)),
  );
}
